#include "core/random.h"

#include <openssl/rand.h>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

constexpr char IdAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr int IdAlphabetSize = sizeof(IdAlphabet) - 1;
constexpr int IdLength = 16;
// Bytes at or above the largest multiple of 62 that fits in a byte are rejected, so every
// character is equally likely (a plain `byte % 62` would favour the first 8 characters).
constexpr int AcceptBelow = 256 / IdAlphabetSize * IdAlphabetSize;

QString randomAlphanumeric(int length)
{
    QString out;
    out.reserve(length);
    while (out.size() < length) {
        const QByteArray batch = secureRandomBytes(length + 8);
        for (const char c : batch) {
            const int value = quint8(c);
            if (value >= AcceptBelow)
                continue;
            out.append(QLatin1Char(IdAlphabet[value % IdAlphabetSize]));
            if (out.size() == length)
                break;
        }
    }
    return out;
}

} // namespace

QByteArray secureRandomBytes(int count)
{
    if (count <= 0)
        return {};
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), count) != 1)
        qFatal("OpenSSL RAND_bytes failed; refusing to continue without secure randomness");
    return bytes;
}

QString newId(QStringView prefix)
{
    return prefix + u'_' + randomAlphanumeric(IdLength);
}

QString newRequestId()
{
    return newId(u"req");
}

} // namespace Latchkey::Core

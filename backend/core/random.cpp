#include "core/random.h"

#include <openssl/rand.h>

#include <array>
#include <bit>

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

// xoshiro256** (Blackman & Vigna), one per thread, seeded from RAND_bytes. Request ids must be
// unique, not secret: they are echoed to the client and written to logs, and nothing is
// authorised by them. 256 bits of CSPRNG seed per thread make a collision between threads or
// restarts as unlikely as with RAND_bytes, at a fraction of its cost (callgrind: ~17k -> ~1k
// instructions per id; RAND_bytes locks and reseeds its DRBG on every call).
class FastGenerator
{
public:
    FastGenerator()
    {
        while (m_state[0] == 0 && m_state[1] == 0 && m_state[2] == 0 && m_state[3] == 0) {
            if (RAND_bytes(reinterpret_cast<unsigned char *>(m_state.data()), sizeof m_state) != 1)
                qFatal("OpenSSL RAND_bytes failed; refusing to continue without secure randomness");
        }
    }

    quint64 next()
    {
        const quint64 result = std::rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = std::rotl(m_state[3], 45);
        return result;
    }

private:
    std::array<quint64, 4> m_state {};
};

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
    thread_local FastGenerator generator;
    // "req_" + 16 characters, each from 6 random bits with 62..63 rejected (uniform).
    QString id(4 + IdLength, Qt::Uninitialized);
    QChar *out = id.data();
    for (const char c : "req_")
        if (c)
            *out++ = QLatin1Char(c);
    int written = 0;
    while (written < IdLength) {
        quint64 bits = generator.next();
        for (int i = 0; i < 10 && written < IdLength; ++i, bits >>= 6) {
            const int value = int(bits & 63);
            if (value < IdAlphabetSize) {
                *out++ = QLatin1Char(IdAlphabet[value]);
                ++written;
            }
        }
    }
    return id;
}

} // namespace Latchkey::Core

#include "core/random.h"

#include <openssl/rand.h>

#include <QDateTime>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

constexpr char IdAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr int IdAlphabetSize = sizeof(IdAlphabet) - 1;
constexpr int IdLength = 16;

// The same 62 characters in ASCII order, so that a base-62 number written with them sorts like
// the number: what makes TimeOrderedIds' ids sort by creation in SQLite (BINARY collation).
constexpr char SortedDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
static_assert(sizeof(SortedDigits) - 1 == IdAlphabetSize);

constexpr quint64 power62(int exponent)
{
    quint64 result = 1;
    for (int i = 0; i < exponent; ++i)
        result *= 62;
    return result;
}

constexpr qint64 MaxTime = qint64(power62(TimeOrderedIds::TimeDigits)) - 1; // 2135-08-06
constexpr quint64 RandomRange = power62(TimeOrderedIds::RandomDigits);      // ~2^53.6
constexpr quint64 RandomMask = (quint64(1) << 54) - 1; // the smallest 2^n above RandomRange
static_assert(RandomRange <= RandomMask && RandomRange > RandomMask / 2);
static_assert(TimeOrderedIds::TimeDigits + TimeOrderedIds::RandomDigits == IdLength);

void appendBase62(QString &out, quint64 value, int digits)
{
    const qsizetype end = out.size() + digits;
    out.resize(end);
    for (qsizetype i = end - 1; i >= end - digits; --i) {
        out[i] = QLatin1Char(SortedDigits[value % 62]);
        value /= 62;
    }
}

quint64 secureRandom64()
{
    quint64 value = 0;
    const QByteArray bytes = secureRandomBytes(sizeof value);
    std::memcpy(&value, bytes.constData(), sizeof value);
    return value;
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

TimeOrderedIds::TimeOrderedIds(RandomSource random)
    : m_random(random ? std::move(random) : RandomSource(secureRandom64))
{
}

quint64 TimeOrderedIds::drawRandomPart()
{
    // Rejection sampling below 62^9 from 54 random bits (3 draws in 4 accepted): uniform digits.
    for (;;) {
        const quint64 candidate = m_random() & RandomMask;
        if (candidate < RandomRange)
            return candidate;
    }
}

QString TimeOrderedIds::next(QStringView prefix, qint64 unixMs)
{
    qint64 time = std::clamp(unixMs - EpochMs, qint64(0), MaxTime);
    quint64 random = 0;
    {
        const std::scoped_lock lock(m_mutex);
        if (time <= m_lastTime) {
            // 32 random bits of step: neighbours in one millisecond are not simply +1 apart.
            const quint64 step = 1 + (m_random() & 0xFFFF'FFFFu);
            time = m_lastTime;
            random = m_lastRandom + step;
            if (random >= RandomRange) {
                time = std::min(time + 1, MaxTime);
                random = drawRandomPart();
            }
        } else {
            random = drawRandomPart();
        }
        m_lastTime = time;
        m_lastRandom = random;
    }
    QString id;
    id.reserve(prefix.size() + 1 + IdLength);
    id.append(prefix);
    id.append(u'_');
    appendBase62(id, quint64(time), TimeDigits);
    appendBase62(id, random, RandomDigits);
    return id;
}

QString newId(QStringView prefix)
{
    static TimeOrderedIds generator;
    return generator.next(prefix, QDateTime::currentMSecsSinceEpoch());
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

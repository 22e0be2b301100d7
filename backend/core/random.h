#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <functional>
#include <mutex>

namespace Latchkey::Core {

/// @p count bytes from OpenSSL's CSPRNG (`RAND_bytes`). Aborts the process (qFatal) if the
/// generator fails: no key or id may ever be produced from weak randomness. A count <= 0 gives an
/// empty array.
[[nodiscard]] QByteArray secureRandomBytes(int count);

/// A new resource identifier, ordered by creation: @p prefix + "_" + 16 characters of
/// `[0-9A-Za-z]`, e.g. `newId(u"key")` -> "key_1Q7dXh0kZ9wPaRbT". The first 7 characters are the
/// wall-clock time (TimeOrderedIds), the last 9 random (~53 bits from RAND_bytes). Ids are not
/// secrets (they are listed, logged and echoed; keys are secrets and come from KeyFactory), so
/// they may tell their creation time and be guessable next to each other, like Unkey's own.
/// Every id this process makes sorts after the ones it made before (byte order, which is SQLite's
/// `ORDER BY id`), in the same millisecond too and when the clock steps back; so every list that
/// pages by id lists newly created resources oldest first. Thread-safe.
[[nodiscard]] QString newId(QStringView prefix);

/// The generator behind newId(), with the time and the random source passed in (tests).
///
/// An id's 16 characters are two base-62 numbers in the alphabet `0-9A-Za-z` (ascending in ASCII,
/// so numeric order = byte order): 7 digits of milliseconds since 2024-01-01 UTC (until the year
/// 2135; earlier or later times are clamped) and 9 digits drawn uniformly below 62^9. A later
/// millisecond draws afresh; the same millisecond (or an earlier one: the clock stepped back) adds
/// 1 + 32 random bits to the previous random part, and when that would overflow, the id takes
/// the next millisecond. Only once the time part is at its 2135 maximum does the order end there.
class TimeOrderedIds
{
public:
    /// 64 uniformly random bits per call.
    using RandomSource = std::function<quint64()>;

    static constexpr qint64 EpochMs = 1'704'067'200'000; ///< 2024-01-01T00:00:00Z
    static constexpr int TimeDigits = 7;
    static constexpr int RandomDigits = 9;

    /// @p random defaults to RAND_bytes.
    explicit TimeOrderedIds(RandomSource random = {});

    /// The next id for @p prefix at wall-clock time @p unixMs (milliseconds since the Unix epoch).
    [[nodiscard]] QString next(QStringView prefix, qint64 unixMs);

private:
    [[nodiscard]] quint64 drawRandomPart();

    std::mutex m_mutex;
    RandomSource m_random;
    qint64 m_lastTime = -1;
    quint64 m_lastRandom = 0;
};

/// A new request id for the response envelope: "req_" + 16 random `[A-Za-z0-9]` characters.
/// Unique, not secret (ids are echoed and logged, and authorize nothing): drawn from a fast
/// per-thread generator (xoshiro256**) seeded with 256 bits from RAND_bytes, not from
/// RAND_bytes itself, because this runs on every request. Secrets come from secureRandomBytes().
[[nodiscard]] QString newRequestId();

} // namespace Latchkey::Core

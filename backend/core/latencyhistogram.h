#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace Latchkey::Core {

/// A fixed log-scale histogram of latencies in microseconds, small enough to store with every
/// analytics rollup row and mergeable (two rows' histograms add up bin by bin), so p50/p99 of any
/// range of buckets can be computed from the rollups without the raw events.
///
/// Bins: 0..15 µs exactly (one bin per value), then 8 bins per power of two (each bin at most
/// 12.5 % wide), up to 2^31 µs (~36 min); anything longer falls into the last bin. A quantile is the
/// midpoint of the bin that holds the nearest-rank value, so it is within ~6 % of the true value.
///
/// The encoding (encode()/decode()) is a version byte followed by the non-empty bins in ascending
/// order, each as its bin index (one byte) and its count (unsigned LEB128); an empty histogram is
/// the version byte alone. Typical rollup rows take 5 to 30 bytes.
class LatencyHistogram
{
public:
    static constexpr int BinCount = 232;
    static constexpr char EncodingVersion = 1;

    void add(qint64 latencyUs, quint64 count = 1);
    void merge(const LatencyHistogram &other);
    /// Merges the encoded histogram @p encoded (see encode(); empty reads as an empty histogram)
    /// without decoding it into a temporary; false, and this unchanged, when it is not an encoding.
    bool mergeEncoded(QByteArrayView encoded);

    [[nodiscard]] quint64 count() const { return m_count; }
    [[nodiscard]] bool isEmpty() const { return m_count == 0; }

    /// The nearest-rank @p q quantile (0 < q <= 1): the midpoint of the bin holding the
    /// ceil(q * count())-th smallest value. 0 when empty.
    [[nodiscard]] qint64 quantileUs(double q) const;

    [[nodiscard]] QByteArray encode() const;
    /// nullopt when @p data is not an encoding produced by encode().
    [[nodiscard]] static std::optional<LatencyHistogram> decode(QByteArrayView data);

    /// The longest encoding: the version byte and every bin with a ten-byte count.
    static constexpr int MaxEncodedSize = 1 + BinCount * 11;

    /// Writes the encoding of the merge of the encoded histograms @p left and @p right (an empty
    /// view reads as an empty histogram) to @p out, which holds MaxEncodedSize bytes, and returns its
    /// length; nullopt when either is not an encoding. Same bytes as decode, merge, encode, but
    /// without a heap allocation: the SQL functions of the analytics writer run it on every upsert.
    [[nodiscard]] static std::optional<qsizetype> mergeEncoded(QByteArrayView left, QByteArrayView right, char *out);
    /// quantileUs(@p q) of the merge of the encoded @p left and @p right, without decoding them into
    /// a histogram; nullopt when either is not an encoding.
    [[nodiscard]] static std::optional<qint64> encodedQuantileUs(QByteArrayView left, QByteArrayView right, double q);

    /// The bin of a latency, and the closed range of latencies a bin holds.
    [[nodiscard]] static int binOf(qint64 latencyUs);
    [[nodiscard]] static qint64 binLowUs(int bin);
    [[nodiscard]] static qint64 binHighUs(int bin);

    friend bool operator==(const LatencyHistogram &, const LatencyHistogram &) = default;

private:
    void addToBin(int bin, quint64 count);

    std::vector<std::pair<quint8, quint64>> m_bins; ///< non-empty bins, ascending
    quint64 m_count = 0;
};

} // namespace Latchkey::Core

#include "core/latencyhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace Latchkey::Core {

namespace {

constexpr int ExactBins = 16; // 0..15 µs
constexpr int SubBins = 8; // per power of two from 16 µs on
constexpr int SubBinBits = 3;
constexpr int FirstExponent = 4; // 16 = 2^4

// Reads the (bin, count) pairs of an encoding in order, validating as decode() does. An empty
// view is an empty histogram.
class EncodedBins
{
public:
    explicit EncodedBins(QByteArrayView data)
        : m_data(data)
        , m_valid(data.isEmpty() || data.front() == LatencyHistogram::EncodingVersion)
    { }

    [[nodiscard]] bool valid() const { return m_valid; }
    [[nodiscard]] bool atEnd() const { return !m_valid || m_at >= m_data.size(); }

    /// The next pair; false at the end or when the encoding is broken (then valid() is false).
    bool next(int &bin, quint64 &count)
    {
        if (atEnd())
            return false;
        bin = quint8(m_data[m_at++]);
        if (bin >= LatencyHistogram::BinCount || bin <= m_previous)
            return fail();
        count = 0;
        for (int shift = 0;; shift += 7) {
            if (m_at >= m_data.size() || shift > 63)
                return fail();
            const auto byte = quint8(m_data[m_at++]);
            count |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                break;
        }
        if (count == 0)
            return fail();
        m_previous = bin;
        return true;
    }

private:
    bool fail()
    {
        m_valid = false;
        return false;
    }

    QByteArrayView m_data;
    qsizetype m_at = 1;
    int m_previous = -1;
    bool m_valid;
};

char *appendBin(char *out, int bin, quint64 count)
{
    *out++ = char(bin);
    do {
        const auto byte = quint8(count & 0x7f);
        count >>= 7;
        *out++ = char(count ? byte | 0x80 : byte);
    } while (count);
    return out;
}

// Calls @p visit(bin, count) for every bin of the merge of two encodings, in bin order.
template<typename Visit>
bool mergeBins(QByteArrayView left, QByteArrayView right, Visit visit)
{
    EncodedBins a(left);
    EncodedBins b(right);
    int binA = 0;
    int binB = 0;
    quint64 countA = 0;
    quint64 countB = 0;
    bool hasA = a.next(binA, countA);
    bool hasB = b.next(binB, countB);
    while (hasA || hasB) {
        if (hasA && (!hasB || binA < binB)) {
            visit(binA, countA);
            hasA = a.next(binA, countA);
        } else if (hasB && (!hasA || binB < binA)) {
            visit(binB, countB);
            hasB = b.next(binB, countB);
        } else {
            visit(binA, countA + countB);
            hasA = a.next(binA, countA);
            hasB = b.next(binB, countB);
        }
    }
    return a.valid() && b.valid();
}

} // namespace

std::optional<qsizetype> LatencyHistogram::mergeEncoded(QByteArrayView left, QByteArrayView right, char *out)
{
    char *end = out;
    *end++ = EncodingVersion;
    if (!mergeBins(left, right, [&end](int bin, quint64 count) { end = appendBin(end, bin, count); }))
        return std::nullopt;
    return end - out;
}

std::optional<qint64> LatencyHistogram::encodedQuantileUs(QByteArrayView left, QByteArrayView right, double q)
{
    quint64 total = 0;
    if (!mergeBins(left, right, [&total](int, quint64 count) { total += count; }))
        return std::nullopt;
    if (total == 0)
        return 0;
    const auto rank = std::clamp<quint64>(quint64(std::ceil(std::clamp(q, 0.0, 1.0) * double(total))), 1, total);
    quint64 seen = 0;
    qint64 result = -1;
    (void)mergeBins(left, right, [&](int bin, quint64 count) {
        seen += count;
        if (result < 0 && seen >= rank)
            result = (binLowUs(bin) + binHighUs(bin)) / 2;
    });
    return result;
}

int LatencyHistogram::binOf(qint64 latencyUs)
{
    if (latencyUs < ExactBins)
        return latencyUs < 0 ? 0 : int(latencyUs);
    const auto value = quint64(latencyUs);
    const int exponent = std::bit_width(value) - 1;
    const int mantissa = int((value >> (exponent - SubBinBits)) & (SubBins - 1));
    return std::min(ExactBins + (exponent - FirstExponent) * SubBins + mantissa, BinCount - 1);
}

qint64 LatencyHistogram::binLowUs(int bin)
{
    if (bin < ExactBins)
        return bin;
    const int exponent = (bin - ExactBins) / SubBins + FirstExponent;
    const int mantissa = (bin - ExactBins) % SubBins;
    return qint64(SubBins + mantissa) << (exponent - SubBinBits);
}

qint64 LatencyHistogram::binHighUs(int bin)
{
    if (bin < ExactBins)
        return bin;
    const int exponent = (bin - ExactBins) / SubBins + FirstExponent;
    return binLowUs(bin) + (qint64(1) << (exponent - SubBinBits)) - 1;
}

void LatencyHistogram::addToBin(int bin, quint64 count)
{
    const auto it = std::lower_bound(m_bins.begin(), m_bins.end(), bin,
        [](const std::pair<quint8, quint64> &entry, int key) { return entry.first < key; });
    if (it != m_bins.end() && it->first == bin)
        it->second += count;
    else
        m_bins.insert(it, {quint8(bin), count});
    m_count += count;
}

void LatencyHistogram::add(qint64 latencyUs, quint64 count)
{
    if (count > 0)
        addToBin(binOf(latencyUs), count);
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (const auto &[bin, count] : other.m_bins)
        addToBin(bin, count);
}

bool LatencyHistogram::mergeEncoded(QByteArrayView encoded)
{
    // Validate first: a broken encoding must not leave half of it merged.
    if (!mergeBins(encoded, {}, [](int, quint64) {}))
        return false;
    (void)mergeBins(encoded, {}, [this](int bin, quint64 count) { addToBin(bin, count); });
    return true;
}

qint64 LatencyHistogram::quantileUs(double q) const
{
    if (m_count == 0)
        return 0;
    const auto rank = std::clamp<quint64>(quint64(std::ceil(std::clamp(q, 0.0, 1.0) * double(m_count))), 1, m_count);
    quint64 seen = 0;
    for (const auto &[bin, count] : m_bins) {
        seen += count;
        if (seen >= rank)
            return (binLowUs(bin) + binHighUs(bin)) / 2;
    }
    return binHighUs(m_bins.back().first);
}

QByteArray LatencyHistogram::encode() const
{
    QByteArray out;
    out.reserve(1 + qsizetype(m_bins.size()) * 3);
    out.append(EncodingVersion);
    for (const auto &[bin, count] : m_bins) {
        out.append(char(bin));
        quint64 rest = count;
        do {
            const auto byte = quint8(rest & 0x7f);
            rest >>= 7;
            out.append(char(rest ? byte | 0x80 : byte));
        } while (rest);
    }
    return out;
}

std::optional<LatencyHistogram> LatencyHistogram::decode(QByteArrayView data)
{
    if (data.isEmpty() || data.front() != EncodingVersion)
        return std::nullopt;
    LatencyHistogram histogram;
    int previous = -1;
    qsizetype at = 1;
    while (at < data.size()) {
        const int bin = quint8(data[at++]);
        if (bin >= BinCount || bin <= previous)
            return std::nullopt;
        quint64 count = 0;
        int shift = 0;
        for (;;) {
            if (at >= data.size() || shift > 63)
                return std::nullopt;
            const auto byte = quint8(data[at++]);
            count |= quint64(byte & 0x7f) << shift;
            shift += 7;
            if (!(byte & 0x80))
                break;
        }
        if (count == 0)
            return std::nullopt;
        histogram.m_bins.emplace_back(quint8(bin), count);
        histogram.m_count += count;
        previous = bin;
    }
    return histogram;
}

} // namespace Latchkey::Core

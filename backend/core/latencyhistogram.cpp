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

} // namespace

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

#include "analytics/analyticsretention.h"

#include "core/clock.h"

namespace Latchkey::Analytics {

using Store::AnalyticsTable;
using Store::Resolution;

qint64 RetentionPolicy::cutoff(AnalyticsTable table, qint64 nowMs) const
{
    const std::optional<Resolution> resolution = Store::tableResolution(table);
    if (!resolution)
        return nowMs - rawMs;
    const qint64 keep = *resolution == Resolution::Minute ? minuteMs : *resolution == Resolution::Hour ? hourMs : dayMs;
    return Store::bucketStart(nowMs - keep, *resolution);
}

void AnalyticsRetention::begin()
{
    if (running())
        return;
    m_table = 0;
    m_nowMs = m_clock.nowMs();
}

Core::Result<int> AnalyticsRetention::step()
{
    if (!running())
        return 0;
    const auto table = AnalyticsTable(m_table);
    const auto deleted = m_store.expire(table, m_policy.cutoff(table, m_nowMs), m_chunkRows);
    // A failed table is skipped for this pass rather than retried in a tight loop.
    if (!deleted || *deleted < m_chunkRows) {
        if (++m_table >= Store::AnalyticsTableCount)
            m_table = -1;
    }
    return deleted;
}

Core::Result<qint64> AnalyticsRetention::runPass()
{
    begin();
    qint64 total = 0;
    while (running()) {
        const auto deleted = step();
        if (!deleted)
            return deleted.error();
        total += *deleted;
    }
    return total;
}

} // namespace Latchkey::Analytics

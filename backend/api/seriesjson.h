#pragma once

#include "store/analyticsqueries.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace Latchkey::Api {

/// The `data` of analytics.getTimeseries as compact JSON, written directly: a 24-hour series at
/// minute granularity has 1,441 buckets of 14 values each, and building that as QJsonObjects cost
/// more server CPU than reading the rollups (docs/BENCHMARKS.md, "Analytics").
///
/// The same document as QJsonDocument would write for
/// `{"bucket": bucket, "buckets": [{time, total, outcomes, spentCredits, latencyP50Us, latencyP99Us}],
///   "latencyP50Us": p50 of the whole range, "latencyP99Us": p99 of the whole range}`,
/// keys in the same (sorted) order; every outcome of @p outcomes is present in `outcomes` (0 when
/// none), plus any other outcome a bucket holds. The range percentiles are JSON null when the range
/// has no events.
[[nodiscard]] QByteArray verificationSeriesJson(const QString &bucket, const Store::Series<Store::VerificationBucket> &series,
                                                const QStringList &outcomes);

} // namespace Latchkey::Api

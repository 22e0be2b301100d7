#pragma once

#include "core/error.h"
#include "store/analyticsstore.h"
#include "store/found.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Latchkey::Store {

class Database;

/// A half-open time range [startMs, endMs) in unix ms.
struct TimeRange {
    qint64 startMs = 0;
    qint64 endMs = 0;
};

/// One bucket of a verification time series (an empty bucket has every count 0).
struct VerificationBucket {
    qint64 timeMs = 0;
    QMap<QString, qint64> outcomes; ///< outcome -> count, only outcomes that occurred
    qint64 total = 0;
    qint64 spentCredits = 0;
    qint64 latencyP50Us = 0; ///< merged over every row of the bucket; 0 when empty
    qint64 latencyP99Us = 0;
};

/// One bucket of a rate-limit time series.
struct RatelimitBucket {
    qint64 timeMs = 0;
    qint64 passed = 0;
    qint64 blocked = 0;
    qint64 passedCost = 0;
    qint64 blockedCost = 0;
    qint64 latencyP50Us = 0;
    qint64 latencyP99Us = 0;
};

/// A time series and the latency percentiles of its WHOLE range: the latency histograms of every
/// rollup row read for the buckets merged into one (not an average of the buckets' percentiles).
template<typename Bucket>
struct Series {
    QList<Bucket> buckets;
    std::optional<qint64> latencyP50Us; ///< nullopt when no row of the range holds a latency (no events)
    std::optional<qint64> latencyP99Us;
};

/// A row of a top list: a key / identity / identifier and its totals over the range.
struct TopEntry {
    QString id;
    qint64 verifications = 0; ///< rate limits: passed + blocked
    qint64 rejections = 0;    ///< verifications whose outcome is not VALID; rate limits: blocked
    qint64 spentCredits = 0;  ///< rate limits: passed cost
    qint64 valid = 0;         ///< rate limits: passed
};

enum class TopOrder { Verifications, Rejections, SpentCredits };

/// Filters of the raw verification log. Empty members do not filter.
struct VerificationLogFilter {
    QStringList outcomes;
    QStringList tags; ///< every tag must be in the event's tags
    QString keyId;
    QString identityId;
    QString keyspaceId; ///< the API's keyspace
    std::optional<qint64> startMs;
    std::optional<qint64> endMs; ///< exclusive
};

/// A position in a newest-first log: the first row of the next page (inclusive).
struct LogCursor {
    qint64 timeMs = 0;
    QString id;

    /// The opaque wire form: base64url of "time:id".
    [[nodiscard]] QString encode() const;
    /// nullopt when @p text is not something encode() produced.
    [[nodiscard]] static std::optional<LogCursor> decode(const QString &text);
};

struct VerificationLogRow {
    qint64 id = 0;
    QString requestId;
    qint64 timeMs = 0;
    QString apiId, keyId, identityId, externalId, outcome, node;
    QStringList tags;
    qint64 spentCredits = 0;
    qint64 latencyUs = 0;
};

struct RatelimitLogFilter {
    QString namespaceId;
    QString identifier;
    std::optional<bool> passed;
    std::optional<qint64> startMs;
    std::optional<qint64> endMs;
};

struct RatelimitLogRow {
    qint64 id = 0;
    QString requestId;
    qint64 timeMs = 0;
    QString identifier;
    bool passed = false;
    qint64 limit = 0, remaining = 0, resetMs = 0, cost = 0, latencyUs = 0;
    QString overrideId;
};

struct AuditLogFilter {
    QStringList events;
    QString actorId;
    QString targetId;
    /// With targetId an identity's id: also the rows about keys that identity owns now (soft-deleted
    /// ones included), whose targets name the key but not its owner.
    bool includeOwnedKeys = false;
    /// Rows with a target whose `name` contains this text, case-insensitively (Unicode simple case
    /// folding), `%` and `_` as themselves; empty: no such filter.
    QString targetName;
    std::optional<qint64> startMs;
    std::optional<qint64> endMs;
};

struct AuditLogRow {
    QString id;
    qint64 timeMs = 0;
    QString event, description, actorType, actorId, actorName, targetsJson, remoteIp, userAgent, requestId;
    QString changesJson; ///< AuditChanges::json() as stored; empty: none recorded
};

/// A page of a list: the rows and, when there are more, the first row of the next page.
template<typename Row, typename Cursor>
struct Page {
    QList<Row> rows;
    std::optional<Cursor> next;
};

struct ApiSummary {
    QString id;
    QString name;
    qint64 keyCount = 0; ///< live keys
};

/// Read-only queries of the extension endpoints (analytics.*, ratelimit.get*, audit.listLogs,
/// apis.listApis). Time series and top lists read ONLY the rollups documented in analyticsstore.h,
/// never the raw event tables; only the logs read raw rows (through their (workspace, time) indexes).
/// Every query is confined to one workspace by its first parameter.
class AnalyticsQueries
{
public:
    explicit AnalyticsQueries(Database &db)
        : m_db(db)
    { }

    /// Buckets of @p resolution from bucketStart(range.start) while < range.end, empty ones as zeros.
    /// @p scope is 'workspace' (scopeId ''), 'api', 'key' or 'identity'.
    /// The series' latencyP50Us/latencyP99Us are those of the histograms of all its buckets merged.
    [[nodiscard]] Core::Result<Series<VerificationBucket>> verificationSeries(
        const QString &workspaceId, const QString &scope, const QString &scopeId, TimeRange range,
        Resolution resolution);

    /// Top keys (@p scope 'key') or identities ('identity') over @p range, optionally only keys of
    /// @p keyspaceId. The range must be minute aligned; the coarsest rollup whose buckets tile it is read.
    [[nodiscard]] Core::Result<QList<TopEntry>> topVerifications(
        const QString &workspaceId, const QString &scope, const QString &keyspaceId, TimeRange range, TopOrder order,
        int limit);

    [[nodiscard]] Core::Result<Page<VerificationLogRow, LogCursor>> verificationLog(
        const QString &workspaceId, const VerificationLogFilter &filter, const std::optional<LogCursor> &cursor,
        int limit);

    /// Rate-limit series of a namespace (@p identifier '' = the whole namespace).
    /// The range's latency percentiles as in verificationSeries().
    [[nodiscard]] Core::Result<Series<RatelimitBucket>> ratelimitSeries(
        const QString &workspaceId, const QString &namespaceId, const QString &identifier, TimeRange range,
        Resolution resolution);

    /// Top identifiers of a namespace, ordered by requests (Verifications), blocked (Rejections) or
    /// passed cost (SpentCredits).
    [[nodiscard]] Core::Result<QList<TopEntry>> topIdentifiers(
        const QString &workspaceId, const QString &namespaceId, TimeRange range, TopOrder order, int limit);

    [[nodiscard]] Core::Result<Page<RatelimitLogRow, LogCursor>> ratelimitLog(
        const QString &workspaceId, const RatelimitLogFilter &filter, const std::optional<LogCursor> &cursor,
        int limit);

    [[nodiscard]] Core::Result<Page<AuditLogRow, LogCursor>> auditLog(
        const QString &workspaceId, const AuditLogFilter &filter, const std::optional<LogCursor> &cursor, int limit);

    /// Live APIs with `id >= cursor`, ordered by id, with their live key counts.
    [[nodiscard]] Core::Result<Page<ApiSummary, QString>> listApis(
        const QString &workspaceId, const QString &cursor, int limit);

    /// The API id of key @p keyId of @p workspaceId (deleted keys included); nullopt: no such key.
    [[nodiscard]] Found<QString> apiOfKey(const QString &workspaceId, const QString &keyId);
    /// Whether identity @p identityId exists in @p workspaceId (deleted ones included).
    [[nodiscard]] Core::Result<bool> identityExists(const QString &workspaceId, const QString &identityId);

    /// The coarsest rollup resolution whose buckets tile @p range exactly (nullopt: not minute aligned).
    [[nodiscard]] static std::optional<Resolution> tilingResolution(TimeRange range);

private:
    Database &m_db;
};

} // namespace Latchkey::Store

#include "store/schema.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {

// Version 1: the key API. Times are unix milliseconds (INTEGER); every table carries workspace_id
// so one workspace can never reach another's rows. Soft deletes use deleted_at.
QList<QString> version1()
{
    return {
        u"CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL)"_s,
        u"CREATE TABLE root_keys (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces(id),"
        " hash TEXT NOT NULL UNIQUE, start TEXT NOT NULL, name TEXT, created_at INTEGER NOT NULL,"
        " expires INTEGER, deleted_at INTEGER, last_used_at INTEGER)"_s,
        u"CREATE TABLE root_key_permissions (root_key_id TEXT NOT NULL REFERENCES root_keys(id) ON DELETE CASCADE,"
        " workspace_id TEXT NOT NULL, permission TEXT NOT NULL, PRIMARY KEY (root_key_id, permission))"_s,
        u"CREATE TABLE keyspaces (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,"
        " store_encrypted_keys INTEGER NOT NULL DEFAULT 1, default_prefix TEXT, default_bytes INTEGER,"
        " created_at INTEGER NOT NULL)"_s,
        u"CREATE TABLE apis (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL,"
        " keyspace_id TEXT NOT NULL UNIQUE REFERENCES keyspaces(id), ip_whitelist TEXT,"
        " delete_protection INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER,"
        " deleted_at INTEGER)"_s,
        u"CREATE INDEX apis_workspace ON apis (workspace_id, id)"_s,
        u"CREATE TABLE identities (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, external_id TEXT NOT NULL,"
        " meta TEXT NOT NULL DEFAULT '{}', deleted INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,"
        " updated_at INTEGER)"_s,
        u"CREATE UNIQUE INDEX identities_external ON identities (workspace_id, external_id) WHERE deleted = 0"_s,
        u"CREATE TABLE keys (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, keyspace_id TEXT NOT NULL,"
        " hash TEXT NOT NULL UNIQUE, start TEXT NOT NULL, name TEXT, identity_id TEXT, meta TEXT,"
        " expires INTEGER, enabled INTEGER NOT NULL DEFAULT 1, remaining INTEGER, refill_amount INTEGER,"
        " refill_day INTEGER, last_refill_at INTEGER, created_at INTEGER NOT NULL, updated_at INTEGER,"
        " deleted_at INTEGER, last_used_at INTEGER, pending_migration_id TEXT)"_s,
        u"CREATE INDEX keys_keyspace ON keys (keyspace_id, id)"_s,
        u"CREATE INDEX keys_identity ON keys (identity_id)"_s,
        u"CREATE TABLE encrypted_keys (key_id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,"
        " encrypted TEXT NOT NULL, created_at INTEGER NOT NULL)"_s,
        u"CREATE TABLE permissions (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL,"
        " slug TEXT NOT NULL, description TEXT, created_at INTEGER NOT NULL, updated_at INTEGER,"
        " UNIQUE (workspace_id, slug))"_s,
        u"CREATE TABLE roles (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL,"
        " description TEXT, created_at INTEGER NOT NULL, updated_at INTEGER, UNIQUE (workspace_id, name))"_s,
        u"CREATE TABLE keys_permissions (key_id TEXT NOT NULL, permission_id TEXT NOT NULL,"
        " workspace_id TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (key_id, permission_id))"_s,
        u"CREATE INDEX keys_permissions_permission ON keys_permissions (permission_id)"_s,
        u"CREATE TABLE keys_roles (key_id TEXT NOT NULL, role_id TEXT NOT NULL, workspace_id TEXT NOT NULL,"
        " created_at INTEGER NOT NULL, PRIMARY KEY (key_id, role_id))"_s,
        u"CREATE INDEX keys_roles_role ON keys_roles (role_id)"_s,
        u"CREATE TABLE roles_permissions (role_id TEXT NOT NULL, permission_id TEXT NOT NULL,"
        " workspace_id TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (role_id, permission_id))"_s,
        u"CREATE INDEX roles_permissions_permission ON roles_permissions (permission_id)"_s,
        u"CREATE TABLE ratelimits (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL,"
        " key_id TEXT, identity_id TEXT, \"limit\" INTEGER NOT NULL, duration INTEGER NOT NULL,"
        " auto_apply INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER)"_s,
        u"CREATE UNIQUE INDEX ratelimits_key_name ON ratelimits (key_id, name) WHERE key_id IS NOT NULL"_s,
        u"CREATE UNIQUE INDEX ratelimits_identity_name ON ratelimits (identity_id, name) WHERE identity_id IS NOT NULL"_s,
        u"CREATE TABLE ratelimit_namespaces (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, name TEXT NOT NULL,"
        " created_at INTEGER NOT NULL, updated_at INTEGER, deleted_at INTEGER, UNIQUE (workspace_id, name))"_s,
        u"CREATE TABLE ratelimit_overrides (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,"
        " namespace_id TEXT NOT NULL, identifier TEXT NOT NULL, \"limit\" INTEGER NOT NULL,"
        " duration INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER, deleted_at INTEGER)"_s,
        u"CREATE UNIQUE INDEX ratelimit_overrides_identifier ON ratelimit_overrides (namespace_id, identifier)"
        " WHERE deleted_at IS NULL"_s,
        u"CREATE TABLE key_migrations (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL,"
        " algorithm TEXT NOT NULL DEFAULT 'sha256', created_at INTEGER NOT NULL)"_s,
        u"CREATE TABLE audit_logs (id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, time INTEGER NOT NULL,"
        " bucket TEXT NOT NULL DEFAULT 'unkey_mutations', event TEXT NOT NULL, description TEXT NOT NULL,"
        " actor_type TEXT NOT NULL, actor_id TEXT NOT NULL, actor_name TEXT, targets TEXT NOT NULL,"
        " remote_ip TEXT, user_agent TEXT, request_id TEXT, correlation_id TEXT)"_s,
        u"CREATE INDEX audit_logs_time ON audit_logs (workspace_id, time)"_s,
    };
}

// Version 2: analytics (issue 3). Raw events as the hot path recorded them, rollups maintained
// incrementally by the analytics writer (store/analyticsstore.h documents every table), and the
// public views of analytics.getVerifications. The views call lk_workspace() and
// lk_keyspace_allowed(), which only the sandbox connection registers: elsewhere they fail, so they
// can never leak another workspace's rows.
QList<QString> version2()
{
    QList<QString> statements{
        u"CREATE TABLE verification_events (id INTEGER PRIMARY KEY, request_id TEXT NOT NULL,"
        " time INTEGER NOT NULL, workspace_id TEXT NOT NULL, api_id TEXT, keyspace_id TEXT, key_id TEXT,"
        " identity_id TEXT, external_id TEXT, outcome TEXT NOT NULL, tags TEXT NOT NULL DEFAULT '[]',"
        " spent_credits INTEGER NOT NULL DEFAULT 0, latency_us INTEGER NOT NULL DEFAULT 0, node TEXT)"_s,
        u"CREATE INDEX verification_events_workspace_time ON verification_events (workspace_id, time)"_s,
        u"CREATE INDEX verification_events_key_time ON verification_events (key_id, time)"_s,
        u"CREATE INDEX verification_events_identity_time ON verification_events (identity_id, time)"
        " WHERE identity_id IS NOT NULL"_s,
        u"CREATE TABLE ratelimit_events (id INTEGER PRIMARY KEY, request_id TEXT NOT NULL, time INTEGER NOT NULL,"
        " workspace_id TEXT NOT NULL, namespace_id TEXT NOT NULL, identifier TEXT NOT NULL,"
        " passed INTEGER NOT NULL, \"limit\" INTEGER, remaining INTEGER, reset INTEGER, cost INTEGER,"
        " override_id TEXT, latency_us INTEGER, node TEXT)"_s,
        u"CREATE INDEX ratelimit_events_namespace_time ON ratelimit_events (workspace_id, namespace_id, time)"_s,
    };
    // The latency columns every verification rollup row carries; latency_hist is the mergeable
    // histogram of Core::LatencyHistogram, the percentiles are derived from it on every upsert.
    const QString metrics = u"count INTEGER NOT NULL, spent_credits INTEGER NOT NULL,"
                            " latency_sum_us INTEGER NOT NULL, latency_hist BLOB NOT NULL,"
                            " latency_p50_us INTEGER NOT NULL, latency_p75_us INTEGER NOT NULL,"
                            " latency_p99_us INTEGER NOT NULL, last_time INTEGER NOT NULL"_s;
    for (const QString &resolution : {u"minute"_s, u"hour"_s, u"day"_s}) {
        const QString table = u"verification_rollups_"_s + resolution;
        statements.append(u"CREATE TABLE "_s + table
                          + u" (workspace_id TEXT NOT NULL, scope TEXT NOT NULL, scope_id TEXT NOT NULL,"
                            " time INTEGER NOT NULL, outcome TEXT NOT NULL, "_s
                          + metrics + u", PRIMARY KEY (workspace_id, scope, scope_id, time, outcome)) WITHOUT ROWID"_s);
        statements.append(u"CREATE INDEX "_s + table + u"_time ON "_s + table + u" (workspace_id, scope, time)"_s);
    }
    for (const QString &resolution : {u"minute"_s, u"hour"_s, u"day"_s, u"month"_s}) {
        statements.append(u"CREATE TABLE verification_detail_rollups_"_s + resolution
                          + u" (workspace_id TEXT NOT NULL, time INTEGER NOT NULL, keyspace_id TEXT NOT NULL,"
                            " key_id TEXT NOT NULL, identity_id TEXT NOT NULL, external_id TEXT NOT NULL,"
                            " outcome TEXT NOT NULL, tags TEXT NOT NULL, "_s
                          + metrics
                          + u", PRIMARY KEY (workspace_id, time, keyspace_id, key_id, identity_id, external_id,"
                            " outcome, tags)) WITHOUT ROWID"_s);
    }
    for (const QString &resolution : {u"minute"_s, u"hour"_s, u"day"_s}) {
        const QString table = u"ratelimit_rollups_"_s + resolution;
        statements.append(u"CREATE TABLE "_s + table
                          + u" (workspace_id TEXT NOT NULL, namespace_id TEXT NOT NULL, identifier TEXT NOT NULL,"
                            " time INTEGER NOT NULL, passed INTEGER NOT NULL, blocked INTEGER NOT NULL,"
                            " passed_cost INTEGER NOT NULL, blocked_cost INTEGER NOT NULL,"
                            " latency_sum_us INTEGER NOT NULL, latency_hist BLOB NOT NULL,"
                            " latency_p50_us INTEGER NOT NULL, latency_p99_us INTEGER NOT NULL,"
                            " last_time INTEGER NOT NULL,"
                            " PRIMARY KEY (workspace_id, namespace_id, identifier, time)) WITHOUT ROWID"_s);
        statements.append(u"CREATE INDEX "_s + table + u"_time ON "_s + table + u" (workspace_id, namespace_id, time)"_s);
    }

    statements.append(
        u"CREATE VIEW key_verifications_v1 AS SELECT request_id, time, workspace_id,"
        " coalesce(keyspace_id, '') AS key_space_id, coalesce(identity_id, '') AS identity_id,"
        " coalesce(external_id, '') AS external_id, coalesce(key_id, '') AS key_id, coalesce(node, '') AS region,"
        " 'api' AS source, '' AS app_id, outcome, tags, spent_credits, latency_us / 1000.0 AS latency"
        " FROM verification_events WHERE workspace_id = lk_workspace() AND lk_keyspace_allowed(keyspace_id)"_s);
    for (const QString &resolution : {u"minute"_s, u"hour"_s, u"day"_s, u"month"_s}) {
        statements.append(
            u"CREATE VIEW key_verifications_per_"_s + resolution
            + u"_v1 AS SELECT time, workspace_id, keyspace_id AS key_space_id, identity_id, external_id, key_id,"
              " outcome, 'api' AS source, tags, count, spent_credits,"
              " latency_sum_us / 1000.0 / count AS latency_avg, latency_p75_us / 1000.0 AS latency_p75,"
              " latency_p99_us / 1000.0 AS latency_p99 FROM verification_detail_rollups_"_s
            + resolution + u" WHERE workspace_id = lk_workspace() AND lk_keyspace_allowed(keyspace_id)"_s);
    }
    return statements;
}

// Version 3: the refill sweep (at start-up and at each 00:00 UTC) reads only keys that have a
// refill, in id order. Without this partial index it scanned the whole keys table: 8-10 s with
// 1M keys before the server could serve (docs/BENCHMARKS.md, start-up row).
QList<QString> version3()
{
    return {
        u"CREATE INDEX keys_refill ON keys (id) WHERE refill_amount IS NOT NULL AND deleted_at IS NULL"_s,
    };
}

// Version 4: the analytics writer's cost per event (issue 6). Key and identity series and top
// lists are served from the detail rollups, which already hold every event by key and identity, so
// the writer no longer keeps separate 'key' and 'identity' rows in verification_rollups_* (3 to 6
// rollup rows and their index entries fewer per event). The detail tables get the indexes a key's
// or an identity's series needs; verification_rollups_* lose their time index, whose only readers
// were the key and identity top lists (retention walks the primary key instead).
QList<QString> version4()
{
    QList<QString> statements;
    for (const QString &resolution : {u"minute"_s, u"hour"_s, u"day"_s}) {
        const QString scoped = u"verification_rollups_"_s + resolution;
        const QString detail = u"verification_detail_rollups_"_s + resolution;
        statements.append(u"DELETE FROM "_s + scoped + u" WHERE scope IN ('key', 'identity')"_s);
        statements.append(u"DROP INDEX "_s + scoped + u"_time"_s);
        statements.append(u"CREATE INDEX "_s + detail + u"_key ON "_s + detail
                          + u" (workspace_id, key_id, time) WHERE key_id <> ''"_s);
        statements.append(u"CREATE INDEX "_s + detail + u"_identity ON "_s + detail
                          + u" (workspace_id, identity_id, time) WHERE identity_id <> ''"_s);
    }
    return statements;
}

// Version 5: the analytics writer's cost per event with many distinct keys or identifiers (issue
// 6). The writer adds an event to the minute rows of the detail and rate-limit rollups only; their
// hour, day (and month) rows are built from completed minutes, once a minute, in the writer's
// transaction. analytics_rollup_state.rolled_until is where that stands: every minute before it is
// in the coarser rows, none at or after it. Readers add the minute rows from rolled_until on to the
// coarser rows (one statement, so one snapshot); the views of the coarser detail rollups do it too.
// A schema-4 store holds every event in every rollup, so it starts rolled up to its newest minute.
QString bucketOf(const QString &column, const QString &resolution)
{
    if (resolution == u"month")
        return u"CAST(strftime('%s', "_s + column + u" / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000"_s;
    const QString width = resolution == u"hour" ? u"3600000"_s : resolution == u"day" ? u"86400000"_s : u"60000"_s;
    return u"("_s + column + u" - "_s + column + u" % "_s + width + u")"_s;
}

QList<QString> version5()
{
    QList<QString> statements {
        u"CREATE TABLE analytics_rollup_state (id INTEGER PRIMARY KEY CHECK (id = 1),"
        " rolled_until INTEGER NOT NULL)"_s,
        u"INSERT INTO analytics_rollup_state (id, rolled_until) SELECT 1, max("
        " coalesce((SELECT max(time) FROM verification_detail_rollups_minute), 0),"
        " coalesce((SELECT max(time) FROM ratelimit_rollups_minute), 0)) + 60000"_s,
    };
    // The views of the coarser detail rollups: the rows of buckets before the one holding
    // rolled_until as stored, and that bucket's (and any later one's) stored rows merged with the
    // minute rows not rolled up yet, so each (bucket, key, ...) is one row as before.
    const QString dimensions = u"workspace_id, time, keyspace_id, key_id, identity_id, external_id, outcome, tags"_s;
    const QString scope = u"workspace_id = lk_workspace() AND lk_keyspace_allowed(keyspace_id)"_s;
    const QString columns = u"time, workspace_id, keyspace_id AS key_space_id, identity_id, external_id, key_id,"
                            " outcome, 'api' AS source, tags, count, spent_credits,"
                            " latency_sum_us / 1000.0 / count AS latency_avg, latency_p75_us / 1000.0 AS latency_p75,"
                            " latency_p99_us / 1000.0 AS latency_p99"_s;
    for (const QString &resolution : {u"hour"_s, u"day"_s, u"month"_s}) {
        const QString view = u"key_verifications_per_"_s + resolution + u"_v1"_s;
        const QString table = u"verification_detail_rollups_"_s + resolution;
        const QString open = bucketOf(u"(SELECT rolled_until FROM analytics_rollup_state)"_s, resolution);
        statements.append(u"DROP VIEW "_s + view);
        statements.append(u"CREATE VIEW "_s + view + u" AS SELECT "_s + columns + u" FROM "_s + table + u" WHERE "_s
            + scope + u" AND time < "_s + open + u" UNION ALL SELECT "_s + columns
            + u" FROM (SELECT "_s + dimensions
            + u", sum(count) AS count, sum(spent_credits) AS spent_credits, sum(latency_sum_us) AS latency_sum_us,"
              " lk_hist_quantile(lk_hist_merge_all(latency_hist), 0.75) AS latency_p75_us,"
              " lk_hist_quantile(lk_hist_merge_all(latency_hist), 0.99) AS latency_p99_us FROM (SELECT "_s
            + dimensions + u", count, spent_credits, latency_sum_us, latency_hist FROM "_s + table + u" WHERE "_s + scope
            + u" AND time >= "_s + open + u" UNION ALL SELECT workspace_id, "_s + bucketOf(u"time"_s, resolution)
            + u", keyspace_id, key_id, identity_id, external_id, outcome, tags, count, spent_credits, latency_sum_us,"
              " latency_hist FROM verification_detail_rollups_minute WHERE "_s
            + scope + u" AND time >= (SELECT rolled_until FROM analytics_rollup_state)) GROUP BY "_s + dimensions
            + u")"_s);
    }
    return statements;
}

// Version 6: what a key.update changed (store/auditchanges.h), as a JSON array; NULL in the rows
// written before, which say only what their description says.
QList<QString> version6()
{
    return {u"ALTER TABLE audit_logs ADD COLUMN changes TEXT"_s};
}

// Version 7: each audit row's target names, case-folded as lk_casefold() folds them and joined by
// U+001F, written with the row (AuditLog::append): audit.listLogs' targetName filter matches this
// column with LIKE, instead of parsing every row's targets JSON and folding each name per query.
QList<QString> version7()
{
    return {u"ALTER TABLE audit_logs ADD COLUMN target_names TEXT NOT NULL DEFAULT ''"_s,
            u"UPDATE audit_logs SET target_names = coalesce((SELECT group_concat(lk_casefold(json_extract(value,"
            " '$.name')), char(31)) FROM json_each(audit_logs.targets)), '')"_s};
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all{
        {1, version1()},
        {2, version2()},
        {3, version3()},
        {4, version4()},
        {5, version5()},
        {6, version6()},
        {7, version7()},
    };
    return all;
}

} // namespace Latchkey::Store

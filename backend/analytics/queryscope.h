#pragma once

#include <QSet>
#include <QString>

#include <chrono>

namespace Latchkey::Analytics {

/// Whose rows an analytics query sees, decided by the server from the root key, never by the
/// query: the views return only rows of `workspaceId`, and of the listed keyspaces unless
/// `allKeyspaces` (the SQL functions lk_workspace() and lk_keyspace_allowed(keyspace_id)).
struct QueryScope {
    QString workspaceId;
    bool allKeyspaces = false; ///< `api.*.read_analytics`
    QSet<QString> keyspaceIds; ///< the keyspaces of the APIs of `api.<apiId>.read_analytics`
};

/// Resource limits of one analytics query; tests inject smaller ones.
struct QueryLimits {
    qsizetype maxQueryBytes = 16 * 1024; ///< the SQL text, UTF-8 → 400
    qsizetype maxRows = 10'000; ///< rows in the answer → 422
    qsizetype maxResultBytes = 4 * 1024 * 1024; ///< the encoded answer, and any single value → 422
    qsizetype maxColumns = 64; ///< projected columns → 400
    std::chrono::milliseconds timeout {5000}; ///< execution time → 422
};

} // namespace Latchkey::Analytics

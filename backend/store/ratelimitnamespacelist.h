#pragma once

#include "core/error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Latchkey::Store {

class Database;

/// One row of ratelimit.listNamespaces.
struct RatelimitNamespaceSummary {
    QString id;
    QString name;
    qint64 overrideCount = 0; ///< live (not deleted) overrides
    qint64 createdAtMs = 0;
};

/// One page of namespaces by id; `next` is the first id of the following page.
struct RatelimitNamespacePage {
    QList<RatelimitNamespaceSummary> namespaces;
    std::optional<QString> next;
};

/// The read side of ratelimit.listNamespaces: a workspace's live rate-limit namespaces with their
/// override counts, keyset-paginated by id (the write side is RatelimitStore).
class RatelimitNamespaceList
{
public:
    explicit RatelimitNamespaceList(Database &db) : m_db(db) { }

    /// Live namespaces of @p workspaceId with id >= @p cursor (empty: from the start), at most
    /// @p limit; only those in @p namespaceIds unless it is nullopt.
    [[nodiscard]] Core::Result<RatelimitNamespacePage> page(const QString &workspaceId,
                                                            const std::optional<QStringList> &namespaceIds,
                                                            const QString &cursor, int limit);

private:
    Database &m_db;
};

} // namespace Latchkey::Store

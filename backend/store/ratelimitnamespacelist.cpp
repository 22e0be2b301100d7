#include "store/ratelimitnamespacelist.h"

#include "store/database.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

Core::Result<RatelimitNamespacePage> RatelimitNamespaceList::page(
    const QString &workspaceId, const std::optional<QStringList> &namespaceIds, const QString &cursor, int limit)
{
    if (namespaceIds && namespaceIds->isEmpty())
        return RatelimitNamespacePage{};
    QString sql = u"SELECT n.id, n.name, n.created_at, (SELECT count(*) FROM ratelimit_overrides o"
                  " WHERE o.namespace_id = n.id AND o.deleted_at IS NULL)"
                  " FROM ratelimit_namespaces n WHERE n.workspace_id = ? AND n.deleted_at IS NULL AND n.id >= ?"_s;
    if (namespaceIds)
        sql += u" AND n.id IN ("_s + QStringList(namespaceIds->size(), u"?"_s).join(u',') + u')';
    QSqlQuery query = m_db.prepare(sql + u" ORDER BY n.id LIMIT ?"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(QString(u""_s + cursor)); // '' rather than NULL: from the start
    for (const QString &id : namespaceIds.value_or(QStringList()))
        query.addBindValue(id);
    query.addBindValue(limit + 1);
    if (!exec(query))
        return sqlError(query);
    RatelimitNamespacePage page;
    while (query.next()) {
        if (page.namespaces.size() == limit) {
            page.next = query.value(0).toString();
            break;
        }
        page.namespaces.append({query.value(0).toString(), query.value(1).toString(), query.value(3).toLongLong(),
                                query.value(2).toLongLong()});
    }
    return page;
}

} // namespace Latchkey::Store

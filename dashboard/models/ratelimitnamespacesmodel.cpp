#include "models/ratelimitnamespacesmodel.h"

#include "client/apiclient.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

RatelimitNamespacesModel::RatelimitNamespacesModel(QObject *parent)
    : PagedListModel(parent)
{
}

QHash<int, QByteArray> RatelimitNamespacesModel::roleNames() const
{
    return {{NamespaceIdRole, "namespaceId"}, {NameRole, "name"}, {OverrideCountRole, "overrideCount"}, {CreatedAtRole, "createdAt"}};
}

QString RatelimitNamespacesModel::action() const
{
    return u"ratelimit.listNamespaces"_s;
}

QVariant RatelimitNamespacesModel::rowData(const QJsonObject &row, int role) const
{
    switch (role) {
    case NamespaceIdRole:
        return row.value(u"namespaceId"_s).toString();
    case NameRole:
        return row.value(u"name"_s).toString();
    case OverrideCountRole:
        return row.value(u"overrideCount"_s).toInteger();
    case CreatedAtRole:
        return row.value(u"createdAt"_s).toInteger();
    default:
        return {};
    }
}

void RatelimitNamespacesModel::create(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (!client() || trimmed.isEmpty())
        return;
    // The explicit create: ratelimit.limit would create it too, but as a rate-limit check that the
    // analytics and the live stream would show.
    postCreate(u"ratelimit.createNamespace"_s, {{u"name"_s, trimmed}},
        [this, trimmed](const QJsonObject &) { Q_EMIT created(trimmed); });
}

void RatelimitNamespacesModel::rename(const QString &namespaceId, const QString &name)
{
    if (namespaceId.isEmpty() || name.isEmpty())
        return;
    postCreate(u"ratelimit.renameNamespace"_s, {{u"namespace"_s, namespaceId}, {u"name"_s, name}},
        [this, namespaceId](const QJsonObject &data) { Q_EMIT renamed(namespaceId, data.value(u"name"_s).toString()); });
}

void RatelimitNamespacesModel::remove(const QString &namespaceId)
{
    if (namespaceId.isEmpty())
        return;
    postChange(u"ratelimit.deleteNamespace"_s, {{u"namespace"_s, namespaceId}},
        [this, namespaceId](const QJsonObject &) { Q_EMIT removed(namespaceId); });
}

} // namespace Latchkey::Dashboard

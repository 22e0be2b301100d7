#include "models/permissionsmodel.h"

#include "client/apiclient.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

PermissionsModel::PermissionsModel(QObject *parent)
    : PagedListModel(parent)
{
}

QHash<int, QByteArray> PermissionsModel::roleNames() const
{
    return {{PermissionIdRole, "permissionId"}, {NameRole, "name"}, {SlugRole, "slug"}, {DescriptionRole, "description"}};
}

QString PermissionsModel::action() const
{
    return u"permissions.listPermissions"_s;
}

QString PermissionsModel::searchField() const
{
    return u"search"_s;
}

QVariant PermissionsModel::rowData(const QJsonObject &row, int role) const
{
    switch (role) {
    case PermissionIdRole:
        return row.value(u"id"_s).toString();
    case NameRole:
        return row.value(u"name"_s).toString();
    case SlugRole:
        return row.value(u"slug"_s).toString();
    case DescriptionRole:
        return row.value(u"description"_s).toString();
    default:
        return {};
    }
}

void PermissionsModel::create(const QString &name, const QString &slug, const QString &description)
{
    QJsonObject body{{u"name"_s, name}, {u"slug"_s, slug}};
    if (!description.isEmpty())
        body.insert(u"description"_s, description);
    postCreate(u"permissions.createPermission"_s, body,
        [this](const QJsonObject &data) { Q_EMIT created(data.value(u"permissionId"_s).toString()); });
}

void PermissionsModel::remove(const QString &permission)
{
    postChange(u"permissions.deletePermission"_s, {{u"permission"_s, permission}},
        [this, permission](const QJsonObject &) { Q_EMIT removed(permission); });
}

} // namespace Latchkey::Dashboard

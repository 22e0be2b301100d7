#include "models/rolesmodel.h"

#include "client/apiclient.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

RolesModel::RolesModel(QObject *parent)
    : PagedListModel(parent)
{
}

QHash<int, QByteArray> RolesModel::roleNames() const
{
    return {{RoleIdRole, "roleId"}, {NameRole, "name"}, {DescriptionRole, "description"}, {PermissionsRole, "permissions"}};
}

QString RolesModel::action() const
{
    return u"permissions.listRoles"_s;
}

QString RolesModel::searchField() const
{
    return u"search"_s;
}

QVariant RolesModel::rowData(const QJsonObject &row, int role) const
{
    switch (role) {
    case RoleIdRole:
        return row.value(u"id"_s).toString();
    case NameRole:
        return row.value(u"name"_s).toString();
    case DescriptionRole:
        return row.value(u"description"_s).toString();
    case PermissionsRole: {
        QStringList slugs;
        const QJsonArray permissions = row.value(u"permissions"_s).toArray();
        for (const QJsonValue &permission : permissions)
            slugs.append(permission.toObject().value(u"slug"_s).toString());
        return slugs;
    }
    default:
        return {};
    }
}

void RolesModel::create(const QString &name, const QString &description, const QStringList &permissions)
{
    QJsonObject body{{u"name"_s, name}};
    if (!description.isEmpty())
        body.insert(u"description"_s, description);
    if (!permissions.isEmpty())
        body.insert(u"permissions"_s, QJsonArray::fromStringList(permissions));
    postCreate(u"permissions.createRole"_s, body,
        [this](const QJsonObject &data) { Q_EMIT created(data.value(u"roleId"_s).toString()); });
}

void RolesModel::remove(const QString &role)
{
    postChange(u"permissions.deleteRole"_s, {{u"role"_s, role}},
        [this, role](const QJsonObject &) { Q_EMIT removed(role); });
}

} // namespace Latchkey::Dashboard

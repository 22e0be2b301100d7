#include "models/rootkeysmodel.h"

#include "api/principal.h"
#include "client/apiclient.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

RootKeysModel::RootKeysModel(QObject *parent)
    : PagedListModel(parent)
{
}

QHash<int, QByteArray> RootKeysModel::roleNames() const
{
    return {{RootKeyIdRole, "rootKeyId"},     {NameRole, "name"},           {StartRole, "start"},
            {PermissionsRole, "permissions"}, {CreatedAtRole, "createdAt"}, {ExpiresRole, "expires"}};
}

QStringList RootKeysModel::grantablePermissions()
{
    return Api::allWorkspacePermissions();
}

QVariantList RootKeysModel::permissionGroups()
{
    QVariantList groups;
    QString area;
    QVariantList members;
    const auto flush = [&groups, &area, &members] {
        if (!members.isEmpty())
            groups.append(QVariantMap{{u"area"_s, area}, {u"permissions"_s, members}});
        members.clear();
    };
    for (const QString &permission : grantablePermissions()) {
        const QString resource = permission.section(u'.', 0, 0);
        if (resource != area) {
            flush();
            area = resource;
        }
        const QString action = permission.section(u'.', 2).replace(u'_', u' ');
        members.append(QVariantMap{{u"permission"_s, permission}, {u"action"_s, action}});
    }
    flush();
    return groups;
}

QString RootKeysModel::action() const
{
    return u"rootKeys.listRootKeys"_s;
}

QVariant RootKeysModel::rowData(const QJsonObject &row, int role) const
{
    switch (role) {
    case RootKeyIdRole:
        return row.value(u"rootKeyId"_s).toString();
    case NameRole:
        return row.value(u"name"_s).toString();
    case StartRole:
        return row.value(u"start"_s).toString();
    case PermissionsRole:
        return row.value(u"permissions"_s).toVariant().toStringList();
    case CreatedAtRole:
        return row.value(u"createdAt"_s).toInteger();
    case ExpiresRole:
        return row.value(u"expires"_s).toInteger(0);
    default:
        return {};
    }
}

void RootKeysModel::create(const QString &name, const QStringList &permissions)
{
    QJsonObject body{{u"permissions"_s, QJsonArray::fromStringList(permissions)}};
    if (!name.isEmpty())
        body.insert(u"name"_s, name);
    postCreate(u"rootKeys.createRootKey"_s, body, [this](const QJsonObject &data) {
        Q_EMIT created(data.value(u"rootKeyId"_s).toString(), data.value(u"key"_s).toString());
    });
}

void RootKeysModel::revoke(const QString &rootKeyId)
{
    postChange(u"rootKeys.deleteRootKey"_s, {{u"rootKeyId"_s, rootKeyId}},
        [this, rootKeyId](const QJsonObject &) { Q_EMIT revoked(rootKeyId); });
}

void RootKeysModel::copyToClipboard(const QString &text) const
{
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        app->clipboard()->setText(text);
}

} // namespace Latchkey::Dashboard

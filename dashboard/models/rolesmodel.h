#pragma once

#include "models/pagedlistmodel.h"

namespace Latchkey::Dashboard {

/// The workspace's roles with their permission slugs (`permissions.listRoles`, server-side
/// `search`), with create and delete, for the Permissions page and D3's role picker.
class RolesModel : public Latchkey::Dashboard::PagedListModel // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT

public:
    enum Role { RoleIdRole = Qt::UserRole + 1, NameRole, DescriptionRole, PermissionsRole };
    Q_ENUM(Role)

    explicit RolesModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

    /// `permissions.createRole` with @p permissions (slugs; missing ones are created by the
    /// server); refreshes and emits created(roleId) on success.
    Q_INVOKABLE void create(const QString &name, const QString &description = {},
                            const QStringList &permissions = {});
    /// `permissions.deleteRole` by id or name; refreshes and emits removed() on success.
    Q_INVOKABLE void remove(const QString &role);

Q_SIGNALS:
    void created(const QString &roleId);
    void removed(const QString &role);

protected:
    QString action() const override;
    QString searchField() const override;
    QVariant rowData(const QJsonObject &row, int role) const override;
};

} // namespace Latchkey::Dashboard

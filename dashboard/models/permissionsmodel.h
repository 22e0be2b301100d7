#pragma once

#include "models/pagedlistmodel.h"

namespace Latchkey::Dashboard {

/// The workspace's permissions (`permissions.listPermissions`, server-side `search`), with create
/// and delete, for the Permissions page and D3's permission picker.
class PermissionsModel : public Latchkey::Dashboard::PagedListModel // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT

public:
    enum Role { PermissionIdRole = Qt::UserRole + 1, NameRole, SlugRole, DescriptionRole };
    Q_ENUM(Role)

    explicit PermissionsModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

    /// `permissions.createPermission`; refreshes and emits created(permissionId) on success.
    Q_INVOKABLE void create(const QString &name, const QString &slug, const QString &description = {});
    /// `permissions.deletePermission` by id or slug; refreshes and emits removed() on success.
    Q_INVOKABLE void remove(const QString &permission);

Q_SIGNALS:
    void created(const QString &permissionId);
    void removed(const QString &permission);

protected:
    QString action() const override;
    QString searchField() const override;
    QVariant rowData(const QJsonObject &row, int role) const override;
};

} // namespace Latchkey::Dashboard

#pragma once

#include "models/pagedlistmodel.h"

namespace Latchkey::Dashboard {

/// The workspace's root keys (`rootKeys.listRootKeys`), with create and revoke, for the Root keys
/// page. The plaintext of a new root key is handed to `created()` once and never kept here.
class RootKeysModel : public Latchkey::Dashboard::PagedListModel // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList permissionGroups READ permissionGroups CONSTANT)

public:
    enum Role { RootKeyIdRole = Qt::UserRole + 1, NameRole, StartRole, PermissionsRole, CreatedAtRole, ExpiresRole };
    Q_ENUM(Role)

    explicit RootKeysModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

    /// `rootKeys.createRootKey` holding exactly @p permissions; on success refreshes and emits
    /// created() with the plaintext, which the page shows once; a failure is the create dialog's
    /// (createFailed()).
    Q_INVOKABLE void create(const QString &name, const QStringList &permissions);
    /// `rootKeys.deleteRootKey` (the key stops working at once); refreshes on success.
    Q_INVOKABLE void revoke(const QString &rootKeyId);
    /// Every permission a root key can hold, straight from the server's own table
    /// (Api::allWorkspacePermissions(), the list rootKeys.createRootKey validates against), so the
    /// create dialog cannot fall behind it.
    [[nodiscard]] static QStringList grantablePermissions();
    /// grantablePermissions() by area, in the server's order: a list of
    /// `{area: "api", permissions: [{permission: "api.*.create_key", action: "create key"}, …]}`.
    [[nodiscard]] static QVariantList permissionGroups();

    /// Puts @p text on the clipboard (the show-once dialog's copy button); a no-op without a GUI.
    Q_INVOKABLE void copyToClipboard(const QString &text) const;

Q_SIGNALS:
    void created(const QString &rootKeyId, const QString &key);
    void revoked(const QString &rootKeyId);

protected:
    QString action() const override;
    QVariant rowData(const QJsonObject &row, int role) const override;
};

} // namespace Latchkey::Dashboard

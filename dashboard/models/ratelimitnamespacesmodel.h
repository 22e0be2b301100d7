#pragma once

#include "models/pagedlistmodel.h"

namespace Latchkey::Dashboard {

/// The workspace's rate-limit namespaces (`ratelimit.listNamespaces`) for the Rate limits page;
/// `search` filters by name locally; create() makes a new one, rename() and remove() change one.
class RatelimitNamespacesModel : public Latchkey::Dashboard::PagedListModel // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT

public:
    enum Role { NamespaceIdRole = Qt::UserRole + 1, NameRole, OverrideCountRole, CreatedAtRole };
    Q_ENUM(Role)

    explicit RatelimitNamespacesModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

    /// Creates namespace @p name (trimmed) with `ratelimit.createNamespace`, which records no
    /// rate-limit check; needs `ratelimit.*.create_namespace`. A taken name fails (409) through
    /// the client's error sink. Refreshes, then emits created().
    Q_INVOKABLE void create(const QString &name);
    /// Renames namespace @p namespaceId (its id, or its name when the id is not known) to @p name
    /// with `ratelimit.renameNamespace` (`ratelimit.*.update_namespace` or the namespace's own).
    /// A refusal (a taken name: 409) goes to createFailed(), for the rename dialog. Refreshes,
    /// then emits renamed().
    Q_INVOKABLE void rename(const QString &namespaceId, const QString &name);
    /// Deletes namespace @p namespaceId (id or name) with `ratelimit.deleteNamespace` (a soft
    /// delete: ratelimit.limit on it answers 410 from then on). A failure goes to the client's
    /// error sink. Refreshes, then emits removed().
    Q_INVOKABLE void remove(const QString &namespaceId);

Q_SIGNALS:
    /// The namespace @p name exists now.
    void created(const QString &name);
    /// The namespace is called @p name now.
    void renamed(const QString &namespaceId, const QString &name);
    /// The namespace @p namespaceId is deleted.
    void removed(const QString &namespaceId);

protected:
    QString action() const override;
    QVariant rowData(const QJsonObject &row, int role) const override;
};

} // namespace Latchkey::Dashboard

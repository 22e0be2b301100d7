#pragma once

#include "models/pagedlistmodel.h"

namespace Latchkey::Dashboard {

/// The overrides of one rate-limit namespace (`ratelimit.listOverrides`), with set and delete.
/// Identifiers may be wildcard patterns (`admin_*`, `*_test`); role `wildcard` tells them apart.
/// A namespace that does not exist (any more) is `notFound` (its 404 is the page's to say).
class RatelimitOverridesModel : public Latchkey::Dashboard::PagedListModel // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString namespaceName READ namespaceName WRITE setNamespaceName NOTIFY namespaceNameChanged)

public:
    enum Role { OverrideIdRole = Qt::UserRole + 1, IdentifierRole, LimitRole, DurationRole, WildcardRole };
    Q_ENUM(Role)

    explicit RatelimitOverridesModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

    /// The namespace's name or id; nothing is fetched while empty.
    QString namespaceName() const { return m_namespace; }
    void setNamespaceName(const QString &name);

    /// `ratelimit.setOverride` (creates or replaces); @p durationMs ≥ 1000; refreshes on success;
    /// a failure is the override dialog's (createFailed()).
    Q_INVOKABLE void set(const QString &identifier, qint64 limit, qint64 durationMs);
    /// `ratelimit.deleteOverride`; refreshes on success.
    Q_INVOKABLE void remove(const QString &identifier);
    /// Whether @p identifier, exactly as written, has an override already (`ratelimit.getOverride`,
    /// which a set would replace): existingLookedUp() with the answer. Only the newest lookup is
    /// answered; a failure reads as "none known" (the dialog then has nothing to warn of).
    Q_INVOKABLE void lookUpExisting(const QString &identifier);

Q_SIGNALS:
    void namespaceNameChanged();
    void saved(const QString &identifier);
    void removed(const QString &identifier);
    void existingLookedUp(const QString &identifier, bool found, qint64 limit, qint64 durationMs);

protected:
    QString action() const override;
    QJsonObject requestBody() const override;
    bool isReady() const override;
    bool belongsToOneObject() const override { return true; }
    QVariant rowData(const QJsonObject &row, int role) const override;

private:
    QString m_namespace;
    quint64 m_lookup = 0; ///< the newest lookUpExisting()'s number
};

} // namespace Latchkey::Dashboard

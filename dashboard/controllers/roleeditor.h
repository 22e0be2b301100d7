#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QtQmlIntegration>

#include <functional>

namespace Latchkey::Dashboard {

class ApiClient;

/// One role's permissions, for the Permissions page's role dialog: loads the role
/// (`permissions.getRole`), and adds or removes one permission at a time through
/// `permissions.setRolePermissions` (the role's whole list; a slug that does not exist yet is
/// created by the server). Every answer replaces `permissions` with the server's list; a refused
/// change leaves it as it was and sets `error`, which the dialog shows (not the error banner: it is
/// behind the modal dialog).
class RoleEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Latchkey::Dashboard::ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QString roleId READ roleId WRITE setRoleId NOTIFY roleIdChanged)
    Q_PROPERTY(QString name READ name NOTIFY roleChanged)
    Q_PROPERTY(QString description READ description NOTIFY roleChanged)
    Q_PROPERTY(QStringList permissions READ permissions NOTIFY roleChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY roleChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit RoleEditor(QObject *parent = nullptr);

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    QString roleId() const { return m_roleId; }
    /// Loads the role (an empty id clears the editor).
    void setRoleId(const QString &roleId);
    QString name() const { return m_name; }
    QString description() const { return m_description; }
    /// The role's permission slugs, sorted.
    QStringList permissions() const { return m_permissions; }
    bool loaded() const { return m_loaded; }
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }

    /// Loads the role again.
    Q_INVOKABLE void reload();
    /// Adds @p slug (trimmed; created by the server when missing). False when nothing was sent:
    /// not loaded, busy, already granted, or not a valid slug (then `error` says why).
    Q_INVOKABLE bool addPermission(const QString &slug);
    /// Removes @p slug. False when nothing was sent (not loaded, busy, not granted).
    Q_INVOKABLE bool removePermission(const QString &slug);

Q_SIGNALS:
    void clientChanged();
    void roleIdChanged();
    void roleChanged();
    void busyChanged();
    void errorChanged();
    /// A change was saved; the role list should be refreshed.
    void saved();

private:
    bool setPermissions(const QStringList &slugs);
    /// Posts @p action for the current role; @p apply gets the answer's data unless the role
    /// changed meanwhile or the call failed (then `error`).
    void send(const QString &action, const QJsonObject &body, const std::function<void(const QJsonValue &)> &apply);
    void setBusy(bool busy);
    void setError(const QString &error);

    QPointer<ApiClient> m_client;
    QString m_roleId;
    QString m_name;
    QString m_description;
    QStringList m_permissions;
    bool m_loaded = false;
    bool m_busy = false;
    QString m_error;
    quint64 m_generation = 0; ///< bumped per role: answers for an earlier one are dropped
};

} // namespace Latchkey::Dashboard

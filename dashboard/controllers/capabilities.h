#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

class ApiClient;

/// What the connected root key may do, asked from the server (`rootKeys.whoami`), never guessed
/// from 403 answers. Permissions match like the server matches them: literally, where
/// `api.<id>.<action>` is also granted by `api.*.<action>`.
///
/// Until the answer is known (or when the server has no `rootKeys.whoami`, answering 404), every
/// may() is true and nothing is greyed out; the server still refuses what the key may not do.
///
/// Lists and charts wait while `pending` (no answer for a connection: a whoami asked and not
/// answered yet, or none asked since clear()) rather than fetch what the key may turn out not to
/// read: `client: caps.pending ? null : session.client`.
///
/// A QML binding does not see what an invokable reads: bindings pass `revision` as the last
/// argument, `enabled: caps.may("api.*.create_key", caps.revision)`, so they are evaluated again
/// when the answer arrives (a sidebar made before whoami answered would stay enabled otherwise).
class Capabilities : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by the session")
    Q_PROPERTY(bool known READ known NOTIFY changed)
    /// No answer of rootKeys.whoami (neither the permissions nor a failure) for a connection: asked
    /// and not answered yet, or cleared (Disconnect). Cleared is not "unknown, go ahead": the pages
    /// still bound to it on their way out would take the client back and ask with no server.
    Q_PROPERTY(bool pending READ pending NOTIFY changed)
    Q_PROPERTY(QStringList permissions READ permissions NOTIFY changed)
    Q_PROPERTY(QString rootKeyId READ rootKeyId NOTIFY changed)
    Q_PROPERTY(QString rootKeyName READ rootKeyName NOTIFY changed)
    Q_PROPERTY(QString workspaceId READ workspaceId NOTIFY changed)
    /// Counts the answers (and clears) and the language changes (missing()'s sentences are
    /// translated when asked): what bindings pass to may()/mayAny()/missing().
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)

public:
    explicit Capabilities(QObject *parent = nullptr);

    [[nodiscard]] bool known() const { return m_known; }
    [[nodiscard]] bool pending() const { return !m_answered; }
    [[nodiscard]] QStringList permissions() const;
    [[nodiscard]] QString rootKeyId() const { return m_rootKeyId; }
    [[nodiscard]] QString rootKeyName() const { return m_rootKeyName; }
    [[nodiscard]] QString workspaceId() const { return m_workspaceId; }
    [[nodiscard]] int revision() const { return m_revision; }

    /// True when the key holds @p permission (or its `<resource>.*.<action>` wildcard), or when
    /// the permissions are not known. @p revision is not used: bindings pass `revision` (above).
    Q_INVOKABLE [[nodiscard]] bool may(const QString &permission, int revision = 0) const;
    /// True when may() holds for at least one of @p alternatives.
    Q_INVOKABLE [[nodiscard]] bool mayAny(const QStringList &alternatives, int revision = 0) const;
    /// For tooltips: "" when may(@p permission), else a sentence naming the missing permission in
    /// words and by its name (PermissionWords::lacking()).
    Q_INVOKABLE [[nodiscard]] QString missing(const QString &permission, int revision = 0) const;
    /// missing() for lists that show what the key may read of them (ratelimit.listNamespaces):
    /// "" when the key holds @p permission (`<resource>.*.<action>`) or the same action on any one
    /// `<resource>.<id>`, else the sentence naming @p permission.
    Q_INVOKABLE [[nodiscard]] QString missingEverywhere(const QString &permission, int revision = 0) const;

    /// Asks @p client's server; `changed` follows when the answer arrives.
    void refresh(ApiClient *client);
    /// Back to "unknown" and `pending` until the next answer (disconnected).
    void clear();
    /// Sets the answer directly (tests, and the whoami reply).
    void setPermissions(const QStringList &permissions);

Q_SIGNALS:
    void changed();
    void revisionChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Counts `revision` up and says so (with `changed` when @p answered: what else changed).
    void bump(bool answered = true);

    bool m_known = false;
    /// whoami answered (or setPermissions()) since the last clear().
    bool m_answered = false;
    QSet<QString> m_permissions;
    QString m_rootKeyId;
    QString m_rootKeyName;
    QString m_workspaceId;
    QPointer<ApiClient> m_pendingClient;
    quint64 m_pendingCall = 0;
    int m_revision = 0;
};

} // namespace Latchkey::Dashboard

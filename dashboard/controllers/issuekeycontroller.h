#pragma once

#include "client/apiclient.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace Latchkey::Dashboard {

/// The "Issue key" dialog's form and its one keys.createKey call.
///
/// The form fields are plain properties QML binds to. validate() checks them the way the server
/// does (KeyValidation) and fills `errors` (field -> message; fields: "apiId", "prefix", "name",
/// "externalId", "meta", "expires", "credits", "ratelimits", "permissions", "roles"); issue()
/// validates, sends, and on success holds the new key in `newKey` with a ready `curlCommand` that
/// verifies it. When the server still refuses (or does not answer), what went wrong is in
/// `serverError` and the server's own words in `serverDetail`, which the dialog shows; not in the
/// error banner, which is behind the modal dialog.
///
/// Roles and permissions the workspace does not have yet are only listed (`newRoles`,
/// `newPermissions`) until issue(): nothing is created while the form is being filled in, so
/// Cancel leaves nothing behind. issue() then creates the new roles (permissions.createRole) and
/// sends keys.createKey, which creates the new permissions itself.
///
/// The new key's plaintext exists only here and only until clear() (the dialog calls it when it
/// closes) or the controller is destroyed; it is overwritten before it is released. The curl line
/// carries the root key only as the shell variable `$ROOT_KEY`, never its value.
class IssueKeyController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Latchkey::Dashboard::ApiClient *client READ client WRITE setClient NOTIFY clientChanged)

    Q_PROPERTY(QString apiId MEMBER m_apiId NOTIFY formChanged)
    Q_PROPERTY(QString prefix MEMBER m_prefix NOTIFY formChanged)
    Q_PROPERTY(QString name MEMBER m_name NOTIFY formChanged)
    Q_PROPERTY(QString externalId MEMBER m_externalId NOTIFY formChanged)
    Q_PROPERTY(QString metaText MEMBER m_metaText NOTIFY formChanged)
    /// Unix ms; 0 = never.
    Q_PROPERTY(double expires MEMBER m_expires NOTIFY formChanged)
    Q_PROPERTY(bool creditsUnlimited MEMBER m_creditsUnlimited NOTIFY formChanged)
    Q_PROPERTY(double creditsRemaining MEMBER m_creditsRemaining NOTIFY formChanged)
    /// "", "daily" or "monthly".
    Q_PROPERTY(QString refillInterval MEMBER m_refillInterval NOTIFY formChanged)
    Q_PROPERTY(double refillAmount MEMBER m_refillAmount NOTIFY formChanged)
    Q_PROPERTY(int refillDay MEMBER m_refillDay NOTIFY formChanged)
    /// [{name, limit, duration (ms), autoApply}]
    Q_PROPERTY(QVariantList ratelimits MEMBER m_ratelimits NOTIFY formChanged)
    /// Slugs; unknown ones are created by the server.
    Q_PROPERTY(QStringList permissions MEMBER m_permissions NOTIFY formChanged)
    /// Names of roles; those in `newRoles` are created by issue() first.
    Q_PROPERTY(QStringList roles MEMBER m_roles NOTIFY formChanged)
    /// The chosen roles that do not exist yet. A role that exists by the time issue() creates it
    /// (someone else made it) counts as created.
    Q_PROPERTY(QStringList newRoles MEMBER m_newRoles NOTIFY formChanged)
    /// The chosen permissions that do not exist yet (keys.createKey creates them).
    Q_PROPERTY(QStringList newPermissions MEMBER m_newPermissions NOTIFY formChanged)
    Q_PROPERTY(bool recoverable MEMBER m_recoverable NOTIFY formChanged)
    Q_PROPERTY(bool enabled MEMBER m_enabled NOTIFY formChanged)
    /// Something was entered since the form was cleared or markUnmodified() (closing the dialog
    /// would lose it). The chosen API does not count: clear() keeps it. Blank text counts as empty,
    /// and an unlimited key's credit figures as none.
    Q_PROPERTY(bool modified READ modified NOTIFY formChanged)

    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    /// Why the server refused the last issue() (or why it got no answer), in the UI's language.
    Q_PROPERTY(QString serverError READ serverError NOTIFY errorsChanged)
    /// The server's own words about that, when they say more than `serverError` (which permission
    /// is missing, where `serverError` is a translated "lacks the permission for this"); else "".
    Q_PROPERTY(QString serverDetail READ serverDetail NOTIFY errorsChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool issued READ issued NOTIFY issuedChanged)
    Q_PROPERTY(QString newKey READ newKey NOTIFY issuedChanged)
    Q_PROPERTY(QString newKeyId READ newKeyId NOTIFY issuedChanged)
    /// A shell command that verifies the new key against this server; the root key is `$ROOT_KEY`.
    Q_PROPERTY(QString curlCommand READ curlCommand NOTIFY issuedChanged)

public:
    explicit IssueKeyController(QObject *parent = nullptr);
    ~IssueKeyController() override;

    [[nodiscard]] ApiClient *client() const;
    void setClient(ApiClient *client);

    [[nodiscard]] bool modified() const { return formState() != m_startState; }
    [[nodiscard]] QVariantMap errors() const { return m_errors; }
    [[nodiscard]] QString serverError() const { return m_serverError; }
    [[nodiscard]] QString serverDetail() const { return m_serverDetail; }
    [[nodiscard]] bool busy() const { return m_request != 0; }
    [[nodiscard]] bool issued() const { return !m_newKeyId.isEmpty(); }
    [[nodiscard]] QString newKey() const { return m_newKey; }
    [[nodiscard]] QString newKeyId() const { return m_newKeyId; }
    [[nodiscard]] QString curlCommand() const;
    /// The curl line that verifies @p key at the server of @p baseUrl (the same URL ApiClient
    /// posts to); the root key only as `$ROOT_KEY`. Shared with the reroll's new-key dialog.
    [[nodiscard]] static QString verifyCommand(const QUrl &baseUrl, const QString &key);

    /// Checks every field; fills `errors`; true when the form may be sent.
    Q_INVOKABLE bool validate();
    /// The keys.createKey body the form describes (valid forms only).
    [[nodiscard]] QJsonObject requestBody() const;
    /// Validates, creates the new roles, then sends keys.createKey; false when the form was
    /// refused locally or a call is already in flight.
    Q_INVOKABLE bool issue();
    /// Puts @p text on the system clipboard (the key, its id or the curl line).
    Q_INVOKABLE void copyToClipboard(const QString &text) const;
    /// Forgets the new key (overwritten, then released) and resets the form to its defaults; the
    /// API stays chosen. The dialog calls this when it closes.
    Q_INVOKABLE void clear();
    /// The form as it is now (a pre-fill: an owner's page fills in the owner) is where it starts:
    /// `modified` stays false until something else is entered.
    Q_INVOKABLE void markUnmodified();

Q_SIGNALS:
    void clientChanged();
    void formChanged();
    void errorsChanged();
    void busyChanged();
    void issuedChanged();
    /// keys.createKey succeeded.
    void keyIssued(const QString &keyId);
    /// keys.createKey or the creation of a new role failed; @p detail is also in `serverError`.
    void issueFailed(const QString &detail);
    /// issue() created a role, or issued a key with new permissions (which the server created):
    /// lists of the workspace's permissions and roles are out of date.
    void rbacChanged();

private:
    /// Creates the next chosen role of `newRoles`, or sends keys.createKey when none is left.
    void createRolesThenKey();
    void finishRole(const QString &role, const ApiResult &result);
    void finishIssue(const ApiResult &result);
    /// Says @p text in `serverError`, and the server's words of @p result when they say more.
    void fail(const QString &text, const ApiResult &result);
    void wipeKey();
    /// What the user can enter, as `modified` compares it.
    [[nodiscard]] QVariantList formState() const;

    QPointer<ApiClient> m_client;
    QString m_apiId;
    QString m_prefix;
    QString m_name;
    QString m_externalId;
    QString m_metaText;
    double m_expires = 0;
    bool m_creditsUnlimited = true;
    double m_creditsRemaining = 0;
    QString m_refillInterval;
    double m_refillAmount = 0;
    int m_refillDay = 1;
    QVariantList m_ratelimits;
    QStringList m_permissions;
    QStringList m_roles;
    QStringList m_newRoles;
    QStringList m_newPermissions;
    bool m_recoverable = false;
    bool m_enabled = true;
    QVariantList m_startState = formState();

    QVariantMap m_errors;
    QString m_serverError;
    QString m_serverDetail;
    quint64 m_request = 0;
    QString m_newKey;
    QString m_newKeyId;
};

} // namespace Latchkey::Dashboard

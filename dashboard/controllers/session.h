#pragma once

#include "apiclient.h"
#include "capabilities.h"
#include "formatter.h"
#include "settingscontroller.h"

#include <QObject>
#include <QVariantMap>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

/// What every page is handed (`required property Session session`): the API client of the
/// current connection, what its root key may do, locale-aware formatting, and navigation.
///
/// Navigation is by page name from qml/PageRegistry.qml: `session.openPage("keyDetail",
/// {keyId: id})` asks the shell to push that page with those properties set.
class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by main() or the tests")
    Q_PROPERTY(Latchkey::Dashboard::ApiClient *client READ client CONSTANT)
    Q_PROPERTY(Latchkey::Dashboard::Capabilities *capabilities READ capabilities CONSTANT)
    Q_PROPERTY(Latchkey::Dashboard::Formatter *format READ format CONSTANT)
    Q_PROPERTY(Latchkey::Dashboard::SettingsController *settings READ settings CONSTANT)
    Q_PROPERTY(bool connected READ connected NOTIFY connectedChanged)
    /// Where this connection's root key can be read: the local server's key file when connected
    /// to the server this app runs (for curl lines that need `$ROOT_KEY`); "" otherwise.
    Q_PROPERTY(QString rootKeyFile READ rootKeyFile NOTIFY rootKeyFileChanged)

public:
    explicit Session(QObject *parent = nullptr);

    [[nodiscard]] ApiClient *client() const { return m_client; }
    [[nodiscard]] Capabilities *capabilities() const { return m_capabilities; }
    [[nodiscard]] Formatter *format() const { return m_format; }
    [[nodiscard]] SettingsController *settings() const { return m_settings; }
    [[nodiscard]] bool connected() const { return m_connected; }
    [[nodiscard]] QString rootKeyFile() const { return m_rootKeyFile; }
    /// Set by DashboardApp, which knows the local server.
    void setRootKeyFile(const QString &path);

    /// Points the client at a server and asks what the key may do. No check that it answers:
    /// ConnectionController does that before calling this.
    void connectTo(const QUrl &baseUrl, const QString &rootKey);
    /// Forgets the connection (back to the start screen).
    Q_INVOKABLE void disconnectFromServer();

    /// Asks the shell to show page @p name (see qml/PageRegistry.qml) with @p properties set.
    Q_INVOKABLE void openPage(const QString &name, const QVariantMap &properties = {});
    /// Asks the shell to open the issue-key dialog (Ctrl+N), optionally pre-filled (e.g. apiId,
    /// externalId).
    Q_INVOKABLE void requestIssueKey(const QVariantMap &prefill = {});

Q_SIGNALS:
    void connectedChanged();
    void rootKeyFileChanged();
    void pageRequested(const QString &name, const QVariantMap &properties);
    void issueKeyRequested(const QVariantMap &prefill);
    /// The workspace's permissions or roles changed outside their own page (a key page granting
    /// a slug the server created, a role created on the fly): lists of them refresh. Emitted from
    /// QML by whoever made the change.
    void rbacChanged();
    /// Keys were issued outside the page that lists them (the one issue-key dialog, opened from
    /// the toolbar, Ctrl+N or the sidebar): key lists that are open refresh. Emitted from QML.
    void keysChanged();
    /// An API was created outside the APIs page (the issue dialog's "New API"): lists of the
    /// workspace's APIs that are open (the APIs page, the Overview's first step) refresh. Emitted
    /// from QML.
    void apisChanged();
    /// Key @p keyId changed on its page (a save), or its page closed and it may have been used
    /// meanwhile: key lists that show it fetch its row again, whichever way the page was opened
    /// (a list row, Ctrl+K, the issue dialog's "Open key"). Emitted from QML by the key page.
    void keyUpdated(const QString &keyId);
    /// Key @p keyId was deleted on its page: other pages of it still in the stack are dead ends
    /// (Back skips them). Emitted from QML by the key page.
    void keyDeleted(const QString &keyId);
    /// A short confirmation for the window's notice line (e.g. "Key “x” deleted"), shown on the
    /// page the user lands on. Emitted from QML.
    void notice(const QString &text);

private:
    ApiClient *m_client;
    Capabilities *m_capabilities;
    Formatter *m_format;
    SettingsController *m_settings;
    bool m_connected = false;
    QString m_rootKeyFile;
};

} // namespace Latchkey::Dashboard

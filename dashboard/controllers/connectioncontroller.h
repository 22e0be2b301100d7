#pragma once

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

class ApiClient;
class RootKeyVault;
class Session;

/// The start screen's logic: connect the session to a server URL with a root key after checking
/// that the server answers and accepts the key; remember recent connections (QSettings) and their
/// root keys (RootKeyVault, only where a secret service exists).
///
/// Plain http:// to a host that is not loopback is refused unless the user confirmed it
/// (the root key would cross the network in clear). TLS errors fail the connection and are shown.
class ConnectionController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by main()")
    /// [{url, lastUsed (unix ms), keyStored}], newest first; the local server is not listed (its
    /// port changes with every start; "Start a local server" is the way back to it).
    Q_PROPERTY(QVariantList recentConnections READ recentConnections NOTIFY recentConnectionsChanged)
    Q_PROPERTY(bool connecting READ connecting NOTIFY stateChanged)
    /// Connecting has waited kSlowAfterMs for the server's answer (a server that accepted the
    /// connection but does not answer): the start screen says so and offers cancel().
    Q_PROPERTY(bool slow READ slow NOTIFY stateChanged)
    /// Why the last attempt failed ("" after success).
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    /// Whether root keys can be stored; keychainStatus says why not.
    Q_PROPERTY(bool keychainAvailable READ keychainAvailable NOTIFY keychainChanged)
    Q_PROPERTY(QString keychainStatus READ keychainStatus NOTIFY keychainChanged)
    /// The technical cause behind keychainStatus (for a tooltip), empty when there is none.
    Q_PROPERTY(QString keychainDetail READ keychainDetail NOTIFY keychainChanged)

public:
    /// How long connecting waits before it counts as slow.
    static constexpr int kSlowAfterMs = 10000;
    /// How long the check waits for bytes from the server before it gives up.
    static constexpr int kProbeTimeoutMs = 20000;

    ConnectionController(Session *session, RootKeyVault *vault, QObject *parent = nullptr);

    [[nodiscard]] QVariantList recentConnections() const { return m_recent; }
    [[nodiscard]] bool connecting() const { return m_connecting; }
    [[nodiscard]] bool slow() const { return m_slow; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] bool keychainAvailable() const;
    [[nodiscard]] QString keychainStatus() const;
    [[nodiscard]] QString keychainDetail() const;

    /// The URL a user typed, made absolute ("localhost:7070" → "http://localhost:7070"); invalid
    /// when it cannot be a server address.
    [[nodiscard]] static QUrl normalizedUrl(const QString &text);
    /// "" when @p url can be connected to, else why not.
    Q_INVOKABLE [[nodiscard]] QString validateUrl(const QString &url) const;
    /// True for http:// to a host that is not loopback (asks for confirmation first).
    Q_INVOKABLE [[nodiscard]] bool needsInsecureConfirmation(const QString &url) const;

    /// Checks the server and key, then connects the session; connected() or failed() follows
    /// (at once, without a request, when validateUrl() refuses the address).
    /// @p remember: keep the URL in the recent list and the key in the vault.
    Q_INVOKABLE void connectToServer(const QString &url, const QString &rootKey, bool remember,
                                     bool insecureConfirmed = false);
    /// connectToServer() for `--connect URL --root-key-file FILE`: the URL joins the recent list
    /// (after Disconnect the start screen offers the connection just used), the key is not stored
    /// (it stays where the user keeps it, in the file; reconnecting asks for it, unless a key for
    /// @p url was stored before).
    void connectFromCommandLine(const QString &url, const QString &rootKey);
    /// Connects with the key stored for @p url, or emits rootKeyNeeded() when there is none.
    Q_INVOKABLE void connectRecent(const QString &url);
    /// Gives up the attempt in progress: neither connected() nor failed() follows.
    Q_INVOKABLE void cancel();
    /// Forgets why the last attempt failed (error() becomes ""): the start screen calls it when
    /// the address or the key is edited, so an old "cannot connect" does not stand under a new
    /// address. Nothing while connecting.
    Q_INVOKABLE void clearError();
    /// Removes @p url from the recent list and its key from the vault.
    Q_INVOKABLE void forget(const QString &url);
    /// Connects to the in-process local server (not remembered; its key is in its data folder).
    void connectLocal(const QUrl &url, const QString &rootKey);

Q_SIGNALS:
    void recentConnectionsChanged();
    void stateChanged();
    void keychainChanged();
    void connected();
    void failed(const QString &detail);
    /// connectRecent() found no stored key for @p url: ask the user.
    void rootKeyNeeded(const QString &url);

protected:
    /// Watches the application for a language change: keychainStatus is then read again.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// What a successful connection leaves in the recent list and the vault.
    enum class Remember { Nothing, Url, UrlAndKey };

    void start(const QString &url, const QString &rootKey, Remember remember, bool insecureConfirmed);
    void probe(const QUrl &url, const QString &rootKey, Remember remember);
    void probeFallback(const QUrl &url, const QString &rootKey, Remember remember);
    void succeed(const QUrl &url, const QString &rootKey, Remember remember);
    void fail(const QString &detail);
    void setConnecting(bool connecting);
    void remember(const QString &url, bool keyStored);
    void saveRecent();

    Session *m_session;
    RootKeyVault *m_vault;
    ApiClient *m_probe;
    QVariantList m_recent;
    QTimer *m_slowTimer;
    bool m_connecting = false;
    bool m_slow = false;
    /// Counts attempts: an answer (or a keychain read) for an older one is dropped.
    quint64 m_attempt = 0;
    QString m_error;
};

} // namespace Latchkey::Dashboard

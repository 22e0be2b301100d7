#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Latchkey::Test {

/// One HTTP response read off a real socket.
struct HttpResponse {
    int status = 0; ///< 0: no complete response (refused, reset, timed out); see transportError
    QByteArray reason; ///< reason phrase of the status line
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body; ///< de-chunked
    QString transportError;

    /// Value of the first header named @p name (case-insensitive), or a null QByteArray.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    /// The body as a JSON object (empty if it is not one).
    [[nodiscard]] QJsonObject json() const;
    [[nodiscard]] QJsonObject data() const { return json().value(u"data").toObject(); }
    [[nodiscard]] QJsonObject error() const { return json().value(u"error").toObject(); }
    [[nodiscard]] QString requestId() const;
    /// "status: body" (or the transport error) for QVERIFY2 messages.
    [[nodiscard]] QByteArray describe() const;
};

/// Where and how RawHttp::exchange() connects.
struct HttpTarget {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    bool tls = false;
    QString tlsPeerName; ///< name the certificate must carry (default: host)
    QList<QSslCertificate> trustedCertificates; ///< the only CAs trusted for TLS
};

/// A deliberately small, synchronous HTTP/1.1 client over QTcpSocket/QSslSocket, so tests can
/// send exactly the bytes they mean (malformed requests included). One request per connection.
namespace RawHttp {
/// Writes @p request as given and reads one response: complete once the headers and
/// Content-Length bytes (or the last chunk) have arrived, or the server closed the connection.
[[nodiscard]] HttpResponse exchange(const HttpTarget &target, const QByteArray &request, int timeoutMs = 10000);
/// Builds a request with Host, Content-Length and "Connection: close".
[[nodiscard]] QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
    const QList<QPair<QByteArray, QByteArray>> &headers = {});
} // namespace RawHttp

/// Starts and stops the real latchkeyd binary (binaryPath()) on a free loopback port, over a
/// data folder that is either given (to restart on the same data) or a fresh temporary one.
///
/// The process gets the caller's environment without any LATCHKEY_* variable, plus
/// LATCHKEY_BOOTSTRAP_ROOT_KEY=rootKey() unless cleared with setRootKey({}). Its stderr (the log)
/// goes to a file per start, readable with standardError() even after kill().
///
/// @code
/// LatchkeydProcess server;
/// QVERIFY2(server.start(), qPrintable(server.lastError()));
/// const HttpResponse created = server.call(u"apis.createApi"_s, {{u"name"_s, u"shop"_s}});
/// @endcode
class LatchkeydProcess
{
public:
    explicit LatchkeydProcess(const QString &dataDir = {});
    ~LatchkeydProcess(); ///< SIGKILLs a still-running process
    LatchkeydProcess(const LatchkeydProcess &) = delete;
    LatchkeydProcess &operator=(const LatchkeydProcess &) = delete;

    /// $LATCHKEYD if set, else the latchkeyd of this build (LATCHKEYD_PATH).
    [[nodiscard]] static QString binaryPath();
    /// A port that was free a moment ago (bound to port 0 on 127.0.0.1, read, released).
    [[nodiscard]] static quint16 freePort();
    /// A fresh random root key ("lkroot_e2e_...").
    [[nodiscard]] static QString generateRootKey();

    /// Seeded via LATCHKEY_BOOTSTRAP_ROOT_KEY on an empty store; empty: not passed.
    void setRootKey(const QString &rootKey) { m_rootKey = rootKey; }
    /// Arguments after --listen/--data-dir.
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    void setEnvironmentVariable(const QString &name, const QString &value) { m_extraEnvironment.insert(name, value); }
    /// Whether start() passes --listen and --data-dir (default true); without them the caller
    /// supplies the address via environment or config and tells the port with setPort().
    void setPassAddressFlags(bool pass) { m_passAddressFlags = pass; }
    void setPort(quint16 port) { m_port = port; }
    /// Speak HTTPS to the server, trusting only @p certificates, expecting @p peerName.
    void setTls(const QList<QSslCertificate> &certificates, const QString &peerName);

    /// Starts the binary and polls GET /v2/liveness until it answers 200. False if the process
    /// exits or is not ready within @p timeoutMs; lastError() then includes its stderr.
    [[nodiscard]] bool start(int timeoutMs = 20000);
    /// SIGTERM, then waits. Returns the exit code, or -1 if it crashed or did not exit in time
    /// (it is then killed).
    int terminate(int timeoutMs = 15000);
    /// SIGKILL (kill -9) and reap.
    void kill();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] qint64 processId() const;

    /// POST /v2/<route> with a JSON body and `Authorization: Bearer <rootKey>` (default: rootKey()).
    HttpResponse call(const QString &route, const QJsonObject &body, const QString &rootKey = {}) const;
    /// Any request bytes, sent as they are.
    HttpResponse sendRaw(const QByteArray &request, int timeoutMs = 10000) const;
    /// GET /v2/liveness answers 200.
    [[nodiscard]] bool isLive(int timeoutMs = 2000) const;

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString dataDir() const { return m_dataDir; }
    [[nodiscard]] QString rootKey() const { return m_rootKey; }
    [[nodiscard]] HttpTarget target() const { return m_target; }
    /// Everything the current (or last) run wrote to stderr / stdout.
    [[nodiscard]] QByteArray standardError() const;
    [[nodiscard]] QByteArray standardOutput() const;
    [[nodiscard]] QString lastError() const { return m_lastError; }

    /// Result of a run to completion (run()).
    struct Finished {
        bool finished = false; ///< false: timed out and was killed
        int exitCode = -1;
        QProcess::ExitStatus exitStatus = QProcess::CrashExit;
        QByteArray standardOutput;
        QByteArray standardError;
        /// Non-empty lines of stderr.
        [[nodiscard]] QList<QByteArray> errorLines() const;
    };
    /// Runs latchkeyd with exactly @p arguments (for flags that make it exit) and waits.
    [[nodiscard]] static Finished run(
        const QStringList &arguments, const QProcessEnvironment &extraEnvironment = {}, int timeoutMs = 15000);

    /// The caller's environment without LATCHKEY_* variables.
    [[nodiscard]] static QProcessEnvironment cleanEnvironment();

private:
    QString logPath(const char *stream) const;

    std::unique_ptr<QTemporaryDir> m_ownedDataDir;
    QTemporaryDir m_logDir;
    QString m_dataDir;
    QString m_rootKey;
    QStringList m_extraArguments;
    QProcessEnvironment m_extraEnvironment;
    bool m_passAddressFlags = true;
    quint16 m_port = 0;
    HttpTarget m_target;
    std::unique_ptr<QProcess> m_process;
    int m_runs = 0;
    QString m_lastError;
};

} // namespace Latchkey::Test

#include "latchkeydprocess.h"
#include "testpaths.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Latchkey::Test {

namespace {

QByteArray headerValue(const QList<QPair<QByteArray, QByteArray>> &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

/// Decodes a chunked body starting at @p from. False while it is incomplete.
bool decodeChunked(const QByteArray &buffer, qsizetype from, QByteArray &body)
{
    body.clear();
    qsizetype pos = from;
    while (true) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return false;
        QByteArray sizeText = buffer.mid(pos, lineEnd - pos);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qsizetype size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok)
            return true; // garbage framing: report what we have rather than wait forever
        pos = lineEnd + 2;
        if (size == 0)
            return buffer.indexOf("\r\n", pos) >= 0;
        if (buffer.size() < pos + size + 2)
            return false;
        body += buffer.mid(pos, size);
        pos += size + 2;
    }
}

/// Parses @p buffer into @p out. True once a whole response is there (or, when @p closed, as
/// much of one as will ever come).
bool parseResponse(QByteArray buffer, bool closed, HttpResponse &out)
{
    while (true) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return false;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> statusLine = lines.constFirst().trimmed().split(' ');
        out.status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : 0;
        out.reason = statusLine.size() >= 3 ? statusLine.mid(2).join(' ') : QByteArray();
        out.headers.clear();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                out.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        const qsizetype bodyStart = headerEnd + 4;
        if (out.status == 100) { // interim answer to "Expect: 100-continue"
            buffer.remove(0, bodyStart);
            continue;
        }
        if (headerValue(out.headers, "transfer-encoding").toLower().contains("chunked"))
            return decodeChunked(buffer, bodyStart, out.body) || closed;
        const QByteArray length = headerValue(out.headers, "content-length");
        if (!length.isNull()) {
            const qsizetype wanted = length.toLongLong();
            out.body = buffer.mid(bodyStart, wanted);
            return out.body.size() >= wanted || closed;
        }
        out.body = buffer.mid(bodyStart);
        return closed;
    }
}

std::unique_ptr<QTcpSocket> connectSocket(const HttpTarget &target, const QDeadlineTimer &deadline, QString &error)
{
    const int timeout = int(qMax<qint64>(1, deadline.remainingTime()));
    if (!target.tls) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(target.host, target.port);
        if (!socket->waitForConnected(timeout)) {
            error = u"connect failed: "_s + socket->errorString();
            return nullptr;
        }
        return socket;
    }
    auto socket = std::make_unique<QSslSocket>();
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(target.trustedCertificates);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket->setSslConfiguration(config);
    socket->connectToHostEncrypted(
        target.host, target.port, target.tlsPeerName.isEmpty() ? target.host : target.tlsPeerName);
    if (!socket->waitForEncrypted(timeout)) {
        QStringList reasons {socket->errorString()};
        for (const QSslError &sslError : socket->sslHandshakeErrors())
            reasons.append(sslError.errorString());
        error = u"TLS handshake failed: "_s + reasons.join(u"; "_s);
        return nullptr;
    }
    return socket;
}

} // namespace

QByteArray HttpResponse::header(QByteArrayView name) const
{
    return headerValue(headers, name);
}

QJsonObject HttpResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpResponse::requestId() const
{
    return json().value(u"meta").toObject().value(u"requestId").toString();
}

QByteArray HttpResponse::describe() const
{
    if (status == 0)
        return "no response: " + transportError.toUtf8();
    return QByteArray::number(status) + ' ' + body.left(2000);
}

namespace RawHttp {

HttpResponse exchange(const HttpTarget &target, const QByteArray &request, int timeoutMs)
{
    HttpResponse response;
    const QDeadlineTimer deadline(timeoutMs);
    std::unique_ptr<QTcpSocket> socket = connectSocket(target, deadline, response.transportError);
    if (!socket)
        return response;
    socket->write(request);
    while (socket->bytesToWrite() > 0 && socket->state() == QAbstractSocket::ConnectedState && !deadline.hasExpired())
        socket->waitForBytesWritten(int(qMax<qint64>(1, deadline.remainingTime())));

    QByteArray buffer;
    while (true) {
        buffer += socket->readAll();
        if (parseResponse(buffer, false, response))
            return response;
        if (socket->state() != QAbstractSocket::ConnectedState)
            break;
        if (deadline.hasExpired()) {
            response.transportError = u"timed out after %1 ms with %2 bytes read"_s.arg(timeoutMs).arg(buffer.size());
            response.status = 0;
            return response;
        }
        socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    buffer += socket->readAll();
    if (!parseResponse(buffer, true, response)) {
        response.status = 0;
        response.transportError
            = u"connection closed after %1 bytes: %2"_s.arg(buffer.size()).arg(socket->errorString());
    }
    return response;
}

QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray bytes = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto &[name, value] : headers)
        bytes += name + ": " + value + "\r\n";
    if (method != "GET" || !body.isEmpty())
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return bytes + "\r\n" + body;
}

} // namespace RawHttp

QList<QByteArray> LatchkeydProcess::Finished::errorLines() const
{
    QList<QByteArray> lines;
    for (const QByteArray &line : standardError.split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line);
    }
    return lines;
}

LatchkeydProcess::LatchkeydProcess(const QString &dataDir)
{
    if (dataDir.isEmpty()) {
        m_ownedDataDir = std::make_unique<QTemporaryDir>();
        m_dataDir = m_ownedDataDir->path();
    } else {
        m_dataDir = dataDir;
    }
    m_rootKey = generateRootKey();
}

LatchkeydProcess::~LatchkeydProcess()
{
    kill();
}

QString LatchkeydProcess::binaryPath()
{
    // $LATCHKEYD runs the suites against another build of the binary (a sanitizer build, say).
    const QString overridden = qEnvironmentVariable("LATCHKEYD");
    return overridden.isEmpty() ? QString::fromLocal8Bit(LATCHKEYD_PATH) : overridden;
}

quint16 LatchkeydProcess::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QString LatchkeydProcess::generateRootKey()
{
    static constexpr char alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    QString key = u"lkroot_e2e_"_s;
    for (int i = 0; i < 24; ++i)
        key += QChar::fromLatin1(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    return key;
}

QProcessEnvironment LatchkeydProcess::cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(u"LATCHKEY_"))
            environment.remove(name);
    }
    return environment;
}

void LatchkeydProcess::setTls(const QList<QSslCertificate> &certificates, const QString &peerName)
{
    m_target.tls = true;
    m_target.trustedCertificates = certificates;
    m_target.tlsPeerName = peerName;
}

QString LatchkeydProcess::logPath(const char *stream) const
{
    return m_logDir.filePath(QString::fromLatin1(stream) + u'-' + QString::number(m_runs) + u".log"_s);
}

bool LatchkeydProcess::start(int timeoutMs)
{
    if (isRunning()) {
        m_lastError = u"latchkeyd is already running"_s;
        return false;
    }
    QStringList arguments;
    if (m_passAddressFlags) {
        m_port = freePort();
        arguments << u"--listen"_s << u"127.0.0.1:"_s + QString::number(m_port) << u"--data-dir"_s << m_dataDir;
    }
    arguments += m_extraArguments;
    m_target.port = m_port;

    QProcessEnvironment environment = cleanEnvironment();
    if (!m_rootKey.isEmpty())
        environment.insert(u"LATCHKEY_BOOTSTRAP_ROOT_KEY"_s, m_rootKey);
    for (const QString &name : m_extraEnvironment.keys())
        environment.insert(name, m_extraEnvironment.value(name));

    ++m_runs;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(environment);
    m_process->setStandardErrorFile(logPath("stderr"));
    m_process->setStandardOutputFile(logPath("stdout"));
    m_process->start(binaryPath(), arguments);
    if (!m_process->waitForStarted(10000)) {
        m_lastError = u"cannot start %1: %2"_s.arg(binaryPath(), m_process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (isLive(1000))
            return true;
        if (m_process->state() == QProcess::NotRunning || m_process->waitForFinished(25)) {
            m_lastError = u"latchkeyd exited (code %1) before it was ready; stderr: %2"_s.arg(m_process->exitCode())
                              .arg(QString::fromUtf8(standardError()));
            return false;
        }
    }
    m_lastError
        = u"latchkeyd was not ready within %1 ms; stderr: %2"_s.arg(timeoutMs).arg(QString::fromUtf8(standardError()));
    kill();
    return false;
}

int LatchkeydProcess::terminate(int timeoutMs)
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return m_process && m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs)) {
        kill();
        return -1;
    }
    const int code = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    // A graceful stop that fails says why: the end of the process's log lands in the test output.
    if (code != 0)
        qWarning("latchkeyd exited with %d after SIGTERM; its log ends with:\n%s", code,
                 standardError().right(6000).constData());
    return code;
}

void LatchkeydProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
}

bool LatchkeydProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 LatchkeydProcess::processId() const
{
    return m_process ? m_process->processId() : 0;
}

HttpResponse LatchkeydProcess::call(const QString &route, const QJsonObject &body, const QString &rootKey) const
{
    const QString key = rootKey.isEmpty() ? m_rootKey : rootKey;
    return sendRaw(RawHttp::request("POST", "/v2/" + route.toUtf8(), QJsonDocument(body).toJson(QJsonDocument::Compact),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + key.toUtf8()}}));
}

HttpResponse LatchkeydProcess::sendRaw(const QByteArray &request, int timeoutMs) const
{
    return RawHttp::exchange(m_target, request, timeoutMs);
}

bool LatchkeydProcess::isLive(int timeoutMs) const
{
    return RawHttp::exchange(m_target, RawHttp::request("GET", "/v2/liveness"), timeoutMs).status == 200;
}

QByteArray LatchkeydProcess::standardError() const
{
    QFile file(logPath("stderr"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray LatchkeydProcess::standardOutput() const
{
    QFile file(logPath("stdout"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

LatchkeydProcess::Finished LatchkeydProcess::run(
    const QStringList &arguments, const QProcessEnvironment &extraEnvironment, int timeoutMs)
{
    QProcessEnvironment environment = cleanEnvironment();
    for (const QString &name : extraEnvironment.keys())
        environment.insert(name, extraEnvironment.value(name));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(binaryPath(), arguments);
    Finished result;
    if (!process.waitForStarted(10000))
        return result;
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    return result;
}

} // namespace Latchkey::Test

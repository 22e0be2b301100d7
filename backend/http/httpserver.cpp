#include "http/httpserver.h"

#include "core/loopround.h"
#include "http/epolleventdispatcher.h"
#include "http/httplogging.h"
#include "http/httpworker.h"
#include "http/tcpacceptor.h"

#include <QSemaphore>
#include <QSslKey>
#include <QSslSocket>
#include <QStringBuilder>
#include <QAbstractEventDispatcher>
#include <QThread>

#include <memory>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Latchkey::Http {

namespace {

QString describeListenError(const QTcpServer &server)
{
    switch (server.serverError()) {
    case QAbstractSocket::AddressInUseError:
        return u"address already in use"_s;
    case QAbstractSocket::SocketAccessError:
        return u"permission denied"_s;
    case QAbstractSocket::SocketAddressNotAvailableError:
        return u"address not available"_s;
    default:
        return server.errorString();
    }
}

/// Why @p tls cannot serve HTTPS, or an empty string when it can.
QString tlsConfigurationProblem(const std::optional<QSslConfiguration> &tls)
{
    if (!tls)
        return {};
    if (!QSslSocket::supportsSsl())
        return u"TLS is not available (no TLS backend)"_s;
    if (tls->localCertificate().isNull() || tls->privateKey().isNull())
        return u"the TLS configuration has no certificate or no private key"_s;
    return {};
}

int workerCount(const HttpServerConfig &config)
{
    return config.workerThreads > 0 ? config.workerThreads : qMax(1, QThread::idealThreadCount());
}

bool useEpoll(const HttpServerConfig &config)
{
    return config.workerEventLoop == HttpServerConfig::WorkerEventLoop::Epoll
        && qEnvironmentVariable("LATCHKEY_HTTP_EVENT_LOOP") != u"qt"_s;
}

/// Installs the epoll dispatcher on @p thread (before it starts), unless the kernel refuses it.
void installEventDispatcher(QThread *thread)
{
    auto dispatcher = std::make_unique<EpollEventDispatcher>();
    if (dispatcher->isValid())
        thread->setEventDispatcher(dispatcher.release()); // the thread owns it from here
}

} // namespace

HttpServer::HttpServer(HttpServerConfig config, Handler handler, ErrorResponder errorResponder, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_handler(std::move(handler))
    , m_errorResponder(std::move(errorResponder))
    , m_acceptor(new TcpAcceptor([this](qintptr descriptor) { dispatch(descriptor); }, this))
{ }

HttpServer::~HttpServer()
{
    shutdown(0);
}

bool HttpServer::listen(QString *errorMessage)
{
    auto fail = [&](const QString &reason) {
        const QString message = u"cannot listen on "_s % endpoint() % u": "_s % reason;
        // A caller that takes the message reports it itself (latchkeyd prints one line and exits).
        if (errorMessage)
            *errorMessage = message;
        else
            qCWarning(lcHttp).noquote() << message;
        return false;
    };
    if (m_listenedOnce)
        return fail(u"the server was started before"_s);
    if (const QString problem = tlsConfigurationProblem(m_config.tls); !problem.isEmpty())
        return fail(problem);
    if (!m_acceptor->listen(m_config.address, m_config.port))
        return fail(describeListenError(*m_acceptor));

    m_listenedOnce = true;
    startWorkers();
    qCDebug(lcHttp).noquote() << "listening on" << (m_config.tls ? u"https://"_s : u"http://"_s) % endpoint() << "with"
                              << m_workers.size() << "worker threads";
    return true;
}

quint16 HttpServer::serverPort() const
{
    return m_acceptor->isListening() ? m_acceptor->serverPort() : 0;
}

bool HttpServer::isListening() const
{
    return m_acceptor->isListening();
}

void HttpServer::stopAccepting()
{
    m_acceptor->close();
}

void HttpServer::shutdown(int graceMs)
{
    stopAccepting();
    if (m_workers.empty())
        return;
    drainWorkers(qMax(0, graceMs));
    stopWorkers();
    qCDebug(lcHttp) << "server stopped";
}

void HttpServer::startWorkers()
{
    const int count = workerCount(m_config);
    m_workers.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(u"http-worker-%1"_s.arg(i));
        if (useEpoll(m_config))
            installEventDispatcher(thread);
        auto *worker = new HttpWorker(m_config, m_handler, m_errorResponder, m_openConnections);
        worker->moveToThread(thread);
        // Work deferred by the handlers (Core::LoopRound: the credit commit thread's wake-up)
        // runs when the worker has served everything that was ready and is about to wait. Only
        // on our own dispatcher, which emits aboutToBlock() before every wait it makes.
        connect(thread, &QThread::started, thread, [] {
            auto *dispatcher = qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance());
            if (!dispatcher)
                return;
            Core::LoopRound::enableForCurrentThread();
            connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, [] { Core::LoopRound::endRound(); });
        }, Qt::DirectConnection);
        // The worker (and with it every socket) must be destroyed on its own thread.
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        m_workers.push_back({thread, worker});
    }
}

void HttpServer::dispatch(qintptr descriptor)
{
    if (m_workers.empty()) {
        ::close(int(descriptor));
        return;
    }
    HttpWorker *worker = m_workers[m_nextWorker++ % m_workers.size()].worker;
    QMetaObject::invokeMethod(
        worker, [worker, descriptor] { worker->adoptSocket(descriptor); }, Qt::QueuedConnection);
}

void HttpServer::drainWorkers(int graceMs)
{
    // Each worker releases the semaphore once its last connection is gone; queued behind any
    // connection handed to it before the listening socket closed.
    auto drained = std::make_shared<QSemaphore>();
    for (const Worker &entry : m_workers) {
        HttpWorker *worker = entry.worker;
        QMetaObject::invokeMethod(
            worker, [worker, drained] { worker->beginDrain([drained] { drained->release(); }); }, Qt::QueuedConnection);
    }
    if (!drained->tryAcquire(int(m_workers.size()), graceMs) && graceMs > 0)
        qCInfo(lcHttp) << "grace period of" << graceMs << "ms over, dropping the remaining connections";
}

void HttpServer::stopWorkers()
{
    // Quitting through the worker's own queue first runs what is queued before it: sockets handed
    // over just before the listening socket closed still get closed properly.
    for (const Worker &entry : m_workers)
        QMetaObject::invokeMethod(
            entry.worker, [] { QThread::currentThread()->quit(); }, Qt::QueuedConnection);
    // A handler still running cannot be interrupted: waiting for it is the only safe option.
    for (const Worker &entry : m_workers) {
        entry.thread->wait();
        delete entry.thread;
    }
    m_workers.clear();
}

QString HttpServer::endpoint() const
{
    const QString host = m_config.address.protocol() == QAbstractSocket::IPv6Protocol
        ? QString(u'[' % m_config.address.toString() % u']')
        : m_config.address.toString();
    const quint16 port = isListening() ? serverPort() : m_config.port;
    return host % u':' % QString::number(port);
}

} // namespace Latchkey::Http

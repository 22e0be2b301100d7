#include "http/httpworker.h"

#include "http/httplogging.h"
#include "http/plaintcptransport.h"
#include "http/tlstransport.h"

#include <QTimer>

namespace Latchkey::Http {

namespace {

/// How often deadlines are checked: a quarter of the shorter timeout, so a timeout fires at most
/// 25% late, but never more than 4 times a second with the default timeouts.
int deadlineCheckInterval(const HttpServerConfig &config)
{
    return qBound(10, qMin(config.idleTimeoutMs, config.requestTimeoutMs) / 4, 250);
}

} // namespace

HttpWorker::HttpWorker(const HttpServerConfig &config, const Handler &handler, const ErrorResponder &errorResponder,
                       std::atomic<qint64> &openConnections)
    : m_config(config)
    , m_environment {config, handler, errorResponder, m_clock}
    , m_deadlineTimer(new QTimer(this)) // a child, so it moves to the worker thread with us
    , m_openConnections(openConnections)
{
    m_clock.start();
    m_deadlineTimer->setInterval(deadlineCheckInterval(config));
    connect(m_deadlineTimer, &QTimer::timeout, this, &HttpWorker::checkDeadlines);
}

HttpWorker::~HttpWorker()
{
    m_openConnections.fetch_sub(m_connections.size(), std::memory_order_relaxed);
    for (HttpConnection *connection : std::as_const(m_connections)) {
        disconnect(connection, nullptr, this, nullptr);
        connection->abort();
    }
}

void HttpWorker::adoptSocket(qintptr descriptor)
{
    std::unique_ptr<ConnectionTransport> transport = createTransport(int(descriptor));
    if (!transport) // the descriptor was closed; the reason logged
        return;
    if (m_draining) { // accepted just before the server stopped listening
        transport->abort();
        return;
    }
    auto *connection = new HttpConnection(std::move(transport), m_environment, this);
    connect(connection, &HttpConnection::closed, this, [this, connection] { removeConnection(connection); });
    m_connections.append(connection);
    m_openConnections.fetch_add(1, std::memory_order_relaxed);
    if (!m_deadlineTimer->isActive())
        m_deadlineTimer->start();
    connection->start();
}

void HttpWorker::beginDrain(std::function<void()> onDrained)
{
    m_draining = true;
    m_onDrained = std::move(onDrained);
    // Connections that close right away leave m_connections while we iterate: use a snapshot.
    const QList<HttpConnection *> snapshot = m_connections;
    for (HttpConnection *connection : snapshot)
        connection->beginDrain();
    reportIfDrained();
}

std::unique_ptr<ConnectionTransport> HttpWorker::createTransport(int descriptor) const
{
    if (m_config.tls)
        return TlsTransport::adopt(descriptor, *m_config.tls);
    return PlainTcpTransport::adopt(descriptor);
}

void HttpWorker::removeConnection(HttpConnection *connection)
{
    if (m_connections.removeOne(connection))
        m_openConnections.fetch_sub(1, std::memory_order_relaxed);
    connection->deleteLater(); // we may be inside one of its signal emissions
    if (m_connections.isEmpty())
        m_deadlineTimer->stop();
    reportIfDrained();
}

void HttpWorker::checkDeadlines()
{
    const qint64 now = m_clock.elapsed();
    const QList<HttpConnection *> snapshot = m_connections;
    for (HttpConnection *connection : snapshot)
        connection->checkDeadline(now);
}

void HttpWorker::reportIfDrained()
{
    if (!m_draining || !m_connections.isEmpty() || !m_onDrained)
        return;
    const auto onDrained = std::move(m_onDrained);
    m_onDrained = nullptr;
    onDrained();
}

} // namespace Latchkey::Http

#include "http/tlstransport.h"

#include "http/httplogging.h"

#include <QSslConfiguration>
#include <QSslSocket>

#include <unistd.h>

namespace Latchkey::Http {

namespace {

// Qt stops reading from the kernel beyond this, so a client that floods us meets TCP flow control.
constexpr qint64 kReadBufferSize = 256 * 1024;

} // namespace

std::unique_ptr<TlsTransport> TlsTransport::adopt(int descriptor, const QSslConfiguration &configuration)
{
    auto *socket = new QSslSocket;
    socket->setSslConfiguration(configuration);
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHttp) << "cannot adopt accepted socket:" << socket->errorString();
        ::close(descriptor);
        delete socket;
        return nullptr;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->setReadBufferSize(kReadBufferSize);
    return std::unique_ptr<TlsTransport>(new TlsTransport(socket));
}

TlsTransport::TlsTransport(QSslSocket *socket)
    : m_socket(socket)
{
    m_socket->setParent(this);
    connect(m_socket, &QSslSocket::readyRead, this, [this] {
        if (listener())
            listener()->transportReadable();
    });
    connect(m_socket, &QSslSocket::bytesWritten, this, [this] {
        if (listener())
            listener()->transportWritten();
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        if (listener())
            listener()->transportEncrypted();
    });
    connect(m_socket, &QSslSocket::disconnected, this, &TlsTransport::reportClosed);
    connect(m_socket, &QSslSocket::errorOccurred, this, &TlsTransport::onErrorOccurred);
}

void TlsTransport::start()
{
    m_socket->startServerEncryption();
}

QHostAddress TlsTransport::peerAddress() const
{
    return m_socket->peerAddress();
}

bool TlsTransport::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

qsizetype TlsTransport::readInto(QByteArray &buffer, qsizetype)
{
    // Everything Qt holds: it emits readyRead only for new data, so nothing may stay behind.
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return 0;
    const qsizetype oldSize = buffer.size();
    buffer.resize(oldSize + available);
    const qint64 received = m_socket->read(buffer.data() + oldSize, available);
    buffer.resize(oldSize + qMax<qint64>(received, 0));
    return qMax<qint64>(received, 0);
}

void TlsTransport::discardInput()
{
    m_socket->skip(m_socket->bytesAvailable());
}

void TlsTransport::write(QByteArrayView data)
{
    if (!isOpen() || data.isEmpty())
        return;
    m_socket->write(data.data(), data.size());
    m_socket->flush();
}

qint64 TlsTransport::pendingOutput() const
{
    return m_socket->bytesToWrite();
}

void TlsTransport::close()
{
    m_socket->disconnectFromHost(); // sends close_notify; disconnected() follows
}

void TlsTransport::abort()
{
    m_closeReported = true;
    m_socket->abort();
}

void TlsTransport::onErrorOccurred(QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::RemoteHostClosedError)
        return; // disconnected() follows
    qCDebug(lcHttp) << "connection error from" << m_socket->peerAddress() << ":" << m_socket->errorString();
    // Qt may be deep inside its own socket code here; drop the connection once control is back
    // in the event loop.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_socket->abort();
            reportClosed();
        },
        Qt::QueuedConnection);
}

void TlsTransport::reportClosed()
{
    if (m_closeReported)
        return;
    m_closeReported = true;
    if (listener())
        listener()->transportClosed();
}

} // namespace Latchkey::Http

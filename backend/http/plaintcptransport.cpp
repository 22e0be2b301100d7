#include "http/plaintcptransport.h"

#include "http/httplogging.h"

#include <QEvent>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Latchkey::Http {

namespace {

// The read buffer grows by this much when less than kMinReadRoom is free in it.
constexpr qsizetype kReadChunk = 16 * 1024;
constexpr qsizetype kMinReadRoom = 4 * 1024;
// A queue of unsent output grown beyond this by one big response is released once it is sent.
constexpr qsizetype kMaxRetainedPendingCapacity = 256 * 1024;

/// A socket notifier that calls its transport directly: a SockAct event instead of the
/// activated() signal on every wake-up.
class TransportNotifier final : public QSocketNotifier
{
public:
    using Callback = void (PlainTcpTransport::*)();

    TransportNotifier(int descriptor, Type type, PlainTcpTransport *transport, Callback callback)
        : QSocketNotifier(descriptor, type, transport)
        , m_transport(transport)
        , m_callback(callback)
    { }

protected:
    bool event(QEvent *event) override
    {
        if (event->type() != QEvent::SockAct)
            return QSocketNotifier::event(event);
        (m_transport->*m_callback)();
        return true;
    }

private:
    PlainTcpTransport *m_transport;
    Callback m_callback;
};

bool wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK;
}

} // namespace

std::unique_ptr<PlainTcpTransport> PlainTcpTransport::adopt(int descriptor)
{
    const int flags = ::fcntl(descriptor, F_GETFL);
    const int noDelay = 1;
    if (flags < 0 || ::fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) < 0
        || ::setsockopt(descriptor, IPPROTO_TCP, TCP_NODELAY, &noDelay, sizeof noDelay) < 0) {
        qCWarning(lcHttp) << "cannot adopt accepted socket:" << std::strerror(errno);
        ::close(descriptor);
        return nullptr;
    }
    return std::unique_ptr<PlainTcpTransport>(new PlainTcpTransport(descriptor));
}

PlainTcpTransport::PlainTcpTransport(int descriptor)
    : m_descriptor(descriptor)
{
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (::getpeername(descriptor, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        m_peer = QHostAddress(reinterpret_cast<const sockaddr *>(&address));
}

PlainTcpTransport::~PlainTcpTransport()
{
    release();
}

void PlainTcpTransport::start()
{
    m_readNotifier = new TransportNotifier(m_descriptor, QSocketNotifier::Read, this, &PlainTcpTransport::onReadable);
    m_writeNotifier = new TransportNotifier(m_descriptor, QSocketNotifier::Write, this, &PlainTcpTransport::onWritable);
    m_writeNotifier->setEnabled(false); // armed only while the kernel does not take our output
}

qsizetype PlainTcpTransport::readInto(QByteArray &buffer, qsizetype maxBytes)
{
    if (m_descriptor < 0 || m_endOfInput)
        return 0;
    if (maxBytes <= 0) {
        m_readPaused = true;
        m_readNotifier->setEnabled(false);
        return 0;
    }
    qsizetype total = 0;
    while (total < maxBytes) {
        const qsizetype oldSize = buffer.size();
        if (buffer.capacity() - oldSize < kMinReadRoom)
            buffer.reserve(oldSize + kReadChunk);
        const qsizetype room = qMin(buffer.capacity() - oldSize, maxBytes - total);
        buffer.resize(oldSize + room);
        const ssize_t received = ::read(m_descriptor, buffer.data() + oldSize, size_t(room));
        const int error = errno;
        buffer.resize(oldSize + qMax<qsizetype>(received, 0));
        if (received > 0) {
            total += received;
            if (received < room)
                break; // the kernel had less than we asked for: it is drained, skip the EAGAIN round
            continue;
        }
        if (received < 0 && error == EINTR)
            continue;
        if (received == 0 || !wouldBlock(error)) {
            if (received < 0)
                qCDebug(lcHttp) << "read from" << m_peer << "failed:" << std::strerror(error);
            m_endOfInput = true; // reported once the input before it has been handled
        }
        break;
    }
    return total;
}

void PlainTcpTransport::resumeReading()
{
    if (!m_readPaused || m_descriptor < 0 || m_closeReported)
        return;
    m_readPaused = false;
    m_readNotifier->setEnabled(true); // level-triggered: fires again if input is waiting
}

void PlainTcpTransport::discardInput()
{
    resumeReading();
    char scratch[16 * 1024];
    while (m_descriptor >= 0 && !m_endOfInput) {
        const ssize_t received = ::read(m_descriptor, scratch, sizeof scratch);
        if (received > 0)
            continue;
        if (received < 0 && errno == EINTR)
            continue;
        if (received == 0 || !wouldBlock(errno))
            m_endOfInput = true;
        break;
    }
}

void PlainTcpTransport::write(QByteArrayView data)
{
    if (!isOpen() || m_writeClosed || data.isEmpty())
        return;
    if (pendingOutput() == 0) {
        const qsizetype sent = sendSome(data.data(), data.size());
        if (sent == data.size() || m_failed)
            return;
        data = data.sliced(sent);
    }
    m_pending.append(data);
    m_writeNotifier->setEnabled(true);
}

void PlainTcpTransport::onReadable()
{
    if (m_closeReported)
        return;
    if (!m_endOfInput && listener())
        listener()->transportReadable();
    if (m_endOfInput)
        reportClosed();
}

void PlainTcpTransport::onWritable()
{
    if (m_failed || m_closeReported)
        return;
    m_pendingPos += sendSome(m_pending.constData() + m_pendingPos, pendingOutput());
    if (m_failed || pendingOutput() > 0)
        return;
    m_writeNotifier->setEnabled(false);
    if (m_pending.capacity() > kMaxRetainedPendingCapacity)
        m_pending = QByteArray();
    else
        m_pending.resize(0);
    m_pendingPos = 0;
    if (m_writeClosed)
        ::shutdown(m_descriptor, SHUT_WR);
    if (m_closeWhenWritten) {
        release();
        reportClosed();
    } else if (listener()) {
        listener()->transportWritten();
    }
}

qsizetype PlainTcpTransport::sendSome(const char *data, qsizetype size)
{
    qsizetype sent = 0;
    while (sent < size) {
        const ssize_t written = ::send(m_descriptor, data + sent, size_t(size - sent), MSG_NOSIGNAL);
        if (written > 0) {
            sent += written;
        } else if (written < 0 && errno == EINTR) {
            continue;
        } else {
            if (written < 0 && !wouldBlock(errno))
                fail(errno);
            break;
        }
    }
    return sent;
}

void PlainTcpTransport::fail(int error)
{
    if (m_failed)
        return;
    qCDebug(lcHttp) << "send to" << m_peer << "failed:" << std::strerror(error);
    m_failed = true;
    m_pending = QByteArray();
    m_pendingPos = 0;
    if (m_readNotifier)
        m_readNotifier->setEnabled(false);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    // The caller is in the middle of writing: the connection learns of it from its event loop.
    QMetaObject::invokeMethod(this, &PlainTcpTransport::reportClosed, Qt::QueuedConnection);
}

void PlainTcpTransport::close()
{
    if (m_descriptor >= 0 && pendingOutput() > 0 && !m_failed) {
        m_closeWhenWritten = true;
        return;
    }
    release();
    reportClosed();
}

void PlainTcpTransport::closeWrite()
{
    if (m_descriptor < 0)
        return;
    m_writeClosed = true;
    if (pendingOutput() == 0)
        ::shutdown(m_descriptor, SHUT_WR);
    discardInput(); // the end of input, when it comes, is reported by the read notifier
}

void PlainTcpTransport::abort()
{
    m_closeReported = true;
    release();
}

void PlainTcpTransport::reportClosed()
{
    if (m_closeReported)
        return;
    m_closeReported = true;
    if (m_readNotifier)
        m_readNotifier->setEnabled(false);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    if (listener())
        listener()->transportClosed();
}

void PlainTcpTransport::release()
{
    if (m_descriptor < 0)
        return;
    // Notifiers first: they must not watch a descriptor number the kernel may hand out again.
    if (m_readNotifier)
        m_readNotifier->setEnabled(false);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    ::close(m_descriptor);
    m_descriptor = -1;
}

} // namespace Latchkey::Http

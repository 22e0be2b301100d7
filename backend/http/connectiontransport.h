#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

namespace Latchkey::Http {

/// What a ConnectionTransport reports to the connection that owns it. Always called on the
/// connection's thread. Engine-internal.
class TransportListener
{
public:
    /// Input is available (read it with ConnectionTransport::readInto() or discardInput()).
    virtual void transportReadable() = 0;
    /// Output that the kernel did not take at once has now been handed over completely.
    virtual void transportWritten() = 0;
    /// The TLS handshake finished (never reported by plain TCP).
    virtual void transportEncrypted() = 0;
    /// The peer closed the connection, or it failed. Reported once; nothing follows it.
    virtual void transportClosed() = 0;

protected:
    ~TransportListener() = default;
};

/// The byte stream under one HttpConnection: plain TCP on the descriptor itself
/// (PlainTcpTransport) or TLS through QSslSocket (TlsTransport). Lives on the connection's
/// thread; reports through its TransportListener. Engine-internal.
///
/// The contract the connection relies on: write() never blocks and never reports synchronously;
/// output the kernel does not take at once stays queued (pendingOutput()) and
/// TransportListener::transportWritten() follows once it is gone. End of input is reported by
/// transportClosed() only after the bytes that came before it were offered through
/// transportReadable(). Errors end in transportClosed(), never in the caller's stack.
class ConnectionTransport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// Must be called once, before start().
    void setListener(TransportListener *listener) { m_listener = listener; }

    /// Begins reporting input (and, for TLS, starts the server-side handshake).
    virtual void start() = 0;
    /// Whether start() begins a handshake that transportEncrypted() reports the end of.
    [[nodiscard]] virtual bool hasHandshake() const { return false; }
    [[nodiscard]] virtual QHostAddress peerAddress() const = 0;
    /// Whether the connection can still carry output (false once closed, aborted or failed).
    [[nodiscard]] virtual bool isOpen() const = 0;

    /// Appends available input to @p buffer, reading at most about @p maxBytes from the kernel
    /// (a transport with its own bounded buffer, TLS, hands over all it holds). With
    /// @p maxBytes <= 0 reading pauses (the kernel's flow control holds the peer back) until
    /// resumeReading(). Returns the number of bytes appended.
    virtual qsizetype readInto(QByteArray &buffer, qsizetype maxBytes) = 0;
    /// Undoes a pause of readInto(); transportReadable() follows if input is waiting.
    virtual void resumeReading() = 0;
    /// Reads and drops whatever input is available.
    virtual void discardInput() = 0;

    /// Sends @p data, queueing what the kernel does not take at once.
    virtual void write(QByteArrayView data) = 0;
    /// Bytes given to write() that the kernel has not taken yet.
    [[nodiscard]] virtual qint64 pendingOutput() const = 0;

    /// Closes once pending output is written; transportClosed() follows (at once when nothing is
    /// pending and the transport needs no closing handshake).
    virtual void close() = 0;
    /// Closes the sending side only and discards input until the peer closes too, so unread
    /// input cannot make the kernel reset a response the peer has not read yet. TLS closes fully.
    virtual void closeWrite() = 0;
    /// Drops the connection at once, without a report.
    virtual void abort() = 0;

protected:
    [[nodiscard]] TransportListener *listener() const { return m_listener; }

private:
    TransportListener *m_listener = nullptr;
};

} // namespace Latchkey::Http

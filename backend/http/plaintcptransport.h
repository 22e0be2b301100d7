#pragma once

#include "http/connectiontransport.h"

class QSocketNotifier;

namespace Latchkey::Http {

/// Plain TCP straight on a non-blocking descriptor: `read()` into the connection's own buffer,
/// responses with one `send()`, and a write notifier armed only while the kernel would block.
///
/// What this saves against QTcpSocket on every request: the `ioctl(FIONREAD)` before each read,
/// the copy through Qt's read buffer, the readyRead/bytesWritten signals, and switching the write
/// notifier on and off per response. Engine-internal.
class PlainTcpTransport final : public ConnectionTransport
{
    Q_OBJECT

public:
    /// Takes ownership of @p descriptor, a connected TCP socket: makes it non-blocking and turns
    /// Nagle's algorithm off. Returns nullptr (and closes the descriptor) when that fails.
    [[nodiscard]] static std::unique_ptr<PlainTcpTransport> adopt(int descriptor);
    ~PlainTcpTransport() override;

    void start() override;
    [[nodiscard]] QHostAddress peerAddress() const override { return m_peer; }
    [[nodiscard]] bool isOpen() const override { return m_descriptor >= 0 && !m_failed; }

    qsizetype readInto(QByteArray &buffer, qsizetype maxBytes) override;
    void resumeReading() override;
    void discardInput() override;

    void write(QByteArrayView data) override;
    [[nodiscard]] qint64 pendingOutput() const override { return m_pending.size() - m_pendingPos; }

    void close() override;
    void closeWrite() override;
    void abort() override;

private:
    explicit PlainTcpTransport(int descriptor);

    void onReadable();
    void onWritable();
    [[nodiscard]] qsizetype sendSome(const char *data, qsizetype size);
    void fail(int error);
    void reportClosed();
    void release();

    int m_descriptor;
    QHostAddress m_peer;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_pending; ///< output the kernel did not take yet, from m_pendingPos on
    qsizetype m_pendingPos = 0;
    bool m_readPaused = false;
    bool m_endOfInput = false; ///< the peer closed (or reset); reported after the input before it
    bool m_failed = false; ///< a send failed: output is dropped, the close is reported later
    bool m_closeWhenWritten = false;
    bool m_writeClosed = false;
    bool m_closeReported = false;
};

} // namespace Latchkey::Http

#pragma once

#include "http/connectiontransport.h"

#include <QAbstractSocket>

class QSslConfiguration;
class QSslSocket;

namespace Latchkey::Http {

/// TLS through QSslSocket: the handshake, encryption and its buffers are Qt's. Engine-internal.
class TlsTransport final : public ConnectionTransport
{
    Q_OBJECT

public:
    /// Wraps @p descriptor, a connected TCP socket, in a QSslSocket with @p configuration.
    /// Returns nullptr (and closes the descriptor) when Qt cannot adopt it.
    [[nodiscard]] static std::unique_ptr<TlsTransport> adopt(int descriptor, const QSslConfiguration &configuration);

    void start() override;
    [[nodiscard]] bool hasHandshake() const override { return true; }
    [[nodiscard]] QHostAddress peerAddress() const override;
    [[nodiscard]] bool isOpen() const override;

    qsizetype readInto(QByteArray &buffer, qsizetype maxBytes) override;
    void resumeReading() override { }
    void discardInput() override;

    void write(QByteArrayView data) override;
    [[nodiscard]] qint64 pendingOutput() const override;

    void close() override;
    void closeWrite() override { close(); }
    void abort() override;

private:
    explicit TlsTransport(QSslSocket *socket);

    void onErrorOccurred(QAbstractSocket::SocketError error);
    void reportClosed();

    QSslSocket *m_socket;
    bool m_closeReported = false;
};

} // namespace Latchkey::Http

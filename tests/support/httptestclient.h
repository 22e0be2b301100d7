#pragma once

#include "http/httpmessage.h"

#include <QObject>
#include <QTcpSocket>

#include <http_parser.h>

#include <functional>

namespace Latchkey::Testing {

/// One HTTP response as a test client received it.
struct HttpTestResponse {
    int status = 0;
    Http::HeaderList headers;
    QByteArray body;

    /// Value of the first header named @p name (case-insensitive), or a null QByteArray.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

/// A raw-socket HTTP/1.1 client for tests: sends whatever bytes a test gives it and records every
/// response, parsed with libhttp-parser in response mode (so the tests do not rely on
/// hand-written parsing either). It never blocks: the wait functions spin the event loop, so a
/// server on the same thread keeps working.
class HttpTestClient : public QObject
{
    Q_OBJECT

public:
    /// Takes ownership of @p socket; pass a QSslSocket for HTTPS.
    explicit HttpTestClient(QTcpSocket *socket = new QTcpSocket, QObject *parent = nullptr);

    void connectTo(quint16 port);
    [[nodiscard]] bool waitForConnected(int timeoutMs = 5000);
    void send(const QByteArray &bytes);
    [[nodiscard]] bool waitForResponses(qsizetype count, int timeoutMs = 5000);
    [[nodiscard]] bool waitForDisconnected(int timeoutMs = 5000);
    /// The next response answers a HEAD request: it has no body despite its Content-Length.
    void expectHeadResponse() { m_headPending = true; }

    [[nodiscard]] QTcpSocket *socket() const { return m_socket; }
    [[nodiscard]] const QList<HttpTestResponse> &responses() const { return m_responses; }
    /// Every byte received, including interim responses and anything that is not HTTP.
    [[nodiscard]] const QByteArray &received() const { return m_received; }
    [[nodiscard]] bool isDisconnected() const { return m_disconnected; }
    [[nodiscard]] bool hadParseError() const { return m_parseError; }

    /// Called for every complete response, after it was added to responses().
    std::function<void(const HttpTestResponse &)> onResponse;

private:
    void onReadyRead();
    static const http_parser_settings &settings();
    static int onMessageBegin(http_parser *parser);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);

    QTcpSocket *m_socket;
    http_parser m_parser {};
    HttpTestResponse m_current;
    bool m_inValue = false;
    bool m_headPending = false;
    bool m_parseError = false;
    bool m_disconnected = false;
    QList<HttpTestResponse> m_responses;
    QByteArray m_received;
};

} // namespace Latchkey::Testing

#include "support/httptestclient.h"

#include <QHostAddress>
#include <QTest>

namespace Latchkey::Testing {

namespace {

HttpTestClient *self(http_parser *parser)
{
    return static_cast<HttpTestClient *>(parser->data);
}

} // namespace

QByteArray HttpTestResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpTestClient::HttpTestClient(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    m_socket->setParent(this);
    http_parser_init(&m_parser, HTTP_RESPONSE);
    m_parser.data = this;
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpTestClient::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { m_disconnected = true; });
}

void HttpTestClient::connectTo(quint16 port)
{
    m_socket->connectToHost(QHostAddress::LocalHost, port);
}

bool HttpTestClient::waitForConnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket->state() == QAbstractSocket::ConnectedState; }, timeoutMs);
}

void HttpTestClient::send(const QByteArray &bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
}

bool HttpTestClient::waitForResponses(qsizetype count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_responses.size() >= count; }, timeoutMs);
}

bool HttpTestClient::waitForDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_disconnected; }, timeoutMs);
}

void HttpTestClient::onReadyRead()
{
    const QByteArray data = m_socket->readAll();
    m_received.append(data);
    if (m_parseError)
        return;
    http_parser_execute(&m_parser, &settings(), data.constData(), size_t(data.size()));
    m_parseError = HTTP_PARSER_ERRNO(&m_parser) != HPE_OK;
}

const http_parser_settings &HttpTestClient::settings()
{
    static const http_parser_settings instance = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_message_begin = &HttpTestClient::onMessageBegin;
        s.on_header_field = &HttpTestClient::onHeaderField;
        s.on_header_value = &HttpTestClient::onHeaderValue;
        s.on_headers_complete = &HttpTestClient::onHeadersComplete;
        s.on_body = &HttpTestClient::onBody;
        s.on_message_complete = &HttpTestClient::onMessageComplete;
        return s;
    }();
    return instance;
}

int HttpTestClient::onMessageBegin(http_parser *parser)
{
    self(parser)->m_current = {};
    self(parser)->m_inValue = false;
    return 0;
}

int HttpTestClient::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    HttpTestClient *client = self(parser);
    if (client->m_inValue || client->m_current.headers.isEmpty())
        client->m_current.headers.emplaceBack();
    client->m_inValue = false;
    client->m_current.headers.last().first.append(at, qsizetype(length));
    return 0;
}

int HttpTestClient::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    self(parser)->m_inValue = true;
    self(parser)->m_current.headers.last().second.append(at, qsizetype(length));
    return 0;
}

int HttpTestClient::onHeadersComplete(http_parser *parser)
{
    HttpTestClient *client = self(parser);
    client->m_current.status = int(parser->status_code);
    const bool skipBody = client->m_headPending && parser->status_code >= 200;
    if (skipBody)
        client->m_headPending = false;
    return skipBody ? 1 : 0; // 1 tells libhttp-parser that this response has no body
}

int HttpTestClient::onBody(http_parser *parser, const char *at, size_t length)
{
    self(parser)->m_current.body.append(at, qsizetype(length));
    return 0;
}

int HttpTestClient::onMessageComplete(http_parser *parser)
{
    HttpTestClient *client = self(parser);
    client->m_responses.append(client->m_current);
    if (client->onResponse)
        client->onResponse(client->m_current);
    return 0;
}

} // namespace Latchkey::Testing

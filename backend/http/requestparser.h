#pragma once

#include "http/httpmessage.h"

#include <QString>

#include <http_parser.h>

namespace Latchkey::Http {

/// Incremental HTTP/1.1 request parser for one connection, built on libhttp-parser.
///
/// feed() consumes bytes and stops right after a complete request, so pipelined requests are
/// handed out one at a time, in order. The request's buffers are reused from one request to the
/// next (reset() keeps their capacity) to keep allocation off the hot path. Engine-internal.
class RequestParser
{
public:
    struct Limits {
        qint64 maxBodyBytes = 0;
        int maxHeaderBytes = 0;
    };

    enum class Result {
        NeedMoreData, ///< all bytes consumed, the request is not complete yet
        RequestComplete, ///< request() is complete; call reset() before feeding more
        Failed, ///< the stream is unusable; see errorStatus() and errorDetail()
    };

    explicit RequestParser(Limits limits);
    Q_DISABLE_COPY_MOVE(RequestParser) // libhttp-parser keeps a pointer back to this object

    /// Parses up to @p size bytes; @p consumed receives how many were used.
    [[nodiscard]] Result feed(const char *data, qsizetype size, qsizetype &consumed);

    /// Prepares for the next request on the same connection.
    void reset();

    [[nodiscard]] Request &request() { return m_request; }
    /// True once the first byte of a request has been seen, until reset().
    [[nodiscard]] bool messageStarted() const { return m_messageStarted; }
    /// Whether the connection may stay open after the completed request.
    [[nodiscard]] bool keepAlive() const { return m_keepAlive; }
    [[nodiscard]] bool isHeadRequest() const { return m_parser.method == HTTP_HEAD; }
    /// True once per request when the client sent "Expect: 100-continue" and waits for the body.
    [[nodiscard]] bool takeContinueRequest();

    [[nodiscard]] int errorStatus() const { return m_errorStatus; }
    [[nodiscard]] const QString &errorDetail() const { return m_errorDetail; }

private:
    static int onMessageBegin(http_parser *parser);
    static int onUrl(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);
    static const http_parser_settings &settings();

    bool countHeaderBytes(size_t length);
    bool splitTarget();
    bool splitOriginForm();
    bool checkDeclaredBodySize();
    void detectExpectContinue();
    void fail(int status, const QString &detail);
    void failFromParser();

    http_parser m_parser {};
    Limits m_limits;
    Request m_request;
    QByteArray m_target; ///< raw request target, split into path and query once complete
    qsizetype m_headerCount = 0; ///< headers of the current request; m_request.headers may hold spare slots
    qint64 m_headerBytes = 0;
    bool m_inHeaderValue = false;
    bool m_messageStarted = false;
    bool m_messageComplete = false;
    bool m_keepAlive = false;
    bool m_continueRequested = false;
    int m_errorStatus = 0;
    QString m_errorDetail;
};

} // namespace Latchkey::Http

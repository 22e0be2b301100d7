#include "http/requestparser.h"

#include <QStringBuilder>

#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace Latchkey::Http {

namespace {

// http_parser_url stores offsets and lengths as 16-bit numbers.
constexpr qsizetype kMaxTargetLength = std::numeric_limits<uint16_t>::max();
// ": " and CRLF of every header line count too, so thousands of empty headers hit the limit.
constexpr qint64 kHeaderLineOverhead = 4;
// A request body larger than this is not kept around for the next request on the connection.
constexpr qsizetype kMaxRetainedBodyCapacity = 64 * 1024;

/// Appends a piece the parser reports. QByteArray::append() takes its general insert path (about
/// 120 instructions a call, and a request has about ten pieces); these buffers are never shared and
/// keep their capacity from one request to the next, so a size bump and a copy do.
void appendPiece(QByteArray &out, const char *data, size_t length)
{
    if (length == 0)
        return;
    const qsizetype oldSize = out.size();
    out.resize(oldSize + qsizetype(length));
    std::memcpy(out.data() + oldSize, data, length);
}

RequestParser *self(http_parser *parser)
{
    return static_cast<RequestParser *>(parser->data);
}

QByteArray methodName(unsigned method)
{
    // libhttp-parser's method names are static strings: wrapping them allocates nothing.
    const char *name = http_method_str(static_cast<http_method>(method));
    return QByteArray::fromRawData(name, qstrlen(name));
}

bool expectsBody(const http_parser &parser)
{
    return (parser.flags & F_CHUNKED) != 0
        || (parser.content_length > 0 && parser.content_length != std::numeric_limits<uint64_t>::max());
}

void assignField(QByteArray &out, const QByteArray &source, const http_parser_url &url, int field)
{
    out.resize(0); // keeps the capacity for the next request
    if (url.field_set & (1 << field))
        out.append(source.constData() + url.field_data[field].off, url.field_data[field].len);
}

} // namespace

RequestParser::RequestParser(Limits limits)
    : m_limits(limits)
{
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
}

const http_parser_settings &RequestParser::settings()
{
    static const http_parser_settings instance = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_message_begin = &RequestParser::onMessageBegin;
        s.on_url = &RequestParser::onUrl;
        s.on_header_field = &RequestParser::onHeaderField;
        s.on_header_value = &RequestParser::onHeaderValue;
        s.on_headers_complete = &RequestParser::onHeadersComplete;
        s.on_body = &RequestParser::onBody;
        s.on_message_complete = &RequestParser::onMessageComplete;
        return s;
    }();
    return instance;
}

RequestParser::Result RequestParser::feed(const char *data, qsizetype size, qsizetype &consumed)
{
    Q_ASSERT(!m_messageComplete && m_errorStatus == 0); // reset() after a request, nothing after failure
    consumed = qsizetype(http_parser_execute(&m_parser, &settings(), data, size_t(size)));
    if (m_messageComplete)
        return Result::RequestComplete; // the parser paused itself right after this request
    if (m_errorStatus != 0)
        return Result::Failed; // one of our callbacks rejected the request
    if (HTTP_PARSER_ERRNO(&m_parser) != HPE_OK || consumed != size) {
        failFromParser();
        return Result::Failed;
    }
    return Result::NeedMoreData;
}

void RequestParser::reset()
{
    if (m_request.body.capacity() > kMaxRetainedBodyCapacity)
        m_request.body = QByteArray();
    else
        m_request.body.resize(0);
    m_target.resize(0);
    m_headerCount = 0;
    m_headerBytes = 0;
    m_inHeaderValue = false;
    m_messageStarted = false;
    m_messageComplete = false;
    m_keepAlive = false;
    m_continueRequested = false;
    http_parser_pause(&m_parser, 0);
}

bool RequestParser::takeContinueRequest()
{
    const bool wanted = m_continueRequested && !m_messageComplete;
    m_continueRequested = false;
    return wanted;
}

int RequestParser::onMessageBegin(http_parser *parser)
{
    self(parser)->m_messageStarted = true;
    return 0;
}

int RequestParser::onUrl(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    if (!p->countHeaderBytes(length))
        return 1;
    appendPiece(p->m_target, at, length);
    return 0;
}

int RequestParser::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    // A name arrives in several pieces when it straddles two reads; a new header starts only
    // after a value (libhttp-parser reports even empty values).
    if (p->m_inHeaderValue || p->m_headerCount == 0) {
        if (!p->countHeaderBytes(kHeaderLineOverhead))
            return 1;
        HeaderList &headers = p->m_request.headers;
        if (p->m_headerCount < headers.size()) {
            headers[p->m_headerCount].first.resize(0);
            headers[p->m_headerCount].second.resize(0);
        } else {
            headers.emplaceBack();
        }
        ++p->m_headerCount;
        p->m_inHeaderValue = false;
    }
    if (!p->countHeaderBytes(length))
        return 1;
    appendPiece(p->m_request.headers[p->m_headerCount - 1].first, at, length);
    return 0;
}

int RequestParser::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    if (!p->countHeaderBytes(length))
        return 1;
    p->m_inHeaderValue = true;
    appendPiece(p->m_request.headers[p->m_headerCount - 1].second, at, length);
    return 0;
}

int RequestParser::onHeadersComplete(http_parser *parser)
{
    RequestParser *p = self(parser);
    p->m_request.headers.resize(p->m_headerCount); // drop spare slots left by a longer request
    p->m_request.method = methodName(parser->method);
    if (!p->splitTarget() || !p->checkDeclaredBodySize())
        return -1; // anything but 0, 1 and 2 makes libhttp-parser stop with an error
    p->detectExpectContinue();
    return 0;
}

int RequestParser::onBody(http_parser *parser, const char *at, size_t length)
{
    RequestParser *p = self(parser);
    // Content-Length was checked up front; this catches chunked bodies while they stream in.
    if (p->m_request.body.size() + qint64(length) > p->m_limits.maxBodyBytes) {
        p->fail(413, u"request body exceeds the limit of %1 bytes"_s.arg(p->m_limits.maxBodyBytes));
        return 1;
    }
    appendPiece(p->m_request.body, at, length);
    return 0;
}

int RequestParser::onMessageComplete(http_parser *parser)
{
    RequestParser *p = self(parser);
    p->m_messageComplete = true;
    // After an Upgrade (or CONNECT) the rest of the stream is not HTTP: answer, then close.
    p->m_keepAlive = http_should_keep_alive(parser) != 0 && parser->upgrade == 0;
    // Stop here so pipelined requests are handled one at a time, in order.
    http_parser_pause(parser, 1);
    return 0;
}

bool RequestParser::countHeaderBytes(size_t length)
{
    m_headerBytes += qint64(length);
    if (m_headerBytes <= m_limits.maxHeaderBytes)
        return true;
    fail(431, u"request headers exceed the limit of %1 bytes"_s.arg(m_limits.maxHeaderBytes));
    return false;
}

bool RequestParser::splitTarget()
{
    if (m_target.size() > kMaxTargetLength) {
        fail(431, u"request target longer than %1 bytes"_s.arg(kMaxTargetLength));
        return false;
    }
    if (splitOriginForm())
        return true;
    http_parser_url url;
    http_parser_url_init(&url);
    if (http_parser_parse_url(m_target.constData(), size_t(m_target.size()), m_parser.method == HTTP_CONNECT, &url)
        != 0) {
        fail(400, u"invalid request target"_s);
        return false;
    }
    assignField(m_request.path, m_target, url, UF_PATH);
    assignField(m_request.query, m_target, url, UF_QUERY);
    if (m_request.path.isEmpty())
        m_request.path.append('/'); // absolute-form without a path, or CONNECT's authority-form
    return true;
}

bool RequestParser::splitOriginForm()
{
    // "/path?query", what every client sends outside proxies: split at the '?' without
    // http_parser_parse_url(), which walks the target again (about 1k instructions a request).
    // The request line parser has already rejected bytes a target must not contain.
    const QByteArrayView target(m_target);
    if (!target.startsWith('/') || target.contains('#'))
        return false;
    const qsizetype question = target.indexOf('?');
    m_request.path.resize(0);
    m_request.query.resize(0);
    if (question < 0) {
        m_request.path.append(target);
    } else {
        m_request.path.append(target.first(question));
        m_request.query.append(target.sliced(question + 1));
    }
    return true;
}

bool RequestParser::checkDeclaredBodySize()
{
    if ((m_parser.flags & F_CONTENTLENGTH) == 0)
        return true;
    // Rejecting on the declared length means an oversized body is never read.
    if (m_parser.content_length > quint64(m_limits.maxBodyBytes)) {
        fail(413,
            u"request body of %1 bytes exceeds the limit of %2 bytes"_s.arg(quint64(m_parser.content_length))
                .arg(m_limits.maxBodyBytes));
        return false;
    }
    m_request.body.reserve(qsizetype(m_parser.content_length));
    return true;
}

void RequestParser::detectExpectContinue()
{
    if (!expectsBody(m_parser) || m_parser.http_major != 1 || m_parser.http_minor < 1)
        return;
    m_continueRequested = m_request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0;
}

void RequestParser::fail(int status, const QString &detail)
{
    m_errorStatus = status;
    m_errorDetail = detail;
}

void RequestParser::failFromParser()
{
    const http_errno error = HTTP_PARSER_ERRNO(&m_parser);
    if (error == HPE_OK) { // stopped early without an error: only an upgrade does that
        fail(400, u"unexpected data after the request"_s);
        return;
    }
    // libhttp-parser enforces its own header limit (80 KiB) too.
    const int status = error == HPE_HEADER_OVERFLOW ? 431 : 400;
    fail(status,
        QString::fromLatin1(http_errno_name(error)) % u": "_s % QString::fromLatin1(http_errno_description(error)));
}

} // namespace Latchkey::Http

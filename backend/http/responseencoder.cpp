#include "http/responseencoder.h"

#include "http/headername.h"
#include "http/httplogging.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace Latchkey::Http {

namespace {

constexpr QByteArrayView kCrLf("\r\n");

/// The IMF-fixdate of now ("Sun, 06 Nov 1994 08:49:37 GMT"), formatted once per second and
/// thread. strftime() is not used because its day and month names follow the process locale.
QByteArrayView currentHttpDate()
{
    static constexpr const char *days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char *months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    thread_local std::time_t cachedSecond = -1;
    thread_local char text[32];
    const std::time_t now = std::time(nullptr);
    if (now != cachedSecond) {
        std::tm utc {};
        gmtime_r(&now, &utc);
        std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[utc.tm_wday], utc.tm_mday,
            months[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
        cachedSecond = now;
    }
    return QByteArrayView(text, 29);
}

bool isFramingHeader(const QByteArray &name)
{
    return headerNameEquals(name, "Content-Length") || headerNameEquals(name, "Transfer-Encoding")
        || headerNameEquals(name, "Connection");
}

bool containsLineBreak(const QByteArray &text)
{
    return text.contains('\r') || text.contains('\n');
}

/// Whether the handler's header goes on the wire; warns about the ones that cannot.
bool isSendable(const QByteArray &name, const QByteArray &value)
{
    if (isFramingHeader(name))
        return false;
    if (name.isEmpty() || containsLineBreak(name) || containsLineBreak(value)) {
        qCWarning(lcHttp) << "dropping response header with an empty name or a line break:" << name;
        return false;
    }
    return true;
}

/// Writes into memory reserved up front: one QByteArray resize per response instead of one
/// (bounds-checked, possibly growing) append per piece, of which a response has about fifteen.
class Writer
{
public:
    explicit Writer(char *at) : m_at(at) { }
    void put(QByteArrayView text)
    {
        if (text.isEmpty()) // a null QByteArray's data() is null, which memcpy must not get
            return;
        std::memcpy(m_at, text.data(), size_t(text.size()));
        m_at += text.size();
    }
    void put(char c) { *m_at++ = c; }
    void putNumber(qint64 value) { m_at = std::to_chars(m_at, m_at + 24, value).ptr; }
    [[nodiscard]] char *position() const { return m_at; }

private:
    char *m_at;
};

/// Upper bound of the head's size: status line, the handler's headers, Date, and room for the
/// engine's framing headers.
qsizetype headBound(const HeaderList &headers)
{
    qsizetype bound = 160;
    for (const auto &[name, value] : headers)
        bound += name.size() + value.size() + 4;
    return bound;
}

/// Writes the status line and the handler's headers (plus Date unless the handler set one).
void writeHead(Writer &writer, int status, const HeaderList &headers)
{
    writer.put("HTTP/1.1 ");
    writer.putNumber(status);
    writer.put(' ');
    writer.put(reasonPhrase(status));
    writer.put(kCrLf);
    bool hasDate = false;
    for (const auto &[name, value] : headers) {
        if (!isSendable(name, value))
            continue;
        hasDate = hasDate || headerNameEquals(name, "Date");
        writer.put(name);
        writer.put(": ");
        writer.put(value);
        writer.put(kCrLf);
    }
    if (!hasDate) {
        writer.put("Date: ");
        writer.put(currentHttpDate());
        writer.put(kCrLf);
    }
}

// RFC 9110: 1xx, 204 and 304 responses never carry a body.
bool statusAllowsBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

} // namespace

void appendResponse(QByteArray &out, const Response &response, ResponseFraming framing)
{
    const int status = (response.status >= 100 && response.status <= 999) ? response.status : 500;
    const bool withBody = statusAllowsBody(status);
    const bool sendBody = withBody && !framing.headRequest;
    const qsizetype start = out.size();
    out.resize(start + headBound(response.headers) + (sendBody ? response.body.size() : 0));
    Writer writer(out.data() + start);
    writeHead(writer, status, response.headers);
    if (withBody) {
        writer.put("Content-Length: ");
        writer.putNumber(response.body.size());
        writer.put(kCrLf);
    }
    writer.put(framing.keepAlive ? QByteArrayView("Connection: keep-alive\r\n\r\n")
                                 : QByteArrayView("Connection: close\r\n\r\n"));
    if (sendBody)
        writer.put(response.body);
    out.resize(writer.position() - out.constData());
}

void appendStreamHead(QByteArray &out, const Response &response)
{
    const qsizetype start = out.size();
    out.resize(start + headBound(response.headers));
    Writer writer(out.data() + start);
    writeHead(writer, response.status, response.headers);
    writer.put("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    out.resize(writer.position() - out.constData());
}

void appendChunk(QByteArray &out, QByteArrayView data)
{
    if (data.isEmpty())
        return;
    char digits[20];
    const auto result = std::to_chars(digits, digits + sizeof digits, data.size(), 16);
    out.append(digits, result.ptr - digits).append(kCrLf).append(data).append(kCrLf);
}

void appendLastChunk(QByteArray &out)
{
    out.append("0\r\n\r\n");
}

void appendContinue(QByteArray &out)
{
    out.append("HTTP/1.1 100 Continue\r\n\r\n");
}

} // namespace Latchkey::Http

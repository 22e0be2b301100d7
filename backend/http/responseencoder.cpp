#include "http/responseencoder.h"

#include "http/httplogging.h"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace Latchkey::Http {

namespace {

constexpr QByteArrayView kCrLf("\r\n");

void appendNumber(QByteArray &out, qint64 value)
{
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, result.ptr - digits);
}

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
    return name.compare("Content-Length", Qt::CaseInsensitive) == 0
        || name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0
        || name.compare("Connection", Qt::CaseInsensitive) == 0;
}

bool containsLineBreak(const QByteArray &text)
{
    return text.contains('\r') || text.contains('\n');
}

/// Appends the handler's headers; returns whether one of them was a Date header.
bool appendHandlerHeaders(QByteArray &out, const HeaderList &headers)
{
    bool hasDate = false;
    for (const auto &[name, value] : headers) {
        if (isFramingHeader(name))
            continue;
        if (name.isEmpty() || containsLineBreak(name) || containsLineBreak(value)) {
            qCWarning(lcHttp) << "dropping response header with an empty name or a line break:" << name;
            continue;
        }
        hasDate = hasDate || name.compare("Date", Qt::CaseInsensitive) == 0;
        out.append(name).append(": ").append(value).append(kCrLf);
    }
    return hasDate;
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
    out.reserve(out.size() + 160 + response.headers.size() * 48 + response.body.size());

    out.append("HTTP/1.1 ");
    appendNumber(out, status);
    out.append(' ').append(reasonPhrase(status)).append(kCrLf);
    if (!appendHandlerHeaders(out, response.headers))
        out.append("Date: ").append(currentHttpDate()).append(kCrLf);
    if (withBody) {
        out.append("Content-Length: ");
        appendNumber(out, response.body.size());
        out.append(kCrLf);
    }
    out.append(framing.keepAlive ? QByteArrayView("Connection: keep-alive\r\n\r\n")
                                 : QByteArrayView("Connection: close\r\n\r\n"));
    if (withBody && !framing.headRequest)
        out.append(response.body);
}

void appendStreamHead(QByteArray &out, const Response &response)
{
    out.append("HTTP/1.1 ");
    appendNumber(out, response.status);
    out.append(' ').append(reasonPhrase(response.status)).append(kCrLf);
    if (!appendHandlerHeaders(out, response.headers))
        out.append("Date: ").append(currentHttpDate()).append(kCrLf);
    out.append("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
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

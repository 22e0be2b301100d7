#pragma once

#include "http/httpmessage.h"

namespace Latchkey::Http {

/// How the engine frames one response on the wire. Engine-internal.
struct ResponseFraming {
    bool keepAlive = true; ///< "Connection: keep-alive" or "Connection: close"
    bool headRequest = false; ///< answer to HEAD: Content-Length of the body, but no body
};

/// Appends the HTTP/1.1 wire form of @p response to @p out: status line, the handler's headers,
/// Date (unless the handler set one), Content-Length and Connection, then the body. Framing
/// headers the handler set (Content-Length, Transfer-Encoding, Connection) are replaced by the
/// engine's; headers containing CR or LF are dropped, so handler input cannot split responses.
void appendResponse(QByteArray &out, const Response &response, ResponseFraming framing);

/// Appends the head of a streaming response: status line, the handler's headers, Date,
/// `Transfer-Encoding: chunked` and `Connection: close` (a stream ends its connection).
void appendStreamHead(QByteArray &out, const Response &response);

/// Appends @p data as one chunk of a chunked body (nothing for empty data: that would end it).
void appendChunk(QByteArray &out, QByteArrayView data);

/// Appends the last chunk, which ends a chunked body.
void appendLastChunk(QByteArray &out);

/// Appends the interim "100 Continue" response.
void appendContinue(QByteArray &out);

} // namespace Latchkey::Http

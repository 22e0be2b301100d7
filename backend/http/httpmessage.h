#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

#include <functional>
#include <memory>

namespace Latchkey::Http {

class DeferredResponse;
class ResponseStream;

/// One header as it came off the wire: the name keeps its case, lookups ignore it.
using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// A complete HTTP request, independent of the transport that received it.
struct Request {
    QByteArray method; ///< "GET", "POST", ...
    QByteArray path;   ///< path without the query string, e.g. "/v2/keys.verifyKey"
    QByteArray query;  ///< raw query string without '?', may be empty
    HeaderList headers;
    QByteArray body;
    QHostAddress remoteAddress;

    /// Value of the first header named @p name (case-insensitive), or a null QByteArray.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

/// A complete HTTP response. The engine adds Content-Length, Date and Connection itself.
struct Response {
    int status = 200;
    HeaderList headers;
    QByteArray body;
    /// When set, the body is this stream instead of `body`: sent with `Transfer-Encoding: chunked`
    /// as the producer feeds it, and the connection closes when the stream ends.
    std::shared_ptr<ResponseStream> stream;
    /// When set, the response is whatever this is completed with later, from any thread; the
    /// other fields are ignored (see DeferredResponse). The completed response must not be
    /// deferred again nor carry a stream (the client would get a 500).
    std::shared_ptr<DeferredResponse> deferred;

    void setHeader(const QByteArray &name, const QByteArray &value);
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

/// What a transport calls for every request. Must be thread-safe: engines call it from several
/// worker threads at once.
using Handler = std::function<Response(const Request &)>;

/// Reason phrase for a status code ("Not Found"), for the status line.
[[nodiscard]] QByteArray reasonPhrase(int status);

} // namespace Latchkey::Http

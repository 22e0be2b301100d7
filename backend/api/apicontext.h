#pragma once

#include "api/principal.h"
#include "http/httpmessage.h"
#include "store/auditlog.h"

#include <QJsonValue>

#include <memory>
#include <optional>

namespace Latchkey::Http {
class ResponseStream;
} // namespace Latchkey::Http

namespace Latchkey::Api {

class PendingReply;

/// Everything a handler knows about the request it serves.
struct ApiContext {
    QString requestId;
    const Http::Request &http;
    Principal principal; ///< empty on public routes
    qint64 nowMs = 0;

    /// The audit origin of mutations made by this request (actor = the root key).
    [[nodiscard]] Store::AuditOrigin auditOrigin() const;
};

/// `pagination` of list endpoints; `cursor` is omitted on the last page.
struct Pagination {
    bool hasMore = false;
    QString cursor;
};

/// What a handler answers on success; the router wraps it in the envelope.
struct ApiReply {
    QJsonValue data = QJsonValue(QJsonValue::Undefined); ///< Undefined: no `data` member
    std::optional<Pagination> pagination;
    /// Hot paths (keys.verifyKey) may hand `data` already serialized as compact JSON; when not
    /// empty it is used instead of `data`, saving a QJsonObject round trip per request.
    QByteArray rawData;
    /// When set, rawData is the whole response body with this Content-Type, not an envelope
    /// (documents such as GET /openapi.yaml).
    QByteArray contentType;
    /// When set, the response is this stream (HTTP 200 with streamHeaders), not an envelope:
    /// POST /v2/analytics.stream.
    std::shared_ptr<Http::ResponseStream> stream;
    Http::HeaderList streamHeaders;
    /// When set, the answer comes later through this (the rest of the reply is ignored): the
    /// router answers when it completes, without blocking the worker (PendingReply).
    std::shared_ptr<PendingReply> pending;
};

} // namespace Latchkey::Api

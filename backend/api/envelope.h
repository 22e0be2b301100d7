#pragma once

#include "api/apicontext.h"
#include "core/error.h"
#include "http/httpmessage.h"

namespace Latchkey::Api {

/// `{meta:{requestId}, data, pagination?}` as an HTTP 200 JSON response.
[[nodiscard]] Http::Response successResponse(const QString &requestId, const ApiReply &reply);

/// `{meta:{requestId}, error:{title, detail, status, type, errors?}}`; 400s always carry `errors`.
/// @p problemJson selects `application/problem+json` (when the client accepts it).
[[nodiscard]] Http::Response errorResponse(const QString &requestId, const Core::Error &error,
                                           bool problemJson = false);

} // namespace Latchkey::Api

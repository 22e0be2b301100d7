#pragma once

#include <QLoggingCategory>

namespace Latchkey::Http {

/// Logging category of the HTTP engine ("latchkey.http"): connection errors, protocol
/// violations and lifecycle messages. Enable with QT_LOGGING_RULES="latchkey.http.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

} // namespace Latchkey::Http

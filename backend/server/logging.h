#pragma once

#include <QString>

namespace Latchkey::Server {

/// Routes Qt's log output to stderr as one line per message: "text" (time level category message)
/// or "json" ({"time","level","category","message"}). Secrets never reach it: handlers log key ids
/// and request ids, never keys.
void installLogHandler(const QString &format);

} // namespace Latchkey::Server

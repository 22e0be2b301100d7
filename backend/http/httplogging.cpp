#include "http/httplogging.h"

namespace Latchkey::Http {

// Debug output is per connection and noisy under attack: off unless an operator enables it.
Q_LOGGING_CATEGORY(lcHttp, "latchkey.http", QtInfoMsg)

} // namespace Latchkey::Http

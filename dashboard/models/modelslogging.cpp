#include "models/modelslogging.h"

namespace Latchkey::Dashboard {
Q_LOGGING_CATEGORY(lcModels, "latchkey.dashboard.models")
} // namespace Latchkey::Dashboard

#pragma once

#include <QLoggingCategory>

namespace Latchkey::Dashboard {
/// The dashboard's list models, bulk operations and exports (`latchkey.dashboard.models`).
Q_DECLARE_LOGGING_CATEGORY(lcModels)
} // namespace Latchkey::Dashboard

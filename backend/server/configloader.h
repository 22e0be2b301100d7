#pragma once

#include "core/error.h"
#include "server/serverconfig.h"

#include <QProcessEnvironment>
#include <QStringList>

namespace Latchkey::Server {

/// What the command line asks for.
struct LoadedConfig {
    enum class Action { Run, ShowHelp, ShowVersion };
    Action action = Action::Run;
    ServerConfig config;
    QString text; ///< help or version text
};

/// Builds the configuration from, in increasing precedence: defaults, the `--config` file (INI:
/// `listen = 127.0.0.1:7070`, `data-dir = ...`), `LATCHKEY_*` environment variables
/// (LATCHKEY_LISTEN, LATCHKEY_DATA_DIR, ...), and flags. A bad value is an InvalidInput error whose
/// detail is one line naming the problem (latchkeyd exits 2).
[[nodiscard]] Core::Result<LoadedConfig> loadConfig(const QStringList &arguments,
                                                    const QProcessEnvironment &environment);

/// The platform's default data folder for latchkeyd.
[[nodiscard]] QString defaultDataDir();

} // namespace Latchkey::Server

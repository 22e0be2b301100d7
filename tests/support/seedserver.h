#pragma once

// What the data-folder seeding tools share (latchkey_sdk_seed, latchkey_console_history,
// latchkey_analytics_seed): the --data-dir and --root-key options, their failure message, and the
// Server they seed through. Header-only: the tools link latchkey_server, not the test library.

#include "server/server.h"

#include <QCommandLineParser>

#include <cstdio>
#include <memory>

namespace Latchkey::Test {

/// "<tool>: <detail>" on stderr; answers 1, the tools' exit code for a failure.
inline int seedFailed(const char *tool, const QString &detail)
{
    std::fprintf(stderr, "%s: %s\n", tool, qPrintable(detail));
    return 1;
}

/// --data-dir DIR and --root-key KEY, which every seeding tool takes.
struct SeedOptions {
    explicit SeedOptions(const QString &rootKeyDescription)
        : rootKey(QStringLiteral("root-key"), rootKeyDescription, QStringLiteral("KEY"))
    { }

    QCommandLineOption dataDir {QStringLiteral("data-dir"), QStringLiteral("Data folder."), QStringLiteral("DIR")};
    QCommandLineOption rootKey;
};

/// A Server opened without sockets on @p parser's --data-dir, with its --root-key holding every
/// permission (as LATCHKEY_BOOTSTRAP_ROOT_KEY would); null when it does not open, @p error says why.
inline std::unique_ptr<Server::Server> openSeedServer(
    const QCommandLineParser &parser, const SeedOptions &options, QString *error)
{
    Server::ServerConfig config;
    config.dataDir = parser.value(options.dataDir);
    config.bootstrapRootKey = parser.value(options.rootKey);
    auto server = std::make_unique<Server::Server>(config);
    if (const auto opened = server->open(); !opened) {
        *error = opened.error().detail;
        return nullptr;
    }
    return server;
}

} // namespace Latchkey::Test

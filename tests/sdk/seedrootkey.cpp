// latchkey_sdk_seed: prepares a data folder for the SDK suite before latchkeyd starts on it, for
// the two things the v2 API cannot create itself, through the same Server code latchkeyd runs:
//   - a root key that lacks permissions (to see the SDK's ForbiddenErrorResponse);
//   - a registered key migration (keys.migrateKeys needs one, as in Unkey).
//
//   latchkey_sdk_seed --data-dir DIR --root-key KEY [--limited-key KEY2 --permissions a,b]
//                     [--migration ID]...
//
// KEY gets all permissions (exactly as LATCHKEY_BOOTSTRAP_ROOT_KEY would), KEY2 exactly the
// listed ones, in the same workspace; each ID is registered as a "sha256" migration there.
#include "server/server.h"
#include "store/database.h"
#include "store/keystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

int failed(const QString &detail)
{
    std::fprintf(stderr, "latchkey_sdk_seed: %s\n", qPrintable(detail));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption dataDir(u"data-dir"_s, u"Data folder."_s, u"DIR"_s);
    const QCommandLineOption rootKey(u"root-key"_s, u"All-permission root key."_s, u"KEY"_s);
    const QCommandLineOption limitedKey(u"limited-key"_s, u"Root key with only --permissions."_s, u"KEY"_s);
    const QCommandLineOption permissions(u"permissions"_s, u"Comma-separated permissions."_s, u"LIST"_s);
    const QCommandLineOption migration(u"migration"_s, u"Register a sha256 key migration."_s, u"ID"_s);
    parser.addOptions({dataDir, rootKey, limitedKey, permissions, migration});
    parser.process(app);
    if (!parser.isSet(dataDir) || !parser.isSet(rootKey)) {
        std::fprintf(stderr, "latchkey_sdk_seed: --data-dir and --root-key are required\n");
        return 2;
    }

    Latchkey::Server::ServerConfig config;
    config.dataDir = parser.value(dataDir);
    config.bootstrapRootKey = parser.value(rootKey);
    Latchkey::Server::Server server(config);
    if (const auto opened = server.open(); !opened)
        return failed(opened.error().detail);
    const QString workspaceId = server.defaultWorkspaceId();
    if (parser.isSet(limitedKey)) {
        const QStringList granted = parser.value(permissions).split(u',', Qt::SkipEmptyParts);
        const auto seeded = server.seedRootKey(workspaceId, parser.value(limitedKey), granted, u"limited"_s);
        if (!seeded)
            return failed(seeded.error().detail);
    }
    Latchkey::Store::KeyStore keys(server.database());
    for (const QString &id : parser.values(migration)) {
        const auto created = server.database().write(
            [&] { return keys.createMigration(workspaceId, id, u"sha256"_s, QDateTime::currentMSecsSinceEpoch()); });
        if (!created)
            return failed(created.error().detail);
    }
    server.stop();
    return 0;
}

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
#include "store/database.h"
#include "store/keystore.h"
#include "support/seedserver.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;
using Latchkey::Test::SeedOptions;

namespace {

int failed(const QString &detail)
{
    return Latchkey::Test::seedFailed("latchkey_sdk_seed", detail);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const SeedOptions common(u"All-permission root key."_s);
    const QCommandLineOption limitedKey(u"limited-key"_s, u"Root key with only --permissions."_s, u"KEY"_s);
    const QCommandLineOption permissions(u"permissions"_s, u"Comma-separated permissions."_s, u"LIST"_s);
    const QCommandLineOption migration(u"migration"_s, u"Register a sha256 key migration."_s, u"ID"_s);
    parser.addOptions({common.dataDir, common.rootKey, limitedKey, permissions, migration});
    parser.process(app);
    if (!parser.isSet(common.dataDir) || !parser.isSet(common.rootKey)) {
        std::fprintf(stderr, "latchkey_sdk_seed: --data-dir and --root-key are required\n");
        return 2;
    }

    QString error;
    const auto opened = Latchkey::Test::openSeedServer(parser, common, &error);
    if (!opened)
        return failed(error);
    Latchkey::Server::Server &server = *opened;
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

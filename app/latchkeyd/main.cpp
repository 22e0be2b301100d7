// latchkeyd: parse the configuration, build the Server, run the event loop until a signal.
#include "server/configloader.h"
#include "server/logging.h"
#include "server/server.h"
#include "server/signalwatcher.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Latchkey::Server;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"latchkeyd"_s);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(LATCHKEY_VERSION));

    const auto loaded = loadConfig(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    if (!loaded) {
        std::fprintf(stderr, "latchkeyd: %s\n", qPrintable(loaded.error().detail));
        return 2;
    }
    if (loaded->action != LoadedConfig::Action::Run) {
        std::fprintf(stdout, "%s\n", qPrintable(loaded->text));
        return 0;
    }
    installLogHandler(loaded->config.logFormat);

    Server server(loaded->config);
    if (const auto opened = server.open(); !opened) {
        std::fprintf(stderr, "latchkeyd: %s\n", qPrintable(opened.error().detail));
        return 1;
    }
    if (const auto listening = server.listen(); !listening) {
        std::fprintf(stderr, "latchkeyd: %s\n", qPrintable(listening.error().detail));
        return 1;
    }
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &app, [&] {
        server.stop();
        QCoreApplication::exit(0);
    });
    return QCoreApplication::exec();
}

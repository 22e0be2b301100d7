// latchkeyd: parse the configuration, build the Server, run the event loop until a signal.
#include "server/configloader.h"
#include "server/logging.h"
#include "server/server.h"
#include "server/signalwatcher.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Latchkey::Server;

namespace {
// Errors go to stderr as exactly one line, whatever bytes a config file contained.
void printError(const QString &message)
{
    QString line = message;
    for (QChar &c : line) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u'?';
    }
    std::fprintf(stderr, "latchkeyd: %s\n", line.toLocal8Bit().constData());
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"latchkeyd"_s);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(LATCHKEY_VERSION));

    const auto loaded = loadConfig(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    if (!loaded) {
        printError(loaded.error().detail);
        return 2;
    }
    if (loaded->action != LoadedConfig::Action::Run) {
        std::fprintf(stdout, "%s\n", qPrintable(loaded->text));
        return 0;
    }
    installLogHandler(loaded->config.logFormat);

    // Bind first: a busy port or bad TLS files fail before the data folder is touched.
    Server server(loaded->config);
    if (const auto listening = server.listen(); !listening) {
        printError(listening.error().detail);
        return 1;
    }
    if (const auto opened = server.open(); !opened) {
        printError(opened.error().detail);
        return 1;
    }
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &app, [&] {
        server.stop();
        QCoreApplication::exit(0);
    });
    return QCoreApplication::exec();
}

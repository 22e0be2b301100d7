// latchkey-dashboard: parse the command line, build the DashboardApp, show the window.
#include "connectioncontroller.h"
#include "dashboardapp.h"
#include "localservercontroller.h"
#include "selftest.h"

#include <QCommandLineParser>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>

#include <unistd.h>

Q_IMPORT_QML_PLUGIN(Latchkey_DashboardPlugin)

using namespace Qt::StringLiterals;
using namespace Latchkey::Dashboard;

int main(int argc, char *argv[])
{
    // Chromium refuses to run its sandbox as root (containers, CI); nowhere else is it turned off.
    if (geteuid() == 0)
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", qgetenv("QTWEBENGINE_CHROMIUM_FLAGS") + " --no-sandbox");
    QtWebEngineQuick::initialize();
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(u"Latchkey"_s);
    QGuiApplication::setApplicationName(u"latchkey-dashboard"_s);
    QGuiApplication::setApplicationDisplayName(u"Latchkey"_s);
    QGuiApplication::setApplicationVersion(QStringLiteral(LATCHKEY_VERSION));
    QQuickStyle::setStyle(u"Material"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"The Latchkey desktop dashboard."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connectOption(u"connect"_s, u"Connect to the server at <url> on start."_s, u"url"_s);
    const QCommandLineOption keyFileOption(u"root-key-file"_s, u"Read the root key for --connect from <file>."_s, u"file"_s);
    const QCommandLineOption dataDirOption(u"local-data-dir"_s, u"Data folder of \"Start a local server\"."_s, u"dir"_s);
    const QCommandLineOption selfTestOption(u"self-test"_s,
        u"Load every page against an embedded server; exit non-zero on any QML warning or load error."_s);
    parser.addOptions({connectOption, keyFileOption, dataDirOption, selfTestOption});
    parser.process(app);

    if (parser.isSet(selfTestOption))
        return SelfTest().run();

    DashboardApp dashboard;
    if (parser.isSet(dataDirOption))
        dashboard.localServer()->setDataDir(parser.value(dataDirOption));
    QQmlApplicationEngine engine;
    if (!dashboard.load(engine))
        return 1;
    if (parser.isSet(connectOption)) {
        QFile keyFile(parser.value(keyFileOption));
        if (!keyFile.open(QIODevice::ReadOnly)) {
            qCritical("--connect needs --root-key-file with a readable file");
            return 2;
        }
        dashboard.connection()->connectFromCommandLine(parser.value(connectOption),
                                                       QString::fromUtf8(keyFile.readAll()).trimmed());
    }
    const int exitCode = QGuiApplication::exec();
    DashboardApp::unload(engine); // the pages before the engine, the engine before the server
    return exitCode;
}

#include "selftest.h"

#include "apiclient.h"
#include "dashboardapp.h"
#include "localservercontroller.h"
#include "rootkeyvault.h"
#include "session.h"
#include "settingscontroller.h"

#include <QCursor>
#include <QDeadlineTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QMutex>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QScreen>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

/// Moves the pointer off @p window where its screen leaves room. The pages open one after another
/// under a pointer that rests where the window system put it (the screen's middle under Xvfb):
/// each page's control there was hovered, its tooltip waiting out its delay while the next page
/// replaced it, and the tooltip then found no window to open in (a warning, so a failed check that
/// depended on the pointer). The check is about the pages, not the pointer.
void movePointerOff(QObject *window)
{
    auto *quickWindow = qobject_cast<QQuickWindow *>(window);
    if (!quickWindow || !quickWindow->screen())
        return;
    const QRect screen = quickWindow->screen()->geometry();
    const QRect taken = quickWindow->frameGeometry();
    for (const QPoint corner : {screen.bottomRight(), screen.bottomLeft(), screen.topRight(), screen.topLeft()}) {
        if (!taken.contains(corner)) {
            QCursor::setPos(quickWindow->screen(), corner);
            return;
        }
    }
}

QMutex problemsMutex;
QStringList problems;
QtMessageHandler previousHandler = nullptr;

// Qt WebEngine 6.4 warns about its own value types whenever its QML module loads; not ours.
bool isKnownQtNoise(const QString &message)
{
    return message.contains(u"is neither a QObject, nor default- and copy-constructible"_s);
}

// Every other warning counts: QML load errors, binding loops, type errors and our own qCWarning.
void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if ((type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) && !isKnownQtNoise(message)) {
        QMutexLocker locker(&problemsMutex);
        problems.append(message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

QStringList takeProblems()
{
    QMutexLocker locker(&problemsMutex);
    return std::exchange(problems, {});
}

/// Calls @p action synchronously from the test's point of view: posts, waits for the answer.
ApiResult callAndWait(ApiClient *client, const QString &action, const QJsonObject &body)
{
    ApiResult result;
    bool done = false;
    client->post(action, body, nullptr, [&](const ApiResult &answer) {
        result = answer;
        done = true;
    });
    SelfTest::waitUntil([&] { return done; }, 30000);
    return result;
}

} // namespace

bool SelfTest::waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return done();
}

QVariantMap SelfTest::seedSample(DashboardApp &app)
{
    ApiClient *client = app.session()->client();
    const ApiResult api = callAndWait(client, u"apis.createApi"_s, {{u"name"_s, u"self-test"_s}});
    const QString apiId = api.data.toObject().value(u"apiId").toString();
    const QString externalId = u"self-test-owner"_s;
    const ApiResult key = callAndWait(client, u"keys.createKey"_s,
                                      {{u"apiId"_s, apiId}, {u"name"_s, u"self-test key"_s},
                                       {u"externalId"_s, externalId}, {u"prefix"_s, u"st"_s},
                                       {u"credits"_s, QJsonObject{{u"remaining"_s, 100}}}});
    const QString keyId = key.data.toObject().value(u"keyId").toString();
    const ApiResult identity = callAndWait(client, u"identities.getIdentity"_s, {{u"identity"_s, externalId}});
    const QString namespaceName = u"self-test"_s;
    const ApiResult limited = callAndWait(client, u"ratelimit.limit"_s,
                                          {{u"namespace"_s, namespaceName}, {u"identifier"_s, externalId},
                                           {u"limit"_s, 10}, {u"duration"_s, 60000}});
    if (!api.ok() || !key.ok() || !identity.ok() || !limited.ok())
        return {};
    return {{u"apiId"_s, apiId}, {u"keyId"_s, keyId}, {u"externalId"_s, externalId},
            {u"identityId"_s, identity.data.toObject().value(u"id").toString()},
            {u"namespaceName"_s, namespaceName}};
}

QStringList SelfTest::openAllPages(QObject *window, DashboardApp &app, const QVariantMap &sample)
{
    QStringList failedPages;
    const QVariantList entries = window->property("pageEntries").toList();
    for (const QVariant &value : entries) {
        const QVariantMap entry = value.toMap();
        const QString name = entry.value(u"name"_s).toString();
        const QVariantMap properties = pageProperties(entry, sample);
        QVariant opened;
        QMetaObject::invokeMethod(window, "openPage", Q_RETURN_ARG(QVariant, opened), Q_ARG(QVariant, name),
                                  Q_ARG(QVariant, properties));
        // Let the page fetch and render: until the client is idle, then a little longer.
        waitUntil([&] { return !app.session()->client()->busy(); }, 20000);
        QDeadlineTimer settle(400);
        waitUntil([&] { return settle.hasExpired(); }, 1000);
        // The page this one replaced, as the app's event loop deletes it: processEvents() outside
        // exec() never does, and every page opened stayed, its console views loading and streaming.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const QStringList pageProblems = takeProblems();
        std::fprintf(stderr, "self-test: page %-20s %s\n", qPrintable(name),
                     !opened.toBool() ? "NOT OPENED" : pageProblems.isEmpty() ? "ok" : "WARNINGS");
        for (const QString &problem : pageProblems)
            std::fprintf(stderr, "    %s\n", qPrintable(problem));
        if (!opened.toBool() || !pageProblems.isEmpty())
            failedPages.append(name);
    }
    return failedPages;
}

QVariantMap SelfTest::pageProperties(const QVariantMap &entry, const QVariantMap &sample)
{
    QVariantMap properties;
    for (const QVariant &property : entry.value(u"properties"_s).toList())
        properties.insert(property.toString(), sample.value(property.toString()));
    return properties;
}

int SelfTest::run()
{
    QStandardPaths::setTestModeEnabled(true); // no settings or keychain of the user's touched
    previousHandler = qInstallMessageHandler(recordMessage);
    QTemporaryDir dataDir;
    DashboardApp app;
    app.vault()->disable(u"self-test"_s);
    app.localServer()->setDataDir(dataDir.path());
    QQmlApplicationEngine engine;
    if (!app.load(engine)) {
        std::fprintf(stderr, "self-test: the main window did not load\n");
        return 1;
    }
    // The pages and their console views go while the engine is there (before it, on every return).
    const auto unload = qScopeGuard([&engine] { DashboardApp::unload(engine); });
    QObject *window = engine.rootObjects().value(0);
    movePointerOff(window);
    app.localServer()->start();
    if (!waitUntil([&] { return app.session()->connected(); }, 60000)) {
        std::fprintf(stderr, "self-test: the local server did not start: %s\n", qPrintable(app.localServer()->error()));
        return 1;
    }
    const QVariantMap sample = seedSample(app);
    if (sample.isEmpty()) {
        std::fprintf(stderr, "self-test: cannot create the sample data\n");
        return 1;
    }
    QStringList failed;
    SettingsController *settings = app.session()->settings();
    const QList<QPair<QString, QString>> variants{{u"en"_s, u"light"_s}, {u"de"_s, u"dark"_s}};
    for (const auto &[language, theme] : variants) {
        std::fprintf(stderr, "self-test: language %s, theme %s\n", qPrintable(language), qPrintable(theme));
        settings->setLanguage(language);
        settings->setTheme(theme);
        failed += openAllPages(window, app, sample);
    }
    const QStringList late = takeProblems();
    for (const QString &problem : late)
        std::fprintf(stderr, "self-test: %s\n", qPrintable(problem));
    qInstallMessageHandler(previousHandler);
    const bool clean = failed.isEmpty() && late.isEmpty();
    std::fprintf(stderr, "self-test: %s\n", clean ? "PASS" : qPrintable(u"FAIL: "_s + failed.join(u", "_s)));
    return clean ? 0 : 1;
}

} // namespace Latchkey::Dashboard

// LATCHKEY_TEST_NEEDS_DISPLAY: `./dev run`, the README's run command, on what this build made
// (LATCHKEY_RUN_SKIP_BUILD=1), on a free port and a temporary data folder. With a display it
// starts latchkeyd and opens the dashboard connected to it, handing the root key over in a file
// (mode 0600), never on a command line; without one it says how to open the dashboard. Every
// process it starts runs in a process group of its own, ended at the end of each test.
#include "dashboardtestpaths.h"
#include "testpaths.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    return server.serverPort();
}

/// Every process id in /proc with the file @p name of it ("cmdline", "environ", "stat").
QList<QPair<QString, QByteArray>> procFiles(const QString &name)
{
    QList<QPair<QString, QByteArray>> files;
    const QStringList pids = QDir(u"/proc"_s).entryList({u"[0-9]*"_s}, QDir::Dirs);
    for (const QString &pid : pids) {
        QFile file(u"/proc/%1/%2"_s.arg(pid, name));
        if (file.open(QIODevice::ReadOnly))
            files.append({pid, file.readAll()});
    }
    return files;
}

/// The processes in process group @p group ("pid command", for messages).
QStringList groupMembers(qint64 group)
{
    QStringList members;
    for (const auto &[pid, statLine] : procFiles(u"stat"_s)) {
        // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after its closing ')'.
        // Zombies do not count: where no init reaps orphans, they would stay for ever.
        const QList<QByteArray> fields = statLine.mid(statLine.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 2 && fields.at(0) != "Z" && fields.at(2).toLongLong() == group)
            members.append(pid + u' ' + QString::fromUtf8(statLine.mid(statLine.indexOf('('), statLine.lastIndexOf(')') - statLine.indexOf('(') + 1)));
    }
    return members;
}

/// `./dev run` in a process group of its own, its output (stdout and stderr) collected: on a
/// free port, with its data and the dashboard's HOME below @p folder.
class DevRun
{
public:
    DevRun(const QString &folder, bool display) : m_port(freePort()), m_dataDir(folder + u"/data"_s)
    {
        const QString home = folder + u"/home"_s;
        QDir().mkpath(home);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LATCHKEY_RUN_SKIP_BUILD"_s, u"1"_s);
        env.insert(u"LATCHKEY_BUILD_DIR"_s, QStringLiteral(LATCHKEY_BINARY_DIR));
        env.insert(u"LATCHKEY_DATA_DIR"_s, m_dataDir);
        env.insert(u"LATCHKEY_RUN_PORT"_s, QString::number(m_port));
        env.remove(u"LATCHKEY_BOOTSTRAP_ROOT_KEY"_s);
        env.insert(u"HOME"_s, home); // the dashboard's settings and caches, never the user's
        env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
        env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
        env.insert(u"XDG_CACHE_HOME"_s, home + u"/.cache"_s);
        env.insert(u"QT_LOGGING_RULES"_s, u"latchkey.dashboard.connection.info=true"_s);
        if (!display) {
            env.remove(u"DISPLAY"_s);
            env.remove(u"WAYLAND_DISPLAY"_s);
        }
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setChildProcessModifier([] { ::setsid(); });
        m_process.start(QStringLiteral(LATCHKEY_SOURCE_DIR) + u"/dev"_s, {u"run"_s});
    }

    ~DevRun() { stop(); }

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString dataDir() const { return m_dataDir; }
    [[nodiscard]] qint64 group() const { return m_group; }
    /// True once the script runs (and a free port was found).
    [[nodiscard]] bool started()
    {
        if (m_port == 0 || !m_process.waitForStarted(30000))
            return false;
        m_group = m_process.processId();
        return true;
    }
    [[nodiscard]] QString output()
    {
        m_output += m_process.readAll();
        return QString::fromUtf8(m_output);
    }

    /// SIGTERM to the whole group (the script, latchkeyd, the dashboard and its helpers), SIGKILL
    /// to what is left after 20 s. True when no process of the group is left.
    bool stop()
    {
        if (m_group <= 0)
            return true;
        ::kill(pid_t(-m_group), SIGTERM);
        if (!QTest::qWaitFor([this] { return groupMembers(m_group).isEmpty(); }, 20000))
            ::kill(pid_t(-m_group), SIGKILL);
        m_process.waitForFinished(10000);
        const bool gone = QTest::qWaitFor([this] { return groupMembers(m_group).isEmpty(); }, 10000);
        m_group = 0;
        return gone;
    }

private:
    quint16 m_port;
    QString m_dataDir;
    QProcess m_process;
    QByteArray m_output;
    qint64 m_group = 0;
};

bool answers(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(1000);
}

} // namespace

class TestDevRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensTheDashboardConnectedToTheServerItStarted();
    void withoutADisplayItSaysHowToOpenTheDashboard();

private:
    QTemporaryDir m_dir;
};

void TestDevRun::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(QStringLiteral(LATCHKEY_BINARY_DIR) + u"/app/latchkey-dashboard/latchkey-dashboard"_s).isExecutable(),
             "build latchkey-dashboard first");
    QVERIFY2(QFileInfo(QStringLiteral(LATCHKEY_BINARY_DIR) + u"/app/latchkeyd/latchkeyd"_s).isExecutable(), "build latchkeyd first");
    QVERIFY2(!qEnvironmentVariableIsEmpty("DISPLAY"), "runs under xvfb-run (ctest does)");
}

void TestDevRun::opensTheDashboardConnectedToTheServerItStarted()
{
    DevRun run(m_dir.filePath(u"with-display"_s), true);
    QVERIFY(run.started());
    const quint16 port = run.port();
    const QString data = run.dataDir();
    const QString url = u"http://127.0.0.1:%1"_s.arg(port);

    // The dashboard says it connected, to this server (it checked the key with rootKeys.whoami).
    QTRY_VERIFY2_WITH_TIMEOUT(run.output().contains(u"connected to "_s + url), qPrintable(run.output()), 120000);
    // ... and its window is on the display, titled with the server it is connected to.
    const QString xwininfo = QStandardPaths::findExecutable(u"xwininfo"_s);
    QVERIFY2(!xwininfo.isEmpty(), "xwininfo is missing (Debian package x11-utils, in ./dev's list)");
    const auto windowTitles = [&] {
        QProcess list;
        list.start(xwininfo, {u"-root"_s, u"-tree"_s});
        list.waitForFinished(10000);
        return QString::fromUtf8(list.readAllStandardOutput());
    };
    // The dashboard's window (its class), titled with the server's address: "http://127.0.0.1:7070
    // — Latchkey" (Qt appends the application's name).
    const QRegularExpression connectedWindow(
        u"\"[^\"]*127\\.0\\.0\\.1:%1\\b[^\"]*\": \\(\"latchkey-dashboard\""_s.arg(port));
    QTRY_VERIFY2_WITH_TIMEOUT(connectedWindow.match(windowTitles()).hasMatch(), qPrintable(windowTitles()), 30000);

    // The root key file is the owner's alone, and the key is on no command line or environment.
    QFile keyFile(data + u"/bootstrap-root-key.txt"_s);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QByteArray key = keyFile.readAll().trimmed();
    QVERIFY(key.size() > 16);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
        | QFileDevice::WriteOther | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    QCOMPARE(keyFile.permissions() & others, QFileDevice::Permissions());
    bool dashboardFound = false;
    const QString ours = groupMembers(run.group()).join(u'\n'); // "pid (comm)" lines
    for (const auto &[pid, cmdline] : procFiles(u"cmdline"_s)) {
        QVERIFY2(!cmdline.contains(key), qPrintable(u"the root key is on the command line of process "_s + pid));
        const QList<QByteArray> args = cmdline.split('\0');
        const bool inGroup = ours.startsWith(pid + u' ') || ours.contains(u'\n' + pid + u' ');
        if (inGroup && !args.isEmpty() && args.first().endsWith("latchkey-dashboard")) {
            dashboardFound = true;
            QVERIFY(args.contains("--root-key-file"));
            QVERIFY(args.contains(keyFile.fileName().toUtf8()));
            QVERIFY(args.contains(url.toUtf8()));
        }
    }
    QVERIFY(dashboardFound);
    for (const auto &[pid, environment] : procFiles(u"environ"_s))
        QVERIFY2(!environment.contains(key), qPrintable(u"the root key is in the environment of process "_s + pid));

    const QStringList members = groupMembers(run.group());
    QVERIFY2(run.stop(), qPrintable(groupMembers(run.group()).join(u", "_s)));
    QVERIFY2(!answers(port), qPrintable(members.join(u", "_s)));
}

void TestDevRun::withoutADisplayItSaysHowToOpenTheDashboard()
{
    DevRun run(m_dir.filePath(u"headless"_s), false);
    QVERIFY(run.started());
    const quint16 port = run.port();
    const QString data = run.dataDir();
    // The server runs, and the output names the exact command that opens the dashboard on it.
    const QString command = QStringLiteral(LATCHKEY_BINARY_DIR) + u"/app/latchkey-dashboard/latchkey-dashboard --connect http://127.0.0.1:%1 --root-key-file %2/bootstrap-root-key.txt"_s.arg(port).arg(data);
    QTRY_VERIFY2_WITH_TIMEOUT(run.output().contains(u"No display here"_s) && run.output().contains(command),
                              qPrintable(run.output()), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(answers(port), 60000);
    const QStringList members = groupMembers(run.group());
    QVERIFY2(!members.join(u' ').contains(u"latchkey-dashb"_s), qPrintable(members.join(u", "_s))); // no dashboard started
    QVERIFY2(run.stop(), qPrintable(groupMembers(run.group()).join(u", "_s)));
    QVERIFY(!answers(port));
}

QTEST_GUILESS_MAIN(TestDevRun)
#include "tst_devrun.moc"

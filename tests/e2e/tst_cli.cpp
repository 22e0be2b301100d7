// The latchkeyd command line, configuration, start-up failures, signals and logs, tested on the
// real binary.
#include "support/latchkeydprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Latchkey::Test::HttpResponse;
using Latchkey::Test::LatchkeydProcess;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

int fileMode(const QString &path)
{
    struct stat status {
    };
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? int(status.st_mode & 07777) : -1;
}

/// Runs @p sql on the store file @p path of a stopped server; the driver's error, or "" when it ran.
QString execOnStore(const QString &path, const QString &sql)
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"edit"_s);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(sql))
                error = query.lastError().text();
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(u"edit"_s);
    return error;
}

QString listenArgument(quint16 port)
{
    return u"127.0.0.1:"_s + QString::number(port);
}

QStringList nonEmptyLines(const QByteArray &text)
{
    QStringList lines;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(QString::fromUtf8(line));
    }
    return lines;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersion();
    void badConfiguration_data();
    void badConfiguration();
    void portInUse();
    void dataDirNotUsable_data();
    void dataDirNotUsable();
    void corruptDatabaseIsLeftAlone();
    void newerSchemaIsLeftAlone();
    void unreadableStoreIsNotTakenForANewOne();
    void bootstrapKeyFileWrittenOnce();
    void bootstrapKeyFileFlag();
    void environmentIsHonoured();
    void configFileIsHonoured();
    void sigtermExitsZero();
    void jsonLogLinesCarryRequestIds();
    void secretsNeverLogged();

private:
    /// Asserts a run that must fail at once: @p exitCode and exactly one stderr line matching @p pattern.
    static void expectOneLineFailure(const LatchkeydProcess::Finished &finished, int exitCode, const QString &pattern);
};

void TestCli::expectOneLineFailure(const LatchkeydProcess::Finished &finished, int exitCode, const QString &pattern)
{
    QVERIFY2(finished.finished, "latchkeyd kept running instead of exiting");
    QCOMPARE(finished.exitStatus, QProcess::NormalExit);
    const QByteArray wrongCode = "exit code " + QByteArray::number(finished.exitCode) + ", expected "
        + QByteArray::number(exitCode) + "; stderr: " + finished.standardError;
    QVERIFY2(finished.exitCode == exitCode, wrongCode.constData());
    const QList<QByteArray> lines = finished.errorLines();
    const QByteArray lineCount = "expected exactly one stderr line, got: " + finished.standardError;
    QVERIFY2(lines.size() == 1, lineCount.constData());
    const QByteArray unnamed
        = "stderr line does not name the problem (" + pattern.toUtf8() + "): " + lines.constFirst();
    QVERIFY2(QString::fromUtf8(lines.constFirst()).contains(QRegularExpression(pattern)), unnamed.constData());
}

void TestCli::helpAndVersion()
{
    const auto help = LatchkeydProcess::run({u"--help"_s});
    QVERIFY(help.finished);
    QCOMPARE(help.exitCode, 0);
    for (const char *flag :
        {"--listen", "--data-dir", "--log-format", "--tls-cert", "--tls-key", "--config", "--workers"})
        QVERIFY2(help.standardOutput.contains(flag), flag);

    const auto version = LatchkeydProcess::run({u"--version"_s});
    QVERIFY(version.finished);
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.standardOutput.startsWith("latchkeyd "), version.standardOutput.constData());
    QVERIFY2(version.standardOutput.contains(LATCHKEY_VERSION), version.standardOutput.constData());
}

void TestCli::badConfiguration_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("configFile"); // written to a temporary file passed as --config
    QTest::addColumn<QString>("pattern");

    QTest::newRow("unknown flag") << QStringList {u"--frobnicate"_s} << QByteArray() << u"frobnicate"_s;
    QTest::newRow("positional argument") << QStringList {u"serve"_s} << QByteArray() << u"serve"_s;
    QTest::newRow("listen without port") << QStringList {u"--listen"_s, u"localhost"_s} << QByteArray() << u"listen"_s;
    QTest::newRow("listen port out of range")
        << QStringList {u"--listen"_s, u"127.0.0.1:70000"_s} << QByteArray() << u"listen"_s;
    QTest::newRow("listen port not a number")
        << QStringList {u"--listen"_s, u"127.0.0.1:http"_s} << QByteArray() << u"listen"_s;
    QTest::newRow("bad log format") << QStringList {u"--log-format"_s, u"yaml"_s} << QByteArray() << u"log-format"_s;
    QTest::newRow("tls cert without key")
        << QStringList {u"--tls-cert"_s, u"/tmp/cert.pem"_s} << QByteArray() << u"tls-key"_s;
    QTest::newRow("tls key without cert")
        << QStringList {u"--tls-key"_s, u"/tmp/key.pem"_s} << QByteArray() << u"tls-cert"_s;
    QTest::newRow("bad workers") << QStringList {u"--workers"_s, u"0"_s} << QByteArray() << u"workers"_s;
    QTest::newRow("flag missing its value") << QStringList {u"--data-dir"_s} << QByteArray() << u"data-dir"_s;
    QTest::newRow("unknown key in config")
        << QStringList() << QByteArray("listen = 127.0.0.1:1\ncolour = blue\n") << u"colour"_s;
    QTest::newRow("binary garbage in config")
        << QStringList() << QByteArray("\x00\x01garbage = 1\n", 14) << u"latchkeyd\\.ini"_s;
    QTest::newRow("section in config") << QStringList() << QByteArray("[server]\nlisten = 127.0.0.1:1\n")
                                       << u"server/listen"_s;
    QTest::newRow("bad value in config") << QStringList() << QByteArray("log-format = xml\n") << u"xml"_s;
    QTest::newRow("unreadable config") << QStringList {u"--config"_s, u"/nonexistent/latchkey-e2e.ini"_s}
                                       << QByteArray() << u"/nonexistent/latchkey-e2e\\.ini"_s;
}

void TestCli::badConfiguration()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, configFile);
    QFETCH(QString, pattern);
    QTemporaryDir dir;
    // A valid address and data folder, so only the bad setting can make it exit.
    QStringList all {
        u"--listen"_s, listenArgument(LatchkeydProcess::freePort()), u"--data-dir"_s, dir.filePath(u"data"_s)};
    if (!configFile.isEmpty()) {
        const QString path = dir.filePath(u"latchkeyd.ini"_s);
        QVERIFY(writeFile(path, configFile));
        all << u"--config"_s << path;
    }
    all += arguments;
    expectOneLineFailure(LatchkeydProcess::run(all, {}, 10000), 2, pattern);
    QVERIFY2(!QFileInfo::exists(dir.filePath(u"data/latchkey.db"_s)), "a configuration error must not create a store");
}

void TestCli::portInUse()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    const auto finished = LatchkeydProcess::run(
        {u"--listen"_s, listenArgument(occupier.serverPort()), u"--data-dir"_s, dir.path()}, {}, 10000);
    expectOneLineFailure(finished, 1, QString::number(occupier.serverPort()) + u"|in use"_s);
    // A server that cannot serve must not have issued a root key or created a store.
    QVERIFY2(!QFileInfo::exists(dir.filePath(u"bootstrap-root-key.txt"_s)), "a root key was issued by a failed start");
    QVERIFY2(!QFileInfo::exists(dir.filePath(u"latchkey.db"_s)), "a store was created by a failed start");
}

void TestCli::dataDirNotUsable_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("a regular file") << u"file"_s;
    QTest::newRow("below a regular file") << u"below-file"_s;
    QTest::newRow("below /proc") << u"proc"_s;
    QTest::newRow("read-only folder") << u"read-only"_s;
}

void TestCli::dataDirNotUsable()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QString dataDir;
    if (kind == u"file" || kind == u"below-file") {
        const QString file = dir.filePath(u"plain-file"_s);
        QVERIFY(writeFile(file, "not a folder"));
        dataDir = kind == u"file" ? file : file + u"/data"_s;
    } else if (kind == u"proc") {
        dataDir = u"/proc/latchkey-e2e-data"_s;
    } else {
        if (::geteuid() == 0)
            QSKIP("running as root: folder permissions do not stop root (the other rows cover it)");
        const QString readOnly = dir.filePath(u"read-only"_s);
        QVERIFY(QDir().mkpath(readOnly));
        QVERIFY(QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        dataDir = readOnly + u"/data"_s;
    }
    const auto finished = LatchkeydProcess::run(
        {u"--listen"_s, listenArgument(LatchkeydProcess::freePort()), u"--data-dir"_s, dataDir}, {}, 10000);
    expectOneLineFailure(finished, 1, QRegularExpression::escape(dataDir));
}

void TestCli::corruptDatabaseIsLeftAlone()
{
    QTemporaryDir dir;
    QByteArray garbage;
    for (int i = 0; i < 64 * 1024; ++i)
        garbage.append(char((i * 7919 + 13) & 0xff));
    const QString db = dir.filePath(u"latchkey.db"_s);
    QVERIFY(writeFile(db, garbage));
    const auto finished = LatchkeydProcess::run(
        {u"--listen"_s, listenArgument(LatchkeydProcess::freePort()), u"--data-dir"_s, dir.path()}, {}, 10000);
    expectOneLineFailure(finished, 1, u"latchkey\\.db"_s);
    QVERIFY2(fileBytes(db) == garbage, "the corrupt database file was modified");
    QVERIFY2(!QFileInfo::exists(dir.filePath(u"bootstrap-root-key.txt"_s)), "no root key may be issued on failure");
}

void TestCli::newerSchemaIsLeftAlone()
{
    LatchkeydProcess server;
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    QCOMPARE(server.terminate(), 0);
    const QString path = QDir(server.dataDir()).filePath(u"latchkey.db"_s);
    const QString edited = execOnStore(path, u"INSERT INTO schema_version (version) VALUES (9999)"_s);
    QVERIFY2(edited.isEmpty(), qPrintable(edited));
    const QByteArray before = fileBytes(path);
    QVERIFY(!before.isEmpty());
    const auto finished = LatchkeydProcess::run(
        {u"--listen"_s, listenArgument(LatchkeydProcess::freePort()), u"--data-dir"_s, server.dataDir()}, {}, 10000);
    expectOneLineFailure(finished, 1, u"9999|newer"_s);
    QVERIFY2(fileBytes(path) == before, "a database from a newer latchkeyd was modified");
}

// A store whose workspaces cannot be read (a damaged file) stops the start-up with the reason;
// it had started as if the store were fine, with no default workspace (a dashboard's local
// server then seeded its root key into none).
void TestCli::unreadableStoreIsNotTakenForANewOne()
{
    LatchkeydProcess server;
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    QCOMPARE(server.terminate(), 0);
    const QString path = QDir(server.dataDir()).filePath(u"latchkey.db"_s);
    const QString edited = execOnStore(path, u"ALTER TABLE workspaces RENAME TO workspaces_away"_s);
    QVERIFY2(edited.isEmpty(), qPrintable(edited));
    const auto finished = LatchkeydProcess::run(
        {u"--listen"_s, listenArgument(LatchkeydProcess::freePort()), u"--data-dir"_s, server.dataDir()}, {}, 10000);
    QVERIFY2(finished.finished, "latchkeyd served a store it cannot read");
    QCOMPARE(finished.exitCode, 1);
    // The analytics thread may log after the error line, so it need not be the last one.
    const QList<QByteArray> lines = finished.errorLines();
    const bool named = std::any_of(lines.cbegin(), lines.cend(), [&](const QByteArray &line) {
        const QString text = QString::fromUtf8(line);
        return text.contains(u"cannot read the store "_s + path) && text.contains(u"workspaces"_s);
    });
    QVERIFY2(named, finished.standardError.constData());
}

void TestCli::bootstrapKeyFileWrittenOnce()
{
    LatchkeydProcess server;
    server.setRootKey({});
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const QString path = QDir(server.dataDir()).filePath(u"bootstrap-root-key.txt"_s);
    QVERIFY2(QFileInfo::exists(path), "no bootstrap-root-key.txt on first start");
    QCOMPARE(fileMode(path), 0600);
    const QByteArray content = fileBytes(path);
    const QString rootKey = QString::fromUtf8(content.trimmed());
    QVERIFY(!rootKey.isEmpty());
    const HttpResponse created = server.call(u"apis.createApi"_s, {{u"name"_s, u"bootstrapped"_s}}, rootKey);
    QVERIFY2(created.status == 200, created.describe().constData());
    QVERIFY2(!server.standardError().contains(rootKey.toUtf8()), "the bootstrap root key was logged");
    const QDateTime modified = QFileInfo(path).lastModified();
    QCOMPARE(server.terminate(), 0);

    QVERIFY2(server.start(), qPrintable(server.lastError()));
    QCOMPARE(fileBytes(path), content);
    QCOMPARE(QFileInfo(path).lastModified(), modified);
    QCOMPARE(fileMode(path), 0600);
    const HttpResponse again = server.call(u"apis.getApi"_s, {{u"apiId"_s, created.data().value(u"apiId")}}, rootKey);
    QVERIFY2(again.status == 200, again.describe().constData());
    QCOMPARE(server.terminate(), 0);
}

void TestCli::bootstrapKeyFileFlag()
{
    QTemporaryDir secrets;
    const QString path = secrets.filePath(u"first-root-key"_s);
    LatchkeydProcess server;
    server.setRootKey({});
    server.setExtraArguments({u"--bootstrap-root-key-file"_s, path});
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    QCOMPARE(fileMode(path), 0600);
    QVERIFY(!QFileInfo::exists(QDir(server.dataDir()).filePath(u"bootstrap-root-key.txt"_s)));
    const QString rootKey = QString::fromUtf8(fileBytes(path).trimmed());
    const HttpResponse created = server.call(u"apis.createApi"_s, {{u"name"_s, u"from-flag"_s}}, rootKey);
    QVERIFY2(created.status == 200, created.describe().constData());
    QCOMPARE(server.terminate(), 0);
}

void TestCli::environmentIsHonoured()
{
    QTemporaryDir dir;
    const quint16 port = LatchkeydProcess::freePort();
    LatchkeydProcess server(dir.path());
    server.setPassAddressFlags(false);
    server.setPort(port);
    server.setEnvironmentVariable(u"LATCHKEY_LISTEN"_s, listenArgument(port));
    server.setEnvironmentVariable(u"LATCHKEY_DATA_DIR"_s, dir.path());
    server.setEnvironmentVariable(u"LATCHKEY_LOG_FORMAT"_s, u"json"_s);
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    QVERIFY(QFileInfo::exists(dir.filePath(u"latchkey.db"_s)));
    QCOMPARE(server.terminate(), 0);
    for (const QString &line : nonEmptyLines(server.standardError()))
        QVERIFY2(QJsonDocument::fromJson(line.toUtf8()).isObject(),
            qPrintable(u"LATCHKEY_LOG_FORMAT=json ignored: "_s + line));
}

void TestCli::configFileIsHonoured()
{
    QTemporaryDir dir;
    const quint16 configured = LatchkeydProcess::freePort();
    const QString ini = dir.filePath(u"latchkeyd.ini"_s);
    QVERIFY(writeFile(ini,
        "listen = " + listenArgument(configured).toUtf8() + "\ndata-dir = " + dir.filePath(u"store"_s).toUtf8()
            + "\nlog-format = json\nworkers = 2\n"));
    LatchkeydProcess server(dir.filePath(u"store"_s));
    server.setPassAddressFlags(false);
    server.setPort(configured);
    server.setExtraArguments({u"--config"_s, ini});
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    QVERIFY(QFileInfo::exists(dir.filePath(u"store/latchkey.db"_s)));
    QCOMPARE(server.terminate(), 0);

    // Precedence: the environment beats the file, a flag beats both.
    const quint16 fromEnvironment = LatchkeydProcess::freePort();
    server.setPort(fromEnvironment);
    server.setEnvironmentVariable(u"LATCHKEY_LISTEN"_s, listenArgument(fromEnvironment));
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    QCOMPARE(server.terminate(), 0);
    const quint16 fromFlag = LatchkeydProcess::freePort();
    server.setPort(fromFlag);
    server.setExtraArguments({u"--config"_s, ini, u"--listen"_s, listenArgument(fromFlag)});
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    QCOMPARE(server.terminate(), 0);
}

void TestCli::sigtermExitsZero()
{
    LatchkeydProcess server;
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const HttpResponse created = server.call(u"apis.createApi"_s, {{u"name"_s, u"before-sigterm"_s}});
    QVERIFY2(created.status == 200, created.describe().constData());
    QCOMPARE(server.terminate(), 0);
    QVERIFY(!server.isLive(500));
    // The data is still there after a graceful stop.
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const HttpResponse fetched = server.call(u"apis.getApi"_s, {{u"apiId"_s, created.data().value(u"apiId")}});
    QVERIFY2(fetched.status == 200, fetched.describe().constData());
    QCOMPARE(server.terminate(), 0);
}

void TestCli::jsonLogLinesCarryRequestIds()
{
    LatchkeydProcess server;
    server.setExtraArguments({u"--log-format"_s, u"json"_s});
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const HttpResponse created = server.call(u"apis.createApi"_s, {{u"name"_s, u"logged"_s}});
    QVERIFY2(created.status == 200, created.describe().constData());
    const HttpResponse rejected = server.call(u"apis.getApi"_s, {{u"apiId"_s, u"api_missing000"_s}});
    QCOMPARE(rejected.status, 404);
    QCOMPARE(server.terminate(), 0);

    const QStringList lines = nonEmptyLines(server.standardError());
    QVERIFY(!lines.isEmpty());
    for (const QString &line : lines) {
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8());
        QVERIFY2(document.isObject(), qPrintable(u"not a JSON object: "_s + line));
        const QJsonObject object = document.object();
        for (const QString &field : {u"time"_s, u"level"_s, u"message"_s})
            QVERIFY2(object.value(field).isString(), qPrintable(field + u" missing in "_s + line));
    }
    for (const HttpResponse *response : {&created, &rejected}) {
        const QString requestId = response->requestId();
        QVERIFY(requestId.startsWith(u"req_"));
        QVERIFY2(
            std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) { return line.contains(requestId); }),
            qPrintable(u"no log line carries "_s + requestId));
    }
}

void TestCli::secretsNeverLogged()
{
    for (const QString &format : {u"text"_s, u"json"_s}) {
        LatchkeydProcess server;
        server.setExtraArguments({u"--log-format"_s, format});
        server.setEnvironmentVariable(u"QT_LOGGING_RULES"_s, u"latchkey.*.debug=true"_s);
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const HttpResponse api = server.call(u"apis.createApi"_s, {{u"name"_s, u"secrets"_s}});
        QVERIFY2(api.status == 200, api.describe().constData());
        const HttpResponse key = server.call(u"keys.createKey"_s, {{u"apiId"_s, api.data().value(u"apiId")}});
        QVERIFY2(key.status == 200, key.describe().constData());
        const QString plaintext = key.data().value(u"key").toString();
        QVERIFY(!plaintext.isEmpty());
        const HttpResponse verified = server.call(u"keys.verifyKey"_s, {{u"key"_s, plaintext}});
        QVERIFY2(verified.status == 200, verified.describe().constData());
        const QString wrongRootKey = LatchkeydProcess::generateRootKey();
        QCOMPARE(server.call(u"apis.createApi"_s, {{u"name"_s, u"denied"_s}}, wrongRootKey).status, 401);
        // Requests the engine rejects itself, carrying the root key: a malformed header after it,
        // and a header block over the limit.
        const QByteArray bearer = "Authorization: Bearer " + server.rootKey().toUtf8() + "\r\n";
        QCOMPARE(
            server.sendRaw("POST /v2/apis.createApi HTTP/1.1\r\nHost: x\r\n" + bearer + "bad header\r\n\r\n").status,
            400);
        QCOMPARE(server
                     .sendRaw("POST /v2/apis.createApi HTTP/1.1\r\nHost: x\r\n" + bearer
                         + "X-Filler: " + QByteArray(40 * 1024, 'a') + "\r\n\r\n")
                     .status,
            431);
        // A customer key sent where a root key belongs.
        QCOMPARE(server.call(u"apis.createApi"_s, {{u"name"_s, u"denied"_s}}, plaintext).status, 401);
        QCOMPARE(server.terminate(), 0);

        const QByteArray log = server.standardError() + server.standardOutput();
        QVERIFY2(!log.isEmpty(), "expected some log output");
        QVERIFY2(!log.contains(server.rootKey().toUtf8()), qPrintable(format + u": the root key was logged"_s));
        QVERIFY2(!log.contains(wrongRootKey.toUtf8()), qPrintable(format + u": a presented root key was logged"_s));
        QVERIFY2(!log.contains(plaintext.toUtf8()), qPrintable(format + u": a customer key was logged"_s));
    }
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

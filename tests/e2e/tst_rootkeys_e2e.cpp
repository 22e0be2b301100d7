// Root keys against the real latchkeyd binary: a created key works over HTTP, a deleted one stops
// at once, and no plaintext root key reaches the log (debug output included) or the data folder.

#include "support/latchkeydprocess.h"

#include <QDirIterator>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

namespace {

/// The files of @p dir (recursively) that contain @p needle.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found.append(file.fileName());
    }
    return found;
}

} // namespace

class TestRootKeysE2e : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifecycleOverHttpLogsNoPlaintext_data();
    void lifecycleOverHttpLogsNoPlaintext();
};

void TestRootKeysE2e::lifecycleOverHttpLogsNoPlaintext_data()
{
    QTest::addColumn<QString>("logFormat");
    QTest::newRow("text") << u"text"_s;
    QTest::newRow("json") << u"json"_s;
}

void TestRootKeysE2e::lifecycleOverHttpLogsNoPlaintext()
{
    QFETCH(QString, logFormat);
    LatchkeydProcess server;
    server.setExtraArguments({u"--log-format"_s, logFormat});
    server.setEnvironmentVariable(u"QT_LOGGING_RULES"_s, u"latchkey.*.debug=true"_s);
    QVERIFY2(server.start(), qPrintable(server.lastError()));

    const HttpResponse created = server.call(u"rootKeys.createRootKey"_s,
        {{u"name"_s, u"e2e"_s}, {u"permissions"_s, QJsonArray{u"api.*.create_api"_s, u"api.*.read_api"_s}}});
    QVERIFY2(created.status == 200, created.describe().constData());
    const QString id = created.data().value(u"rootKeyId"_s).toString();
    const QString key = created.data().value(u"key"_s).toString();
    QVERIFY(key.startsWith(u"lkroot_"));

    HttpResponse r = server.call(u"rootKeys.whoami"_s, {}, key);
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.data().value(u"rootKeyId"_s).toString(), id);
    r = server.call(u"apis.createApi"_s, {{u"name"_s, u"made-by-new-key"_s}}, key);
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(server.call(u"rootKeys.listRootKeys"_s, {}, key).status, 403);
    r = server.call(u"rootKeys.listRootKeys"_s, {});
    QVERIFY2(r.status == 200 && !r.body.contains(key.toUtf8()), r.describe().constData());

    r = server.call(u"rootKeys.deleteRootKey"_s, {{u"rootKeyId"_s, id}});
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(server.call(u"apis.listApis"_s, {}, key).status, 401);
    // A malformed header carrying the key must not be echoed either.
    r = server.sendRaw(RawHttp::request("POST", "/v2/rootKeys.whoami", "{}",
                                        {{"Content-Type", "application/json"}, {"Authorization", "Token " + key.toUtf8()}}));
    QCOMPARE(r.status, 400);
    QVERIFY(!r.body.contains(key.toUtf8()));
    QCOMPARE(server.terminate(), 0);

    const QByteArray log = server.standardError() + server.standardOutput();
    QVERIFY2(log.contains(id.toUtf8()), "the log does not mention the key id; is the log captured at all?");
    QVERIFY2(!log.contains(key.toUtf8()), "the created root key was logged");
    QVERIFY2(!log.contains(key.toUtf8().mid(7, 16)), "part of the created root key was logged");
    QVERIFY2(!log.contains(server.rootKey().toUtf8()), "the bootstrap root key was logged");
    const QStringList leaked = filesContaining(server.dataDir(), key.toUtf8().mid(7));
    QVERIFY2(leaked.isEmpty(), qPrintable(u"plaintext stored in "_s + leaked.join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestRootKeysE2e)
#include "tst_rootkeys_e2e.moc"

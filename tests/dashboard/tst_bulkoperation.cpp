// BulkOperation against a real latchkeyd: bulk disable / enable / delete change exactly the keys
// given (checked through keys.getKey), progress counts every answer, a failing item reaches the
// one error sink and is counted, and cancel stops the rest — the keys it never sent stay as they
// were and `succeeded` matches what the server shows; a server that dies mid-batch stops it
// after a few calls without an answer instead of all of them.
#include "bulkoperation.h"
#include "dashboardfixture.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using Latchkey::Dashboard::ApiClient;
using Latchkey::Dashboard::BulkOperation;

namespace {

/// Answers the first @p answers requests with 200 {"data":{}} and then stops listening, like a
/// server that dies mid-batch (later connections are refused).
class DyingServer : public QTcpServer
{
public:
    explicit DyingServer(int answers) : m_left(answers)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                if (!socket->readAll().contains("\r\n\r\n") || socket->property("answered").toBool())
                    return; // the whole (small) request arrives at once on loopback
                socket->setProperty("answered", true);
                const QByteArray body = R"({"meta":{"requestId":"r"},"data":{}})";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                socket->disconnectFromHost();
                if (--m_left == 0)
                    close();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        });
        listen(QHostAddress::LocalHost);
    }

private:
    int m_left;
};

} // namespace

class TestBulkOperation : public QObject
{
    Q_OBJECT

private:
    Latchkey::Test::DashboardFixture m_fixture;
    QString m_apiId;

    QStringList createKeys(int count)
    {
        QStringList ids;
        for (int i = 0; i < count; ++i)
            ids.append(m_fixture.createKey({{u"apiId"_s, m_apiId}, {u"name"_s, u"bulk-%1"_s.arg(i)}}).value(u"keyId"_s).toString());
        return ids;
    }
    int httpStatusOf(const QString &keyId) { return m_fixture.call(u"keys.getKey"_s, {{u"keyId"_s, keyId}}).httpStatus; }
    bool enabled(const QString &keyId)
    {
        return m_fixture.call(u"keys.getKey"_s, {{u"keyId"_s, keyId}}).data.toObject().value(u"enabled"_s).toBool();
    }

private Q_SLOTS:
    void initTestCase();
    void disableThenEnable_data();
    void disableThenEnable();
    void deleteCountsAFailureAndReportsIt();
    void cancelStopsTheRest();
    void refusesASecondStartAndEmptyBatches();
    void stopsWhenTheServerDies();
};

void TestBulkOperation::initTestCase()
{
    m_apiId = m_fixture.createApi(u"bulk"_s);
    QVERIFY(!m_apiId.isEmpty());
}

void TestBulkOperation::disableThenEnable_data()
{
    QTest::addColumn<int>("concurrency");
    QTest::newRow("one at a time") << 1;
    QTest::newRow("three in flight") << 3;
}

void TestBulkOperation::disableThenEnable()
{
    QFETCH(int, concurrency);
    const QStringList keys = createKeys(7);
    const QString untouched = createKeys(1).first();
    BulkOperation bulk;
    bulk.setClient(m_fixture.client());
    bulk.setConcurrency(concurrency);
    QSignalSpy finished(&bulk, &BulkOperation::finished);
    QSignalSpy progress(&bulk, &BulkOperation::progressChanged);
    QVERIFY(bulk.disableKeys(keys));
    QVERIFY(bulk.running());
    QCOMPARE(bulk.total(), 7);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first(), (QVariantList{7, 0, false}));
    QVERIFY(!bulk.running());
    QCOMPARE(bulk.processed(), 7);
    QCOMPARE(bulk.progress(), 1.0);
    QVERIFY(progress.count() >= 8); // start + one per answer
    for (const QString &keyId : keys)
        QVERIFY2(!enabled(keyId), qPrintable(keyId));
    QVERIFY(enabled(untouched));

    QVERIFY(bulk.enableKeys(keys.mid(0, 3)));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last(), (QVariantList{3, 0, false}));
    for (int i = 0; i < keys.size(); ++i)
        QCOMPARE(enabled(keys.at(i)), i < 3);
}

void TestBulkOperation::deleteCountsAFailureAndReportsIt()
{
    QStringList keys = createKeys(3);
    keys.insert(1, u"key_doesnotexist1"_s);
    BulkOperation bulk;
    bulk.setClient(m_fixture.client());
    QSignalSpy failed(m_fixture.client(), &ApiClient::requestFailed);
    QSignalSpy finished(&bulk, &BulkOperation::finished);
    QVERIFY(bulk.deleteKeys(keys));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first(), (QVariantList{3, 1, false}));
    QCOMPARE(bulk.failed(), 1);
    QCOMPARE(failed.count(), 1); // each failure reaches the one sink once
    QCOMPARE(failed.first().at(0).toString(), u"keys.deleteKey"_s);
    QVERIFY(!failed.first().at(2).toString().isEmpty());
    for (const QString &keyId : keys)
        QCOMPARE(httpStatusOf(keyId), 404);
}

void TestBulkOperation::cancelStopsTheRest()
{
    const QStringList keys = createKeys(12);
    BulkOperation bulk;
    bulk.setClient(m_fixture.client());
    bulk.setConcurrency(1);
    QSignalSpy finished(&bulk, &BulkOperation::finished);
    // The user presses Cancel as the second answer comes in (before the next request is sent).
    connect(&bulk, &BulkOperation::progressChanged, &bulk, [&bulk] {
        if (bulk.processed() >= 2)
            bulk.cancel();
    });
    QVERIFY(bulk.disableKeys(keys));
    QVERIFY(finished.wait(30000));
    QVERIFY(bulk.cancelled());
    QCOMPARE(finished.count(), 1);
    const int succeeded = finished.first().at(0).toInt();
    QCOMPARE(finished.first().at(2).toBool(), true);
    QCOMPARE(succeeded, 2);
    QVERIFY(!bulk.running());

    // Exactly the reported number of keys changed, in order; the rest were never sent.
    int disabled = 0;
    for (const QString &keyId : keys)
        disabled += enabled(keyId) ? 0 : 1;
    QCOMPARE(disabled, succeeded);
    for (int i = 0; i < keys.size(); ++i)
        QCOMPARE(enabled(keys.at(i)), i >= succeeded);
    // What is left to do, for the keys page to keep selected (walkthrough 20/5).
    QCOMPARE(bulk.notStartedKeyIds(), keys.mid(succeeded));
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1); // nothing more happens after finished()
}

void TestBulkOperation::refusesASecondStartAndEmptyBatches()
{
    BulkOperation idle;
    QVERIFY(!idle.disableKeys({u"key_x"_s})); // no client
    BulkOperation bulk;
    bulk.setClient(m_fixture.client());
    QSignalSpy finished(&bulk, &BulkOperation::finished);
    QVERIFY(bulk.disableKeys({}));
    QCOMPARE(finished.count(), 1); // an empty batch is over at once
    QCOMPARE(finished.first(), (QVariantList{0, 0, false}));
    QVERIFY(bulk.disableKeys(createKeys(2)));
    QVERIFY(!bulk.enableKeys({u"key_y"_s})); // one batch at a time
    QVERIFY(finished.wait(30000));
    QCOMPARE(bulk.succeeded(), 2);
}

void TestBulkOperation::stopsWhenTheServerDies()
{
    DyingServer server(5);
    QVERIFY(server.isListening());
    ApiClient client;
    client.setConnection(QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort())), u"k"_s);
    QSignalSpy reported(&client, &ApiClient::requestFailed);
    BulkOperation bulk;
    bulk.setClient(&client);
    bulk.setConcurrency(1);
    QSignalSpy finished(&bulk, &BulkOperation::finished);
    QStringList keys;
    for (int i = 0; i < 303; ++i)
        keys.append(u"key_dying%1"_s.arg(i));
    QVERIFY(bulk.disableKeys(keys));
    QVERIFY(finished.wait(60000));
    QVERIFY(bulk.unreachable());
    QVERIFY(!bulk.cancelled());
    QCOMPARE(finished.first(), (QVariantList{5, BulkOperation::kMaxUnreachable, false}));
    QCOMPARE(bulk.processed(), 5 + BulkOperation::kMaxUnreachable); // not all 303
    QCOMPARE(bulk.total(), 303);
    QCOMPARE(reported.count(), BulkOperation::kMaxUnreachable);
    QVERIFY(!bulk.running());

    // a new batch starts afresh
    QSignalSpy progress(&bulk, &BulkOperation::progressChanged);
    QVERIFY(bulk.disableKeys(keys.mid(0, 1)));
    QVERIFY(!bulk.unreachable());
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last(), (QVariantList{0, 1, false}));
    QVERIFY(!bulk.unreachable()); // one failure is not "the server died"
}

QTEST_GUILESS_MAIN(TestBulkOperation)
#include "tst_bulkoperation.moc"

// ratelimit.limit's fast decode of the SDK's flat body: it answers exactly as the full JSON path
// does, and every body outside its narrow shape, or with a value the full path rejects, still gets
// the full path's answer (same status, same errors).
#include "support/apiharness.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::ApiHarness;
using Latchkey::Test::ApiReply;

class TestRatelimitDecode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAnswerAsTheFullPath_data();
    void sameAnswerAsTheFullPath();
    void badBodiesStillFail_data();
    void badBodiesStillFail();

private:
    static ApiReply post(ApiHarness &harness, const QByteArray &body)
    {
        return harness.raw("POST", "/v2/ratelimit.limit", body,
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + harness.rootKey().toUtf8()}});
    }
};

void TestRatelimitDecode::sameAnswerAsTheFullPath_data()
{
    // Each body against the same check written so that only the full path can read it (the
    // namespace's first letter \u-escaped), each on a fresh server at the same clock time.
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("reference");
    QTest::addColumn<qint64>("remaining");
    QTest::newRow("compact") << QByteArray(R"({"namespace":"api","identifier":"user_1","limit":10,"duration":60000})")
                             << QByteArray(R"({"namespace":"\u0061pi","identifier":"user_1","limit":10,"duration":60000})")
                             << qint64(9);
    QTest::newRow("whitespace, other order, cost")
        << QByteArray(" {\n\"cost\" : 3 ,\t\"duration\":1000,\"limit\":5,\"identifier\":\"u\",\"namespace\":\"api\"}\r\n")
        << QByteArray(R"({"namespace":"\u0061pi","identifier":"u","limit":5,"duration":1000,"cost":3})") << qint64(2);
    QTest::newRow("cost 0") << QByteArray(R"({"namespace":"api","identifier":"u","limit":1,"duration":1000,"cost":0})")
                            << QByteArray(R"({"namespace":"\u0061pi","identifier":"u","limit":1,"duration":1000,"cost":0})")
                            << qint64(1);
    QTest::newRow("cost above the limit")
        << QByteArray(R"({"namespace":"api","identifier":"u","limit":2,"duration":1000,"cost":3})")
        << QByteArray(R"({"namespace":"\u0061pi","identifier":"u","limit":2,"duration":1000,"cost":3})") << qint64(0);
    QTest::newRow("limit with 16 digits (full path)")
        << QByteArray(R"({"namespace":"api","identifier":"u","limit":1000000000000000,"duration":1000})")
        << QByteArray(R"({"namespace":"\u0061pi","identifier":"u","limit":1000000000000000,"duration":1000})")
        << qint64(999999999999999);
}

void TestRatelimitDecode::sameAnswerAsTheFullPath()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, reference);
    QFETCH(qint64, remaining);
    ApiHarness fast;
    ApiHarness full;
    const ApiReply answer = post(fast, body);
    const ApiReply expected = post(full, reference);
    QVERIFY2(answer.status == 200, answer.describe().constData());
    QVERIFY2(expected.status == 200, expected.describe().constData());
    QCOMPARE(answer.dataObject(), expected.dataObject());
    QCOMPARE(answer.dataObject().value(u"remaining"_s).toInteger(), remaining);
    // The namespace the fast path created is the one the full path finds.
    const ApiReply again = post(fast, reference);
    QVERIFY2(again.status == 200, again.describe().constData());
    QVERIFY(again.dataObject().value(u"remaining"_s).toInteger() <= remaining);
}

void TestRatelimitDecode::badBodiesStillFail_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field"); ///< the errors[] location the full path names, if any
    QTest::newRow("limit 0") << QByteArray(R"({"namespace":"a","identifier":"u","limit":0,"duration":1000})") << u"limit"_s;
    QTest::newRow("duration below 1 s") << QByteArray(R"({"namespace":"a","identifier":"u","limit":1,"duration":999})") << u"duration"_s;
    QTest::newRow("duration above 30 days")
        << QByteArray(R"({"namespace":"a","identifier":"u","limit":1,"duration":2592000001})") << u"duration"_s;
    QTest::newRow("empty identifier") << QByteArray(R"({"namespace":"a","identifier":"","limit":1,"duration":1000})") << u"identifier"_s;
    QTest::newRow("identifier too long")
        << QByteArray(R"({"namespace":"a","identifier":")" + QByteArray(513, 'x') + R"(","limit":1,"duration":1000})")
        << u"identifier"_s;
    QTest::newRow("missing limit") << QByteArray(R"({"namespace":"a","identifier":"u","duration":1000})") << u"limit"_s;
    QTest::newRow("negative cost") << QByteArray(R"({"namespace":"a","identifier":"u","limit":1,"duration":1000,"cost":-1})") << u"cost"_s;
    QTest::newRow("limit as a string") << QByteArray(R"({"namespace":"a","identifier":"u","limit":"1","duration":1000})") << u"limit"_s;
    QTest::newRow("unknown field") << QByteArray(R"({"namespace":"a","identifier":"u","limit":1,"duration":1000,"x":1})") << u"x"_s;
    QTest::newRow("leading zero (not JSON)") << QByteArray(R"({"namespace":"a","identifier":"u","limit":01,"duration":1000})") << QString();
    QTest::newRow("trailing garbage") << QByteArray(R"({"namespace":"a","identifier":"u","limit":1,"duration":1000}x)") << QString();
    QTest::newRow("unterminated") << QByteArray(R"({"namespace":"a","identifier":"u)") << QString();
}

void TestRatelimitDecode::badBodiesStillFail()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    ApiHarness harness;
    const ApiReply reply = post(harness, body);
    QVERIFY2(reply.status == 400, reply.describe().constData());
    if (!field.isEmpty()) {
        const QByteArray errors = QJsonDocument(reply.error().value(u"errors"_s).toArray()).toJson(QJsonDocument::Compact);
        QVERIFY2(errors.contains(field.toUtf8()), errors.constData());
    }
}

QTEST_GUILESS_MAIN(TestRatelimitDecode)
#include "tst_ratelimit_decode.moc"

// keys.verifyKey's fast decode of `{"key":"..."}`: it answers exactly as the full JSON path does,
// and every body outside its narrow shape still gets the full path's answers and errors.
#include "verifyfixture.h"

using namespace Qt::StringLiterals;
using Latchkey::Test::ApiHarness;
using Latchkey::Test::ApiReply;
using Latchkey::Test::TestKey;
using Latchkey::Test::VerifyFixture;

class TestVerifyDecode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAnswerForEveryBodyShape_data();
    void sameAnswerForEveryBodyShape();
    void badBodiesStillFail_data();
    void badBodiesStillFail();

private:
    ApiReply post(VerifyFixture &fixture, const QByteArray &body)
    {
        return fixture.h.raw("POST", "/v2/keys.verifyKey", body,
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + fixture.h.rootKey().toUtf8()}});
    }
};

void TestVerifyDecode::sameAnswerForEveryBodyShape_data()
{
    // %1 is the key's plaintext; its first character is also sent \u-escaped in one row.
    QTest::addColumn<QString>("pattern");
    QTest::newRow("compact (fast path)") << uR"({"key":"%1"})"_s;
    QTest::newRow("whitespace (fast path)") << u" {\n\t\"key\" :  \"%1\" \r\n} "_s;
    QTest::newRow("empty tags (full path)") << uR"({"key":"%1","tags":[]})"_s;
    QTest::newRow("escaped character (full path)") << uR"({"key":"\u%2%3"})"_s;
}

void TestVerifyDecode::sameAnswerForEveryBodyShape()
{
    QFETCH(QString, pattern);
    ApiHarness harness;
    VerifyFixture fixture(harness);
    const TestKey key = fixture.createKey({{u"name"_s, u"decoded"_s}, {u"meta"_s, QJsonObject {{u"plan"_s, u"pro"_s}}}});
    QString body = pattern.arg(key.key);
    if (pattern.contains(u"%2"_s))
        body = pattern.arg(QString::number(key.key.at(0).unicode(), 16).rightJustified(4, u'0'),
            key.key.mid(1));
    const ApiReply reply = post(fixture, body.toUtf8());
    QCOMPARE(reply.status, 200);
    const QJsonObject reference = fixture.verifyData(key.key);
    QCOMPARE(reply.dataObject(), reference);
    QCOMPARE(reply.dataObject().value(u"code"_s).toString(), u"VALID"_s);
    QCOMPARE(reply.dataObject().value(u"name"_s).toString(), u"decoded"_s);
    QVERIFY(!reply.body.value(u"meta"_s).toObject().value(u"requestId"_s).toString().isEmpty());
}

void TestVerifyDecode::badBodiesStillFail_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code"); ///< data.code for a 200
    QTest::newRow("empty key") << QByteArray(R"({"key":""})") << 400 << QString();
    QTest::newRow("key too long") << QByteArray(R"({"key":")" + QByteArray(513, 'a') + R"("})") << 400 << QString();
    QTest::newRow("longest key") << QByteArray(R"({"key":")" + QByteArray(512, 'a') + R"("})") << 200 << u"NOT_FOUND"_s;
    QTest::newRow("unknown field") << QByteArray(R"({"key":"abc","bogus":1})") << 400 << QString();
    QTest::newRow("trailing garbage") << QByteArray(R"({"key":"abc"}x)") << 400 << QString();
    QTest::newRow("unterminated") << QByteArray(R"({"key":"abc)") << 400 << QString();
    // Qt's JSON parser accepts raw control characters in strings; the fast path leaves them to it.
    QTest::newRow("raw control character") << QByteArray("{\"key\":\"a\x01" "b\"}") << 200 << u"NOT_FOUND"_s;
    QTest::newRow("key not a string") << QByteArray(R"({"key":12})") << 400 << QString();
    QTest::newRow("array") << QByteArray(R"(["key"])") << 400 << QString();
    QTest::newRow("unknown key") << QByteArray(R"({"key":"sk_unknown"})") << 200 << u"NOT_FOUND"_s;
}

void TestVerifyDecode::badBodiesStillFail()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    ApiHarness harness;
    VerifyFixture fixture(harness);
    const ApiReply reply = post(fixture, body);
    QVERIFY2(reply.status == status, reply.describe().constData());
    if (status == 200)
        QCOMPARE(reply.dataObject().value(u"code"_s).toString(), code);
    else
        QCOMPARE(reply.error().value(u"status"_s).toInt(), status);
}

QTEST_GUILESS_MAIN(TestVerifyDecode)
#include "tst_verify_decode.moc"

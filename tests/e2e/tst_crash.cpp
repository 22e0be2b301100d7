// Durability under kill -9: every change acknowledged with a 2xx survives SIGKILL right after the
// answer, and no spent credit comes back (invariants 2 and 3 of DESIGN.md).
#include "support/httptestclient.h"
#include "support/latchkeydprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::HttpResponse;
using Latchkey::Test::LatchkeydProcess;
using Latchkey::Testing::HttpTestClient;
using Latchkey::Testing::HttpTestResponse;

namespace {

struct KeyModel {
    QString keyId;
    QString plaintext;
    QString name;
    qint64 remaining = 0;
    bool deleted = false;
};

/// What the server has acknowledged so far, across restarts.
struct Model {
    QString apiId;
    QList<KeyModel> keys;
    QStringList identities; ///< externalIds
    QString namespaceName;
    QHash<QString, int> overrides; ///< identifier -> limit
};

constexpr int kRounds = 4;

/// A keys.verifyKey request of @p key as bytes, for HttpTestClient's keep-alive connections.
QByteArray rawVerifyRequest(const LatchkeydProcess &server, const QJsonValue &key)
{
    const QByteArray body = QJsonDocument(QJsonObject {{u"key"_s, key}}).toJson(QJsonDocument::Compact);
    return "POST /v2/keys.verifyKey HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Authorization: Bearer "
        + server.rootKey().toUtf8() + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedChangesSurviveKill();
    void concurrentSpendsSurviveKill();
    void groupCommittedSpendsSurviveKill();
    void manyKeysGroupSpendsSurviveKill();

private:
    /// POST and require a 200; returns the data object.
    QJsonObject mustCall(const LatchkeydProcess &server, const QString &route, const QJsonObject &body);
    void verifyModel(const LatchkeydProcess &server, const Model &model, int round);
    void mutate(const LatchkeydProcess &server, Model &model, int round);
    /// Sequential verifications; the last one's 200 is followed by kill -9 at once.
    void spendAndKill(LatchkeydProcess &server, Model &model, int round);
};

QJsonObject TestCrash::mustCall(const LatchkeydProcess &server, const QString &route, const QJsonObject &body)
{
    const HttpResponse response = server.call(route, body);
    if (response.status != 200) {
        const QByteArray message = route.toUtf8() + " -> " + response.describe();
        QTest::qFail(message.constData(), __FILE__, __LINE__);
        return {};
    }
    return response.data();
}

void TestCrash::verifyModel(const LatchkeydProcess &server, const Model &model, int round)
{
    const QByteArray where = "after restart " + QByteArray::number(round) + ": ";
    const HttpResponse api = server.call(u"apis.getApi"_s, {{u"apiId"_s, model.apiId}});
    QVERIFY2(api.status == 200, QByteArray(where + "api lost: " + api.describe()).constData());
    for (const KeyModel &key : model.keys) {
        const HttpResponse got = server.call(u"keys.getKey"_s, {{u"keyId"_s, key.keyId}});
        if (key.deleted) {
            QVERIFY2(got.status == 404,
                QByteArray(where + "deleted key " + key.keyId.toUtf8() + " is back: " + got.describe()).constData());
            continue;
        }
        QVERIFY2(got.status == 200,
            QByteArray(where + "key " + key.keyId.toUtf8() + " lost: " + got.describe()).constData());
        QCOMPARE(got.data().value(u"name").toString(), key.name);
        const qint64 remaining = got.data().value(u"credits").toObject().value(u"remaining").toInteger(-1);
        const QByteArray credits = where + "key " + key.keyId.toUtf8() + " has " + QByteArray::number(remaining)
            + " credits, expected " + QByteArray::number(key.remaining);
        QVERIFY2(remaining == key.remaining, credits.constData());
    }
    for (const QString &externalId : model.identities) {
        const HttpResponse got = server.call(u"identities.getIdentity"_s, {{u"identity"_s, externalId}});
        QVERIFY2(got.status == 200,
            QByteArray(where + "identity " + externalId.toUtf8() + " lost: " + got.describe()).constData());
    }
    for (auto it = model.overrides.cbegin(); it != model.overrides.cend(); ++it) {
        const HttpResponse got = server.call(
            u"ratelimit.getOverride"_s, {{u"namespace"_s, model.namespaceName}, {u"identifier"_s, it.key()}});
        QVERIFY2(got.status == 200,
            QByteArray(where + "override " + it.key().toUtf8() + " lost: " + got.describe()).constData());
        QCOMPARE(got.data().value(u"limit").toInt(), it.value());
    }
}

void TestCrash::mutate(const LatchkeydProcess &server, Model &model, int round)
{
    const QString name = u"round-%1"_s.arg(round);
    const qint64 credits = 20 + round;
    const QJsonObject created = mustCall(server, u"keys.createKey"_s,
        {{u"apiId"_s, model.apiId}, {u"name"_s, name}, {u"credits"_s, QJsonObject {{u"remaining"_s, credits}}}});
    QVERIFY(!QTest::currentTestFailed());
    model.keys.append({created.value(u"keyId").toString(), created.value(u"key").toString(), name, credits});

    KeyModel &renamed = model.keys.first();
    if (!renamed.deleted) {
        renamed.name = u"renamed-%1"_s.arg(round);
        mustCall(server, u"keys.updateKey"_s, {{u"keyId"_s, renamed.keyId}, {u"name"_s, renamed.name}});
    }
    if (model.keys.size() > 2) {
        KeyModel &topped = model.keys[1];
        if (!topped.deleted) {
            topped.remaining = 7 + round;
            mustCall(server, u"keys.updateCredits"_s,
                {{u"keyId"_s, topped.keyId}, {u"operation"_s, u"set"_s}, {u"value"_s, topped.remaining}});
        }
    }
    if (round == 2) {
        model.keys[2].deleted = true;
        mustCall(server, u"keys.deleteKey"_s, {{u"keyId"_s, model.keys[2].keyId}});
    }
    const QString externalId = u"crash-owner-%1"_s.arg(round);
    mustCall(server, u"identities.createIdentity"_s, {{u"externalId"_s, externalId}});
    model.identities.append(externalId);
    const QString identifier = u"customer-%1"_s.arg(round);
    mustCall(server, u"ratelimit.setOverride"_s,
        {{u"namespace"_s, model.namespaceName}, {u"identifier"_s, identifier}, {u"limit"_s, 100 + round},
            {u"duration"_s, 60000}});
    model.overrides.insert(identifier, 100 + round);
}

void TestCrash::spendAndKill(LatchkeydProcess &server, Model &model, int round)
{
    // Spend until some keys run dry, so both VALID and USAGE_EXCEEDED answers are seen.
    const int attempts = 6 + 3 * round;
    for (KeyModel &key : model.keys) {
        if (key.deleted)
            continue;
        for (int i = 0; i < attempts; ++i) {
            const HttpResponse verified = server.call(u"keys.verifyKey"_s, {{u"key"_s, key.plaintext}});
            QVERIFY2(verified.status == 200, verified.describe().constData());
            const QString code = verified.data().value(u"code").toString();
            if (code == u"VALID") {
                --key.remaining;
                QCOMPARE(verified.data().value(u"credits").toInteger(-1), key.remaining);
            } else {
                QVERIFY2(code == u"USAGE_EXCEEDED", verified.describe().constData());
                QCOMPARE(key.remaining, 0);
            }
        }
    }
    // The last answer above was a 200: kill -9 with no grace at all.
    server.kill();
    QVERIFY(!server.isRunning());
}

void TestCrash::acknowledgedChangesSurviveKill()
{
    QTemporaryDir dataDir;
    LatchkeydProcess server(dataDir.path());
    Model model;
    model.namespaceName = u"crash-ns"_s;
    for (int round = 0; round < kRounds; ++round) {
        QVERIFY2(server.start(), qPrintable(server.lastError()));
        if (round == 0) {
            model.apiId = mustCall(server, u"apis.createApi"_s, {{u"name"_s, u"crash"_s}}).value(u"apiId").toString();
            mustCall(server, u"ratelimit.limit"_s,
                {{u"namespace"_s, model.namespaceName}, {u"identifier"_s, u"seed"_s}, {u"limit"_s, 10},
                    {u"duration"_s, 60000}});
            QVERIFY(!QTest::currentTestFailed());
        }
        verifyModel(server, model, round);
        QVERIFY(!QTest::currentTestFailed());
        mutate(server, model, round);
        QVERIFY(!QTest::currentTestFailed());
        // The last mutation's 200 is also followed directly by kill -9 in odd rounds.
        if (round % 2 == 1) {
            server.kill();
            QVERIFY2(server.start(), qPrintable(server.lastError()));
            verifyModel(server, model, round);
            QVERIFY(!QTest::currentTestFailed());
        }
        spendAndKill(server, model, round);
        QVERIFY(!QTest::currentTestFailed());
    }
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    verifyModel(server, model, kRounds);
    QCOMPARE(server.terminate(), 0);
}

void TestCrash::concurrentSpendsSurviveKill()
{
    QTemporaryDir dataDir;
    LatchkeydProcess server(dataDir.path());
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const QString apiId
        = mustCall(server, u"apis.createApi"_s, {{u"name"_s, u"concurrent"_s}}).value(u"apiId").toString();
    const qint64 initial = 1000;
    const QJsonObject key = mustCall(
        server, u"keys.createKey"_s, {{u"apiId"_s, apiId}, {u"credits"_s, QJsonObject {{u"remaining"_s, initial}}}});
    QVERIFY(!QTest::currentTestFailed());
    const QString keyId = key.value(u"keyId").toString();
    const QByteArray body = QJsonDocument(QJsonObject {{u"key"_s, key.value(u"key")}}).toJson(QJsonDocument::Compact);

    qint64 acknowledged = 0; // VALID answers received, over all rounds
    qint64 unanswered = 0; // requests in flight when the server died, over all rounds
    for (int round = 0; round < 3; ++round) {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/v2/keys.verifyKey"_s.arg(server.port())));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Authorization", "Bearer " + server.rootKey().toUtf8());
        const int total = 60;
        const int killAfter = 30;
        int answered = 0;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < total; ++i) {
            QNetworkReply *reply = network.post(request, body);
            replies.append(reply);
            connect(reply, &QNetworkReply::finished, this, [&, reply] {
                if (!server.isRunning())
                    return;
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status != 200)
                    return;
                ++answered;
                const QJsonObject data = QJsonDocument::fromJson(reply->readAll()).object().value(u"data").toObject();
                if (data.value(u"code").toString() == u"VALID")
                    ++acknowledged;
                if (answered == killAfter)
                    server.kill(); // right after the 30th 2xx, with the rest in flight
            });
        }
        QTRY_VERIFY_WITH_TIMEOUT(!server.isRunning(), 30000);
        unanswered += total - answered;
        for (QNetworkReply *reply : replies)
            reply->abort();
        qDeleteAll(replies);

        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const HttpResponse got = server.call(u"keys.getKey"_s, {{u"keyId"_s, keyId}});
        QVERIFY2(got.status == 200, got.describe().constData());
        const qint64 remaining = got.data().value(u"credits").toObject().value(u"remaining").toInteger(-1);
        const QByteArray message = "round " + QByteArray::number(round) + ": remaining " + QByteArray::number(remaining)
            + ", acknowledged VALID " + QByteArray::number(acknowledged) + ", unanswered "
            + QByteArray::number(unanswered);
        // No acknowledged spend was lost; at most the unanswered requests spent more.
        QVERIFY2(remaining <= initial - acknowledged, message.constData());
        QVERIFY2(remaining >= initial - acknowledged - unanswered, message.constData());
    }
    QCOMPARE(server.terminate(), 0);
}

// Many keep-alive connections on several workers, so spends are group-committed (several per
// transaction): kill -9 right after the 300th VALID answer of a round, with up to 31 requests in
// flight. Every VALID that was answered is still spent after the restart; at most the unanswered
// ones spent more.
void TestCrash::groupCommittedSpendsSurviveKill()
{
    QTemporaryDir dataDir;
    LatchkeydProcess server(dataDir.path());
    server.setExtraArguments({u"--workers"_s, u"4"_s});
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const QString apiId
        = mustCall(server, u"apis.createApi"_s, {{u"name"_s, u"group"_s}}).value(u"apiId"_s).toString();
    const qint64 initial = 100'000;
    const QJsonObject key = mustCall(
        server, u"keys.createKey"_s, {{u"apiId"_s, apiId}, {u"credits"_s, QJsonObject {{u"remaining"_s, initial}}}});
    QVERIFY(!QTest::currentTestFailed());
    const QString keyId = key.value(u"keyId"_s).toString();

    qint64 acknowledged = 0;
    qint64 unanswered = 0;
    for (int round = 0; round < 3; ++round) {
        const QByteArray request = rawVerifyRequest(server, key.value(u"key"_s));
        std::vector<std::unique_ptr<HttpTestClient>> clients;
        qint64 sent = 0;
        qint64 answered = 0;
        qint64 validThisRound = 0;
        for (int i = 0; i < 32; ++i) {
            auto client = std::make_unique<HttpTestClient>();
            HttpTestClient *raw = client.get();
            client->onResponse = [&, raw](const HttpTestResponse &response) {
                if (!server.isRunning())
                    return;
                ++answered;
                if (response.status == 200
                    && QJsonDocument::fromJson(response.body).object().value(u"data"_s).toObject().value(u"code"_s)
                        == u"VALID"_s) {
                    ++acknowledged;
                    if (++validThisRound == 300) {
                        server.kill();
                        return;
                    }
                }
                ++sent;
                raw->send(request);
            };
            client->connectTo(server.port());
            QVERIFY(client->waitForConnected());
            clients.push_back(std::move(client));
        }
        for (const auto &client : clients) {
            ++sent;
            client->send(request);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!server.isRunning(), 60'000);
        unanswered += sent - answered;
        clients.clear();

        QVERIFY2(server.start(), qPrintable(server.lastError()));
        const HttpResponse got = server.call(u"keys.getKey"_s, {{u"keyId"_s, keyId}});
        QVERIFY2(got.status == 200, got.describe().constData());
        const qint64 remaining = got.data().value(u"credits"_s).toObject().value(u"remaining"_s).toInteger(-1);
        const QByteArray message = "round " + QByteArray::number(round) + ": remaining " + QByteArray::number(remaining)
            + ", acknowledged VALID " + QByteArray::number(acknowledged) + ", unanswered "
            + QByteArray::number(unanswered);
        qInfo("%s", message.constData());
        QVERIFY2(validThisRound == 300, message.constData());
        QVERIFY2(remaining <= initial - acknowledged, message.constData());
        QVERIFY2(remaining >= initial - acknowledged - unanswered, message.constData());
    }
    QCOMPARE(server.terminate(), 0);
}

// One worker, 48 keep-alive connections over 8 keys with 10 to 80 credits: the spends of a loop
// round share a transaction in which each key's balance is read and written once
// (CreditSpendGroup), and keys run out in the middle of such groups. kill -9 right after the
// 250th answer. Per key after the restart: every acknowledged VALID is still spent, nothing is
// over-spent, and a key that answered USAGE_EXCEEDED has nothing left (its VALIDs may still have
// been in flight: answers of different connections can overtake each other).
void TestCrash::manyKeysGroupSpendsSurviveKill()
{
    QTemporaryDir dataDir;
    LatchkeydProcess server(dataDir.path());
    server.setExtraArguments({u"--workers"_s, u"1"_s});
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const QString apiId
        = mustCall(server, u"apis.createApi"_s, {{u"name"_s, u"manykeys"_s}}).value(u"apiId"_s).toString();
    constexpr int keyCount = 8;
    struct Key {
        QString keyId;
        QByteArray request;
        qint64 initial = 0;
        qint64 valid = 0;
        qint64 exceeded = 0;
        qint64 unanswered = 0;
    };
    std::vector<Key> keys(keyCount);
    for (int k = 0; k < keyCount; ++k) {
        keys[k].initial = 10 * (k + 1);
        const QJsonObject created = mustCall(server, u"keys.createKey"_s,
            {{u"apiId"_s, apiId}, {u"credits"_s, QJsonObject {{u"remaining"_s, keys[k].initial}}}});
        QVERIFY(!QTest::currentTestFailed());
        keys[k].keyId = created.value(u"keyId"_s).toString();
        keys[k].request = rawVerifyRequest(server, created.value(u"key"_s));
    }

    constexpr int connections = 48;
    constexpr int killAfter = 250; // of 360 credits in all: some keys run out, others do not
    int answered = 0;
    std::vector<int> inFlight(connections, -1); // the key each connection waits for
    std::vector<std::unique_ptr<HttpTestClient>> clients;
    for (int i = 0; i < connections; ++i) {
        auto client = std::make_unique<HttpTestClient>();
        HttpTestClient *raw = client.get();
        client->onResponse = [&, raw, i](const HttpTestResponse &response) {
            if (!server.isRunning())
                return;
            Key &key = keys[size_t(inFlight[i])];
            inFlight[i] = -1;
            ++answered;
            const QString code
                = QJsonDocument::fromJson(response.body).object().value(u"data"_s).toObject().value(u"code"_s).toString();
            if (response.status == 200 && code == u"VALID"_s)
                ++key.valid;
            else if (response.status == 200 && code == u"USAGE_EXCEEDED"_s)
                ++key.exceeded;
            else
                QTest::qFail(qPrintable(u"unexpected answer %1 %2"_s.arg(response.status).arg(code)), __FILE__, __LINE__);
            if (answered == killAfter) {
                server.kill(); // right after this answer, with the other connections' requests in flight
                return;
            }
            inFlight[i] = (i + answered) % keyCount;
            raw->send(keys[size_t(inFlight[i])].request);
        };
        client->connectTo(server.port());
        QVERIFY(client->waitForConnected());
        clients.push_back(std::move(client));
    }
    for (int i = 0; i < connections; ++i) {
        inFlight[i] = i % keyCount;
        clients[size_t(i)]->send(keys[size_t(inFlight[i])].request);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!server.isRunning(), 120'000);
    QCOMPARE(answered, killAfter);
    for (int i = 0; i < connections; ++i) {
        if (inFlight[i] >= 0)
            ++keys[size_t(inFlight[i])].unanswered;
    }
    clients.clear();

    QVERIFY2(server.start(), qPrintable(server.lastError()));
    int exhausted = 0;
    for (const Key &key : keys) {
        const HttpResponse got = server.call(u"keys.getKey"_s, {{u"keyId"_s, key.keyId}});
        QVERIFY2(got.status == 200, got.describe().constData());
        const qint64 remaining = got.data().value(u"credits"_s).toObject().value(u"remaining"_s).toInteger(-1);
        const QByteArray message = key.keyId.toUtf8() + ": initial " + QByteArray::number(key.initial) + ", remaining "
            + QByteArray::number(remaining) + ", acknowledged VALID " + QByteArray::number(key.valid)
            + ", USAGE_EXCEEDED " + QByteArray::number(key.exceeded) + ", unanswered "
            + QByteArray::number(key.unanswered);
        qInfo("%s", message.constData());
        QVERIFY2(key.valid <= key.initial, message.constData());
        QVERIFY2(remaining >= 0, message.constData());
        QVERIFY2(remaining <= key.initial - key.valid, message.constData()); // acknowledged spends are durable
        QVERIFY2(remaining >= key.initial - key.valid - key.unanswered, message.constData());
        if (key.exceeded > 0) { // the balance was 0 when that was decided, and it only goes down
            ++exhausted;
            QVERIFY2(remaining == 0, message.constData());
            QVERIFY2(key.valid + key.unanswered >= key.initial, message.constData());
        }
    }
    QVERIFY2(exhausted > 0, "no key ran out before the kill: the test did not cover refusals inside a group");
    QCOMPARE(server.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"

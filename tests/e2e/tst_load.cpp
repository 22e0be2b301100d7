// Correctness under load against the real binary (issue 6): many keep-alive connections on
// loopback, bounded in time. Credits are never over-spent and every acknowledged spend is stored
// (invariant 3); a rate limit under sustained overload admits what Unkey's sliding window admits.
#include "support/httptestclient.h"
#include "support/latchkeydprocess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using Latchkey::Test::HttpResponse;
using Latchkey::Test::LatchkeydProcess;
using Latchkey::Testing::HttpTestClient;
using Latchkey::Testing::HttpTestResponse;

namespace {

// The sanitizer build runs several times slower; it sends fewer requests (same proportions and the
// same exact assertions) so that it stays well under a minute.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kScale = 4;
#else
constexpr int kScale = 1;
#endif

/// What the load generator saw.
struct Tally {
    qint64 sent = 0;
    qint64 answered = 0;
    qint64 non200 = 0;
    QHash<QByteArray, qint64> outcomes; ///< by classify()
};

/// A load generator: `connections` keep-alive connections, each with at most one request in
/// flight. Closed loop (as fast as the server answers) up to a total, or paced at a rate.
class LoadGenerator
{
public:
    LoadGenerator(quint16 port, int connections, QByteArray request,
        std::function<QByteArray(const QByteArray &)> classify)
        : m_request(std::move(request))
        , m_classify(std::move(classify))
    {
        for (int i = 0; i < connections; ++i) {
            auto client = std::make_unique<HttpTestClient>();
            HttpTestClient *raw = client.get();
            client->onResponse = [this, raw](const HttpTestResponse &response) { onResponse(raw, response); };
            client->connectTo(port);
            m_clients.push_back(std::move(client));
        }
    }

    [[nodiscard]] bool connected()
    {
        for (const auto &client : m_clients) {
            if (!client->waitForConnected())
                return false;
        }
        return true;
    }

    /// Sends @p total requests as fast as they are answered; false on timeout.
    bool runClosedLoop(qint64 total, int timeoutMs)
    {
        m_budget = total;
        for (const auto &client : m_clients)
            sendOn(client.get());
        return QTest::qWaitFor([&] { return m_tally.answered >= total || broken(); }, timeoutMs) && !broken();
    }

    /// Offers @p perSecond requests per second for @p durationMs, on whichever connections are idle.
    bool runPaced(double perSecond, int durationMs)
    {
        m_budget = 0;
        QElapsedTimer clock;
        clock.start();
        QTimer pacer;
        QObject::connect(&pacer, &QTimer::timeout, [&] {
            m_offered = qint64(perSecond * double(std::min<qint64>(clock.elapsed(), durationMs)) / 1000.0);
            for (const auto &client : m_clients) {
                if (m_tally.sent >= m_offered)
                    break;
                if (!m_busy.contains(client.get())) {
                    m_budget = m_tally.sent + 1; // one more; answers do not trigger resends
                    sendOn(client.get());
                }
            }
        });
        pacer.start(2);
        const bool ended = QTest::qWaitFor([&] { return clock.elapsed() >= durationMs || broken(); }, durationMs + 5000);
        pacer.stop();
        (void)QTest::qWaitFor([&] { return m_busy.isEmpty() || broken(); }, 10000);
        return ended && !broken() && m_busy.isEmpty();
    }

    [[nodiscard]] const Tally &tally() const { return m_tally; }
    /// Requests the pacer wanted to send by the end (sent + those no connection was free for).
    [[nodiscard]] qint64 offered() const { return m_offered; }

private:
    bool broken() const
    {
        for (const auto &client : m_clients) {
            if (client->isDisconnected() || client->hadParseError())
                return true;
        }
        return false;
    }

    void sendOn(HttpTestClient *client)
    {
        if (m_tally.sent >= m_budget)
            return;
        ++m_tally.sent;
        m_busy.insert(client);
        client->send(m_request);
    }

    void onResponse(HttpTestClient *client, const HttpTestResponse &response)
    {
        m_busy.remove(client);
        ++m_tally.answered;
        if (response.status != 200)
            ++m_tally.non200;
        else
            ++m_tally.outcomes[m_classify(response.body)];
        sendOn(client);
    }

    QByteArray m_request;
    std::function<QByteArray(const QByteArray &)> m_classify;
    std::vector<std::unique_ptr<HttpTestClient>> m_clients;
    QSet<HttpTestClient *> m_busy;
    qint64 m_budget = 0;
    qint64 m_offered = 0;
    Tally m_tally;
};

QByteArray keepAlivePost(const LatchkeydProcess &server, const QByteArray &path, const QJsonObject &body)
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer "
        + server.rootKey().toUtf8() + "\r\nContent-Length: " + QByteArray::number(json.size()) + "\r\n\r\n" + json;
}

QByteArray jsonMember(const QByteArray &body, const QString &member)
{
    const QJsonValue value = QJsonDocument::fromJson(body).object().value(u"data"_s).toObject().value(member);
    return value.isBool() ? QByteArray(value.toBool() ? "true" : "false") : value.toString().toUtf8();
}

QByteArray describe(const Tally &tally)
{
    QByteArray text = "sent " + QByteArray::number(tally.sent) + ", answered " + QByteArray::number(tally.answered)
        + ", non-200 " + QByteArray::number(tally.non200);
    for (auto it = tally.outcomes.cbegin(); it != tally.outcomes.cend(); ++it)
        text += ", " + it.key() + " " + QByteArray::number(it.value());
    return text;
}

} // namespace

class TestLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void creditsAreExactUnderConcurrentLoad();
    void ratelimitHoldsUnderOverload();

private:
    qint64 remainingOf(const LatchkeydProcess &server, const QString &keyId);
};

qint64 TestLoad::remainingOf(const LatchkeydProcess &server, const QString &keyId)
{
    const HttpResponse got = server.call(u"keys.getKey"_s, {{u"keyId"_s, keyId}});
    if (got.status != 200)
        return -1;
    return got.data().value(u"credits"_s).toObject().value(u"remaining"_s).toInteger(-1);
}

// 50k verifications of one key with 20k credits from 64 connections: exactly 20k VALID, the rest
// USAGE_EXCEEDED, and the stored balance is 0, also after a restart.
void TestLoad::creditsAreExactUnderConcurrentLoad()
{
    const qint64 total = 50'000 / kScale;
    const qint64 credits = 20'000 / kScale;
    QTemporaryDir dataDir;
    LatchkeydProcess server(dataDir.path());
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const HttpResponse api = server.call(u"apis.createApi"_s, {{u"name"_s, u"load"_s}});
    QVERIFY2(api.status == 200, api.describe().constData());
    const HttpResponse key = server.call(u"keys.createKey"_s,
        {{u"apiId"_s, api.data().value(u"apiId"_s)}, {u"credits"_s, QJsonObject {{u"remaining"_s, credits}}}});
    QVERIFY2(key.status == 200, key.describe().constData());
    const QString keyId = key.data().value(u"keyId"_s).toString();

    LoadGenerator load(server.port(), 64,
        keepAlivePost(server, "/v2/keys.verifyKey", {{u"key"_s, key.data().value(u"key"_s)}}),
        [](const QByteArray &body) { return jsonMember(body, u"code"_s); });
    QVERIFY(load.connected());
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(load.runClosedLoop(total, 120'000), describe(load.tally()).constData());
    qInfo("%lld verifications in %lld ms: %s", total, timer.elapsed(), describe(load.tally()).constData());

    const Tally &tally = load.tally();
    QCOMPARE(tally.answered, total);
    QCOMPARE(tally.non200, 0);
    QCOMPARE(tally.outcomes.value("VALID"), credits);
    QCOMPARE(tally.outcomes.value("USAGE_EXCEEDED"), total - credits);
    QCOMPARE(remainingOf(server, keyId), 0);
    QCOMPARE(server.terminate(), 0);
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    QCOMPARE(remainingOf(server, keyId), 0);
    QCOMPARE(server.terminate(), 0);
}

// ratelimit.limit at 1000 per 10 s, offered 5x that (500/s) from the start of a window for 1.5
// windows. Unkey's sliding window admits 1000 in the first window and then, with a full previous
// window, limit * elapsed / duration: 500 in the first half of the second. 0.95x - 1.2x of 1500.
void TestLoad::ratelimitHoldsUnderOverload()
{
    constexpr qint64 limit = 1000;
    constexpr qint64 windowMs = 10'000;
    constexpr int runMs = 15'000;
    constexpr double theoretical = double(limit) * 1.5;
    LatchkeydProcess server;
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    LoadGenerator load(server.port(), 32,
        keepAlivePost(server, "/v2/ratelimit.limit",
            {{u"namespace"_s, u"load"_s}, {u"identifier"_s, u"customer-1"_s}, {u"limit"_s, limit},
                {u"duration"_s, windowMs}}),
        [](const QByteArray &body) { return jsonMember(body, u"success"_s); });
    QVERIFY(load.connected());

    // Windows are aligned to multiples of the duration: start just after a boundary.
    const qint64 intoWindow = QDateTime::currentMSecsSinceEpoch() % windowMs;
    QTest::qWait(int(windowMs - intoWindow + 20));
    QVERIFY2(load.runPaced(5.0 * double(limit) * 1000.0 / double(windowMs), runMs), describe(load.tally()).constData());
    const Tally &tally = load.tally();
    qInfo("offered %lld, %s", load.offered(), describe(tally).constData());
    QCOMPARE(tally.non200, 0);
    // The overload was real: the generator kept up with 5x (within 10%).
    QVERIFY2(double(tally.sent) >= 0.9 * 5.0 * theoretical, describe(tally).constData());
    const double passed = double(tally.outcomes.value("true"));
    const QByteArray message = describe(tally) + ", theoretical " + QByteArray::number(theoretical);
    QVERIFY2(passed >= 0.95 * theoretical, message.constData());
    QVERIFY2(passed <= 1.2 * theoretical, message.constData());
    QCOMPARE(server.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestLoad)
#include "tst_load.moc"

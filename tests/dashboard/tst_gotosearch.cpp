// Ctrl+K's "Go to" (GoToSearch) against an in-process server: a short text that matches many keys
// lists each of them once (at most kMaxMatches, the rest counted), a key found both by its id and
// in its API's list is one match, and the typed text never reaches the log, not even at debug
// level (it may be a whole key pasted in: DESIGN.md invariant 1), and a text typed on while a
// search is out waits for it (one search's requests at a time, the texts in between never asked).
#include "dashboardfixture.h"
#include "models/gotosearch.h"
#include "serverrequests.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace Latchkey::Dashboard;
using Latchkey::Test::answered;
using Latchkey::Test::DashboardFixture;

namespace {

QMutex logLock;
QStringList logged;
QtMessageHandler previousHandler = nullptr;

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker locker(&logLock);
        logged.append(message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

class TestGoToSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_fixture = std::make_unique<DashboardFixture>(); }
    void cleanupTestCase() { m_fixture.reset(); }

    void manyMatchesAreListedOnce();
    void aKeyFoundTwiceIsOneMatch();
    void aKeyFoundByItsIdAloneNamesItsApi();
    void numbersInNamesSortAsNumbers();
    void theTextIsNotLogged();
    void aTextTypedOnWaitsForTheSearchOut();

private:
    /// Runs @p text through @p search and waits for its answers.
    bool searchFor(GoToSearch &search, const QString &text)
    {
        search.search(text);
        return QTest::qWaitFor([&] { return !search.searching() && search.searched() == text; }, 60'000);
    }

    std::unique_ptr<DashboardFixture> m_fixture;
};

void TestGoToSearch::manyMatchesAreListedOnce()
{
    const QString apiId = m_fixture->createApi(u"go-to-many"_s);
    QVERIFY(!apiId.isEmpty());
    constexpr int keys = GoToSearch::kMaxMatches + 70;
    for (int i = 0; i < keys; ++i)
        QVERIFY(!m_fixture->createKey({{u"apiId"_s, apiId}, {u"name"_s, u"bulk-%1"_s.arg(i, 3, 10, QChar(u'0'))}}).isEmpty());
    GoToSearch search;
    search.setClient(m_fixture->client());
    QVERIFY(searchFor(search, u"bulk-"_s));
    const QVariantList matches = search.matches();
    QCOMPARE(matches.size(), GoToSearch::kMaxMatches);
    QCOMPARE(search.moreMatches(), keys - GoToSearch::kMaxMatches);
    QSet<QString> ids;
    for (const QVariant &match : matches)
        ids.insert(match.toMap().value(u"id"_s).toString());
    QCOMPARE(ids.size(), GoToSearch::kMaxMatches);
    QCOMPARE(matches.first().toMap().value(u"title"_s).toString(), u"bulk-000"_s); // by name
}

void TestGoToSearch::aKeyFoundTwiceIsOneMatch()
{
    const QString apiId = m_fixture->createApi(u"go-to-twice"_s);
    const QString keyId = m_fixture->createKey({{u"apiId"_s, apiId}, {u"name"_s, u"twice"_s}}).value(u"keyId").toString();
    QVERIFY(!keyId.isEmpty());
    GoToSearch search;
    search.setClient(m_fixture->client());
    QVERIFY(searchFor(search, keyId)); // keys.getKey finds it, and so does its API's list
    QCOMPARE(search.matches().size(), 1);
    const QVariantMap match = search.matches().first().toMap();
    QCOMPARE(match.value(u"id"_s).toString(), keyId);
    // The list's detail (start, API) is kept, not the shorter one of keys.getKey.
    QVERIFY2(match.value(u"detail"_s).toString().contains(u"go-to-twice"_s), qPrintable(match.value(u"detail"_s).toString()));
}

// A key found only through keys.getKey (a root key that may not list the APIs; a key past the
// keys listed per API) had an empty second line where the others say their API and owner: it
// names its API (here by id: the APIs are not listed) and its owner, and opens with its API.
void TestGoToSearch::aKeyFoundByItsIdAloneNamesItsApi()
{
    const QString apiId = m_fixture->createApi(u"go-to-by-id"_s);
    const QString keyId = m_fixture->createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"go-to-by-id-owner"_s}})
                              .value(u"keyId").toString();
    QVERIFY(!keyId.isEmpty());
    GoToSearch search;
    search.setClient(m_fixture->client());
    search.setProperty("findsApis", false);
    search.setProperty("findsOwners", false);
    QVERIFY(searchFor(search, keyId));
    QCOMPARE(search.matches().size(), 1);
    const QVariantMap match = search.matches().first().toMap();
    QCOMPARE(match.value(u"id"_s).toString(), keyId);
    QCOMPARE(match.value(u"detail"_s).toString(), apiId + u" · go-to-by-id-owner"_s);
    QCOMPARE(match.value(u"properties"_s).toMap().value(u"apiId"_s).toString(), apiId);

    // With the APIs listed, by its API's name (the key is also in its API's list then).
    search.setProperty("findsApis", true);
    search.clear();
    QVERIFY(searchFor(search, keyId));
    QCOMPARE(search.matches().first().toMap().value(u"detail"_s).toString(), u"go-to-by-id · go-to-by-id-owner"_s);
}

// Walkthrough J18: "Key 56" was listed before "Key 6" (names compared as text).
void TestGoToSearch::numbersInNamesSortAsNumbers()
{
    const QString apiId = m_fixture->createApi(u"go-to-numbers"_s);
    for (const QString &name : {u"j18 Key 61"_s, u"j18 Key 6"_s, u"j18 key 56"_s, u"j18 Key 100"_s})
        QVERIFY(!m_fixture->createKey({{u"apiId"_s, apiId}, {u"name"_s, name}}).value(u"keyId").toString().isEmpty());
    GoToSearch search;
    search.setClient(m_fixture->client());
    QVERIFY(searchFor(search, u"j18"_s));
    QStringList titles;
    for (const QVariant &match : search.matches())
        titles.append(match.toMap().value(u"title"_s).toString());
    QCOMPARE(titles, (QStringList{u"j18 Key 6"_s, u"j18 key 56"_s, u"j18 Key 61"_s, u"j18 Key 100"_s}));
}

void TestGoToSearch::theTextIsNotLogged()
{
    const QString apiId = m_fixture->createApi(u"go-to-secret"_s);
    const QString plaintext = m_fixture->createKey({{u"apiId"_s, apiId}, {u"prefix"_s, u"sk"_s}}).value(u"key").toString();
    QVERIFY(plaintext.startsWith(u"sk_"_s));
    QLoggingCategory::setFilterRules(u"latchkey.dashboard.models.debug=true"_s);
    previousHandler = qInstallMessageHandler(collect);
    GoToSearch search;
    search.setClient(m_fixture->client());
    const bool answered = searchFor(search, plaintext); // someone pastes the whole key
    qInstallMessageHandler(previousHandler);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(answered);
    const QMutexLocker locker(&logLock);
    bool searchLogged = false;
    for (const QString &line : std::as_const(logged)) {
        QVERIFY2(!line.contains(plaintext.mid(3)), qPrintable(line));
        searchLogged = searchLogged || line.contains(u"go to"_s);
    }
    QVERIFY(searchLogged); // debug output was on: the search did log, without the text
}

// Ctrl+K searches as the user types: "a", "ab", "abc" in quick succession ask the server twice
// ("a", then "abc" once "a" is answered), not three times, and the matches are the last text's.
void TestGoToSearch::aTextTypedOnWaitsForTheSearchOut()
{
    const QString apiId = m_fixture->createApi(u"go-to-typing"_s);
    const QString keyId = m_fixture->createKey({{u"apiId"_s, apiId}, {u"name"_s, u"typed-abc"_s}}).value(u"keyId").toString();
    QVERIFY(!m_fixture->createKey({{u"apiId"_s, apiId}, {u"name"_s, u"typed-abx"_s}}).value(u"keyId").toString().isEmpty());
    GoToSearch search;
    search.setClient(m_fixture->client());
    const quint64 before = answered(m_fixture->server(), u"/v2/apis.listApis"_s);
    search.search(u"typed-a"_s);
    QVERIFY(search.searching());
    search.search(u"typed-ab"_s);
    search.search(u"typed-abc"_s);
    QVERIFY(QTest::qWaitFor([&] { return !search.searching(); }, 60'000));
    QCOMPARE(search.searched(), u"typed-abc"_s);
    QCOMPARE(search.matches().size(), 1);
    QCOMPARE(search.matches().first().toMap().value(u"id"_s).toString(), keyId);
    QCOMPARE(answered(m_fixture->server(), u"/v2/apis.listApis"_s) - before, 2u);
}

QTEST_GUILESS_MAIN(TestGoToSearch)
#include "tst_gotosearch.moc"

// AuditLogModel against a real latchkeyd: newest first, paging, and the server-side filters by
// event, actor, target and time range that the Audit log page offers; AuditTargetResolver turning
// an owner's external id or a key's start into the target id (quietly when nothing matches), and any
// other text into a part of a target's name, which finds a deleted key's rows.
#include "apiclient.h"
#include "auditlogmodel.h"
#include "audittargetresolver.h"
#include "dashboardfixture.h"
#include "modeltestsupport.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Latchkey::Dashboard::ApiClient;
using Latchkey::Dashboard::AuditLogModel;
using Latchkey::Dashboard::AuditTargetResolver;
using Latchkey::Test::column;
using Latchkey::Test::fetchAll;
using Latchkey::Test::fetchOnReset;
using Latchkey::Test::waitIdle;

namespace {

/// Fills @p log with every row of @p event about key @p keyId.
bool fetchKeyEvents(AuditLogModel &log, ApiClient *client, const QString &event, const QString &keyId)
{
    log.setClient(client);
    log.setEvents({event});
    log.setTargetId(keyId);
    return fetchAll(log) >= 0;
}

/// A row's targetList, which the page describes (AuditEvents.targetLines), as "type id (name)"
/// lines ("type id" without a name), in the order the server sent them.
QString targetText(const QVariant &targetList)
{
    QStringList lines;
    for (const QVariant &value : targetList.toList()) {
        const QVariantMap target = value.toMap();
        const QString name = target.value(u"name"_s).toString();
        lines.append(target.value(u"type"_s).toString() + u' ' + target.value(u"id"_s).toString()
            + (name.isEmpty() ? QString() : u" ("_s + name + u')'));
    }
    return lines.join(u'\n');
}

} // namespace

class TestAuditLogModel : public QObject
{
    Q_OBJECT

private:
    Latchkey::Test::DashboardFixture m_fixture;
    QString m_apiId;
    QStringList m_keyIds;
    QString m_identityId;
    QString m_keyStart;
    qint64 m_before = 0;

private Q_SLOTS:
    void initTestCase();
    void newestFirstAcrossPages();
    void filters_data();
    void filters();
    void filterUnderAViewStartsAtTheNewest();
    void keyUpdateSaysWhatChanged();
    void resolveTarget_data();
    void resolveTarget();
    void resolvedOwnerFiltersTheLog();
    void deletedKeyFoundByPartOfItsName();
    void newerTextWins();
    void keySpaceShowsAsItsApi();
};

void TestAuditLogModel::initTestCase()
{
    m_before = QDateTime::currentMSecsSinceEpoch();
    m_apiId = m_fixture.createApi(u"audited"_s);
    for (int i = 0; i < 4; ++i)
        m_keyIds.append(
            m_fixture.createKey({{u"apiId"_s, m_apiId}, {u"name"_s, u"k%1"_s.arg(i)}}).value(u"keyId"_s).toString());
    // Resolver material: an owner, and a key name two keys share (the start is the key's own).
    const QJsonObject owned = m_fixture.createKey({{u"apiId"_s, m_apiId}, {u"externalId"_s, u"customer_42"_s},
        {u"name"_s, u"Acme production"_s}, {u"prefix"_s, u"acme"_s}});
    m_keyIds.append(owned.value(u"keyId"_s).toString());
    const auto identity = m_fixture.call(u"identities.getIdentity"_s, {{u"identity"_s, u"customer_42"_s}});
    QVERIFY(identity.ok());
    m_identityId = identity.data.toObject().value(u"id"_s).toString();
    const auto key = m_fixture.call(u"keys.getKey"_s, {{u"keyId"_s, m_keyIds.last()}});
    m_keyStart = key.data.toObject().value(u"start"_s).toString();
    QVERIFY(m_keyStart.startsWith(u"acme_"));
    const QString otherApi = m_fixture.createApi(u"second"_s);
    m_keyIds.append(
        m_fixture.createKey({{u"apiId"_s, otherApi}, {u"name"_s, u"Acme production"_s}}).value(u"keyId"_s).toString());
    QTest::qWait(5); // the update is the newest row, not tied in time with the last create
    QVERIFY(m_fixture.call(u"keys.updateKey"_s, {{u"keyId"_s, m_keyIds.at(1)}, {u"enabled"_s, false}}).ok());
}

void TestAuditLogModel::newestFirstAcrossPages()
{
    AuditLogModel log;
    log.setPageSize(2);
    log.setClient(m_fixture.client());
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(log) >= 0);
    QVERIFY(log.rowCount() >= 6); // api.create, 4 x key.create, key.update
    const QVariantList times = column(log, "time");
    for (int i = 1; i < times.size(); ++i)
        QVERIFY(times.at(i - 1).toLongLong() >= times.at(i).toLongLong());
    QCOMPARE(column(log, "event").first().toString(), u"key.update"_s);
    QStringList ids;
    for (const QVariant &id : column(log, "auditId"))
        ids.append(id.toString());
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    const QModelIndex newest = log.index(0);
    QCOMPARE(newest.data(AuditLogModel::ActorTypeRole).toString(), u"rootkey"_s);
    QVERIFY(targetText(newest.data(AuditLogModel::TargetListRole)).contains(m_keyIds.at(1)));
    QVERIFY(!newest.data(AuditLogModel::DescriptionRole).toString().isEmpty());
}

void TestAuditLogModel::filters_data()
{
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<bool>("byTarget");
    QTest::addColumn<bool>("futureOnly");
    QTest::addColumn<int>("expected");
    QTest::newRow("key.create") << QStringList {u"key.create"_s} << false << false << 6;
    QTest::newRow("key.create + key.update") << QStringList {u"key.create"_s, u"key.update"_s} << false << false << 7;
    QTest::newRow("api.create") << QStringList {u"api.create"_s} << false << false << 2;
    QTest::newRow("target: the disabled key") << QStringList {} << true << false << 2;
    QTest::newRow("target + event") << QStringList {u"key.update"_s} << true << false << 1;
    QTest::newRow("from tomorrow: nothing") << QStringList {} << false << true << 0;
}

void TestAuditLogModel::filters()
{
    QFETCH(QStringList, events);
    QFETCH(bool, byTarget);
    QFETCH(bool, futureOnly);
    QFETCH(int, expected);
    AuditLogModel log;
    log.setPageSize(3);
    log.setClient(m_fixture.client());
    log.setEvents(events);
    if (byTarget)
        log.setTargetId(m_keyIds.at(1));
    log.setStart(
        QDateTime::fromMSecsSinceEpoch(futureOnly ? QDateTime::currentMSecsSinceEpoch() + 86'400'000 : m_before));
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(log) >= 0);
    QCOMPARE(log.rowCount(), expected);
    for (const QVariant &event : column(log, "event"))
        QVERIFY(events.isEmpty() || events.contains(event.toString()));
}

void TestAuditLogModel::filterUnderAViewStartsAtTheNewest()
{
    // Walkthrough J13: a Target typed after the first page loaded showed "no entries" (the first
    // request for the new filter went on from the old list's cursor).
    AuditLogModel log;
    log.setPageSize(2);
    log.setClient(m_fixture.client());
    fetchOnReset(log);
    QVERIFY(waitIdle(log));
    QCOMPARE(log.rowCount(), 2);
    QVERIFY(log.hasMore());

    log.setTargetId(m_keyIds.at(1));
    QVERIFY(fetchAll(log) >= 0);
    QCOMPARE(log.rowCount(), 2); // its key.create and key.update, as in filters()
    for (const QVariant &targets : column(log, "targetList"))
        QVERIFY(targetText(targets).contains(m_keyIds.at(1)));
}

// The key.update row of the disabled key names the field that changed (the page shows it as is).
void TestAuditLogModel::keyUpdateSaysWhatChanged()
{
    AuditLogModel log;
    QVERIFY(fetchKeyEvents(log, m_fixture.client(), u"key.update"_s, m_keyIds.at(1)));
    QCOMPARE(log.rowCount(), 1);
    QCOMPARE(
        log.index(0).data(AuditLogModel::DescriptionRole).toString(), u"Updated key %1: enabled"_s.arg(m_keyIds.at(1)));
    // What changed, for AuditLogRow's lines ("Disabled").
    QCOMPARE(log.index(0).data(AuditLogModel::ChangesRole).toList(),
        (QVariantList {QVariantMap {{u"field"_s, u"enabled"_s}, {u"old"_s, true}, {u"new"_s, false}}}));
    // Other events have none.
    log.setEvents({u"key.create"_s});
    QVERIFY(fetchAll(log) >= 0);
    QCOMPARE(log.rowCount(), 1);
    QCOMPARE(log.index(0).data(AuditLogModel::ChangesRole).toList(), QVariantList {});
}

// keys.updateCredits names the key space (Unkey's target) and the API: the row hands the page
// both, the API with its name, so the page's target column can show the API and leave the internal
// key space out (walkthrough G18; AuditEvents.targetLines, tst_auditlogchanges.qml).
void TestAuditLogModel::keySpaceShowsAsItsApi()
{
    QVERIFY(
        m_fixture
            .call(u"keys.updateCredits"_s, {{u"keyId"_s, m_keyIds.at(2)}, {u"operation"_s, u"set"_s}, {u"value"_s, 7}})
            .ok());
    AuditLogModel log;
    QVERIFY(fetchKeyEvents(log, m_fixture.client(), u"key.update"_s, m_keyIds.at(2)));
    QCOMPARE(log.rowCount(), 1);
    const QStringList targets = targetText(log.index(0).data(AuditLogModel::TargetListRole)).split(u'\n');
    QCOMPARE(targets.size(), 3);
    QVERIFY2(targets.contains(u"api %1 (audited)"_s.arg(m_apiId)), qPrintable(targets.join(u", "_s)));
    QVERIFY2(targets.contains(u"key %1 (k2)"_s.arg(m_keyIds.at(2))), qPrintable(targets.join(u", "_s)));
    QVERIFY2(targets.filter(u"keySpace "_s).size() == 1, qPrintable(targets.join(u", "_s)));
    QCOMPARE(log.index(0).data(AuditLogModel::ChangesRole).toList(),
        (QVariantList {QVariantMap {{u"field"_s, u"credits.remaining"_s}, {u"new"_s, 7}}}));
}

void TestAuditLogModel::resolveTarget_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("match");
    QTest::addColumn<int>("otherMatches");
    QTest::newRow("empty") << u"  "_s << int(AuditTargetResolver::Empty) << 0;
    QTest::newRow("an id as it is") << u"key_doesNotNeedToExist"_s << int(AuditTargetResolver::Id) << 0;
    QTest::newRow("owner") << u" customer_42 "_s << int(AuditTargetResolver::Owner) << 0;
    QTest::newRow("key name shared by two keys") << u"Acme production"_s << int(AuditTargetResolver::Name) << 0;
    QTest::newRow("key start") << u"<start>"_s << int(AuditTargetResolver::KeyStart) << 0;
    QTest::newRow("a start no key has") << u"acme_zzzz"_s << int(AuditTargetResolver::Name) << 0;
    QTest::newRow("no owner: a name") << u"customer_43"_s << int(AuditTargetResolver::Name) << 0;
    QTest::newRow("not an external id: a name") << u"no such key"_s << int(AuditTargetResolver::Name) << 0;
}

void TestAuditLogModel::resolveTarget()
{
    QFETCH(QString, text);
    QFETCH(int, match);
    QFETCH(int, otherMatches);
    if (text == u"<start>"_s)
        text = m_keyStart;
    AuditTargetResolver resolver;
    resolver.setClient(m_fixture.client());
    if (text.trimmed().isEmpty())
        resolver.setText(u"key_before"_s); // clearing a filter is a change too
    QSignalSpy resolved(&resolver, &AuditTargetResolver::resolved);
    QSignalSpy failed(m_fixture.client(), &ApiClient::requestFailed);
    resolver.setText(text);
    QTRY_VERIFY_WITH_TIMEOUT(!resolved.isEmpty(), 20000);
    QVERIFY(!resolver.resolving());
    QCOMPARE(int(resolver.match()), match);
    QCOMPARE(resolver.otherMatches(), otherMatches);
    QCOMPARE(failed.count(), 0); // a miss is an answer, not an error banner
    switch (AuditTargetResolver::Match(match)) {
    case AuditTargetResolver::Empty:
        QCOMPARE(resolver.targetId(), QString());
        break;
    case AuditTargetResolver::Owner:
        QCOMPARE(resolver.targetId(), m_identityId);
        QCOMPARE(resolver.label(), u"customer_42"_s);
        break;
    case AuditTargetResolver::KeyStart:
        QCOMPARE(resolver.label(), text.trimmed());
        QCOMPARE(resolver.targetId(), m_keyIds.at(4));
        break;
    case AuditTargetResolver::Name: // the text as typed, for the server to find in target names
        QCOMPARE(resolver.targetId(), QString());
        QCOMPARE(resolver.targetName(), text.trimmed());
        break;
    default: // an id as typed
        QCOMPARE(resolver.targetId(), text.trimmed());
        QCOMPARE(resolver.targetName(), QString());
    }
}

void TestAuditLogModel::resolvedOwnerFiltersTheLog()
{
    AuditTargetResolver resolver;
    resolver.setClient(m_fixture.client());
    QSignalSpy resolved(&resolver, &AuditTargetResolver::resolved);
    resolver.setText(u"customer_42"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!resolved.isEmpty(), 20000);
    AuditLogModel log;
    log.setClient(m_fixture.client());
    log.setTargetId(resolver.targetId());
    QVERIFY(fetchAll(log) >= 0);
    // identity.create, written when createKey upserted the owner, and the owned key's key.create
    // (whose targets name the key and its API, not the owner).
    QStringList rows;
    for (int row = 0; row < log.rowCount(); ++row) {
        const QModelIndex index = log.index(row);
        rows.append(index.data(AuditLogModel::EventRole).toString()
            + (targetText(index.data(AuditLogModel::TargetListRole)).contains(m_keyIds.at(4)) ? u" owned key"_s
                                                                                              : u""_s));
    }
    rows.sort();
    QCOMPARE(rows, (QStringList {u"identity.create"_s, u"key.create owned key"_s}));
}

// Issue 4: support staff look for a deleted key in the audit log; the Target filter only knew the
// live keys' exact names. A part of the name, in any case, now finds its rows, without a lookup.
void TestAuditLogModel::deletedKeyFoundByPartOfItsName()
{
    const QString keyId = m_fixture.createKey({{u"apiId"_s, m_apiId}, {u"name"_s, u"Globex legacy gateway"_s}})
                              .value(u"keyId"_s)
                              .toString();
    QVERIFY(m_fixture.call(u"keys.deleteKey"_s, {{u"keyId"_s, keyId}}).ok());
    AuditTargetResolver resolver;
    resolver.setClient(m_fixture.client());
    QSignalSpy resolved(&resolver, &AuditTargetResolver::resolved);
    resolver.setText(u"LEGACY gate"_s);
    QCOMPARE(resolved.count(), 1); // at once: nothing to look up, the log's one request finds it
    QCOMPARE(resolver.match(), AuditTargetResolver::Name);
    AuditLogModel log;
    log.setClient(m_fixture.client());
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.setTarget(resolver.targetId(), resolver.targetName());
    QCOMPARE(log.targetName(), u"LEGACY gate"_s);
    QVERIFY(fetchAll(log) >= 0);
    QStringList events;
    for (const QVariant &event : column(log, "event"))
        events.append(event.toString());
    events.sort();
    QCOMPARE(events, (QStringList {u"key.create"_s, u"key.delete"_s}));
    for (const QVariant &targets : column(log, "targetList"))
        QVERIFY2(targetText(targets).contains(u"key %1 (Globex legacy gateway)"_s.arg(keyId)),
            qPrintable(targetText(targets)));
}

void TestAuditLogModel::newerTextWins()
{
    AuditTargetResolver resolver;
    resolver.setClient(m_fixture.client());
    QSignalSpy resolved(&resolver, &AuditTargetResolver::resolved);
    resolver.setText(m_keyStart); // an owner lookup and a walk over APIs and keys...
    QVERIFY(resolver.resolving());
    resolver.setText(u"customer_42"_s); // ...overtaken before it answers
    QTRY_VERIFY_WITH_TIMEOUT(!resolved.isEmpty(), 20000);
    QTest::qWait(200); // the older lookup's answers arrive and are dropped
    QCOMPARE(resolver.match(), AuditTargetResolver::Owner);
    QCOMPARE(resolver.targetId(), m_identityId);
    QCOMPARE(resolved.count(), 1);
}

QTEST_GUILESS_MAIN(TestAuditLogModel)
#include "tst_auditlogmodel.moc"

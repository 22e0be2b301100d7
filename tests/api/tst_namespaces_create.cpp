// ratelimit.createNamespace through the real router: created, listed and usable, audited, no
// rate-limit event, 409 on a taken name, validation, permissions, workspace isolation.

#include "support/apiharness.h"

#include "analytics/analyticssink.h"
#include "core/memoryeventsink.h"
#include "store/database.h"

#include <QSqlQuery>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

namespace {

ApiReply create(ApiHarness &h, const QString &name, const QString &rootKey = {})
{
    return h.call(u"ratelimit.createNamespace"_s, QJsonObject{{u"name"_s, name}}, rootKey);
}

qint64 count(ApiHarness &h, const QString &sql)
{
    QSqlQuery query = h.server().database().prepare(sql);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

QJsonArray auditRows(ApiHarness &h, const QString &rootKey = {})
{
    return h.call(u"audit.listLogs"_s, QJsonObject{{u"events"_s, QJsonArray{u"ratelimitNamespace.create"_s}}}, rootKey)
        .dataArray();
}

} // namespace

class TestNamespacesCreate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsListedUsableNamespace();
    void recordsNoRatelimitEvent();
    void duplicateNameIsConflict();
    void deletedNameIsConflict();
    void concurrentCreatesMakeOne();
    void permissions();
    void isolation();
    void validation_data();
    void validation();
};

void TestNamespacesCreate::createsListedUsableNamespace()
{
    ApiHarness h;
    h.clock().setNowMs(h.clock().nowMs() + 5'000);
    const ApiReply r = create(h, u"email.send"_s);
    QVERIFY2(r.status == 200, r.describe().constData());
    const QJsonObject data = r.dataObject();
    const QString id = data.value(u"namespaceId"_s).toString();
    QVERIFY2(id.startsWith(u"rlns_"), qPrintable(id));
    QCOMPARE(data.value(u"name"_s).toString(), u"email.send"_s);
    QCOMPARE(data.value(u"createdAt"_s).toInteger(), h.clock().nowMs());

    const QJsonArray listed = h.call(u"ratelimit.listNamespaces"_s, QJsonObject{}).dataArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(u"namespaceId"_s).toString(), id);
    QCOMPARE(listed.at(0).toObject().value(u"overrideCount"_s).toInt(), 0);

    // Usable at once by name: overrides can be set, and ratelimit.limit finds it (no second create).
    QCOMPARE(h.call(u"ratelimit.setOverride"_s, QJsonObject{{u"namespace"_s, u"email.send"_s}, {u"identifier"_s, u"a_*"_s},
                                                            {u"limit"_s, 1}, {u"duration"_s, 60'000}}).status, 200);
    const ApiReply limited = h.call(u"ratelimit.limit"_s, QJsonObject{{u"namespace"_s, u"email.send"_s},
        {u"identifier"_s, u"a_1"_s}, {u"limit"_s, 100}, {u"duration"_s, 60'000}});
    QVERIFY2(limited.status == 200, limited.describe().constData());
    QCOMPARE(limited.dataObject().value(u"limit"_s).toInt(), 1); // the override applied
    QCOMPARE(count(h, u"SELECT count(*) FROM ratelimit_namespaces"_s), 1);

    const QJsonArray audit = auditRows(h);
    QCOMPARE(audit.size(), 1);
    const QJsonObject row = audit.at(0).toObject();
    QCOMPARE(row.value(u"description"_s).toString(), u"Created ratelimit namespace email.send"_s);
    const QJsonObject target = row.value(u"targets"_s).toArray().at(0).toObject();
    QCOMPARE(target.value(u"type"_s).toString(), u"ratelimitNamespace"_s);
    QCOMPARE(target.value(u"id"_s).toString(), id);
    QCOMPARE(target.value(u"name"_s).toString(), u"email.send"_s);
}

void TestNamespacesCreate::recordsNoRatelimitEvent()
{
    ApiHarness h;
    QCOMPARE(create(h, u"uploads"_s).status, 200);
    QVERIFY(h.server().analytics().flush());
    QCOMPARE(h.server().events().ratelimits().size(), 0);
    QCOMPARE(count(h, u"SELECT count(*) FROM ratelimit_events"_s), 0);
    const ApiReply log = h.call(u"ratelimit.getLog"_s, QJsonObject{{u"namespace"_s, u"uploads"_s}});
    QVERIFY2(log.status == 200, log.describe().constData());
    QCOMPARE(log.dataArray().size(), 0);

    // The check that these assertions can fail: a real ratelimit.limit is recorded.
    QCOMPARE(h.call(u"ratelimit.limit"_s, QJsonObject{{u"namespace"_s, u"uploads"_s}, {u"identifier"_s, u"u"_s},
                                                      {u"limit"_s, 1}, {u"duration"_s, 1'000}}).status, 200);
    QVERIFY(h.server().analytics().flush());
    QCOMPARE(h.server().events().ratelimits().size(), 1);
    QCOMPARE(count(h, u"SELECT count(*) FROM ratelimit_events"_s), 1);
}

void TestNamespacesCreate::duplicateNameIsConflict()
{
    ApiHarness h;
    QCOMPARE(create(h, u"dup"_s).status, 200);
    const ApiReply again = create(h, u"dup"_s);
    QVERIFY2(again.status == 409, again.describe().constData());
    QVERIFY2(again.errorType().endsWith(u"/data/ratelimit_namespace_already_exists"), qPrintable(again.errorType()));
    QVERIFY2(again.detail().contains(u"'dup'"), qPrintable(again.detail()));
    // A namespace made by ratelimit.limit is taken as well; names compare case-sensitively.
    QCOMPARE(h.call(u"ratelimit.limit"_s, QJsonObject{{u"namespace"_s, u"auto"_s}, {u"identifier"_s, u"x"_s},
                                                      {u"limit"_s, 1}, {u"duration"_s, 1'000}}).status, 200);
    QCOMPARE(create(h, u"auto"_s).status, 409);
    QCOMPARE(create(h, u"DUP"_s).status, 200);
    // The failed calls changed nothing: three namespaces, three audit rows.
    QCOMPARE(count(h, u"SELECT count(*) FROM ratelimit_namespaces"_s), 3);
    QCOMPARE(auditRows(h).size(), 3);
}

void TestNamespacesCreate::deletedNameIsConflict()
{
    ApiHarness h;
    const QString id = create(h, u"gone"_s).dataObject().value(u"namespaceId"_s).toString();
    QSqlQuery remove = h.server().database().prepare(u"UPDATE ratelimit_namespaces SET deleted_at = 1 WHERE id = ?"_s);
    remove.addBindValue(id);
    QVERIFY(remove.exec());
    const ApiReply r = create(h, u"gone"_s);
    QCOMPARE(r.status, 409);
    QVERIFY2(r.detail().contains(u"deleted"), qPrintable(r.detail()));
    // A name equal to another namespace's id is a name like any other.
    QCOMPARE(create(h, id).status, 200);
}

// Racing creates of one name: one wins, the others get 409, and there is one row and one audit row.
void TestNamespacesCreate::concurrentCreatesMakeOne()
{
    ApiHarness h;
    std::atomic<int> created{0};
    std::atomic<int> conflicts{0};
    std::atomic<int> others{0};
    QList<QThread *> threads;
    for (int i = 0; i < 6; ++i) {
        threads.append(QThread::create([&] {
            const int status = create(h, u"raced"_s).status;
            (status == 200 ? created : status == 409 ? conflicts : others)++;
        }));
    }
    for (QThread *thread : std::as_const(threads))
        thread->start();
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(30'000));
        delete thread;
    }
    QCOMPARE(created.load(), 1);
    QCOMPARE(conflicts.load(), 5);
    QCOMPARE(others.load(), 0);
    QCOMPARE(count(h, u"SELECT count(*) FROM ratelimit_namespaces WHERE name = 'raced'"_s), 1);
    QCOMPARE(auditRows(h).size(), 1);
}

void TestNamespacesCreate::permissions()
{
    ApiHarness h;
    const QString limitOnly = h.createRootKey({u"ratelimit.*.limit"_s, u"ratelimit.*.read_namespace"_s});
    ApiReply r = create(h, u"ns"_s, limitOnly);
    QCOMPARE(r.status, 403);
    QVERIFY2(r.detail().contains(u"ratelimit.*.create_namespace"), qPrintable(r.detail()));
    QCOMPARE(create(h, u"ns"_s, u"lkroot_unknown"_s).status, 401);
    QCOMPARE(count(h, u"SELECT count(*) FROM ratelimit_namespaces"_s), 0);
    QCOMPARE(auditRows(h).size(), 0);

    const QString creator = h.createRootKey({u"ratelimit.*.create_namespace"_s});
    r = create(h, u"ns"_s, creator);
    QVERIFY2(r.status == 200, r.describe().constData());
    const QJsonObject actor = auditRows(h).at(0).toObject().value(u"actor"_s).toObject();
    QCOMPARE(actor.value(u"type"_s).toString(), u"rootkey"_s);
    QVERIFY(!actor.value(u"id"_s).toString().isEmpty());
}

void TestNamespacesCreate::isolation()
{
    ApiHarness h;
    QCOMPARE(create(h, u"shared"_s).status, 200);
    // The same name in another workspace is another namespace, invisible here.
    const ApiReply theirs = create(h, u"shared"_s, h.otherRootKey());
    QVERIFY2(theirs.status == 200, theirs.describe().constData());
    QCOMPARE(h.call(u"ratelimit.listNamespaces"_s, QJsonObject{}).dataArray().size(), 1);
    QCOMPARE(auditRows(h).size(), 1);
    QCOMPARE(auditRows(h, h.otherRootKey()).size(), 1);
}

void TestNamespacesCreate::validation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("missing") << QJsonObject{} << u"body.name"_s;
    QTest::newRow("empty") << QJsonObject{{u"name"_s, u""_s}} << u"body.name"_s;
    QTest::newRow("too long") << QJsonObject{{u"name"_s, QString(513, u'n')}} << u"body.name"_s;
    QTest::newRow("number") << QJsonObject{{u"name"_s, 5}} << u"body.name"_s;
    QTest::newRow("null") << QJsonObject{{u"name"_s, QJsonValue::Null}} << u"body.name"_s;
    QTest::newRow("surrounding spaces") << QJsonObject{{u"name"_s, u" email "_s}} << u"body.name"_s;
    QTest::newRow("unknown field") << QJsonObject{{u"name"_s, u"ok"_s}, {u"namespace"_s, u"x"_s}} << u"body.namespace"_s;
}

void TestNamespacesCreate::validation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    const ApiReply r = h.call(u"ratelimit.createNamespace"_s, body);
    QVERIFY2(r.status == 400, r.describe().constData());
    QCOMPARE(r.error().value(u"errors"_s).toArray().at(0).toObject().value(u"location"_s).toString(), location);
    QCOMPARE(count(h, u"SELECT count(*) FROM ratelimit_namespaces"_s), 0);
    // A name of exactly 512 characters is fine.
    QCOMPARE(h.call(u"ratelimit.createNamespace"_s, QJsonObject{{u"name"_s, QString(512, u'n')}}).status, 200);
}

QTEST_GUILESS_MAIN(TestNamespacesCreate)
#include "tst_namespaces_create.moc"

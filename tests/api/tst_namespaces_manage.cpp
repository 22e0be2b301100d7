// ratelimit.renameNamespace and ratelimit.deleteNamespace through the real router: renamed and
// deleted as Unkey's dashboard does (soft delete: ratelimit.limit 410, the override calls 404, the
// name stays taken), the namespace cache not serving a deleted or renamed namespace, audit rows,
// 409 on a taken name, validation, permissions (wildcard or the namespace's id), workspace
// isolation, and that a refused request changes nothing.

#include "support/apiharness.h"

#include "store/database.h"

#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

namespace {

QString create(ApiHarness &h, const QString &name)
{
    return h.call(u"ratelimit.createNamespace"_s, QJsonObject {{u"name"_s, name}})
        .dataObject()
        .value(u"namespaceId"_s)
        .toString();
}

ApiReply rename(ApiHarness &h, const QString &ns, const QString &name, const QString &rootKey = {})
{
    return h.call(u"ratelimit.renameNamespace"_s, QJsonObject {{u"namespace"_s, ns}, {u"name"_s, name}}, rootKey);
}

ApiReply remove(ApiHarness &h, const QString &ns, const QString &rootKey = {})
{
    return h.call(u"ratelimit.deleteNamespace"_s, QJsonObject {{u"namespace"_s, ns}}, rootKey);
}

ApiReply limit(ApiHarness &h, const QString &ns, const QString &identifier = u"user_1"_s)
{
    return h.call(u"ratelimit.limit"_s,
        QJsonObject {{u"namespace"_s, ns}, {u"identifier"_s, identifier}, {u"limit"_s, 100}, {u"duration"_s, 60'000}});
}

ApiReply setOverride(ApiHarness &h, const QString &ns, const QString &identifier, int allowed)
{
    return h.call(u"ratelimit.setOverride"_s,
        QJsonObject {
            {u"namespace"_s, ns}, {u"identifier"_s, identifier}, {u"limit"_s, allowed}, {u"duration"_s, 60'000}});
}

qint64 count(ApiHarness &h, const QString &sql)
{
    QSqlQuery query = h.server().database().prepare(sql);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

// Everything a failed request must leave as it was: the namespaces' rows and the audit log.
QString snapshot(ApiHarness &h)
{
    QSqlQuery query = h.server().database().prepare(
        u"SELECT group_concat(id || ':' || name || ':' || ifnull(deleted_at, '-') || ':' || ifnull(updated_at, '-'))"
        " || '|' || (SELECT count(*) FROM audit_logs) FROM (SELECT * FROM ratelimit_namespaces ORDER BY id)"_s);
    return query.exec() && query.next() ? query.value(0).toString() : u"(unreadable)"_s;
}

QJsonArray auditRows(ApiHarness &h, const QString &event, const QString &rootKey = {})
{
    return h.call(u"audit.listLogs"_s, QJsonObject {{u"events"_s, QJsonArray {event}}}, rootKey).dataArray();
}

QStringList listedNames(ApiHarness &h, const QString &rootKey = {})
{
    QStringList names;
    for (const QJsonValue &ns : h.call(u"ratelimit.listNamespaces"_s, QJsonObject {}, rootKey).dataArray())
        names.append(ns.toObject().value(u"name"_s).toString());
    return names;
}

} // namespace

class TestNamespacesManage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renameKeepsIdOverridesAndCounters();
    void renameToTakenNameIsConflict();
    void renameToOwnNameWritesNothing();
    void deleteIsSoftAndGone();
    void deletedRightAfterBeingServed();
    void deleteByIdAndTwice();
    void permissions();
    void isolation();
    void validation_data();
    void validation();
};

void TestNamespacesManage::renameKeepsIdOverridesAndCounters()
{
    ApiHarness h;
    const QString id = create(h, u"email-sendkey 10"_s);
    QCOMPARE(setOverride(h, id, u"vip"_s, 2).status, 200);
    QCOMPARE(limit(h, id, u"vip"_s).dataObject().value(u"remaining"_s).toInt(), 1);

    h.clock().setNowMs(h.clock().nowMs() + 1'000);
    const ApiReply r = rename(h, u"email-sendkey 10"_s, u"email.send"_s);
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.dataObject().value(u"namespaceId"_s).toString(), id);
    QCOMPARE(r.dataObject().value(u"name"_s).toString(), u"email.send"_s);
    QCOMPARE(listedNames(h), QStringList {u"email.send"_s});

    // The new name finds it with its override and its counter (kept under the id): one call left.
    const ApiReply limited = limit(h, u"email.send"_s, u"vip"_s);
    QVERIFY2(limited.status == 200, limited.describe().constData());
    QCOMPARE(limited.dataObject().value(u"limit"_s).toInt(), 2);
    QCOMPARE(limited.dataObject().value(u"remaining"_s).toInt(), 0);
    QCOMPARE(count(h, u"SELECT count(*) FROM ratelimit_namespaces"_s), 1);

    const QJsonArray audit = auditRows(h, u"ratelimitNamespace.update"_s);
    QCOMPARE(audit.size(), 1);
    const QJsonObject row = audit.at(0).toObject();
    QCOMPARE(row.value(u"description"_s).toString(), u"Renamed ratelimit namespace email-sendkey 10 to email.send"_s);
    const QJsonObject target = row.value(u"targets"_s).toArray().at(0).toObject();
    QCOMPARE(target.value(u"type"_s).toString(), u"ratelimitNamespace"_s);
    QCOMPARE(target.value(u"id"_s).toString(), id);
    QCOMPARE(target.value(u"name"_s).toString(), u"email.send"_s);
    const QJsonObject change = row.value(u"changes"_s).toArray().at(0).toObject();
    QCOMPARE(change.value(u"field"_s).toString(), u"name"_s);
    QCOMPARE(change.value(u"old"_s).toString(), u"email-sendkey 10"_s);
    QCOMPARE(change.value(u"new"_s).toString(), u"email.send"_s);

    // The old name is free again: a limit naming it makes a new namespace, as for any new name.
    const ApiReply old = limit(h, u"email-sendkey 10"_s);
    QVERIFY2(old.status == 200, old.describe().constData());
    QCOMPARE(count(h, u"SELECT count(*) FROM ratelimit_namespaces"_s), 2);
}

void TestNamespacesManage::renameToTakenNameIsConflict()
{
    ApiHarness h;
    create(h, u"a"_s);
    const QString b = create(h, u"b"_s);
    const QString gone = create(h, u"gone"_s);
    QCOMPARE(remove(h, gone).status, 200);
    const QString before = snapshot(h);

    ApiReply r = rename(h, u"a"_s, u"b"_s);
    QVERIFY2(r.status == 409, r.describe().constData());
    QVERIFY2(r.errorType().endsWith(u"/data/ratelimit_namespace_already_exists"), qPrintable(r.errorType()));
    QVERIFY2(r.detail().contains(u"'b'"), qPrintable(r.detail()));
    r = rename(h, u"a"_s, u"gone"_s);
    QCOMPARE(r.status, 409);
    QVERIFY2(r.detail().contains(u"deleted"), qPrintable(r.detail()));
    QCOMPARE(snapshot(h), before);
    QCOMPARE(auditRows(h, u"ratelimitNamespace.update"_s).size(), 0);
    // Names compare case-sensitively, as createNamespace's; a name equal to another's id is a name.
    QCOMPARE(rename(h, u"a"_s, u"B"_s).status, 200);
    QCOMPARE(rename(h, u"B"_s, b).status, 200);
}

void TestNamespacesManage::renameToOwnNameWritesNothing()
{
    ApiHarness h;
    const QString id = create(h, u"same"_s);
    const QString before = snapshot(h);
    const ApiReply r = rename(h, id, u"same"_s);
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.dataObject().value(u"name"_s).toString(), u"same"_s);
    QCOMPARE(snapshot(h), before);
}

void TestNamespacesManage::deleteIsSoftAndGone()
{
    ApiHarness h;
    const QString id = create(h, u"uploads"_s);
    QCOMPARE(setOverride(h, u"uploads"_s, u"u_*"_s, 1).status, 200);
    create(h, u"kept"_s);

    const ApiReply r = remove(h, u"uploads"_s);
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.dataObject(), QJsonObject {});
    QCOMPARE(listedNames(h), QStringList {u"kept"_s});
    // Soft: the row and its override stay, marked.
    QCOMPARE(count(h, u"SELECT count(*) FROM ratelimit_namespaces WHERE deleted_at IS NOT NULL"_s), 1);
    QCOMPARE(count(h, u"SELECT count(*) FROM ratelimit_overrides WHERE deleted_at IS NULL"_s), 1);

    // As Unkey answers for a deleted namespace: limit 410 (by name and by id, multiLimit too), the
    // override calls 404, and no new namespace of that name is made.
    for (const QString &ns : {u"uploads"_s, id}) {
        const ApiReply gone = limit(h, ns);
        QVERIFY2(gone.status == 410, gone.describe().constData());
        QVERIFY2(gone.errorType().endsWith(u"/data/ratelimit_namespace_gone"), qPrintable(gone.errorType()));
        QCOMPARE(gone.detail(), u"This namespace has been deleted. Contact support to restore."_s);
    }
    const ApiReply multi = h.call(u"ratelimit.multiLimit"_s,
        QJsonArray {QJsonObject {
            {u"namespace"_s, u"uploads"_s}, {u"identifier"_s, u"x"_s}, {u"limit"_s, 1}, {u"duration"_s, 1'000}}});
    QCOMPARE(multi.status, 410);
    QCOMPARE(setOverride(h, u"uploads"_s, u"v"_s, 1).status, 404);
    QCOMPARE(
        h.call(u"ratelimit.getOverride"_s, QJsonObject {{u"namespace"_s, u"uploads"_s}, {u"identifier"_s, u"u_*"_s}})
            .status,
        404);
    QCOMPARE(h.call(u"ratelimit.listOverrides"_s, QJsonObject {{u"namespace"_s, u"uploads"_s}}).status, 404);
    QCOMPARE(
        h.call(u"ratelimit.deleteOverride"_s, QJsonObject {{u"namespace"_s, u"uploads"_s}, {u"identifier"_s, u"u_*"_s}})
            .status,
        404);
    QCOMPARE(rename(h, u"uploads"_s, u"back"_s).status, 404);
    QCOMPARE(h.call(u"ratelimit.createNamespace"_s, QJsonObject {{u"name"_s, u"uploads"_s}}).status, 409);
    QCOMPARE(count(h, u"SELECT count(*) FROM ratelimit_namespaces"_s), 2);

    const QJsonArray audit = auditRows(h, u"ratelimitNamespace.delete"_s);
    QCOMPARE(audit.size(), 1);
    const QJsonObject row = audit.at(0).toObject();
    QCOMPARE(row.value(u"description"_s).toString(), u"Deleted ratelimit namespace uploads"_s);
    const QJsonObject target = row.value(u"targets"_s).toArray().at(0).toObject();
    QCOMPARE(target.value(u"type"_s).toString(), u"ratelimitNamespace"_s);
    QCOMPARE(target.value(u"id"_s).toString(), id);
    QCOMPARE(target.value(u"name"_s).toString(), u"uploads"_s);
    QCOMPARE(row.value(u"actor"_s).toObject().value(u"type"_s).toString(), u"rootkey"_s);
}

// The limiter's namespace cache had the namespace (and its override) from the call just before:
// the very next call must not be served from it.
void TestNamespacesManage::deletedRightAfterBeingServed()
{
    ApiHarness h;
    create(h, u"hot"_s);
    QCOMPARE(setOverride(h, u"hot"_s, u"user_1"_s, 50).status, 200);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(limit(h, u"hot"_s).dataObject().value(u"limit"_s).toInt(), 50);
    QCOMPARE(remove(h, u"hot"_s).status, 200);
    const ApiReply r = limit(h, u"hot"_s);
    QVERIFY2(r.status == 410, r.describe().constData());

    // Renamed right after being served: the old name is unknown at once (a new namespace), the new
    // one finds the namespace with its override.
    create(h, u"warm"_s);
    QCOMPARE(setOverride(h, u"warm"_s, u"user_1"_s, 7).status, 200);
    QCOMPARE(limit(h, u"warm"_s).dataObject().value(u"limit"_s).toInt(), 7);
    QCOMPARE(rename(h, u"warm"_s, u"cool"_s).status, 200);
    QCOMPARE(limit(h, u"warm"_s).dataObject().value(u"limit"_s).toInt(), 100);
    QCOMPARE(limit(h, u"cool"_s).dataObject().value(u"limit"_s).toInt(), 7);
}

void TestNamespacesManage::deleteByIdAndTwice()
{
    ApiHarness h;
    const QString id = create(h, u"by-id"_s);
    QCOMPARE(remove(h, id).status, 200);
    const QString before = snapshot(h);
    const ApiReply again = remove(h, id);
    QVERIFY2(again.status == 404, again.describe().constData());
    QVERIFY2(again.errorType().endsWith(u"/data/ratelimit_namespace_not_found"), qPrintable(again.errorType()));
    QCOMPARE(remove(h, u"never-was"_s).status, 404);
    QCOMPARE(rename(h, u"never-was"_s, u"x"_s).status, 404);
    QCOMPARE(snapshot(h), before);
    QCOMPARE(auditRows(h, u"ratelimitNamespace.delete"_s).size(), 1);
}

void TestNamespacesManage::permissions()
{
    ApiHarness h;
    const QString mine = create(h, u"mine"_s);
    const QString theirs = create(h, u"theirs"_s);
    const QString readOnly = h.createRootKey({u"ratelimit.*.read_namespace"_s, u"ratelimit.*.limit"_s});
    const QString updater = h.createRootKey({u"ratelimit.*.update_namespace"_s});
    const QString deleter = h.createRootKey({u"ratelimit.*.delete_namespace"_s});
    const QString one
        = h.createRootKey({u"ratelimit.%1.update_namespace"_s.arg(mine), u"ratelimit.%1.delete_namespace"_s.arg(mine)});
    const QString before = snapshot(h);

    ApiReply r = remove(h, u"mine"_s, readOnly);
    QCOMPARE(r.status, 403);
    QVERIFY2(r.detail().contains(u"ratelimit.*.delete_namespace"), qPrintable(r.detail()));
    r = rename(h, u"mine"_s, u"x"_s, readOnly);
    QCOMPARE(r.status, 403);
    QVERIFY2(r.detail().contains(u"ratelimit.*.update_namespace"), qPrintable(r.detail()));
    // Each permission is its own: delete does not rename, nor the other way round.
    QCOMPARE(remove(h, u"mine"_s, updater).status, 403);
    QCOMPARE(rename(h, u"mine"_s, u"x"_s, deleter).status, 403);
    QCOMPARE(remove(h, u"mine"_s, u"lkroot_unknown"_s).status, 401);
    QCOMPARE(rename(h, u"mine"_s, u"x"_s, u"lkroot_unknown"_s).status, 401);
    // A grant for one namespace's id allows that one only.
    QCOMPARE(rename(h, u"theirs"_s, u"x"_s, one).status, 403);
    QCOMPARE(remove(h, theirs, one).status, 403);
    QCOMPARE(snapshot(h), before);

    r = rename(h, u"mine"_s, u"mine2"_s, one);
    QVERIFY2(r.status == 200, r.describe().constData());
    r = remove(h, u"mine2"_s, one);
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(listedNames(h), QStringList {u"theirs"_s});
    // The wildcard grants allow any namespace.
    QCOMPARE(rename(h, u"theirs"_s, u"theirs2"_s, updater).status, 200);
    QCOMPARE(remove(h, u"theirs2"_s, deleter).status, 200);
    QCOMPARE(listedNames(h), QStringList {});
}

void TestNamespacesManage::isolation()
{
    ApiHarness h;
    const QString id = create(h, u"shared"_s);
    const QString before = snapshot(h);
    // Another workspace's root key (with every permission) finds neither the name nor the id.
    QCOMPARE(remove(h, u"shared"_s, h.otherRootKey()).status, 404);
    QCOMPARE(remove(h, id, h.otherRootKey()).status, 404);
    QCOMPARE(rename(h, id, u"x"_s, h.otherRootKey()).status, 404);
    QCOMPARE(snapshot(h), before);
    QCOMPARE(listedNames(h), QStringList {u"shared"_s});

    // Their namespace of the same name is theirs: deleting it leaves ours alone.
    QCOMPARE(
        h.call(u"ratelimit.createNamespace"_s, QJsonObject {{u"name"_s, u"shared"_s}}, h.otherRootKey()).status, 200);
    QCOMPARE(remove(h, u"shared"_s, h.otherRootKey()).status, 200);
    QCOMPARE(listedNames(h), QStringList {u"shared"_s});
    QCOMPARE(limit(h, u"shared"_s).status, 200);
    QCOMPARE(auditRows(h, u"ratelimitNamespace.delete"_s).size(), 0);
    QCOMPARE(auditRows(h, u"ratelimitNamespace.delete"_s, h.otherRootKey()).size(), 1);
}

void TestNamespacesManage::validation_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    const QString del = u"ratelimit.deleteNamespace"_s;
    const QString ren = u"ratelimit.renameNamespace"_s;
    QTest::newRow("delete: missing") << del << QJsonObject {} << u"body.namespace"_s;
    QTest::newRow("delete: empty") << del << QJsonObject {{u"namespace"_s, u""_s}} << u"body.namespace"_s;
    QTest::newRow("delete: too long") << del << QJsonObject {{u"namespace"_s, QString(513, u'n')}}
                                      << u"body.namespace"_s;
    QTest::newRow("delete: number") << del << QJsonObject {{u"namespace"_s, 5}} << u"body.namespace"_s;
    QTest::newRow("delete: unknown field")
        << del << QJsonObject {{u"namespace"_s, u"ns"_s}, {u"name"_s, u"x"_s}} << u"body.name"_s;
    QTest::newRow("rename: no namespace") << ren << QJsonObject {{u"name"_s, u"x"_s}} << u"body.namespace"_s;
    QTest::newRow("rename: no name") << ren << QJsonObject {{u"namespace"_s, u"ns"_s}} << u"body.name"_s;
    QTest::newRow("rename: empty name") << ren << QJsonObject {{u"namespace"_s, u"ns"_s}, {u"name"_s, u""_s}}
                                        << u"body.name"_s;
    QTest::newRow("rename: too long") << ren << QJsonObject {{u"namespace"_s, u"ns"_s}, {u"name"_s, QString(513, u'n')}}
                                      << u"body.name"_s;
    QTest::newRow("rename: null") << ren << QJsonObject {{u"namespace"_s, u"ns"_s}, {u"name"_s, QJsonValue::Null}}
                                  << u"body.name"_s;
    QTest::newRow("rename: surrounding spaces")
        << ren << QJsonObject {{u"namespace"_s, u"ns"_s}, {u"name"_s, u" x"_s}} << u"body.name"_s;
    QTest::newRow("rename: unknown field")
        << ren << QJsonObject {{u"namespace"_s, u"ns"_s}, {u"name"_s, u"x"_s}, {u"limit"_s, 1}} << u"body.limit"_s;
}

void TestNamespacesManage::validation()
{
    QFETCH(QString, route);
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    create(h, u"ns"_s);
    const QString before = snapshot(h);
    const ApiReply r = h.call(route, body);
    QVERIFY2(r.status == 400, r.describe().constData());
    QCOMPARE(r.error().value(u"errors"_s).toArray().at(0).toObject().value(u"location"_s).toString(), location);
    QCOMPARE(snapshot(h), before);
    // A name of exactly 512 characters is fine.
    QCOMPARE(rename(h, u"ns"_s, QString(512, u'n')).status, 200);
}

QTEST_GUILESS_MAIN(TestNamespacesManage)
#include "tst_namespaces_manage.moc"

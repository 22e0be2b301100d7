// ratelimit.listNamespaces through the real router.

#include "support/apiharness.h"

#include "store/database.h"

#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

namespace {

/// Creates namespace @p name through ratelimit.limit (its only creation path); returns its id.
QString createNamespace(ApiHarness &h, const QString &name, const QString &rootKey = {})
{
    const ApiReply reply = h.call(u"ratelimit.limit"_s,
        QJsonObject{{u"namespace"_s, name}, {u"identifier"_s, u"seed"_s}, {u"limit"_s, 1}, {u"duration"_s, 1000}},
        rootKey);
    if (reply.status != 200)
        qWarning("ratelimit.limit failed: %s", reply.describe().constData());
    QSqlQuery query = h.server().database().prepare(u"SELECT id FROM ratelimit_namespaces WHERE name = ? AND workspace_id = ?"_s);
    query.addBindValue(name);
    query.addBindValue(rootKey.isEmpty() ? h.workspaceId() : h.otherWorkspaceId());
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

void setOverride(ApiHarness &h, const QString &ns, const QString &identifier)
{
    const ApiReply reply = h.call(u"ratelimit.setOverride"_s, QJsonObject{{u"namespace"_s, ns}, {u"identifier"_s, identifier},
                                                                          {u"limit"_s, 10}, {u"duration"_s, 60'000}});
    if (reply.status != 200)
        qWarning("setOverride failed: %s", reply.describe().constData());
}

/// Every namespace, walking pages of @p pageSize.
QList<QJsonObject> listAll(ApiHarness &h, int pageSize, const QString &rootKey = {}, int *pages = nullptr)
{
    return h.listAll(u"ratelimit.listNamespaces"_s, {}, pageSize, rootKey, pages);
}

QStringList idsOf(const QList<QJsonObject> &items)
{
    return valuesOf(items, u"namespaceId"_s);
}

} // namespace

class TestNamespacesList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyWorkspace();
    void pagesByIdWithOverrideCounts();
    void deletedNamespacesAreOmitted();
    void perNamespacePermission();
    void isolation();
    void validation_data();
    void validation();
};

void TestNamespacesList::emptyWorkspace()
{
    ApiHarness h;
    const ApiReply r = h.call(u"ratelimit.listNamespaces"_s, QJsonObject{});
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.dataArray().size(), 0);
    QCOMPARE(r.pagination().value(u"hasMore"_s).toBool(), false);
    QVERIFY(!r.pagination().contains(u"cursor"_s));
}

void TestNamespacesList::pagesByIdWithOverrideCounts()
{
    ApiHarness h;
    QHash<QString, QJsonObject> expected; // id -> item
    for (int i = 0; i < 5; ++i) {
        h.clock().setNowMs(h.clock().nowMs() + 1'000);
        const QString name = u"ns.%1:api"_s.arg(i);
        const QString id = createNamespace(h, name);
        QVERIFY(!id.isEmpty());
        for (int o = 0; o < i; ++o)
            setOverride(h, name, u"user_%1"_s.arg(o));
        expected.insert(id, QJsonObject{{u"namespaceId"_s, id}, {u"name"_s, name}, {u"overrideCount"_s, i},
                                        {u"createdAt"_s, h.clock().nowMs()}});
    }
    // A deleted override is not counted.
    QCOMPARE(h.call(u"ratelimit.deleteOverride"_s, QJsonObject{{u"namespace"_s, u"ns.4:api"_s}, {u"identifier"_s, u"user_0"_s}}).status, 200);
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        if (it->value(u"name"_s) == u"ns.4:api"_s)
            it->insert(u"overrideCount"_s, 3);
    }

    int pages = 0;
    const QList<QJsonObject> items = listAll(h, 2, {}, &pages);
    QCOMPARE(pages, 3);
    QStringList sorted = expected.keys();
    sorted.sort();
    QCOMPARE(idsOf(items), sorted);
    for (const QJsonObject &item : items)
        QCOMPARE(item, expected.value(item.value(u"namespaceId"_s).toString()));
    QCOMPARE(listAll(h, 5, {}, &pages).size(), 5);
    QCOMPARE(pages, 1);
}

void TestNamespacesList::deletedNamespacesAreOmitted()
{
    ApiHarness h;
    const QString kept = createNamespace(h, u"kept"_s);
    const QString gone = createNamespace(h, u"gone"_s);
    QSqlQuery remove = h.server().database().prepare(u"UPDATE ratelimit_namespaces SET deleted_at = 1 WHERE id = ?"_s);
    remove.addBindValue(gone);
    QVERIFY(remove.exec());
    QCOMPARE(idsOf(listAll(h, 1)), QStringList{kept});
}

void TestNamespacesList::perNamespacePermission()
{
    ApiHarness h;
    QStringList ids;
    for (const QString &name : {u"a"_s, u"b"_s, u"c"_s, u"d"_s})
        ids.append(createNamespace(h, u"ns_"_s + name));
    const QString some = h.createRootKey({u"ratelimit.%1.read_namespace"_s.arg(ids.at(1)),
                                          u"ratelimit.%1.read_namespace"_s.arg(ids.at(3)),
                                          u"ratelimit.rlns_unknown.read_namespace"_s, u"ratelimit.*.limit"_s});
    QStringList expected{ids.at(1), ids.at(3)};
    expected.sort();
    QCOMPARE(idsOf(listAll(h, 1, some)), expected);
    QCOMPARE(listAll(h, 100, h.createRootKey({u"ratelimit.*.read_namespace"_s})).size(), 4);

    ApiReply r = h.call(u"ratelimit.listNamespaces"_s, QJsonObject{},
                        h.createRootKey({u"ratelimit.*.read_override"_s, u"ratelimit.*.limit"_s}));
    QCOMPARE(r.status, 403);
    QVERIFY2(r.detail().contains(u"ratelimit.*.read_namespace"), qPrintable(r.detail()));
    QCOMPARE(h.call(u"ratelimit.listNamespaces"_s, QJsonObject{}, u"lkroot_unknown"_s).status, 401);
}

void TestNamespacesList::isolation()
{
    ApiHarness h;
    const QString mine = createNamespace(h, u"shared-name"_s);
    QCOMPARE(listAll(h, 100, h.otherRootKey()).size(), 0);
    const QString theirs = createNamespace(h, u"shared-name"_s, h.otherRootKey());
    QVERIFY(!theirs.isEmpty() && theirs != mine);
    QCOMPARE(idsOf(listAll(h, 100)), QStringList{mine});
    QCOMPARE(idsOf(listAll(h, 100, h.otherRootKey())), QStringList{theirs});
    // Another workspace's id as cursor does not leak that namespace.
    const ApiReply r = h.call(u"ratelimit.listNamespaces"_s, QJsonObject{{u"cursor"_s, theirs}});
    QCOMPARE(r.status, 200);
    for (const QJsonValue &item : r.dataArray())
        QVERIFY(item.toObject().value(u"namespaceId"_s).toString() != theirs);
}

void TestNamespacesList::validation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("limit 0") << QJsonObject{{u"limit"_s, 0}} << u"body.limit"_s;
    QTest::newRow("limit 101") << QJsonObject{{u"limit"_s, 101}} << u"body.limit"_s;
    QTest::newRow("limit string") << QJsonObject{{u"limit"_s, u"5"_s}} << u"body.limit"_s;
    QTest::newRow("empty cursor") << QJsonObject{{u"cursor"_s, u""_s}} << u"body.cursor"_s;
    QTest::newRow("unknown field") << QJsonObject{{u"namespace"_s, u"x"_s}} << u"body.namespace"_s;
}

void TestNamespacesList::validation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    const ApiReply r = h.call(u"ratelimit.listNamespaces"_s, body);
    QVERIFY2(r.status == 400, r.describe().constData());
    QCOMPARE(r.firstErrorLocation(), location);
}

QTEST_GUILESS_MAIN(TestNamespacesList)
#include "tst_namespaces_list.moc"

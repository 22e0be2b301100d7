#include "support/apiharness.h"

#include "store/database.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::ApiHarness;
using Latchkey::Test::ApiReply;

namespace {

const QString NotFoundNamespace = u"https://unkey.com/docs/errors/unkey/data/ratelimit_namespace_not_found"_s;
const QString NotFoundOverride = u"https://unkey.com/docs/errors/unkey/data/ratelimit_override_not_found"_s;

QJsonObject key(const QString &ns, const QString &identifier)
{
    return QJsonObject {{u"namespace"_s, ns}, {u"identifier"_s, identifier}};
}

QJsonObject setBody(const QString &ns, const QString &identifier, qint64 limit, qint64 duration = 60'000)
{
    QJsonObject body = key(ns, identifier);
    body.insert(u"limit"_s, limit);
    body.insert(u"duration"_s, duration);
    return body;
}

bool hasErrorAt(const ApiReply &reply, const QString &location)
{
    const QJsonArray errors = reply.error().value(u"errors").toArray();
    for (const QJsonValue &error : errors) {
        if (error.toObject().value(u"location").toString() == location)
            return true;
    }
    return false;
}

int count(ApiHarness &h, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery query = h.server().database().prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    return query.exec() && query.next() ? query.value(0).toInt() : -1;
}

int liveOverrides(ApiHarness &h)
{
    return count(h, u"SELECT count(*) FROM ratelimit_overrides WHERE deleted_at IS NULL"_s);
}

int auditCount(ApiHarness &h, const QString &event)
{
    return count(h, u"SELECT count(*) FROM audit_logs WHERE event = ?"_s, {event});
}

/// Creates namespace @p name through ratelimit.limit (its only creation path) and returns its id.
QString createNamespace(ApiHarness &h, const QString &name, const QString &rootKey = {})
{
    const ApiReply reply = h.call(u"ratelimit.limit"_s,
        QJsonObject {{u"namespace"_s, name}, {u"identifier"_s, u"seed"_s}, {u"limit"_s, 1}, {u"duration"_s, 1000}},
        rootKey);
    if (reply.status != 200)
        qWarning("limit failed: %s", reply.describe().constData());
    const QString workspaceId = rootKey.isEmpty() ? h.workspaceId() : h.otherWorkspaceId();
    QSqlQuery query
        = h.server().database().prepare(u"SELECT id FROM ratelimit_namespaces WHERE workspace_id = ? AND name = ?"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(name);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

QString setOverride(ApiHarness &h, const QString &ns, const QString &identifier, qint64 limit, qint64 duration = 60'000)
{
    const ApiReply reply = h.call(u"ratelimit.setOverride"_s, setBody(ns, identifier, limit, duration));
    if (reply.status != 200)
        qWarning("setOverride failed: %s", reply.describe().constData());
    return reply.dataObject().value(u"overrideId").toString();
}

void softDeleteNamespace(ApiHarness &h, const QString &id)
{
    const auto status = h.server().database().write([&]() -> Latchkey::Core::Status {
        QSqlQuery query
            = h.server().database().prepare(u"UPDATE ratelimit_namespaces SET deleted_at = 1 WHERE id = ?"_s);
        query.addBindValue(id);
        query.exec();
        return {};
    });
    QVERIFY(status.ok());
}

} // namespace

/// ratelimit.setOverride, getOverride, listOverrides and deleteOverride.
class TestOverrides : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setAndGet();
    void setUpserts();
    void setValidation_data();
    void setValidation();
    void setNamespaceNotFound();
    void setNeedsPermission();
    void unknownRootKeyIs401_data();
    void unknownRootKeyIs401();
    void getIsExact();
    void getErrors();
    void getValidation_data();
    void getValidation();
    void listPaginates();
    void listEmptyAndErrors();
    void listValidation_data();
    void listValidation();
    void deleteSoftDeletes();
    void deleteErrors();
    void deleteValidation_data();
    void deleteValidation();
    void workspacesAreIsolated();
};

void TestOverrides::setAndGet()
{
    ApiHarness h;
    const QString nsId = createNamespace(h, u"api.requests"_s);
    const ApiReply set
        = h.call(u"ratelimit.setOverride"_s, setBody(u"api.requests"_s, u"premium_user_123"_s, 1000, 120'000));
    QVERIFY2(set.status == 200, set.describe().constData());
    const QString overrideId = set.dataObject().value(u"overrideId").toString();
    QVERIFY(overrideId.startsWith(u"rlor_"));
    QCOMPARE(set.dataObject().keys(), QStringList {u"overrideId"_s});

    for (const QString &ref : {u"api.requests"_s, nsId}) {
        const ApiReply get = h.call(u"ratelimit.getOverride"_s, key(ref, u"premium_user_123"_s));
        QVERIFY2(get.status == 200, get.describe().constData());
        const QJsonObject expected {{u"overrideId"_s, overrideId}, {u"duration"_s, 120'000},
            {u"identifier"_s, u"premium_user_123"_s}, {u"limit"_s, 1000}};
        QCOMPARE(get.dataObject(), expected);
    }

    QCOMPARE(auditCount(h, u"ratelimit.set_override"_s), 1);
    QSqlQuery audit = h.server().database().prepare(
        u"SELECT description, targets, workspace_id FROM audit_logs WHERE event = 'ratelimit.set_override'"_s);
    QVERIFY(audit.exec() && audit.next());
    QCOMPARE(audit.value(0).toString(), u"Set ratelimit override for %1 and premium_user_123"_s.arg(nsId));
    QVERIFY(audit.value(1).toString().contains(overrideId));
    QCOMPARE(audit.value(2).toString(), h.workspaceId());
}

void TestOverrides::setUpserts()
{
    ApiHarness h;
    const QString nsId = createNamespace(h, u"api"_s);
    const QString first = setOverride(h, u"api"_s, u"user"_s, 5);
    const QString second = setOverride(h, nsId, u"user"_s, 0, 5000); // by id, limit 0 allowed
    QCOMPARE(second, first);
    QCOMPARE(liveOverrides(h), 1);
    const QJsonObject got = h.call(u"ratelimit.getOverride"_s, key(u"api"_s, u"user"_s)).dataObject();
    QCOMPARE(got.value(u"limit").toInt(), 0);
    QCOMPARE(got.value(u"duration").toInt(), 5000);
    QCOMPARE(auditCount(h, u"ratelimit.set_override"_s), 2);
}

void TestOverrides::setValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    const QJsonObject valid = setBody(u"api"_s, u"user"_s, 5);
    const auto without = [&](const QString &field) {
        QJsonObject body = valid;
        body.remove(field);
        return body;
    };
    const auto with = [&](const QString &field, const QJsonValue &value) {
        QJsonObject body = valid;
        body.insert(field, value);
        return body;
    };
    QTest::newRow("missing namespace") << without(u"namespace"_s) << u"body.namespace"_s;
    QTest::newRow("empty namespace") << with(u"namespace"_s, u""_s) << u"body.namespace"_s;
    QTest::newRow("namespace too long") << with(u"namespace"_s, QString(513, u'n')) << u"body.namespace"_s;
    QTest::newRow("missing identifier") << without(u"identifier"_s) << u"body.identifier"_s;
    QTest::newRow("identifier too long") << with(u"identifier"_s, QString(513, u'i')) << u"body.identifier"_s;
    QTest::newRow("missing limit") << without(u"limit"_s) << u"body.limit"_s;
    QTest::newRow("negative limit") << with(u"limit"_s, -1) << u"body.limit"_s;
    QTest::newRow("missing duration") << without(u"duration"_s) << u"body.duration"_s;
    QTest::newRow("duration too short") << with(u"duration"_s, 999) << u"body.duration"_s;
    QTest::newRow("duration not a number") << with(u"duration"_s, u"1m"_s) << u"body.duration"_s;
    QTest::newRow("unknown field") << with(u"async"_s, true) << u"body.async"_s;
    QTest::newRow("namespaceId (stale docs)") << with(u"namespaceId"_s, u"rlns_x"_s) << u"body.namespaceId"_s;
}

void TestOverrides::setValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    createNamespace(h, u"api"_s);
    const ApiReply reply = h.call(u"ratelimit.setOverride"_s, body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(hasErrorAt(reply, location), reply.describe().constData());
    QCOMPARE(liveOverrides(h), 0);
    QCOMPARE(auditCount(h, u"ratelimit.set_override"_s), 0);
}

void TestOverrides::setNamespaceNotFound()
{
    ApiHarness h;
    const ApiReply missing = h.call(u"ratelimit.setOverride"_s, setBody(u"nope"_s, u"user"_s, 5));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorType(), NotFoundNamespace);
    QCOMPARE(missing.detail(), u"This namespace does not exist."_s);
    QCOMPARE(count(h, u"SELECT count(*) FROM ratelimit_namespaces"_s), 0); // setOverride never creates one

    const QString nsId = createNamespace(h, u"doomed"_s);
    softDeleteNamespace(h, nsId);
    QCOMPARE(h.call(u"ratelimit.setOverride"_s, setBody(u"doomed"_s, u"user"_s, 5)).status, 404);
    QCOMPARE(h.call(u"ratelimit.setOverride"_s, setBody(nsId, u"user"_s, 5)).status, 404);
    QCOMPARE(liveOverrides(h), 0);
    QCOMPARE(auditCount(h, u"ratelimit.set_override"_s), 0);
}

void TestOverrides::setNeedsPermission()
{
    ApiHarness h;
    const QString nsId = createNamespace(h, u"api"_s);
    const QString readOnly = h.createRootKey({u"ratelimit.*.read_override"_s, u"ratelimit.*.limit"_s});
    const ApiReply denied = h.call(u"ratelimit.setOverride"_s, setBody(u"api"_s, u"user"_s, 5), readOnly);
    QCOMPARE(denied.status, 403);
    QVERIFY2(denied.detail().contains(u"'ratelimit.*.set_override'"_s), denied.describe().constData());
    QVERIFY2(denied.detail().contains(u"'ratelimit.%1.set_override'"_s.arg(nsId)), denied.describe().constData());
    QCOMPARE(liveOverrides(h), 0);
    QCOMPARE(auditCount(h, u"ratelimit.set_override"_s), 0);

    const QString scoped = h.createRootKey({u"ratelimit.%1.set_override"_s.arg(nsId)});
    QCOMPARE(h.call(u"ratelimit.setOverride"_s, setBody(u"api"_s, u"user"_s, 5), scoped).status, 200);
    const QString otherNs = createNamespace(h, u"other"_s);
    QCOMPARE(h.call(u"ratelimit.setOverride"_s, setBody(otherNs, u"user"_s, 5), scoped).status, 403);
}

void TestOverrides::unknownRootKeyIs401_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("body");
    QTest::newRow("set") << u"ratelimit.setOverride"_s << setBody(u"api"_s, u"user"_s, 5);
    QTest::newRow("get") << u"ratelimit.getOverride"_s << key(u"api"_s, u"user"_s);
    QTest::newRow("list") << u"ratelimit.listOverrides"_s << QJsonObject {{u"namespace"_s, u"api"_s}};
    QTest::newRow("delete") << u"ratelimit.deleteOverride"_s << key(u"api"_s, u"user"_s);
}

void TestOverrides::unknownRootKeyIs401()
{
    QFETCH(QString, route);
    QFETCH(QJsonObject, body);
    ApiHarness h;
    createNamespace(h, u"api"_s);
    setOverride(h, u"api"_s, u"user"_s, 5);
    const ApiReply reply = h.call(route, body, u"lkroot_unknown"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(liveOverrides(h), 1);
    QCOMPARE(h.call(u"ratelimit.getOverride"_s, key(u"api"_s, u"user"_s)).dataObject().value(u"limit").toInt(), 5);
}

void TestOverrides::getIsExact()
{
    ApiHarness h;
    createNamespace(h, u"api"_s);
    const QString pattern = setOverride(h, u"api"_s, u"premium_*"_s, 50);
    QCOMPARE(
        h.call(u"ratelimit.getOverride"_s, key(u"api"_s, u"premium_*"_s)).dataObject().value(u"overrideId").toString(),
        pattern);
    // A concrete identifier does not find the wildcard override that would apply to it.
    const ApiReply concrete = h.call(u"ratelimit.getOverride"_s, key(u"api"_s, u"premium_1"_s));
    QCOMPARE(concrete.status, 404);
    QCOMPARE(concrete.errorType(), NotFoundOverride);
    QCOMPARE(concrete.detail(), u"This override does not exist."_s);
    QCOMPARE(h.call(u"ratelimit.getOverride"_s, key(u"api"_s, u"PREMIUM_*"_s)).status, 404); // case-sensitive
}

void TestOverrides::getErrors()
{
    ApiHarness h;
    QCOMPARE(h.call(u"ratelimit.getOverride"_s, key(u"missing"_s, u"user"_s)).errorType(), NotFoundNamespace);
    const QString nsId = createNamespace(h, u"api"_s);
    setOverride(h, u"api"_s, u"user"_s, 5);

    const QString noRead = h.createRootKey({u"ratelimit.*.set_override"_s});
    const ApiReply denied = h.call(u"ratelimit.getOverride"_s, key(u"api"_s, u"user"_s), noRead);
    QCOMPARE(denied.status, 403);
    QVERIFY2(denied.detail().contains(u"'ratelimit.*.read_override'"_s), denied.describe().constData());
    QVERIFY2(denied.detail().contains(u"'ratelimit.%1.read_override'"_s.arg(nsId)), denied.describe().constData());
    const QString scoped = h.createRootKey({u"ratelimit.%1.read_override"_s.arg(nsId)});
    QCOMPARE(h.call(u"ratelimit.getOverride"_s, key(u"api"_s, u"user"_s), scoped).status, 200);

    softDeleteNamespace(h, nsId);
    const ApiReply gone = h.call(u"ratelimit.getOverride"_s, key(u"api"_s, u"user"_s));
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.errorType(), NotFoundNamespace);
}

void TestOverrides::getValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("missing namespace") << QJsonObject {{u"identifier"_s, u"u"_s}} << u"body.namespace"_s;
    QTest::newRow("missing identifier") << QJsonObject {{u"namespace"_s, u"api"_s}} << u"body.identifier"_s;
    QTest::newRow("empty identifier") << key(u"api"_s, u""_s) << u"body.identifier"_s;
    QTest::newRow("identifier too long") << key(u"api"_s, QString(513, u'i')) << u"body.identifier"_s;
    QTest::newRow("namespace not a string")
        << QJsonObject {{u"namespace"_s, 5}, {u"identifier"_s, u"u"_s}} << u"body.namespace"_s;
    QJsonObject extra = key(u"api"_s, u"u"_s);
    extra.insert(u"limit"_s, 5);
    QTest::newRow("unknown field") << extra << u"body.limit"_s;
}

void TestOverrides::getValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    const ApiReply reply = h.call(u"ratelimit.getOverride"_s, body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(hasErrorAt(reply, location), reply.describe().constData());
}

void TestOverrides::listPaginates()
{
    ApiHarness h;
    createNamespace(h, u"api"_s);
    QStringList ids;
    for (int i = 0; i < 23; ++i)
        ids.append(setOverride(h, u"api"_s, u"user_%1"_s.arg(i), i));
    const QString deleted = ids.takeAt(5);
    QCOMPARE(h.call(u"ratelimit.deleteOverride"_s, key(u"api"_s, u"user_5"_s)).status, 200);
    ids.sort();

    QStringList seen;
    QString cursor;
    int pages = 0;
    do {
        QJsonObject body {{u"namespace"_s, u"api"_s}};
        if (!cursor.isEmpty())
            body.insert(u"cursor"_s, cursor);
        const ApiReply page = h.call(u"ratelimit.listOverrides"_s, body);
        QVERIFY2(page.status == 200, page.describe().constData());
        const QJsonArray data = page.dataArray();
        const bool hasMore = page.pagination().value(u"hasMore").toBool();
        QCOMPARE(data.size(), qsizetype(hasMore ? 10 : 2));
        for (const QJsonValue &item : data) {
            QCOMPARE(item.toObject().keys().size(), qsizetype(4));
            seen.append(item.toObject().value(u"overrideId").toString());
        }
        QCOMPARE(page.pagination().contains(u"cursor"), hasMore);
        cursor = page.pagination().value(u"cursor").toString();
        if (hasMore)
            QCOMPARE(cursor, ids.at(seen.size())); // the first id of the next page
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen, ids);
    QVERIFY(!seen.contains(deleted));

    const ApiReply small
        = h.call(u"ratelimit.listOverrides"_s, QJsonObject {{u"namespace"_s, u"api"_s}, {u"limit"_s, 22}});
    QCOMPARE(small.dataArray().size(), qsizetype(22));
    QCOMPARE(small.pagination(), (QJsonObject {{u"hasMore"_s, false}}));
    const QJsonObject first = small.dataArray().first().toObject();
    QCOMPARE(first.value(u"overrideId").toString(), ids.first());
}

void TestOverrides::listEmptyAndErrors()
{
    ApiHarness h;
    const QString nsId = createNamespace(h, u"api"_s);
    const ApiReply empty = h.call(u"ratelimit.listOverrides"_s, QJsonObject {{u"namespace"_s, nsId}});
    QCOMPARE(empty.status, 200);
    QCOMPARE(empty.dataArray(), QJsonArray());
    QCOMPARE(empty.pagination(), (QJsonObject {{u"hasMore"_s, false}}));

    const ApiReply missing = h.call(u"ratelimit.listOverrides"_s, QJsonObject {{u"namespace"_s, u"nope"_s}});
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorType(), NotFoundNamespace);

    const QString noRead = h.createRootKey({u"ratelimit.*.limit"_s});
    const ApiReply denied = h.call(u"ratelimit.listOverrides"_s, QJsonObject {{u"namespace"_s, u"api"_s}}, noRead);
    QCOMPARE(denied.status, 403);
    QVERIFY2(denied.detail().contains(u"'ratelimit.*.read_override'"_s), denied.describe().constData());
    const QString scoped = h.createRootKey({u"ratelimit.%1.read_override"_s.arg(nsId)});
    QCOMPARE(h.call(u"ratelimit.listOverrides"_s, QJsonObject {{u"namespace"_s, u"api"_s}}, scoped).status, 200);

    softDeleteNamespace(h, nsId);
    QCOMPARE(h.call(u"ratelimit.listOverrides"_s, QJsonObject {{u"namespace"_s, u"api"_s}}).status, 404);
}

void TestOverrides::listValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("missing namespace") << QJsonObject {{u"limit"_s, 5}} << u"body.namespace"_s;
    QTest::newRow("limit zero") << QJsonObject {{u"namespace"_s, u"api"_s}, {u"limit"_s, 0}} << u"body.limit"_s;
    QTest::newRow("limit 101") << QJsonObject {{u"namespace"_s, u"api"_s}, {u"limit"_s, 101}} << u"body.limit"_s;
    QTest::newRow("cursor not a string") << QJsonObject {{u"namespace"_s, u"api"_s}, {u"cursor"_s, 1}}
                                         << u"body.cursor"_s;
    QTest::newRow("unknown field") << QJsonObject {{u"namespace"_s, u"api"_s}, {u"page"_s, 1}} << u"body.page"_s;
}

void TestOverrides::listValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    createNamespace(h, u"api"_s);
    const ApiReply reply = h.call(u"ratelimit.listOverrides"_s, body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(hasErrorAt(reply, location), reply.describe().constData());
}

void TestOverrides::deleteSoftDeletes()
{
    ApiHarness h;
    const QString nsId = createNamespace(h, u"api"_s);
    const QString overrideId = setOverride(h, u"api"_s, u"user_*"_s, 5);
    const ApiReply reply = h.call(u"ratelimit.deleteOverride"_s, key(u"api"_s, u"user_*"_s));
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataObject(), QJsonObject());
    QVERIFY(reply.data().isObject());

    QCOMPARE(h.call(u"ratelimit.getOverride"_s, key(u"api"_s, u"user_*"_s)).status, 404);
    QCOMPARE(
        count(h, u"SELECT count(*) FROM ratelimit_overrides WHERE id = ? AND deleted_at IS NOT NULL"_s, {overrideId}),
        1);
    QCOMPARE(auditCount(h, u"ratelimit.delete_override"_s), 1);
    QSqlQuery audit = h.server().database().prepare(
        u"SELECT description, targets FROM audit_logs WHERE event = 'ratelimit.delete_override'"_s);
    QVERIFY(audit.exec() && audit.next());
    QCOMPARE(audit.value(0).toString(), u"Deleted override %1."_s.arg(overrideId));
    QVERIFY(audit.value(1).toString().contains(nsId));

    // Deleting again is a 404 and writes nothing; setting again creates a new override.
    const ApiReply again = h.call(u"ratelimit.deleteOverride"_s, key(u"api"_s, u"user_*"_s));
    QCOMPARE(again.status, 404);
    QCOMPARE(again.errorType(), NotFoundOverride);
    QCOMPARE(auditCount(h, u"ratelimit.delete_override"_s), 1);
    const QString recreated = setOverride(h, u"api"_s, u"user_*"_s, 6);
    QVERIFY(!recreated.isEmpty());
    QVERIFY(recreated != overrideId);
}

void TestOverrides::deleteErrors()
{
    ApiHarness h;
    QCOMPARE(h.call(u"ratelimit.deleteOverride"_s, key(u"missing"_s, u"user"_s)).errorType(), NotFoundNamespace);
    const QString nsId = createNamespace(h, u"api"_s);
    setOverride(h, u"api"_s, u"user"_s, 5);

    const QString noDelete = h.createRootKey({u"ratelimit.*.set_override"_s, u"ratelimit.*.read_override"_s});
    const ApiReply denied = h.call(u"ratelimit.deleteOverride"_s, key(u"api"_s, u"user"_s), noDelete);
    QCOMPARE(denied.status, 403);
    QVERIFY2(denied.detail().contains(u"'ratelimit.*.delete_override'"_s), denied.describe().constData());
    QVERIFY2(denied.detail().contains(u"'ratelimit.%1.delete_override'"_s.arg(nsId)), denied.describe().constData());
    QCOMPARE(liveOverrides(h), 1);
    QCOMPARE(auditCount(h, u"ratelimit.delete_override"_s), 0);

    // Wildcards are literal here: "u*" names no override even though it would match "user".
    QCOMPARE(h.call(u"ratelimit.deleteOverride"_s, key(u"api"_s, u"u*"_s)).errorType(), NotFoundOverride);
    QCOMPARE(liveOverrides(h), 1);

    const QString scoped = h.createRootKey({u"ratelimit.%1.delete_override"_s.arg(nsId)});
    QCOMPARE(h.call(u"ratelimit.deleteOverride"_s, key(nsId, u"user"_s), scoped).status, 200);
    QCOMPARE(liveOverrides(h), 0);
}

void TestOverrides::deleteValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("missing namespace") << QJsonObject {{u"identifier"_s, u"u"_s}} << u"body.namespace"_s;
    QTest::newRow("missing identifier") << QJsonObject {{u"namespace"_s, u"api"_s}} << u"body.identifier"_s;
    QTest::newRow("empty namespace") << key(u""_s, u"user"_s) << u"body.namespace"_s;
    QTest::newRow("identifier null") << QJsonObject {{u"namespace"_s, u"api"_s}, {u"identifier"_s, QJsonValue::Null}}
                                     << u"body.identifier"_s;
    QJsonObject extra = key(u"api"_s, u"user"_s);
    extra.insert(u"permanent"_s, true);
    QTest::newRow("unknown field") << extra << u"body.permanent"_s;
}

void TestOverrides::deleteValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    createNamespace(h, u"api"_s);
    setOverride(h, u"api"_s, u"user"_s, 5);
    const ApiReply reply = h.call(u"ratelimit.deleteOverride"_s, body);
    QCOMPARE(reply.status, 400);
    QVERIFY2(hasErrorAt(reply, location), reply.describe().constData());
    QCOMPARE(liveOverrides(h), 1);
}

void TestOverrides::workspacesAreIsolated()
{
    ApiHarness h;
    const QString mine = createNamespace(h, u"shared"_s);
    const QString overrideId = setOverride(h, u"shared"_s, u"user"_s, 5);
    QVERIFY(!overrideId.isEmpty());
    const QString other = h.otherRootKey();

    // The other workspace sees neither the namespace (by id) nor, under the same name, anything
    // until it creates its own.
    QCOMPARE(h.call(u"ratelimit.getOverride"_s, key(mine, u"user"_s), other).errorType(), NotFoundNamespace);
    QCOMPARE(h.call(u"ratelimit.listOverrides"_s, QJsonObject {{u"namespace"_s, mine}}, other).status, 404);
    QCOMPARE(h.call(u"ratelimit.setOverride"_s, setBody(mine, u"user"_s, 1), other).status, 404);
    QCOMPARE(h.call(u"ratelimit.deleteOverride"_s, key(mine, u"user"_s), other).status, 404);
    QCOMPARE(h.call(u"ratelimit.getOverride"_s, key(u"shared"_s, u"user"_s), other).status, 404);

    createNamespace(h, u"shared"_s, other);
    QCOMPARE(h.call(u"ratelimit.getOverride"_s, key(u"shared"_s, u"user"_s), other).errorType(), NotFoundOverride);
    QCOMPARE(
        h.call(u"ratelimit.listOverrides"_s, QJsonObject {{u"namespace"_s, u"shared"_s}}, other).dataArray().size(),
        qsizetype(0));
    QCOMPARE(h.call(u"ratelimit.deleteOverride"_s, key(u"shared"_s, u"user"_s), other).status, 404);

    // Nothing of this workspace changed.
    QCOMPARE(liveOverrides(h), 1);
    QCOMPARE(h.call(u"ratelimit.getOverride"_s, key(u"shared"_s, u"user"_s)).dataObject().value(u"limit").toInt(), 5);
}

QTEST_GUILESS_MAIN(TestOverrides)
#include "tst_overrides.moc"

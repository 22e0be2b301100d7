#include "support/apiharness.h"

#include "core/memoryeventsink.h"
#include "store/database.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::ApiHarness;
using Latchkey::Test::ApiReply;

namespace {

constexpr qint64 Minute = 60'000;

QJsonObject limitBody(const QString &ns, const QString &identifier, qint64 limit, qint64 duration = Minute)
{
    return QJsonObject {
        {u"namespace"_s, ns}, {u"identifier"_s, identifier}, {u"limit"_s, limit}, {u"duration"_s, duration}};
}

QJsonObject withCost(QJsonObject body, qint64 cost)
{
    body.insert(u"cost"_s, cost);
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

qint64 scalar(ApiHarness &h, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery query = h.server().database().prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QString namespaceId(ApiHarness &h, const QString &name, const QString &workspaceId)
{
    QSqlQuery query
        = h.server().database().prepare(u"SELECT id FROM ratelimit_namespaces WHERE workspace_id = ? AND name = ?"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(name);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

int auditCount(ApiHarness &h, const QString &event)
{
    return int(scalar(h, u"SELECT count(*) FROM audit_logs WHERE event = ?"_s, {event}));
}

int namespaceCount(ApiHarness &h)
{
    return int(scalar(h, u"SELECT count(*) FROM ratelimit_namespaces"_s));
}

// Soft-deletes through Database::write(), as an admin tool would: the commit invalidates caches.
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

QString setOverride(ApiHarness &h, const QString &ns, const QString &identifier, qint64 limit, qint64 duration)
{
    const ApiReply reply = h.call(u"ratelimit.setOverride"_s,
        QJsonObject {
            {u"namespace"_s, ns}, {u"identifier"_s, identifier}, {u"limit"_s, limit}, {u"duration"_s, duration}});
    if (reply.status != 200)
        qWarning("setOverride failed: %s", reply.describe().constData());
    return reply.dataObject().value(u"overrideId").toString();
}

} // namespace

/// ratelimit.limit and ratelimit.multiLimit: decisions, namespaces, overrides, permissions.
class TestRatelimit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void limitSucceedsAndCreatesNamespace();
    void limitExhaustsAndSlidesAcrossWindows();
    void costZeroAndCustomCost();
    void namespaceByIdOrName();
    void limitValidation_data();
    void limitValidation();
    void limitUnknownRootKeyIs401();
    void missingNamespaceNeedsCreatePermission();
    void limitNeedsLimitPermission();
    void softDeletedNamespaceIs410();
    void workspacesAreIsolated();
    void exactOverrideReplacesLimitAndDuration();
    void wildcardOverride();
    void overridePrecedence();
    void limitZeroOverrideBlocks();
    void overrideChangesAreSeenAtOnce();
    void eventsArePublished();
    void concurrentLimitsNeverOverspend();
    void multiLimitSucceeds();
    void multiLimitIsAllOrNothing();
    void multiLimitAppliesOverrides();
    void multiLimitValidation_data();
    void multiLimitValidation();
    void multiLimitPermissions();
    void multiLimitUnknownRootKeyIs401();
    void multiLimitSoftDeletedNamespaceIs410();
};

void TestRatelimit::limitSucceedsAndCreatesNamespace()
{
    ApiHarness h;
    const qint64 now = h.clock().nowMs();
    const ApiReply reply = h.call(u"ratelimit.limit"_s, limitBody(u"sms.sign_up"_s, u"user_1"_s, 10));
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject expected {
        {u"success"_s, true}, {u"limit"_s, 10}, {u"remaining"_s, 9}, {u"reset"_s, (now / Minute + 1) * Minute}};
    QCOMPARE(reply.dataObject(), expected);
    QVERIFY(!reply.body.contains(u"pagination"));

    const QString id = namespaceId(h, u"sms.sign_up"_s, h.workspaceId());
    QVERIFY(id.startsWith(u"rlns_"));
    QCOMPARE(auditCount(h, u"ratelimitNamespace.create"_s), 1);
    QSqlQuery audit = h.server().database().prepare(
        u"SELECT description, workspace_id, targets, actor_type FROM audit_logs WHERE event = 'ratelimitNamespace.create'"_s);
    QVERIFY(audit.exec() && audit.next());
    QCOMPARE(audit.value(0).toString(), u"Created ratelimit namespace sms.sign_up"_s);
    QCOMPARE(audit.value(1).toString(), h.workspaceId());
    QVERIFY(audit.value(2).toString().contains(id));
    QCOMPARE(audit.value(3).toString(), u"rootkey"_s);

    // The second call finds the namespace: no new namespace, no new audit row.
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"sms.sign_up"_s, u"user_1"_s, 10))
                 .dataObject()
                 .value(u"remaining")
                 .toInt(),
        8);
    QCOMPARE(namespaceCount(h), 1);
    QCOMPARE(auditCount(h, u"ratelimitNamespace.create"_s), 1);
}

void TestRatelimit::limitExhaustsAndSlidesAcrossWindows()
{
    ApiHarness h;
    const qint64 windowEnd = (h.clock().nowMs() / Minute + 1) * Minute;
    h.clock().setNowMs(windowEnd - Minute); // start of the window: nothing of the previous one counts
    const auto limit = [&] {
        return h.call(u"ratelimit.limit"_s, limitBody(u"api"_s, u"u"_s, 3)).dataObject();
    };
    QCOMPARE(limit().value(u"remaining").toInt(), 2);
    QCOMPARE(limit().value(u"remaining").toInt(), 1);
    QCOMPARE(limit().value(u"remaining").toInt(), 0);
    const QJsonObject denied = limit();
    QCOMPARE(denied.value(u"success").toBool(), false);
    QCOMPARE(denied.value(u"remaining").toInt(), 0);
    QCOMPARE(denied.value(u"limit").toInt(), 3);
    QCOMPARE(denied.value(u"reset").toInteger(), windowEnd);

    // At the start of the next window the previous one still counts fully: 0 + 3 + 1 > 3.
    h.clock().setNowMs(windowEnd);
    QCOMPARE(limit().value(u"success").toBool(), false);
    // Half way through, half of it counts: 0 + trunc(3 * 0.5) + 1 = 2 <= 3.
    h.clock().setNowMs(windowEnd + Minute / 2);
    const QJsonObject slid = limit();
    QCOMPARE(slid.value(u"success").toBool(), true);
    QCOMPARE(slid.value(u"remaining").toInt(), 1);
    QCOMPARE(slid.value(u"reset").toInteger(), windowEnd + Minute);
    // Two windows later everything has expired.
    h.clock().setNowMs(windowEnd + 2 * Minute);
    QCOMPARE(limit().value(u"remaining").toInt(), 2);
}

void TestRatelimit::costZeroAndCustomCost()
{
    ApiHarness h;
    const auto limit = [&](qint64 cost) {
        return h.call(u"ratelimit.limit"_s, withCost(limitBody(u"api"_s, u"u"_s, 10), cost)).dataObject();
    };
    QCOMPARE(limit(0).value(u"remaining").toInt(), 10); // checks without consuming
    QCOMPARE(limit(0).value(u"remaining").toInt(), 10);
    QCOMPARE(limit(5).value(u"remaining").toInt(), 5);
    const QJsonObject tooExpensive = limit(6);
    QCOMPARE(tooExpensive.value(u"success").toBool(), false);
    QCOMPARE(tooExpensive.value(u"remaining").toInt(), 0);
    QCOMPARE(limit(5).value(u"remaining").toInt(), 0); // the denied cost 6 consumed nothing
    const QJsonObject full = limit(0);
    QCOMPARE(full.value(u"success").toBool(), true); // cost 0 passes while count <= limit
    QCOMPARE(full.value(u"remaining").toInt(), 0);
    QCOMPARE(limit(1).value(u"success").toBool(), false);
}

void TestRatelimit::namespaceByIdOrName()
{
    ApiHarness h;
    QCOMPARE(
        h.call(u"ratelimit.limit"_s, limitBody(u"by.name"_s, u"u"_s, 5)).dataObject().value(u"remaining").toInt(), 4);
    const QString id = namespaceId(h, u"by.name"_s, h.workspaceId());
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(id, u"u"_s, 5)).dataObject().value(u"remaining").toInt(), 3);
    QCOMPARE(namespaceCount(h), 1);
    // Names are free-form within the length bounds.
    const QString odd = u"名前 with spaces/and:symbols*"_s;
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(odd, u"u"_s, 5)).status, 200);
    QVERIFY(!namespaceId(h, odd, h.workspaceId()).isEmpty());
}

void TestRatelimit::limitValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    const QJsonObject valid = limitBody(u"ns"_s, u"u"_s, 10);
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
    QTest::newRow("empty identifier") << with(u"identifier"_s, u""_s) << u"body.identifier"_s;
    QTest::newRow("identifier too long") << with(u"identifier"_s, QString(513, u'i')) << u"body.identifier"_s;
    QTest::newRow("missing limit") << without(u"limit"_s) << u"body.limit"_s;
    QTest::newRow("limit zero") << with(u"limit"_s, 0) << u"body.limit"_s;
    QTest::newRow("limit as string") << with(u"limit"_s, u"10"_s) << u"body.limit"_s;
    QTest::newRow("limit fractional") << with(u"limit"_s, 1.5) << u"body.limit"_s;
    QTest::newRow("missing duration") << without(u"duration"_s) << u"body.duration"_s;
    QTest::newRow("duration too short") << with(u"duration"_s, 999) << u"body.duration"_s;
    QTest::newRow("duration too long") << with(u"duration"_s, 2'592'000'001LL) << u"body.duration"_s;
    QTest::newRow("negative cost") << with(u"cost"_s, -1) << u"body.cost"_s;
    QTest::newRow("null cost") << with(u"cost"_s, QJsonValue::Null) << u"body.cost"_s;
    QTest::newRow("unknown field") << with(u"async"_s, true) << u"body.async"_s;
}

void TestRatelimit::limitValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    const ApiReply reply = h.call(u"ratelimit.limit"_s, body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/application/invalid_input"_s);
    QVERIFY2(hasErrorAt(reply, location), reply.describe().constData());
    QCOMPARE(namespaceCount(h), 0);
    QCOMPARE(auditCount(h, u"ratelimitNamespace.create"_s), 0);
    QCOMPARE(h.server().events().ratelimits().size(), qsizetype(0));
}

void TestRatelimit::limitUnknownRootKeyIs401()
{
    ApiHarness h;
    const ApiReply reply = h.call(u"ratelimit.limit"_s, limitBody(u"ns"_s, u"u"_s, 1), u"lkroot_unknown"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(namespaceCount(h), 0);
}

void TestRatelimit::missingNamespaceNeedsCreatePermission()
{
    ApiHarness h;
    const QString limitOnly = h.createRootKey({u"ratelimit.*.limit"_s});
    const ApiReply reply = h.call(u"ratelimit.limit"_s, limitBody(u"new.ns"_s, u"u"_s, 1), limitOnly);
    QCOMPARE(reply.status, 403);
    QVERIFY2(reply.detail().contains(u"'ratelimit.*.create_namespace'"_s), reply.describe().constData());
    QCOMPARE(namespaceCount(h), 0);
    QCOMPARE(auditCount(h, u"ratelimitNamespace.create"_s), 0);
    QCOMPARE(h.server().events().ratelimits().size(), qsizetype(0));

    // Creating alone is not enough either: the limit needs 'ratelimit.*.limit' (no id of a
    // namespace that does not exist yet can be granted), and nothing is created before that holds.
    const QString createOnly = h.createRootKey({u"ratelimit.*.create_namespace"_s});
    const ApiReply createDenied = h.call(u"ratelimit.limit"_s, limitBody(u"new.ns"_s, u"u"_s, 1), createOnly);
    QCOMPARE(createDenied.status, 403);
    QVERIFY2(createDenied.detail().contains(u"'ratelimit.*.limit'"_s), createDenied.describe().constData());
    QVERIFY2(!createDenied.detail().contains(u"create_namespace"_s), createDenied.describe().constData());
    QCOMPARE(namespaceCount(h), 0);
    QCOMPARE(auditCount(h, u"ratelimitNamespace.create"_s), 0);

    // Once the namespace exists, the limit permission alone is enough.
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"new.ns"_s, u"u"_s, 1)).status, 200);
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"new.ns"_s, u"v"_s, 1), limitOnly).status, 200);
}

void TestRatelimit::limitNeedsLimitPermission()
{
    ApiHarness h;
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"ns"_s, u"u"_s, 5)).status, 200);
    const QString id = namespaceId(h, u"ns"_s, h.workspaceId());

    const QString readOnly = h.createRootKey({u"ratelimit.*.read_override"_s, u"ratelimit.*.create_namespace"_s});
    const ApiReply denied = h.call(u"ratelimit.limit"_s, limitBody(u"ns"_s, u"u"_s, 5), readOnly);
    QCOMPARE(denied.status, 403);
    QCOMPARE(denied.error().value(u"title").toString(), u"Insufficient Permissions"_s);
    QVERIFY2(denied.detail().contains(u"'ratelimit.*.limit'"_s), denied.describe().constData());
    QVERIFY2(denied.detail().contains(u"'ratelimit.%1.limit'"_s.arg(id)), denied.describe().constData());
    // A denied request consumed nothing.
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"ns"_s, u"u"_s, 5)).dataObject().value(u"remaining").toInt(), 3);

    const QString otherNamespaceOnly = h.createRootKey({u"ratelimit.rlns_other.limit"_s});
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"ns"_s, u"u"_s, 5), otherNamespaceOnly).status, 403);

    const QString thisNamespaceOnly = h.createRootKey({u"ratelimit.%1.limit"_s.arg(id)});
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"ns"_s, u"u"_s, 5), thisNamespaceOnly).status, 200);
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(id, u"u"_s, 5), thisNamespaceOnly).status, 200);
}

void TestRatelimit::softDeletedNamespaceIs410()
{
    ApiHarness h;
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"doomed"_s, u"u"_s, 5)).status, 200);
    const QString id = namespaceId(h, u"doomed"_s, h.workspaceId());
    softDeleteNamespace(h, id);
    for (const QString &ref : {u"doomed"_s, id}) {
        const ApiReply reply = h.call(u"ratelimit.limit"_s, limitBody(ref, u"u"_s, 5));
        QCOMPARE(reply.status, 410);
        QCOMPARE(reply.error().value(u"title").toString(), u"Resource Gone"_s);
        QCOMPARE(reply.detail(), u"This namespace has been deleted. Contact support to restore."_s);
        QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/data/ratelimit_namespace_gone"_s);
    }
    QCOMPARE(namespaceCount(h), 1); // not re-created under the same name
}

void TestRatelimit::workspacesAreIsolated()
{
    ApiHarness h;
    QCOMPARE(
        h.call(u"ratelimit.limit"_s, limitBody(u"shared"_s, u"u"_s, 1)).dataObject().value(u"success").toBool(), true);
    QCOMPARE(
        h.call(u"ratelimit.limit"_s, limitBody(u"shared"_s, u"u"_s, 1)).dataObject().value(u"success").toBool(), false);

    // Same name in the other workspace: its own namespace and its own counter.
    const ApiReply other = h.call(u"ratelimit.limit"_s, limitBody(u"shared"_s, u"u"_s, 1), h.otherRootKey());
    QCOMPARE(other.dataObject().value(u"success").toBool(), true);
    const QString mine = namespaceId(h, u"shared"_s, h.workspaceId());
    const QString theirs = namespaceId(h, u"shared"_s, h.otherWorkspaceId());
    QVERIFY(!theirs.isEmpty());
    QVERIFY(mine != theirs);

    // The other workspace cannot reach this namespace by id: it gets a namespace of its own
    // named like the id, with a fresh counter.
    const ApiReply byId = h.call(u"ratelimit.limit"_s, limitBody(mine, u"u"_s, 1), h.otherRootKey());
    QCOMPARE(byId.dataObject().value(u"success").toBool(), true);
    QVERIFY(!namespaceId(h, mine, h.otherWorkspaceId()).isEmpty());
    QCOMPARE(
        h.call(u"ratelimit.limit"_s, limitBody(u"shared"_s, u"u"_s, 1)).dataObject().value(u"success").toBool(), false);

    // Soft-deleting one workspace's namespace leaves the other's alone.
    softDeleteNamespace(h, mine);
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"shared"_s, u"v"_s, 1)).status, 410);
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"shared"_s, u"v"_s, 1), h.otherRootKey()).status, 200);
}

void TestRatelimit::exactOverrideReplacesLimitAndDuration()
{
    ApiHarness h;
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"api"_s, u"someone"_s, 100)).status, 200);
    const QString overrideId = setOverride(h, u"api"_s, u"vip"_s, 2, 10'000);
    QVERIFY(overrideId.startsWith(u"rlor_"));
    const qint64 now = h.clock().nowMs();
    const ApiReply reply = h.call(u"ratelimit.limit"_s, limitBody(u"api"_s, u"vip"_s, 100));
    const QJsonObject expected {{u"success"_s, true}, {u"limit"_s, 2}, {u"remaining"_s, 1},
        {u"reset"_s, (now / 10'000 + 1) * 10'000}, {u"overrideId"_s, overrideId}};
    QCOMPARE(reply.dataObject(), expected);
    // Other identifiers keep the request's values and carry no overrideId.
    const QJsonObject plain = h.call(u"ratelimit.limit"_s, limitBody(u"api"_s, u"vipx"_s, 100)).dataObject();
    QCOMPARE(plain.value(u"limit").toInt(), 100);
    QVERIFY(!plain.contains(u"overrideId"));
}

void TestRatelimit::wildcardOverride()
{
    ApiHarness h;
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"api"_s, u"x"_s, 100)).status, 200);
    const QString overrideId = setOverride(h, u"api"_s, u"premium_*"_s, 5, Minute);
    const auto limitOf = [&](const QString &identifier) {
        return h.call(u"ratelimit.limit"_s, limitBody(u"api"_s, identifier, 100)).dataObject();
    };
    QCOMPARE(limitOf(u"premium_abc"_s).value(u"overrideId").toString(), overrideId);
    QCOMPARE(limitOf(u"premium_abc"_s).value(u"limit").toInt(), 5);
    QCOMPARE(limitOf(u"premium_"_s).value(u"limit").toInt(), 5); // '*' also matches nothing
    QCOMPARE(limitOf(u"Premium_abc"_s).value(u"limit").toInt(), 100); // case-sensitive
    QCOMPARE(limitOf(u"xpremium_abc"_s).value(u"limit").toInt(), 100); // anchored at the start
    QCOMPARE(limitOf(u"premium.abc"_s).value(u"limit").toInt(), 100); // other characters are literal

    const QString middle = setOverride(h, u"api"_s, u"*.admin.*"_s, 7, Minute);
    QCOMPARE(limitOf(u"eu.admin.42"_s).value(u"overrideId").toString(), middle);
    QCOMPARE(limitOf(u"eu.admin42"_s).value(u"limit").toInt(), 100);
}

void TestRatelimit::overridePrecedence()
{
    ApiHarness h;
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"api"_s, u"x"_s, 100)).status, 200);
    const QString shortPattern = setOverride(h, u"api"_s, u"a*"_s, 1, Minute);
    const QString longPattern = setOverride(h, u"api"_s, u"abc*"_s, 2, Minute);
    const QString exact = setOverride(h, u"api"_s, u"abcd"_s, 3, Minute);
    const auto overrideOf = [&](const QString &identifier) {
        return h.call(u"ratelimit.limit"_s, limitBody(u"api"_s, identifier, 100))
            .dataObject()
            .value(u"overrideId")
            .toString();
    };
    QCOMPARE(overrideOf(u"abcd"_s), exact); // exact beats any wildcard
    QCOMPARE(overrideOf(u"abcde"_s), longPattern); // the longest matching pattern wins
    QCOMPARE(overrideOf(u"abd"_s), shortPattern);
    QCOMPARE(overrideOf(u"a*"_s), shortPattern); // a pattern used as identifier matches itself exactly
}

void TestRatelimit::limitZeroOverrideBlocks()
{
    ApiHarness h;
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"api"_s, u"x"_s, 100)).status, 200);
    const QString banned = setOverride(h, u"api"_s, u"banned_*"_s, 0, Minute);
    for (const qint64 cost : {1, 0}) {
        const ApiReply reply = h.call(u"ratelimit.limit"_s, withCost(limitBody(u"api"_s, u"banned_1"_s, 100), cost));
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QCOMPARE(reply.dataObject().value(u"success").toBool(), false);
        QCOMPARE(reply.dataObject().value(u"remaining").toInt(), 0);
        QCOMPARE(reply.dataObject().value(u"limit").toInt(), 0);
        QCOMPARE(reply.dataObject().value(u"overrideId").toString(), banned);
    }
}

void TestRatelimit::overrideChangesAreSeenAtOnce()
{
    ApiHarness h;
    const auto limitOf = [&] {
        return h.call(u"ratelimit.limit"_s, limitBody(u"api"_s, u"user"_s, 100)).dataObject().value(u"limit").toInt();
    };
    QCOMPARE(limitOf(), 100); // namespace now cached without overrides
    setOverride(h, u"api"_s, u"user"_s, 50, Minute);
    QCOMPARE(limitOf(), 50);
    setOverride(h, u"api"_s, u"user"_s, 40, Minute);
    QCOMPARE(limitOf(), 40);
    QCOMPARE(
        h.call(u"ratelimit.deleteOverride"_s, QJsonObject {{u"namespace"_s, u"api"_s}, {u"identifier"_s, u"user"_s}})
            .status,
        200);
    QCOMPARE(limitOf(), 100);
}

void TestRatelimit::eventsArePublished()
{
    ApiHarness h;
    QCOMPARE(h.call(u"ratelimit.limit"_s, withCost(limitBody(u"api"_s, u"u1"_s, 10), 3)).status, 200);
    const auto events = h.server().events().ratelimits();
    QCOMPARE(events.size(), qsizetype(1));
    const auto &event = events.first();
    QCOMPARE(event.workspaceId, h.workspaceId());
    QCOMPARE(event.namespaceId, namespaceId(h, u"api"_s, h.workspaceId()));
    QCOMPARE(event.identifier, u"u1"_s);
    QCOMPARE(event.passed, true);
    QCOMPARE(event.limit, 10LL);
    QCOMPARE(event.remaining, 7LL);
    QCOMPARE(event.cost, 3LL);
    QCOMPARE(event.timeMs, h.clock().nowMs());
    QCOMPARE(event.resetMs, (h.clock().nowMs() / Minute + 1) * Minute);
    QVERIFY(event.requestId.startsWith(u"req_"));
    QCOMPARE(event.node, u"test-node"_s);

    const QByteArray body = QJsonDocument(limitBody(u"api"_s, u"u1"_s, 10)).toJson(QJsonDocument::Compact);
    const ApiReply quiet = h.raw("POST", "/v2/ratelimit.limit", body,
        {{"Authorization", "Bearer " + h.rootKey().toUtf8()}, {"X-Unkey-Metrics", "disabled"}});
    QCOMPARE(quiet.status, 200);
    QCOMPARE(quiet.dataObject().value(u"remaining").toInt(), 6);
    QCOMPARE(h.server().events().ratelimits().size(), qsizetype(1));

    QCOMPARE(
        h.call(u"ratelimit.multiLimit"_s, QJsonArray {limitBody(u"api"_s, u"a"_s, 1), limitBody(u"b"_s, u"a"_s, 1)})
            .status,
        200);
    QCOMPARE(h.server().events().ratelimits().size(), qsizetype(3));
}

void TestRatelimit::concurrentLimitsNeverOverspend()
{
    ApiHarness h;
    QCOMPARE(h.call(u"ratelimit.limit"_s, withCost(limitBody(u"busy"_s, u"u"_s, 100), 0)).status, 200);
    std::atomic<int> passed {0};
    std::atomic<int> failed {0};
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create([&] {
            for (int i = 0; i < 40; ++i) {
                // Half the calls go through a second, new namespace: cache misses, creations and
                // the generation bumps they cause race with the hits.
                const QString ns = i % 2 ? u"busy"_s : u"busy.%1"_s.arg(i);
                const ApiReply reply = h.call(u"ratelimit.limit"_s, limitBody(ns, u"u"_s, 50));
                if (reply.status != 200)
                    failed.fetch_add(1);
                else if (ns == u"busy" && reply.dataObject().value(u"success").toBool())
                    passed.fetch_add(1);
            }
        }));
        threads.last()->start();
    }
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(30'000));
        delete thread;
    }
    QCOMPARE(failed.load(), 0);
    QCOMPARE(passed.load(), 50); // 80 attempts on "busy", limit 50
    QCOMPARE(namespaceCount(h), 21); // "busy" and busy.0 .. busy.38 (even i), each created once
    QCOMPARE(auditCount(h, u"ratelimitNamespace.create"_s), 21);
}

void TestRatelimit::multiLimitSucceeds()
{
    ApiHarness h;
    const qint64 now = h.clock().nowMs();
    const ApiReply reply = h.call(u"ratelimit.multiLimit"_s,
        QJsonArray {limitBody(u"api.requests"_s, u"user"_s, 100),
            withCost(limitBody(u"auth.login"_s, u"user"_s, 5, 3'600'000), 2)});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject expected {
        {u"passed"_s, true},
        {u"limits"_s,
            QJsonArray {
                QJsonObject {{u"namespace"_s, u"api.requests"_s}, {u"identifier"_s, u"user"_s}, {u"limit"_s, 100},
                    {u"remaining"_s, 99}, {u"reset"_s, (now / Minute + 1) * Minute}, {u"passed"_s, true}},
                QJsonObject {{u"namespace"_s, u"auth.login"_s}, {u"identifier"_s, u"user"_s}, {u"limit"_s, 5},
                    {u"remaining"_s, 3}, {u"reset"_s, (now / 3'600'000 + 1) * 3'600'000}, {u"passed"_s, true}},
            }},
    };
    QCOMPARE(reply.dataObject(), expected);
    QCOMPARE(namespaceCount(h), 2);
    QCOMPARE(auditCount(h, u"ratelimitNamespace.create"_s), 2);

    // Same counters as ratelimit.limit: the namespace id is the counter's namespace.
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"api.requests"_s, u"user"_s, 100))
                 .dataObject()
                 .value(u"remaining")
                 .toInt(),
        98);
}

void TestRatelimit::multiLimitIsAllOrNothing()
{
    ApiHarness h;
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"api"_s, u"hot"_s, 1)).status, 200); // exhausts "hot"
    const ApiReply reply = h.call(
        u"ratelimit.multiLimit"_s, QJsonArray {limitBody(u"api"_s, u"cold"_s, 5), limitBody(u"api"_s, u"hot"_s, 1)});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject data = reply.dataObject();
    QCOMPARE(data.value(u"passed").toBool(), false);
    const QJsonArray limits = data.value(u"limits").toArray();
    QCOMPARE(limits.size(), qsizetype(2));
    QCOMPARE(limits.at(0).toObject().value(u"passed").toBool(), true);
    QCOMPARE(limits.at(0).toObject().value(u"remaining").toInt(), 5); // its cost was not consumed
    QCOMPARE(limits.at(1).toObject().value(u"passed").toBool(), false);
    QCOMPARE(limits.at(1).toObject().value(u"remaining").toInt(), 0);
    // No counter moved: "cold" is untouched.
    QCOMPARE(
        h.call(u"ratelimit.limit"_s, limitBody(u"api"_s, u"cold"_s, 5)).dataObject().value(u"remaining").toInt(), 4);
}

void TestRatelimit::multiLimitAppliesOverrides()
{
    ApiHarness h;
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"api"_s, u"x"_s, 100)).status, 200);
    const QString overrideId = setOverride(h, u"api"_s, u"team_*"_s, 0, Minute);
    const ApiReply reply = h.call(u"ratelimit.multiLimit"_s,
        QJsonArray {limitBody(u"api"_s, u"user"_s, 10), limitBody(u"api"_s, u"team_7"_s, 10)});
    const QJsonArray limits = reply.dataObject().value(u"limits").toArray();
    QVERIFY(!limits.at(0).toObject().contains(u"overrideId"));
    QCOMPARE(limits.at(1).toObject().value(u"overrideId").toString(), overrideId);
    QCOMPARE(limits.at(1).toObject().value(u"limit").toInt(), 0);
    QCOMPARE(limits.at(1).toObject().value(u"passed").toBool(), false);
    QCOMPARE(reply.dataObject().value(u"passed").toBool(), false);
}

void TestRatelimit::multiLimitValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("location");
    const QByteArray valid = R"({"namespace":"ns","identifier":"u","limit":1,"duration":1000})";
    QTest::newRow("object instead of array") << valid << u"body"_s;
    QTest::newRow("empty array") << QByteArray("[]") << u"body"_s;
    QByteArray many = "[" + valid;
    for (int i = 1; i < 101; ++i)
        many += "," + valid;
    many += "]";
    QTest::newRow("101 items") << many << u"body"_s;
    QTest::newRow("item not an object") << QByteArray("[" + valid + ", 5]") << u"body[1]"_s;
    QTest::newRow("item missing identifier")
        << QByteArray(R"([{"namespace":"ns","limit":1,"duration":1000}])") << u"body[0].identifier"_s;
    QTest::newRow("item with unknown field")
        << QByteArray("[" + valid + R"(,{"namespace":"ns","identifier":"u","limit":1,"duration":1000,"x":1}])")
        << u"body[1].x"_s;
    QTest::newRow("item limit zero") << QByteArray(R"([{"namespace":"ns","identifier":"u","limit":0,"duration":1000}])")
                                     << u"body[0].limit"_s;
    QTest::newRow("item negative cost") << QByteArray(
        R"([{"namespace":"ns","identifier":"u","limit":1,"duration":1000,"cost":-1}])")
                                        << u"body[0].cost"_s;
}

void TestRatelimit::multiLimitValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, location);
    ApiHarness h;
    const ApiReply reply
        = h.raw("POST", "/v2/ratelimit.multiLimit", body, {{"Authorization", "Bearer " + h.rootKey().toUtf8()}});
    QCOMPARE(reply.status, 400);
    QVERIFY2(hasErrorAt(reply, location), reply.describe().constData());
    QCOMPARE(namespaceCount(h), 0);
}

void TestRatelimit::multiLimitPermissions()
{
    ApiHarness h;
    const QJsonArray batch {limitBody(u"a"_s, u"u"_s, 5), limitBody(u"b"_s, u"u"_s, 5)};
    const QString limitOnly = h.createRootKey({u"ratelimit.*.limit"_s});
    const ApiReply noCreate = h.call(u"ratelimit.multiLimit"_s, batch, limitOnly);
    QCOMPARE(noCreate.status, 403);
    QVERIFY2(noCreate.detail().contains(u"ratelimit.*.create_namespace"_s), noCreate.describe().constData());
    QCOMPARE(namespaceCount(h), 0);

    QCOMPARE(h.call(u"ratelimit.multiLimit"_s, batch).status, 200);
    const QString a = namespaceId(h, u"a"_s, h.workspaceId());
    const QString b = namespaceId(h, u"b"_s, h.workspaceId());
    const QString onlyA = h.createRootKey({u"ratelimit.%1.limit"_s.arg(a)});
    const ApiReply denied = h.call(u"ratelimit.multiLimit"_s, batch, onlyA);
    QCOMPARE(denied.status, 403);
    QVERIFY2(denied.detail().contains(u"'ratelimit.%1.limit'"_s.arg(b)), denied.describe().constData());
    QVERIFY2(!denied.detail().contains(u"'ratelimit.%1.limit'"_s.arg(a)), denied.describe().constData());
    // The denied batch consumed nothing.
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"a"_s, u"u"_s, 5)).dataObject().value(u"remaining").toInt(), 3);

    const QString both = h.createRootKey({u"ratelimit.%1.limit"_s.arg(a), u"ratelimit.%1.limit"_s.arg(b)});
    QCOMPARE(h.call(u"ratelimit.multiLimit"_s, batch, both).status, 200);
    QCOMPARE(h.call(u"ratelimit.multiLimit"_s, batch, limitOnly).status, 200);
}

void TestRatelimit::multiLimitUnknownRootKeyIs401()
{
    ApiHarness h;
    const ApiReply reply
        = h.call(u"ratelimit.multiLimit"_s, QJsonArray {limitBody(u"a"_s, u"u"_s, 5)}, u"lkroot_nope"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(namespaceCount(h), 0);
}

void TestRatelimit::multiLimitSoftDeletedNamespaceIs410()
{
    ApiHarness h;
    QCOMPARE(
        h.call(u"ratelimit.multiLimit"_s, QJsonArray {limitBody(u"live"_s, u"u"_s, 5), limitBody(u"gone"_s, u"u"_s, 5)})
            .status,
        200);
    softDeleteNamespace(h, namespaceId(h, u"gone"_s, h.workspaceId()));
    const ApiReply reply = h.call(
        u"ratelimit.multiLimit"_s, QJsonArray {limitBody(u"live"_s, u"u"_s, 5), limitBody(u"gone"_s, u"u"_s, 5)});
    QCOMPARE(reply.status, 410);
    QCOMPARE(reply.detail(), u"This namespace has been deleted. Contact support to restore."_s);
    // Nothing was counted for the live namespace either.
    QCOMPARE(h.call(u"ratelimit.limit"_s, limitBody(u"live"_s, u"u"_s, 5)).dataObject().value(u"remaining").toInt(), 3);
}

QTEST_GUILESS_MAIN(TestRatelimit)
#include "tst_ratelimit.moc"

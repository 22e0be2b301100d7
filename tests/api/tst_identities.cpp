#include "store/auditlog.h"
#include "store/database.h"
#include "store/identitystore.h"
#include "support/apiharness.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::ApiHarness;
using Latchkey::Test::ApiReply;

namespace {

const QString kNotFoundType = u"https://unkey.com/docs/errors/unkey/data/identity_not_found"_s;
const QString kForbiddenType = u"https://unkey.com/docs/errors/unkey/authorization/insufficient_permissions"_s;
const QString kInvalidType = u"https://unkey.com/docs/errors/unkey/application/invalid_input"_s;

qint64 scalar(ApiHarness &h, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery query = h.server().database().prepare(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 auditRows(ApiHarness &h)
{
    return scalar(h, u"SELECT count(*) FROM audit_logs"_s);
}

qint64 identityRows(ApiHarness &h)
{
    return scalar(h, u"SELECT count(*) FROM identities"_s);
}

qint64 ratelimitRows(ApiHarness &h)
{
    return scalar(h, u"SELECT count(*) FROM ratelimits"_s);
}

QString requestIdOf(const ApiReply &reply)
{
    return reply.body.value(u"meta").toObject().value(u"requestId").toString();
}

/// "event|description" of every audit row of one request, in insertion order.
QStringList auditOf(ApiHarness &h, const ApiReply &reply)
{
    QSqlQuery query = h.server().database().prepare(
        u"SELECT event, description FROM audit_logs WHERE request_id = ? ORDER BY rowid"_s);
    query.addBindValue(requestIdOf(reply));
    QStringList rows;
    if (!query.exec())
        return rows;
    while (query.next())
        rows.append(query.value(0).toString() + u'|' + query.value(1).toString());
    return rows;
}

/// The `changes` of the identity.update row of one request, compact ("" when it has none).
QString updateChangesOf(ApiHarness &h, const ApiReply &reply)
{
    QSqlQuery query = h.server().database().prepare(
        u"SELECT changes FROM audit_logs WHERE request_id = ? AND event = 'identity.update'"_s);
    query.addBindValue(requestIdOf(reply));
    if (!query.exec() || !query.next())
        return u"no identity.update row"_s;
    return query.value(0).toString();
}

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject limit(const QString &name, qint64 limitValue, qint64 duration, bool autoApply = false)
{
    return {{u"name"_s, name}, {u"limit"_s, limitValue}, {u"duration"_s, duration}, {u"autoApply"_s, autoApply}};
}

QString createIdentity(ApiHarness &h, const QJsonObject &body, const QString &rootKey = {})
{
    const auto reply = h.call(u"identities.createIdentity"_s, body, rootKey);
    if (reply.status != 200)
        qWarning("createIdentity failed: %s", reply.describe().constData());
    return reply.dataObject().value(u"identityId").toString();
}

QString createIdentity(ApiHarness &h, const QString &externalId, const QString &rootKey = {})
{
    return createIdentity(h, QJsonObject {{u"externalId"_s, externalId}}, rootKey);
}

QString bigString(qsizetype size)
{
    return QString(size, u'x');
}

} // namespace

/// identities.createIdentity / getIdentity / listIdentities / updateIdentity / deleteIdentity.
class TestIdentities : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createReturnsOnlyTheId();
    void createStoresMetaAndRatelimitsAndAudits();
    void createAcceptsUnknownFields();
    void createValidation_data();
    void createValidation();
    void createDuplicateExternalIdIs409();
    void createSameExternalIdInOtherWorkspace();
    void createNeedsPermission();
    void createUnknownRootKeyIs401();
    void upsertCreatesOnce();

    void getByIdOrExternalId();
    void getValidation_data();
    void getValidation();
    void getNotFound();
    void getOtherWorkspaceIsNotFound();
    void getPermissionsAndMasking();

    void listPaginatesById();
    void listSearch();
    void listSkipsDeletedAndOtherWorkspaces();
    void listCountsLiveKeys();
    void listCountsOnlyKeysTheCallerMayRead();
    void listValidation_data();
    void listValidation();
    void listPermissions();

    void updateMetaReplaces();
    void updateRatelimitsReplaceByName();
    void updateAuditsOnlyWhatChanged();
    void updateValidation_data();
    void updateValidation();
    void updateNotFound();
    void updateNeedsPermission();

    void deleteSoftDeletesAndAudits();
    void deleteTwiceIs404AndRecreateWorks();
    void deleteNotFoundAndOtherWorkspace();
    void deleteNeedsPermission();
    void deleteValidation();
    void deletedIdentityVanishesFromVerification();
};

void TestIdentities::createReturnsOnlyTheId()
{
    ApiHarness h;
    const auto reply = h.call(u"identities.createIdentity"_s, QJsonObject {{u"externalId"_s, u"user_123"_s}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataObject().keys(), QStringList {u"identityId"_s});
    QVERIFY(QRegularExpression(u"^id_[A-Za-z0-9]+$"_s)
                .match(reply.dataObject().value(u"identityId").toString())
                .hasMatch());
    QCOMPARE(reply.body.keys(), (QStringList {u"data"_s, u"meta"_s}));
}

void TestIdentities::createStoresMetaAndRatelimitsAndAudits()
{
    ApiHarness h;
    const QJsonObject meta {{u"plan"_s, u"pro"_s}, {u"seats"_s, 5}};
    const auto reply = h.call(u"identities.createIdentity"_s,
        QJsonObject {{u"externalId"_s, u"acme.corp-1"_s}, {u"meta"_s, meta},
            {u"ratelimits"_s, QJsonArray {limit(u"requests"_s, 100, 60000, true), limit(u"heavy"_s, 5, 1000)}}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QString id = reply.dataObject().value(u"identityId").toString();

    const auto got = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, id}});
    QVERIFY2(got.status == 200, got.describe().constData());
    const QJsonObject data = got.dataObject();
    QCOMPARE(data.keys(), (QStringList {u"externalId"_s, u"id"_s, u"meta"_s, u"ratelimits"_s}));
    QCOMPARE(data.value(u"id").toString(), id);
    QCOMPARE(data.value(u"externalId").toString(), u"acme.corp-1"_s);
    QCOMPARE(data.value(u"meta").toObject(), meta);
    const QJsonArray limits = data.value(u"ratelimits").toArray();
    QCOMPARE(limits.size(), 2);
    // ordered by name
    QJsonObject heavy = limits.at(0).toObject();
    QVERIFY(heavy.value(u"id").toString().startsWith(u"rl_"));
    heavy.remove(u"id"_s);
    QCOMPARE(heavy, limit(u"heavy"_s, 5, 1000, false));
    QJsonObject requests = limits.at(1).toObject();
    requests.remove(u"id"_s);
    QCOMPARE(requests, limit(u"requests"_s, 100, 60000, true));

    const QStringList audit = auditOf(h, reply);
    QCOMPARE(audit.size(), 3);
    QCOMPARE(audit.at(0), QString(u"identity.create|Created identity "_s + id + u'.'));
    QVERIFY(audit.at(1).startsWith(u"ratelimit.create|Created ratelimit rl_"_s));
    QVERIFY(audit.at(2).startsWith(u"ratelimit.create|Created ratelimit rl_"_s));
    QCOMPARE(scalar(h, u"SELECT count(DISTINCT correlation_id) FROM audit_logs WHERE request_id = ?"_s,
                 {requestIdOf(reply)}),
        1);
    QCOMPARE(scalar(h, u"SELECT count(*) FROM audit_logs WHERE request_id = ? AND targets LIKE ?"_s,
                 {requestIdOf(reply), QString(u"%\"id\":\""_s + id + u"\"%")}),
        3);
}

void TestIdentities::createAcceptsUnknownFields()
{
    // V2IdentitiesCreateIdentityRequestBody has no additionalProperties: false (reference §1.1).
    ApiHarness h;
    const auto reply = h.call(
        u"identities.createIdentity"_s, QJsonObject {{u"externalId"_s, u"user_1"_s}, {u"credits"_s, QJsonObject {}}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
}

void TestIdentities::createValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QJsonObject manyProperties {{u"externalId"_s, u"u"_s}};
    QJsonObject meta;
    for (int i = 0; i < 101; ++i)
        meta.insert(u"k"_s + QString::number(i), i);
    manyProperties.insert(u"meta"_s, meta);
    QJsonArray tooManyLimits;
    for (int i = 0; i < 51; ++i)
        tooManyLimits.append(limit(u"limit"_s + QString::number(i), 1, 1000));

    QTest::newRow("missing externalId") << QJsonObject {} << u"body.externalId"_s;
    QTest::newRow("empty externalId") << QJsonObject {{u"externalId"_s, u""_s}} << u"body.externalId"_s;
    QTest::newRow("externalId too long") << QJsonObject {{u"externalId"_s, bigString(256)}} << u"body.externalId"_s;
    QTest::newRow("externalId pattern") << QJsonObject {{u"externalId"_s, u"user 1"_s}} << u"body.externalId"_s;
    QTest::newRow("externalId number") << QJsonObject {{u"externalId"_s, 5}} << u"body.externalId"_s;
    QTest::newRow("meta not an object") << QJsonObject {{u"externalId"_s, u"u"_s}, {u"meta"_s, u"x"_s}}
                                        << u"body.meta"_s;
    QTest::newRow("meta > 100 properties") << manyProperties << u"body.meta"_s;
    QTest::newRow("meta > 1 MB") << QJsonObject {{u"externalId"_s, u"u"_s},
        {u"meta"_s, QJsonObject {{u"blob"_s, bigString(1024 * 1024)}}}}
                                 << u"body.meta"_s;
    QTest::newRow("ratelimits not an array")
        << QJsonObject {{u"externalId"_s, u"u"_s}, {u"ratelimits"_s, 1}} << u"body.ratelimits"_s;
    QTest::newRow("ratelimits > 50") << QJsonObject {{u"externalId"_s, u"u"_s}, {u"ratelimits"_s, tooManyLimits}}
                                     << u"body.ratelimits"_s;
    QTest::newRow("ratelimit name too short")
        << QJsonObject {{u"externalId"_s, u"u"_s}, {u"ratelimits"_s, QJsonArray {limit(u"ab"_s, 1, 1000)}}}
        << u"body.ratelimits[0].name"_s;
    QTest::newRow("ratelimit limit 0") << QJsonObject {{u"externalId"_s, u"u"_s},
        {u"ratelimits"_s, QJsonArray {limit(u"abc"_s, 0, 1000)}}}
                                       << u"body.ratelimits[0].limit"_s;
    QTest::newRow("ratelimit duration 999")
        << QJsonObject {{u"externalId"_s, u"u"_s}, {u"ratelimits"_s, QJsonArray {limit(u"abc"_s, 1, 999)}}}
        << u"body.ratelimits[0].duration"_s;
    QTest::newRow("ratelimit unknown field") << QJsonObject {{u"externalId"_s, u"u"_s},
        {u"ratelimits"_s,
            QJsonArray {QJsonObject {{u"name"_s, u"abc"_s}, {u"limit"_s, 1}, {u"duration"_s, 1000}, {u"cost"_s, 1}}}}}
                                             << u"body.ratelimits[0].cost"_s;
    QTest::newRow("ratelimit duplicate names") << QJsonObject {{u"externalId"_s, u"u"_s},
        {u"ratelimits"_s, QJsonArray {limit(u"abc"_s, 1, 1000), limit(u"abc"_s, 2, 1000)}}}
                                               << u"body.ratelimits[1].name"_s;
}

void TestIdentities::createValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    const qint64 audits = auditRows(h);
    const auto reply = h.call(u"identities.createIdentity"_s, body);
    QVERIFY2(reply.status == 400, reply.describe().left(600).constData());
    QCOMPARE(reply.errorType(), kInvalidType);
    QVERIFY2(reply.errorLocations().contains(location), reply.describe().left(600).constData());
    QCOMPARE(identityRows(h), 0);
    QCOMPARE(ratelimitRows(h), 0);
    QCOMPARE(auditRows(h), audits);
}

void TestIdentities::createDuplicateExternalIdIs409()
{
    ApiHarness h;
    const QString first = createIdentity(h, u"user_123"_s);
    QVERIFY(!first.isEmpty());
    const qint64 audits = auditRows(h);
    const auto reply = h.call(u"identities.createIdentity"_s,
        QJsonObject {{u"externalId"_s, u"user_123"_s}, {u"ratelimits"_s, QJsonArray {limit(u"requests"_s, 1, 1000)}}});
    QVERIFY2(reply.status == 409, reply.describe().constData());
    QCOMPARE(reply.errorType(), u"https://unkey.com/docs/errors/unkey/data/identity_already_exists"_s);
    QCOMPARE(reply.error().value(u"title").toString(), u"Conflicting Resource"_s);
    QCOMPARE(reply.detail(), u"Identity with externalId 'user_123' already exists in this workspace."_s);
    QCOMPARE(identityRows(h), 1);
    QCOMPARE(ratelimitRows(h), 0);
    QCOMPARE(auditRows(h), audits);
}

void TestIdentities::createSameExternalIdInOtherWorkspace()
{
    ApiHarness h;
    const QString mine = createIdentity(h, u"user_123"_s);
    const QString theirs = createIdentity(h, u"user_123"_s, h.otherRootKey());
    QVERIFY(!mine.isEmpty());
    QVERIFY(!theirs.isEmpty());
    QVERIFY(mine != theirs);
    const auto got = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"user_123"_s}});
    QCOMPARE(got.dataObject().value(u"id").toString(), mine);
    const auto gotTheirs
        = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"user_123"_s}}, h.otherRootKey());
    QCOMPARE(gotTheirs.dataObject().value(u"id").toString(), theirs);
}

void TestIdentities::createNeedsPermission()
{
    ApiHarness h;
    const QString reader = h.createRootKey({u"identity.*.read_identity"_s, u"identity.*.update_identity"_s});
    const auto reply = h.call(u"identities.createIdentity"_s, QJsonObject {{u"externalId"_s, u"u1"_s}}, reader);
    QVERIFY2(reply.status == 403, reply.describe().constData());
    QCOMPARE(reply.errorType(), kForbiddenType);
    QCOMPARE(reply.detail(), u"Missing permission: 'identity.*.create_identity'"_s);
    QCOMPARE(identityRows(h), 0);
    QCOMPARE(auditRows(h), 0);

    const QString creator = h.createRootKey({u"identity.*.create_identity"_s});
    QCOMPARE(h.call(u"identities.createIdentity"_s, QJsonObject {{u"externalId"_s, u"u1"_s}}, creator).status, 200);
}

void TestIdentities::createUnknownRootKeyIs401()
{
    ApiHarness h;
    const auto reply
        = h.call(u"identities.createIdentity"_s, QJsonObject {{u"externalId"_s, u"u1"_s}}, u"lkroot_nope"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(identityRows(h), 0);
}

void TestIdentities::upsertCreatesOnce()
{
    ApiHarness h;
    Latchkey::Store::Database &db = h.server().database();
    Latchkey::Store::IdentityStore store(db);
    Latchkey::Store::AuditOrigin origin;
    origin.actor.id = u"rk_test"_s;
    origin.requestId = u"req_upsert"_s;
    QString first;
    QString second;
    QVERIFY(db.write([&]() -> Latchkey::Core::Status {
                  auto a = store.upsert(h.workspaceId(), u"ext_1"_s, h.clock().nowMs(), origin);
                  auto b = store.upsert(h.workspaceId(), u"ext_1"_s, h.clock().nowMs(), origin);
                  if (!a || !b)
                      return Latchkey::Core::makeError(Latchkey::Core::ErrorCode::Internal, u"upsert failed"_s);
                  first = *a;
                  second = *b;
                  return {};
              }).ok());
    QVERIFY(first.startsWith(u"id_"));
    QCOMPARE(second, first);
    QCOMPARE(
        scalar(h, u"SELECT count(*) FROM audit_logs WHERE request_id = 'req_upsert' AND event = 'identity.create'"_s),
        1);
    const auto identity = store.find(h.workspaceId(), u"ext_1"_s);
    QVERIFY(identity && *identity);
    QCOMPARE((*identity)->meta, QJsonObject {});
    // another workspace gets its own identity
    QString other;
    QVERIFY(db.write([&]() -> Latchkey::Core::Status {
                  auto c = store.upsert(h.otherWorkspaceId(), u"ext_1"_s, h.clock().nowMs(), origin);
                  if (!c)
                      return c.error();
                  other = *c;
                  return {};
              }).ok());
    QVERIFY(other != first);
}

void TestIdentities::getByIdOrExternalId()
{
    ApiHarness h;
    const QString id = createIdentity(h, QJsonObject {{u"externalId"_s, u"user_9"_s}});
    const QJsonObject expected {
        {u"id"_s, id}, {u"externalId"_s, u"user_9"_s}, {u"meta"_s, QJsonObject {}}, {u"ratelimits"_s, QJsonArray {}}};
    const auto byId = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, id}});
    QVERIFY2(byId.status == 200, byId.describe().constData());
    QCOMPARE(byId.dataObject(), expected);
    const auto byExternal = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"user_9"_s}});
    QCOMPARE(byExternal.dataObject(), expected);
}

void TestIdentities::getValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("missing identity") << QJsonObject {} << u"body.identity"_s;
    QTest::newRow("empty identity") << QJsonObject {{u"identity"_s, u""_s}} << u"body.identity"_s;
    QTest::newRow("identity number") << QJsonObject {{u"identity"_s, 1}} << u"body.identity"_s;
    QTest::newRow("unknown field") << QJsonObject {{u"identity"_s, u"x"_s}, {u"externalId"_s, u"x"_s}}
                                   << u"body.externalId"_s;
}

void TestIdentities::getValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    createIdentity(h, u"x"_s);
    const qint64 audits = auditRows(h);
    for (const QString &route :
        {u"identities.getIdentity"_s, u"identities.deleteIdentity"_s, u"identities.updateIdentity"_s}) {
        const auto reply = h.call(route, body);
        QVERIFY2(reply.status == 400, qPrintable(route + u": "_s + QString::fromUtf8(reply.describe())));
        QCOMPARE(reply.errorType(), kInvalidType);
        QVERIFY2(reply.errorLocations().contains(location), reply.describe().constData());
    }
    QCOMPARE(scalar(h, u"SELECT count(*) FROM identities WHERE deleted = 0"_s), 1);
    QCOMPARE(auditRows(h), audits);
}

void TestIdentities::getNotFound()
{
    ApiHarness h;
    const auto reply = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"nobody"_s}});
    QVERIFY2(reply.status == 404, reply.describe().constData());
    QCOMPARE(reply.errorType(), kNotFoundType);
    QCOMPARE(reply.detail(), u"This identity does not exist."_s);
}

void TestIdentities::getOtherWorkspaceIsNotFound()
{
    ApiHarness h;
    const QString id = createIdentity(h, u"user_1"_s);
    for (const QString &wanted : {id, u"user_1"_s}) {
        const auto reply = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, wanted}}, h.otherRootKey());
        QVERIFY2(reply.status == 404, reply.describe().constData());
        QCOMPARE(reply.errorType(), kNotFoundType);
    }
}

void TestIdentities::getPermissionsAndMasking()
{
    ApiHarness h;
    const QString id = createIdentity(h, u"user_1"_s);
    const QString otherId = createIdentity(h, u"user_2"_s);

    // No read permission: 403 naming the wildcard only, whether or not the identity exists, so an
    // unauthorized caller learns neither existence nor the id behind an external id.
    const QString none = h.createRootKey({u"identity.*.create_identity"_s});
    for (const QString &wanted : {u"user_1"_s, id, u"nobody"_s}) {
        const auto reply = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, wanted}}, none);
        QVERIFY2(reply.status == 403, reply.describe().constData());
        QCOMPARE(reply.errorType(), kForbiddenType);
        QCOMPARE(reply.detail(), u"Missing permission: 'identity.*.read_identity'"_s);
    }

    const QString scoped = h.createRootKey({QString(u"identity."_s + id + u".read_identity"_s)});
    QCOMPARE(h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"user_1"_s}}, scoped).status, 200);
    QCOMPARE(h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, id}}, scoped).status, 200);
    const auto denied = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"user_2"_s}}, scoped);
    QCOMPARE(denied.status, 403);
    QVERIFY(!denied.detail().contains(otherId));

    const QString wildcard = h.createRootKey({u"identity.*.read_identity"_s});
    QCOMPARE(h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"user_2"_s}}, wildcard).status, 200);
    QCOMPARE(h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"nobody"_s}}, wildcard).status, 404);
    QCOMPARE(
        h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"user_1"_s}}, u"lkroot_nope"_s).status, 401);
}

void TestIdentities::listPaginatesById()
{
    ApiHarness h;
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids.append(createIdentity(h,
            QJsonObject {{u"externalId"_s, QString(u"user_"_s + QString::number(i))},
                {u"ratelimits"_s, QJsonArray {limit(u"requests"_s, 10, 1000)}}}));
    ids.sort();

    QStringList seen;
    QString cursor;
    int pages = 0;
    while (true) {
        QJsonObject body {{u"limit"_s, 2}};
        if (!cursor.isEmpty())
            body.insert(u"cursor"_s, cursor);
        const auto reply = h.call(u"identities.listIdentities"_s, body);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        ++pages;
        const QJsonArray data = reply.dataArray();
        for (const QJsonValue &item : data) {
            const QJsonObject identity = item.toObject();
            // keyCount: our extension (resources/openapi.yaml); the Unkey SDK ignores it.
            QCOMPARE(
                identity.keys(), (QStringList {u"externalId"_s, u"id"_s, u"keyCount"_s, u"meta"_s, u"ratelimits"_s}));
            QCOMPARE(identity.value(u"ratelimits").toArray().size(), 1);
            QCOMPARE(identity.value(u"keyCount").toInteger(-1), 0);
            seen.append(identity.value(u"id").toString());
        }
        const QJsonObject pagination = reply.pagination();
        if (!pagination.value(u"hasMore").toBool()) {
            QVERIFY(!pagination.contains(u"cursor"));
            QVERIFY(pagination.contains(u"hasMore"));
            break;
        }
        QCOMPARE(data.size(), 2);
        cursor = pagination.value(u"cursor").toString();
        // the cursor is the id of the first row of the next page (inclusive)
        QCOMPARE(cursor, ids.at(seen.size()));
        QVERIFY(pages < 5);
    }
    QCOMPARE(pages, 3);
    QCOMPARE(seen, ids);

    const auto all = h.call(u"identities.listIdentities"_s, QJsonObject {});
    QCOMPARE(all.dataArray().size(), 5);
    QCOMPARE(all.pagination(), (QJsonObject {{u"hasMore"_s, false}}));
}

void TestIdentities::listSearch()
{
    ApiHarness h;
    const QString alice = createIdentity(h, u"Alice.Smith"_s);
    createIdentity(h, u"bob_jones"_s);
    createIdentity(h, u"carol-ALICE"_s);

    auto externalIds = [&h](const QString &search) {
        const auto reply = h.call(u"identities.listIdentities"_s, QJsonObject {{u"search"_s, search}});
        QStringList result;
        for (const QJsonValue &item : reply.dataArray())
            result.append(item.toObject().value(u"externalId").toString());
        result.sort();
        return result;
    };
    QCOMPARE(externalIds(u"alice"_s), (QStringList {u"Alice.Smith"_s, u"carol-ALICE"_s}));
    QCOMPARE(externalIds(u"  JONES "_s), QStringList {u"bob_jones"_s});
    QCOMPARE(externalIds(alice.mid(3).toLower()), QStringList {u"Alice.Smith"_s}); // by id
    QCOMPARE(externalIds(u"%"_s), QStringList {}); // literal, not LIKE
    QCOMPARE(externalIds(u"."_s), QStringList {u"Alice.Smith"_s});
    QCOMPARE(externalIds(u"no#such"_s), QStringList {}); // not "zzz", which a random id may hold
}

void TestIdentities::listSkipsDeletedAndOtherWorkspaces()
{
    ApiHarness h;
    createIdentity(h, u"kept"_s);
    createIdentity(h, u"gone"_s);
    createIdentity(h, u"theirs"_s, h.otherRootKey());
    QCOMPARE(h.call(u"identities.deleteIdentity"_s, QJsonObject {{u"identity"_s, u"gone"_s}}).status, 200);
    const auto reply = h.call(u"identities.listIdentities"_s, QJsonObject {});
    QCOMPARE(reply.dataArray().size(), 1);
    QCOMPARE(reply.dataArray().at(0).toObject().value(u"externalId").toString(), u"kept"_s);
}

// The Owners page shows each owner's key count: the live keys that keys.listKeys lists for it
// (not deleted, softly or for good, and in an API that is not deleted), on every page.
void TestIdentities::listCountsLiveKeys()
{
    ApiHarness h;
    const QString billing = h.createApi(u"billing"_s);
    const QString search = h.createApi(u"search"_s);
    const auto keyOf = [&h](const QString &apiId, const QString &owner) {
        return h.createKey(QJsonObject {{u"apiId"_s, apiId}, {u"externalId"_s, owner}}).value(u"keyId").toString();
    };
    for (int i = 0; i < 3; ++i)
        QVERIFY(!keyOf(billing, u"busy"_s).isEmpty());
    const QString soft = keyOf(billing, u"busy"_s);
    const QString hard = keyOf(billing, u"busy"_s);
    QVERIFY(!keyOf(search, u"busy"_s).isEmpty()); // its API goes
    QVERIFY(!keyOf(billing, u"quiet"_s).isEmpty());
    createIdentity(h, u"keyless"_s);
    QVERIFY(!h.createKey(
                  QJsonObject {{u"apiId"_s, h.createApi(u"theirs"_s, h.otherRootKey())}, {u"externalId"_s, u"busy"_s}},
                  h.otherRootKey())
                 .value(u"keyId")
                 .toString()
                 .isEmpty());
    QCOMPARE(h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, soft}}).status, 200);
    QCOMPARE(h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, hard}, {u"permanent"_s, true}}).status, 200);
    QCOMPARE(h.call(u"apis.deleteApi"_s, QJsonObject {{u"apiId"_s, search}}).status, 200);

    const QMap<QString, qint64> expected {{u"busy"_s, 3}, {u"quiet"_s, 1}, {u"keyless"_s, 0}};
    for (const int limit : {100, 1}) { // one page, and a page per owner
        QMap<QString, qint64> counts;
        QString cursor;
        do {
            QJsonObject body {{u"limit"_s, limit}};
            if (!cursor.isEmpty())
                body.insert(u"cursor"_s, cursor);
            const auto reply = h.call(u"identities.listIdentities"_s, body);
            QVERIFY2(reply.status == 200, reply.describe().constData());
            for (const QJsonValue &item : reply.dataArray())
                counts.insert(
                    item.toObject().value(u"externalId").toString(), item.toObject().value(u"keyCount").toInteger(-1));
            cursor = reply.pagination().value(u"cursor").toString();
        } while (!cursor.isEmpty());
        QCOMPARE(counts, expected);
    }
    // The owner's keys as the dashboard lists them: as many as counted.
    const auto listed = h.call(u"keys.listKeys"_s, QJsonObject {{u"externalId"_s, u"busy"_s}});
    QVERIFY2(listed.status == 200, listed.describe().constData());
    QCOMPARE(listed.dataArray().size(), 3);
}

// keyCount counts the keys keys.listKeys would list for the caller: a root key that may read the
// keys of one API learns nothing about the keys of another, and one that may read no API's keys
// gets no count at all (the Owners page then shows no key column).
void TestIdentities::listCountsOnlyKeysTheCallerMayRead()
{
    ApiHarness h;
    const QString billing = h.createApi(u"billing"_s);
    const QString search = h.createApi(u"search"_s);
    for (const QString &apiId : {billing, search, search})
        QVERIFY(!h.createKey(QJsonObject {{u"apiId"_s, apiId}, {u"externalId"_s, u"busy"_s}})
                     .value(u"keyId")
                     .toString()
                     .isEmpty());
    // Each owner's keyCount, -1 where it has none; the negated status of a failed request.
    const auto countsOf = [&h](const QString &rootKey) {
        const auto reply = h.call(u"identities.listIdentities"_s, QJsonObject {}, rootKey);
        QList<qint64> counts;
        for (const QJsonValue &item : reply.dataArray())
            counts.append(item.toObject().value(u"keyCount").toInteger(-1));
        return reply.status == 200 ? counts : QList<qint64> {-reply.status};
    };
    const QString read = u"identity.*.read_identity"_s;
    QCOMPARE(countsOf(h.createRootKey({read, u"api.*.read_key"_s})), QList<qint64> {3});
    const QString billingOnly = h.createRootKey({read, u"api.%1.read_key"_s.arg(billing)});
    QCOMPARE(countsOf(billingOnly), QList<qint64> {1});
    QCOMPARE(countsOf(h.createRootKey({read, u"api.%1.read_key"_s.arg(billing), u"api.%1.read_key"_s.arg(search)})),
        QList<qint64> {3});
    QCOMPARE(countsOf(h.createRootKey({read, u"api.%1.update_key"_s.arg(search)})), QList<qint64> {-1});
    // As many as that key's keys.listKeys lists for the owner.
    const auto listed = h.call(u"keys.listKeys"_s, QJsonObject {{u"externalId"_s, u"busy"_s}}, billingOnly);
    QVERIFY2(listed.status == 200, listed.describe().constData());
    QCOMPARE(listed.dataArray().size(), 1);
}

void TestIdentities::listValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("limit 0") << QJsonObject {{u"limit"_s, 0}} << u"body.limit"_s;
    QTest::newRow("limit 101") << QJsonObject {{u"limit"_s, 101}} << u"body.limit"_s;
    QTest::newRow("limit fractional") << QJsonObject {{u"limit"_s, 1.5}} << u"body.limit"_s;
    QTest::newRow("limit string") << QJsonObject {{u"limit"_s, u"10"_s}} << u"body.limit"_s;
    QTest::newRow("cursor number") << QJsonObject {{u"cursor"_s, 1}} << u"body.cursor"_s;
    QTest::newRow("search too long") << QJsonObject {{u"search"_s, bigString(257)}} << u"body.search"_s;
    QTest::newRow("unknown field") << QJsonObject {{u"externalId"_s, u"x"_s}} << u"body.externalId"_s;
}

void TestIdentities::listValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    const auto reply = h.call(u"identities.listIdentities"_s, body);
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QVERIFY2(reply.errorLocations().contains(location), reply.describe().constData());
}

void TestIdentities::listPermissions()
{
    ApiHarness h;
    const QString none = h.createRootKey({u"identity.*.create_identity"_s});
    // an empty page still needs the wildcard
    auto reply = h.call(u"identities.listIdentities"_s, QJsonObject {}, none);
    QVERIFY2(reply.status == 403, reply.describe().constData());
    QCOMPARE(reply.detail(), u"Missing permission: 'identity.*.read_identity'"_s);

    const QString a = createIdentity(h, u"a_user"_s);
    const QString b = createIdentity(h, u"b_user"_s);
    QCOMPARE(h.call(u"identities.listIdentities"_s, QJsonObject {}, none).status, 403);

    // per-row permissions: enough when they cover every row of the page
    const QString onlyA = h.createRootKey({QString(u"identity."_s + a + u".read_identity"_s)});
    reply = h.call(u"identities.listIdentities"_s, QJsonObject {}, onlyA);
    QCOMPARE(reply.status, 403);
    QVERIFY(!reply.detail().contains(b));
    reply = h.call(u"identities.listIdentities"_s, QJsonObject {{u"search"_s, u"a_user"_s}}, onlyA);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.dataArray().size(), 1);
    const QString both = h.createRootKey(
        {QString(u"identity."_s + a + u".read_identity"_s), QString(u"identity."_s + b + u".read_identity"_s)});
    QCOMPARE(h.call(u"identities.listIdentities"_s, QJsonObject {}, both).dataArray().size(), 2);

    const QString wildcard = h.createRootKey({u"identity.*.read_identity"_s});
    QCOMPARE(h.call(u"identities.listIdentities"_s, QJsonObject {}, wildcard).dataArray().size(), 2);
    QCOMPARE(h.call(u"identities.listIdentities"_s, QJsonObject {}, u"lkroot_nope"_s).status, 401);
}

void TestIdentities::updateMetaReplaces()
{
    ApiHarness h;
    const QString id = createIdentity(h,
        QJsonObject {{u"externalId"_s, u"user_1"_s}, {u"meta"_s, QJsonObject {{u"a"_s, 1}, {u"b"_s, 2}}},
            {u"ratelimits"_s, QJsonArray {limit(u"requests"_s, 5, 1000)}}});
    h.clock().advanceMs(1000);
    const QJsonObject meta {{u"c"_s, QJsonArray {1, 2}}};
    const auto reply
        = h.call(u"identities.updateIdentity"_s, QJsonObject {{u"identity"_s, u"user_1"_s}, {u"meta"_s, meta}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject data = reply.dataObject();
    QCOMPARE(data.keys(), (QStringList {u"externalId"_s, u"id"_s, u"meta"_s, u"ratelimits"_s}));
    QCOMPARE(data.value(u"id").toString(), id);
    QCOMPARE(data.value(u"meta").toObject(), meta);
    QCOMPARE(data.value(u"ratelimits").toArray().size(), 1); // omitted: kept
    QCOMPARE(scalar(h, u"SELECT updated_at FROM identities WHERE id = ?"_s, {id}), h.clock().nowMs());
    QCOMPARE(auditOf(h, reply), QStringList {QString(u"identity.update|Updated identity "_s + id + u'.')});

    // {} clears
    const auto cleared
        = h.call(u"identities.updateIdentity"_s, QJsonObject {{u"identity"_s, id}, {u"meta"_s, QJsonObject {}}});
    QCOMPARE(cleared.dataObject().value(u"meta").toObject(), QJsonObject {});
}

void TestIdentities::updateRatelimitsReplaceByName()
{
    ApiHarness h;
    const QString id = createIdentity(h,
        QJsonObject {{u"externalId"_s, u"user_1"_s},
            {u"ratelimits"_s, QJsonArray {limit(u"keep"_s, 5, 1000), limit(u"drop"_s, 1, 1000)}}});
    // ratelimits are ordered by name: "drop", "keep"
    const QString keepId = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, id}})
                               .dataObject()
                               .value(u"ratelimits")
                               .toArray()
                               .at(1)
                               .toObject()
                               .value(u"id")
                               .toString();
    QVERIFY(keepId.startsWith(u"rl_"));

    const auto reply = h.call(u"identities.updateIdentity"_s,
        QJsonObject {{u"identity"_s, id},
            {u"ratelimits"_s, QJsonArray {limit(u"keep"_s, 50, 60000, true), limit(u"fresh"_s, 2, 2000)}}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonArray limits = reply.dataObject().value(u"ratelimits").toArray();
    QCOMPARE(limits.size(), 2);
    const QJsonObject fresh = limits.at(0).toObject();
    const QJsonObject keep = limits.at(1).toObject();
    QCOMPARE(fresh.value(u"name").toString(), u"fresh"_s);
    QVERIFY(fresh.value(u"id").toString() != keepId);
    QCOMPARE(keep,
        (QJsonObject {{u"id"_s, keepId}, {u"name"_s, u"keep"_s}, {u"limit"_s, 50}, {u"duration"_s, 60000},
            {u"autoApply"_s, true}}));
    QCOMPARE(ratelimitRows(h), 2);

    QStringList events;
    for (const QString &row : auditOf(h, reply))
        events.append(row.section(u'|', 0, 0));
    events.sort();
    QCOMPARE(events,
        (QStringList {u"identity.update"_s, u"ratelimit.create"_s, u"ratelimit.delete"_s, u"ratelimit.update"_s}));
    QVERIFY(auditOf(h, reply).contains(QString(u"ratelimit.update|Updated ratelimit "_s + keepId + u'.')));

    // [] removes all; the meta is untouched
    const auto cleared
        = h.call(u"identities.updateIdentity"_s, QJsonObject {{u"identity"_s, id}, {u"ratelimits"_s, QJsonArray {}}});
    QVERIFY2(cleared.status == 200, cleared.describe().constData());
    QCOMPARE(cleared.dataObject().value(u"ratelimits").toArray(), QJsonArray {});
    QCOMPARE(ratelimitRows(h), 0);
}

// Walkthrough 19: the owner page sends every shared limit on Save (updateIdentity replaces them
// by name), and each wrote a "ratelimit.update" row, so adding "burst" also said "shared" was
// changed; and the identity.update row said nothing of what changed. Now a limit sent as it is
// writes no row, and the identity.update row says what changed, as a key.update row does.
void TestIdentities::updateAuditsOnlyWhatChanged()
{
    ApiHarness h;
    const QString id = createIdentity(h,
        QJsonObject {{u"externalId"_s, u"acme"_s}, {u"meta"_s, QJsonObject {{u"tier"_s, u"free"_s}}},
            {u"ratelimits"_s, QJsonArray {limit(u"shared"_s, 1000, 60000, true)}}});
    const auto limitValue = [](qint64 allowed, qint64 duration, bool autoApply) {
        return QJsonObject {{u"limit"_s, allowed}, {u"duration"_s, duration}, {u"autoApply"_s, autoApply}};
    };

    const auto added = h.call(u"identities.updateIdentity"_s,
        QJsonObject {{u"identity"_s, id},
            {u"ratelimits"_s, QJsonArray {limit(u"shared"_s, 1000, 60000, true), limit(u"burst"_s, 10, 60000)}}});
    QVERIFY2(added.status == 200, added.describe().constData());
    const QStringList rows = auditOf(h, added);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0), QString(u"identity.update|Updated identity "_s + id + u'.'));
    QVERIFY2(rows.at(1).startsWith(u"ratelimit.create|"_s), qPrintable(rows.join(u'\n')));
    QCOMPARE(updateChangesOf(h, added),
        compact(QJsonArray {QJsonObject {
            {u"field"_s, u"ratelimit"_s}, {u"name"_s, u"burst"_s}, {u"new"_s, limitValue(10, 60000, false)}}}));

    // The meta and "burst" changed; "shared" as it was.
    const auto changed = h.call(u"identities.updateIdentity"_s,
        QJsonObject {{u"identity"_s, u"acme"_s}, {u"meta"_s, QJsonObject {{u"tier"_s, u"pro"_s}}},
            {u"ratelimits"_s, QJsonArray {limit(u"shared"_s, 1000, 60000, true), limit(u"burst"_s, 20, 60000)}}});
    QVERIFY2(changed.status == 200, changed.describe().constData());
    QStringList events;
    for (const QString &row : auditOf(h, changed))
        events.append(row.section(u'|', 0, 0));
    QCOMPARE(events, (QStringList {u"identity.update"_s, u"ratelimit.update"_s}));
    QCOMPARE(updateChangesOf(h, changed),
        compact(QJsonArray {QJsonObject {{u"field"_s, u"meta"_s}},
            QJsonObject {{u"field"_s, u"ratelimit"_s}, {u"name"_s, u"burst"_s}, {u"old"_s, limitValue(10, 60000, false)},
                {u"new"_s, limitValue(20, 60000, false)}}}));

    // Everything as it is: the one row, with no changes (the dashboard says "Owner changed").
    const auto same = h.call(u"identities.updateIdentity"_s,
        QJsonObject {{u"identity"_s, id}, {u"meta"_s, QJsonObject {{u"tier"_s, u"pro"_s}}},
            {u"ratelimits"_s, QJsonArray {limit(u"burst"_s, 20, 60000), limit(u"shared"_s, 1000, 60000, true)}}});
    QVERIFY2(same.status == 200, same.describe().constData());
    QCOMPARE(auditOf(h, same), QStringList {QString(u"identity.update|Updated identity "_s + id + u'.')});
    QCOMPARE(updateChangesOf(h, same), QString());
    QCOMPARE(same.dataObject().value(u"ratelimits").toArray().size(), 2);
}

void TestIdentities::updateValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QJsonObject meta;
    for (int i = 0; i < 101; ++i)
        meta.insert(u"k"_s + QString::number(i), i);
    QTest::newRow("meta > 100 properties")
        << QJsonObject {{u"identity"_s, u"user_1"_s}, {u"meta"_s, meta}} << u"body.meta"_s;
    QTest::newRow("meta > 1 MB") << QJsonObject {{u"identity"_s, u"user_1"_s},
        {u"meta"_s, QJsonObject {{u"blob"_s, bigString(1024 * 1024)}}}}
                                 << u"body.meta"_s;
    QTest::newRow("meta null") << QJsonObject {{u"identity"_s, u"user_1"_s}, {u"meta"_s, QJsonValue::Null}}
                               << u"body.meta"_s;
    QTest::newRow("duplicate ratelimit names")
        << QJsonObject {{u"identity"_s, u"user_1"_s}, {u"meta"_s, QJsonObject {{u"changed"_s, true}}},
               {u"ratelimits"_s, QJsonArray {limit(u"abc"_s, 1, 1000), limit(u"abc"_s, 2, 1000)}}}
        << u"body.ratelimits[1].name"_s;
    QTest::newRow("ratelimit duration too small")
        << QJsonObject {{u"identity"_s, u"user_1"_s}, {u"ratelimits"_s, QJsonArray {limit(u"abc"_s, 1, 10)}}}
        << u"body.ratelimits[0].duration"_s;
    QTest::newRow("unknown field") << QJsonObject {{u"identity"_s, u"user_1"_s}, {u"externalId"_s, u"new"_s}}
                                   << u"body.externalId"_s;
}

void TestIdentities::updateValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    ApiHarness h;
    createIdentity(h,
        QJsonObject {{u"externalId"_s, u"user_1"_s}, {u"meta"_s, QJsonObject {{u"a"_s, 1}}},
            {u"ratelimits"_s, QJsonArray {limit(u"requests"_s, 5, 1000)}}});
    const qint64 audits = auditRows(h);
    const auto reply = h.call(u"identities.updateIdentity"_s, body);
    QVERIFY2(reply.status == 400, reply.describe().left(600).constData());
    QVERIFY2(reply.errorLocations().contains(location), reply.describe().left(600).constData());
    const auto got = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"user_1"_s}});
    QCOMPARE(got.dataObject().value(u"meta").toObject(), (QJsonObject {{u"a"_s, 1}}));
    QCOMPARE(got.dataObject().value(u"ratelimits").toArray().size(), 1);
    QCOMPARE(auditRows(h), audits);
}

void TestIdentities::updateNotFound()
{
    ApiHarness h;
    const QString id = createIdentity(h, u"user_1"_s);
    const qint64 audits = auditRows(h);
    const QJsonObject change {{u"meta"_s, QJsonObject {{u"x"_s, 1}}}};
    for (const auto &[wanted, key] : {std::pair {u"nobody"_s, h.rootKey()}, std::pair {id, h.otherRootKey()},
             std::pair {u"user_1"_s, h.otherRootKey()}}) {
        QJsonObject body = change;
        body.insert(u"identity"_s, wanted);
        const auto reply = h.call(u"identities.updateIdentity"_s, body, key);
        QVERIFY2(reply.status == 404, reply.describe().constData());
        QCOMPARE(reply.errorType(), kNotFoundType);
    }
    QCOMPARE(auditRows(h), audits);
    const auto got = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, id}});
    QCOMPARE(got.dataObject().value(u"meta").toObject(), QJsonObject {});
}

void TestIdentities::updateNeedsPermission()
{
    ApiHarness h;
    const QString id = createIdentity(h, u"user_1"_s);
    const QString scoped
        = h.createRootKey({QString(u"identity."_s + id + u".update_identity"_s), u"identity.*.read_identity"_s});
    const auto reply = h.call(u"identities.updateIdentity"_s,
        QJsonObject {{u"identity"_s, id}, {u"meta"_s, QJsonObject {{u"x"_s, 1}}}}, scoped);
    QVERIFY2(reply.status == 403, reply.describe().constData());
    QCOMPARE(reply.errorType(), kForbiddenType);
    QCOMPARE(reply.detail(), u"Missing permission: 'identity.*.update_identity'"_s);
    QCOMPARE(
        h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, id}}).dataObject().value(u"meta").toObject(),
        QJsonObject {});
    QCOMPARE(h.call(u"identities.updateIdentity"_s, QJsonObject {{u"identity"_s, id}}, u"lkroot_nope"_s).status, 401);
    const QString updater = h.createRootKey({u"identity.*.update_identity"_s});
    QCOMPARE(h.call(u"identities.updateIdentity"_s, QJsonObject {{u"identity"_s, id}}, updater).status, 200);
}

void TestIdentities::deleteSoftDeletesAndAudits()
{
    ApiHarness h;
    const QString id = createIdentity(h,
        QJsonObject {{u"externalId"_s, u"user_1"_s},
            {u"ratelimits"_s, QJsonArray {limit(u"one"_s, 1, 1000), limit(u"two"_s, 2, 1000)}}});
    const auto reply = h.call(u"identities.deleteIdentity"_s, QJsonObject {{u"identity"_s, u"user_1"_s}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.body.keys(), QStringList {u"meta"_s}); // no data member at all
    QVERIFY(requestIdOf(reply).startsWith(u"req_"));

    QCOMPARE(scalar(h, u"SELECT deleted FROM identities WHERE id = ?"_s, {id}), 1);
    QCOMPARE(ratelimitRows(h), 0);
    QCOMPARE(h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, id}}).status, 404);

    const QStringList audit = auditOf(h, reply);
    QCOMPARE(audit.size(), 3);
    QCOMPARE(audit.at(0), QString(u"identity.delete|Deleted identity "_s + id + u'.'));
    QVERIFY(audit.at(1).startsWith(u"ratelimit.delete|Deleted ratelimit rl_"_s));
    QVERIFY(audit.at(2).startsWith(u"ratelimit.delete|Deleted ratelimit rl_"_s));
}

void TestIdentities::deleteTwiceIs404AndRecreateWorks()
{
    ApiHarness h;
    const QString first = createIdentity(h, u"user_1"_s);
    QCOMPARE(h.call(u"identities.deleteIdentity"_s, QJsonObject {{u"identity"_s, first}}).status, 200);
    const auto again = h.call(u"identities.deleteIdentity"_s, QJsonObject {{u"identity"_s, first}});
    QVERIFY2(again.status == 404, again.describe().constData());
    QCOMPARE(again.detail(), u"This identity does not exist."_s);

    // the external id is free again, and can be deleted again (two soft-deleted rows coexist)
    const QString second = createIdentity(h, u"user_1"_s);
    QVERIFY(!second.isEmpty());
    QVERIFY(second != first);
    QCOMPARE(h.call(u"identities.deleteIdentity"_s, QJsonObject {{u"identity"_s, u"user_1"_s}}).status, 200);
    const QString third = createIdentity(h, u"user_1"_s);
    QVERIFY(!third.isEmpty());
    QCOMPARE(h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"user_1"_s}})
                 .dataObject()
                 .value(u"id")
                 .toString(),
        third);
}

void TestIdentities::deleteNotFoundAndOtherWorkspace()
{
    ApiHarness h;
    const QString id = createIdentity(h, u"user_1"_s);
    const qint64 audits = auditRows(h);
    for (const auto &[wanted, key] : {std::pair {u"nobody"_s, h.rootKey()}, std::pair {id, h.otherRootKey()},
             std::pair {u"user_1"_s, h.otherRootKey()}}) {
        const auto reply = h.call(u"identities.deleteIdentity"_s, QJsonObject {{u"identity"_s, wanted}}, key);
        QVERIFY2(reply.status == 404, reply.describe().constData());
        QCOMPARE(reply.errorType(), kNotFoundType);
        QCOMPARE(reply.detail(), u"This identity does not exist."_s);
    }
    QCOMPARE(scalar(h, u"SELECT deleted FROM identities WHERE id = ?"_s, {id}), 0);
    QCOMPARE(auditRows(h), audits);
}

void TestIdentities::deleteNeedsPermission()
{
    ApiHarness h;
    const QString id = createIdentity(
        h, QJsonObject {{u"externalId"_s, u"user_1"_s}, {u"ratelimits"_s, QJsonArray {limit(u"one"_s, 1, 1000)}}});
    const QString scoped = h.createRootKey({QString(u"identity."_s + id + u".delete_identity"_s)});
    const auto reply = h.call(u"identities.deleteIdentity"_s, QJsonObject {{u"identity"_s, id}}, scoped);
    QVERIFY2(reply.status == 403, reply.describe().constData());
    QCOMPARE(reply.errorType(), kForbiddenType);
    QCOMPARE(reply.detail(), u"Missing permission: 'identity.*.delete_identity'"_s);
    QCOMPARE(h.call(u"identities.deleteIdentity"_s, QJsonObject {{u"identity"_s, id}}, u"lkroot_nope"_s).status, 401);
    QCOMPARE(scalar(h, u"SELECT deleted FROM identities WHERE id = ?"_s, {id}), 0);
    QCOMPARE(ratelimitRows(h), 1);
}

void TestIdentities::deleteValidation()
{
    ApiHarness h;
    createIdentity(h, u"user_1"_s);
    const auto reply
        = h.call(u"identities.deleteIdentity"_s, QJsonObject {{u"identity"_s, u"user_1"_s}, {u"permanent"_s, true}});
    QVERIFY2(reply.status == 400, reply.describe().constData());
    QVERIFY(reply.errorLocations().contains(u"body.permanent"_s));
    QCOMPARE(scalar(h, u"SELECT count(*) FROM identities WHERE deleted = 0"_s), 1);
}

void TestIdentities::deletedIdentityVanishesFromVerification()
{
    ApiHarness h;
    const QString id = createIdentity(h,
        QJsonObject {{u"externalId"_s, u"user_1"_s}, {u"meta"_s, QJsonObject {{u"plan"_s, u"pro"_s}}},
            {u"ratelimits"_s, QJsonArray {limit(u"shared"_s, 1, 60000, true)}}});
    const QString apiId = h.createApi();
    const QString key
        = h.createKey(QJsonObject {{u"apiId"_s, apiId}, {u"externalId"_s, u"user_1"_s}}).value(u"key").toString();
    QVERIFY(!key.isEmpty());
    const auto before = h.call(u"keys.verifyKey"_s, QJsonObject {{u"key"_s, key}});
    QVERIFY2(before.status == 200, before.describe().constData());
    QCOMPARE(before.dataObject().value(u"identity").toObject().value(u"id").toString(), id);
    QCOMPARE(before.dataObject().value(u"code").toString(), u"VALID"_s);
    // the identity's auto-applied limit (1 per minute) is spent
    QCOMPARE(h.call(u"keys.verifyKey"_s, QJsonObject {{u"key"_s, key}}).dataObject().value(u"code").toString(),
        u"RATE_LIMITED"_s);

    QCOMPARE(h.call(u"identities.deleteIdentity"_s, QJsonObject {{u"identity"_s, id}}).status, 200);
    const auto after = h.call(u"keys.verifyKey"_s, QJsonObject {{u"key"_s, key}});
    QVERIFY2(after.status == 200, after.describe().constData());
    QVERIFY2(!after.dataObject().contains(u"identity"), after.describe().constData());
    QCOMPARE(after.dataObject().value(u"code").toString(), u"VALID"_s);
}

QTEST_GUILESS_MAIN(TestIdentities)
#include "tst_identities.moc"

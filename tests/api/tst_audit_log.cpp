// audit.listLogs and apis.listApis through the real router.

#include "core/keyhash.h"
#include "store/analyticsqueries.h"
#include "store/analyticsstore.h"
#include "store/database.h"
#include "store/schema.h"
#include "support/apiharness.h"
#include "tst_keys_helpers.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

class TestAuditLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listLogsNewestFirstWithFiltersAndPages();
    void listApisWithKeyCounts();
    void ownerTargetIncludesTheOwnersKeys();
    void keyUpdateRecordsWhatChanged();
    void keyUpdateThatChangesNothingRecordsNoChanges();
    void rateLimitEditOfAKeyWritesOneRow();
    void createKeyWritesTheReferenceRowsAndNamesItsLimits();
    void createKeyRecordsWhatTheKeyWasIssuedWith();
    void permanentDeleteWritesOnlyTheKeysRow();
    void keyUpdateRecordsTheOwnersAndTheNameRemoved();
    void setOverrideRecordsTheLimit();
    void updateCreditsRecordsTheBalanceAndNamesTheApi();
    void rowsWrittenBeforeStayAsTheyWere();
    void rowsWrittenBeforeAreFoundByTargetName();
};

namespace {

/// The rows of one event, newest first, as audit.listLogs answers them.
QJsonArray auditLogs(ApiHarness &h, const QString &event)
{
    const ApiReply r = h.call(u"audit.listLogs"_s, QJsonObject {{u"events"_s, QJsonArray {event}}});
    return r.status == 200 ? r.dataArray() : QJsonArray {};
}

QJsonObject ratelimit(const QString &name, qint64 limit, qint64 duration)
{
    return {{u"name"_s, name}, {u"limit"_s, limit}, {u"duration"_s, duration}};
}

QJsonObject limitValue(qint64 limit, qint64 duration, bool autoApply = false)
{
    return {{u"limit"_s, limit}, {u"duration"_s, duration}, {u"autoApply"_s, autoApply}};
}

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

/// The audit rows @p reply's request wrote, oldest first.
QList<QJsonObject> rowsOf(ApiHarness &h, const ApiReply &reply)
{
    const QString requestId = reply.body.value(u"meta"_s).toObject().value(u"requestId"_s).toString();
    QList<QJsonObject> rows;
    for (const QJsonObject &row : h.listAll(u"audit.listLogs"_s, {}, 100)) {
        if (row.value(u"requestId"_s).toString() == requestId)
            rows.prepend(row);
    }
    return rows;
}

QStringList eventsOf(const QList<QJsonObject> &rows)
{
    QStringList events;
    for (const QJsonObject &row : rows)
        events.append(row.value(u"event"_s).toString());
    events.sort(); // rows of one request share their time
    return events;
}

/// A schema-6 store at @p path (before audit_logs.target_names) holding one row as schema 6 wrote
/// it: a key and its API as targets.
bool writeSchema6Store(const QString &path)
{
    const QString connection = u"schema6"_s;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        ok = db.open() && Latchkey::Store::AnalyticsStore::registerFunctions(db);
        QSqlQuery query(db);
        ok = ok && query.exec(u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s);
        for (const Latchkey::Store::Migration &migration : Latchkey::Store::migrations()) {
            for (const QString &statement : migration.statements)
                ok = ok && (migration.version > 6 || query.exec(statement));
            ok = ok
                && (migration.version > 6
                    || query.exec(u"INSERT INTO schema_version VALUES (%1)"_s.arg(migration.version)));
        }
        ok = ok
            && query.exec(
                u"INSERT INTO audit_logs (id, workspace_id, time, event, description, actor_type, actor_id, targets)"
                " VALUES ('log_old', 'ws_old', 1, 'key.update', 'Updated key.', 'rootkey', 'rk_old',"
                " '[{\"type\":\"key\",\"id\":\"key_old\",\"name\":\"Ärger Schlüssel\"},"
                "{\"type\":\"api\",\"id\":\"api_old\",\"name\":\"billing\"}]')"_s);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace

void TestAuditLog::listLogsNewestFirstWithFiltersAndPages()
{
    ApiHarness h;
    QStringList apis;
    for (int i = 0; i < 5; ++i) {
        h.clock().setNowMs(h.clock().nowMs() + 1'000);
        apis.append(h.createApi(u"audit-api-%1"_s.arg(i)));
    }
    // Pages of 2 over the five api.create rows: newest first, no gaps or duplicates.
    QStringList seen;
    QString cursor;
    do {
        QJsonObject body {{u"events"_s, QJsonArray {u"api.create"_s}}, {u"limit"_s, 2}};
        if (!cursor.isEmpty())
            body.insert(u"cursor"_s, cursor);
        const ApiReply r = h.call(u"audit.listLogs"_s, body);
        QVERIFY2(r.status == 200, r.describe().constData());
        for (const QJsonValue &row : r.dataArray()) {
            const QJsonObject log = row.toObject();
            QCOMPARE(log.value(u"event").toString(), u"api.create"_s);
            QCOMPARE(log.value(u"actor").toObject().value(u"type").toString(), u"rootkey"_s);
            seen.append(log.value(u"targets").toArray()[0].toObject().value(u"id").toString());
        }
        cursor = r.pagination().value(u"cursor").toString();
    } while (!cursor.isEmpty());
    QStringList expected = apis;
    std::reverse(expected.begin(), expected.end());
    QCOMPARE(seen, expected);

    ApiReply r = h.call(u"audit.listLogs"_s, QJsonObject {{u"targetId"_s, apis.at(2)}});
    QCOMPARE(r.dataArray().size(), 1);
    const QString actorId = r.dataArray()[0].toObject().value(u"actor").toObject().value(u"id").toString();
    QCOMPARE(
        h.call(u"audit.listLogs"_s, QJsonObject {{u"actorId"_s, actorId}, {u"events"_s, QJsonArray {u"api.create"_s}}})
            .dataArray()
            .size(),
        5);
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject {{u"actorId"_s, u"nobody"_s}}).dataArray().size(), 0);
    const qint64 t = r.dataArray()[0].toObject().value(u"time").toInteger();
    QCOMPARE(h.call(u"audit.listLogs"_s,
                  QJsonObject {{u"start"_s, t}, {u"end"_s, t + 1}, {u"events"_s, QJsonArray {u"api.create"_s}}})
                 .dataArray()
                 .size(),
        1);
    // Isolation, validation, permissions.
    QCOMPARE(
        h.call(u"audit.listLogs"_s, QJsonObject {{u"targetId"_s, apis.at(2)}}, h.otherRootKey()).dataArray().size(), 0);
    r = h.call(u"audit.listLogs"_s, QJsonObject {{u"limit"_s, 0}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.error().value(u"errors").toArray()[0].toObject().value(u"location").toString(), u"body.limit"_s);
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject {{u"cursor"_s, u"@@"_s}}).status, 400);
    r = h.call(u"audit.listLogs"_s, QJsonObject {}, h.createRootKey({u"api.*.read_api"_s}));
    QCOMPARE(r.status, 403);
    QVERIFY(r.detail().contains(u"workspace.*.read_audit_log"));
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject {}, u"lk_wrong"_s).status, 401);
}

// Key events name the key and its API, and an issue and a deletion its owner too (a key deleted
// permanently leaves no row saying whose it was): includeOwnedKeys with an identity's id as the
// target adds the rows about the keys it owns (a deleted one too), and nothing about other keys;
// without it, the owner's rows are its own and its keys' issues and deletions.
void TestAuditLog::ownerTargetIncludesTheOwnersKeys()
{
    ApiHarness h;
    const QString apiId = h.createApi(u"owned"_s);
    const QString first
        = h.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"acme_corp_42"_s}}).value(u"keyId").toString();
    const QString second
        = h.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"acme_corp_42"_s}}).value(u"keyId").toString();
    const QString third
        = h.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"acme_corp_42"_s}}).value(u"keyId").toString();
    const QString stranger
        = h.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"someone_else"_s}}).value(u"keyId").toString();
    QVERIFY(!first.isEmpty() && !second.isEmpty() && !third.isEmpty() && !stranger.isEmpty());
    QCOMPARE(h.call(u"keys.updateKey"_s, QJsonObject {{u"keyId"_s, first}, {u"enabled"_s, false}}).status, 200);
    QCOMPARE(h.call(u"keys.updateKey"_s, QJsonObject {{u"keyId"_s, stranger}, {u"enabled"_s, false}}).status, 200);
    QCOMPARE(h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, second}}).status, 200);
    QCOMPARE(h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, third}, {u"permanent"_s, true}}).status, 200);
    QCOMPARE(h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, stranger}, {u"permanent"_s, true}}).status, 200);
    const QString identityId = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"acme_corp_42"_s}})
                                   .dataObject()
                                   .value(u"id")
                                   .toString();
    QVERIFY(!identityId.isEmpty());

    auto eventsAbout = [&](const QJsonObject &body) {
        const ApiReply r = h.call(u"audit.listLogs"_s, body);
        QStringList events;
        for (const QJsonValue &row : r.dataArray()) {
            QString ids;
            for (const QJsonValue &target : row.toObject().value(u"targets").toArray())
                ids += target.toObject().value(u"id").toString() + u' ';
            events.append(row.toObject().value(u"event").toString() + u' '
                + (ids.contains(first)             ? u"first"_s
                        : ids.contains(second)     ? u"second"_s
                        : ids.contains(third)      ? u"third"_s
                        : ids.contains(identityId) ? u"owner"_s
                                                   : ids));
        }
        events.sort(); // rows of one call share their time; their order among themselves is the ids'
        return events;
    };
    // Without the flag (Unkey-like): only the rows naming the identity: its own, its keys' issues
    // and deletions.
    QCOMPARE(eventsAbout({{u"targetId"_s, identityId}}),
        (QStringList {u"identity.create owner"_s, u"key.create first"_s, u"key.create second"_s, u"key.create third"_s,
            u"key.delete second"_s, u"key.delete third"_s}));
    // The permanently deleted key's rows that do not name the owner are gone from it: no stored
    // key says whose they were.
    QCOMPARE(eventsAbout({{u"targetId"_s, identityId}, {u"includeOwnedKeys"_s, true}}),
        (QStringList {u"identity.create owner"_s, u"key.create first"_s, u"key.create second"_s, u"key.create third"_s,
            u"key.delete second"_s, u"key.delete third"_s, u"key.update first"_s}));
    QCOMPARE(eventsAbout({{u"targetId"_s, identityId}, {u"includeOwnedKeys"_s, true},
                 {u"events"_s, QJsonArray {u"key.update"_s}}}),
        QStringList {u"key.update first"_s});
    // A key id as the target: the flag changes nothing. Another workspace sees nothing.
    QCOMPARE(eventsAbout({{u"targetId"_s, first}, {u"includeOwnedKeys"_s, true}}),
        (QStringList {u"key.create first"_s, u"key.update first"_s}));
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject {{u"targetId"_s, identityId}, {u"includeOwnedKeys"_s, true}},
                  h.otherRootKey())
                 .dataArray()
                 .size(),
        0);
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject {{u"includeOwnedKeys"_s, u"yes"_s}}).status, 400);
}

// Walkthrough G18: a key.update row said only "Key … updated". It now says which fields changed,
// with old and new values (issue 4: the name and the owner's external id too, which key and owner
// rows name as targets anyway), and only the names of meta, permissions and roles.
void TestAuditLog::keyUpdateRecordsWhatChanged()
{
    ApiHarness h;
    const QString apiId = h.createApi(u"billing"_s);
    QVERIFY(!createRole(h, u"support"_s).isEmpty());
    const QJsonObject created = h.createKey({{u"apiId"_s, apiId}, {u"name"_s, u"secret project name"_s},
        {u"meta"_s, QJsonObject {{u"plan"_s, u"confidential-plan"_s}}}, {u"expires"_s, qint64 {4'000'000'000'000}},
        {u"credits"_s,
            QJsonObject {
                {u"remaining"_s, 1000}, {u"refill"_s, QJsonObject {{u"interval"_s, u"daily"_s}, {u"amount"_s, 100}}}}},
        {u"ratelimits"_s, QJsonArray {ratelimit(u"requests"_s, 100, 60'000), ratelimit(u"burst"_s, 10, 1'000)}}});
    const QString keyId = created.value(u"keyId").toString();
    const QString plaintext = created.value(u"key").toString();
    QVERIFY(!keyId.isEmpty() && !plaintext.isEmpty());

    const ApiReply r = h.call(u"keys.updateKey"_s,
        QJsonObject {{u"keyId"_s, keyId}, {u"name"_s, u"renamed project"_s}, {u"externalId"_s, u"acme_corp_42"_s},
            {u"meta"_s, QJsonObject {{u"plan"_s, u"other-plan"_s}}}, {u"expires"_s, QJsonValue::Null},
            {u"enabled"_s, false},
            {u"credits"_s,
                QJsonObject {{u"remaining"_s, 1500},
                    {u"refill"_s,
                        QJsonObject {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 200}, {u"refillDay"_s, 3}}}}},
            {u"ratelimits"_s,
                QJsonArray {ratelimit(u"requests"_s, 500, 60'000), ratelimit(u"daily"_s, 5000, 86'400'000)}},
            {u"permissions"_s, QJsonArray {u"invoices.read"_s}}, {u"roles"_s, QJsonArray {u"support"_s}}});
    QVERIFY2(r.status == 200, r.describe().constData());

    const QJsonArray rows = auditLogs(h, u"key.update"_s);
    QCOMPARE(rows.size(), 1);
    const QJsonArray expected {
        QJsonObject {{u"field"_s, u"name"_s}, {u"old"_s, u"secret project name"_s}, {u"new"_s, u"renamed project"_s}},
        QJsonObject {{u"field"_s, u"externalId"_s}, {u"new"_s, u"acme_corp_42"_s}},
        QJsonObject {{u"field"_s, u"meta"_s}},
        QJsonObject {{u"field"_s, u"expires"_s}, {u"old"_s, qint64 {4'000'000'000'000}}},
        QJsonObject {{u"field"_s, u"credits.remaining"_s}, {u"old"_s, 1000}, {u"new"_s, 1500}},
        QJsonObject {{u"field"_s, u"credits.refill"_s},
            {u"old"_s, QJsonObject {{u"interval"_s, u"daily"_s}, {u"amount"_s, 100}}},
            {u"new"_s, QJsonObject {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 200}, {u"refillDay"_s, 3}}}},
        QJsonObject {{u"field"_s, u"enabled"_s}, {u"old"_s, true}, {u"new"_s, false}},
        QJsonObject {{u"field"_s, u"ratelimit"_s}, {u"name"_s, u"burst"_s}, {u"old"_s, limitValue(10, 1'000)}},
        QJsonObject {{u"field"_s, u"ratelimit"_s}, {u"name"_s, u"requests"_s}, {u"old"_s, limitValue(100, 60'000)},
            {u"new"_s, limitValue(500, 60'000)}},
        QJsonObject {{u"field"_s, u"ratelimit"_s}, {u"name"_s, u"daily"_s}, {u"new"_s, limitValue(5000, 86'400'000)}},
        QJsonObject {{u"field"_s, u"permissions"_s}},
        QJsonObject {{u"field"_s, u"roles"_s}},
    };
    QCOMPARE(compact(rows[0].toObject().value(u"changes").toArray()), compact(expected));
    // Neither the key, nor its hash, nor meta are in the row.
    const QString row = compact(rows);
    const QString hash = scalar(h, u"SELECT hash FROM keys WHERE id = ?"_s, {keyId}).toString();
    QVERIFY(!hash.isEmpty());
    for (const QString &secret : {plaintext, hash, u"other-plan"_s, u"confidential-plan"_s})
        QVERIFY2(!row.contains(secret), qPrintable(secret));
    // The server's description is unchanged (Unkey's words).
    QVERIFY(rows[0].toObject().value(u"description").toString().startsWith(u"Updated key "_s + keyId + u": name,"_s));

    // Disabling and enabling again: one row each, saying just that.
    QCOMPARE(h.call(u"keys.updateKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"enabled"_s, true}}).status, 200);
    QCOMPARE(compact(auditLogs(h, u"key.update"_s)[0].toObject().value(u"changes").toArray()),
        compact(QJsonArray {QJsonObject {{u"field"_s, u"enabled"_s}, {u"old"_s, false}, {u"new"_s, true}}}));
    // Setting an expiry where there was none: no old value.
    QCOMPARE(h.call(u"keys.updateKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"expires"_s, qint64 {4'100'000'000'000}}})
                 .status,
        200);
    QCOMPARE(compact(auditLogs(h, u"key.update"_s)[0].toObject().value(u"changes").toArray()),
        compact(QJsonArray {QJsonObject {{u"field"_s, u"expires"_s}, {u"new"_s, qint64 {4'100'000'000'000}}}}));
}

// A request that sets what the key already has changes nothing, and its row has no `changes`
// (the dashboard then says "Updated key …" as for the rows written before changes were recorded).
void TestAuditLog::keyUpdateThatChangesNothingRecordsNoChanges()
{
    ApiHarness h;
    const QString keyId = h.createKey({{u"apiId"_s, h.createApi()},
                                          {u"ratelimits"_s, QJsonArray {ratelimit(u"requests"_s, 100, 60'000)}}})
                              .value(u"keyId")
                              .toString();
    QCOMPARE(h.call(u"keys.updateKey"_s,
                  QJsonObject {{u"keyId"_s, keyId}, {u"enabled"_s, true},
                      {u"ratelimits"_s, QJsonArray {ratelimit(u"requests"_s, 100, 60'000)}},
                      {u"permissions"_s, QJsonArray {}}})
                 .status,
        200);
    const QJsonArray rows = auditLogs(h, u"key.update"_s);
    QCOMPARE(rows.size(), 1);
    QVERIFY2(!rows[0].toObject().contains(u"changes"), qPrintable(compact(rows)));
    QCOMPARE(scalar(h, u"SELECT changes FROM audit_logs WHERE event = 'key.update'"_s).isNull(), true);
}

// The dashboard's rate-limit card saves with keys.updateKey and `ratelimits`: one edit, one row
// (Unkey's updateKey writes `key.update` only, reference §9), naming every limit it changed. It
// wrote "Rate limit updated" besides, and one such row per limit it left as it was.
void TestAuditLog::rateLimitEditOfAKeyWritesOneRow()
{
    ApiHarness h;
    const QString keyId
        = h.createKey({{u"apiId"_s, h.createApi()},
                          {u"ratelimits"_s,
                              QJsonArray {ratelimit(u"requests"_s, 100, 60'000), ratelimit(u"burst"_s, 10, 1'000),
                                  ratelimit(u"daily"_s, 9, 86'400'000)}}})
              .value(u"keyId")
              .toString();
    const int before = int(h.listAll(u"audit.listLogs"_s, {}, 100).size());
    const ApiReply r = h.call(u"keys.updateKey"_s,
        QJsonObject {{u"keyId"_s, keyId},
            {u"ratelimits"_s,
                QJsonArray {ratelimit(u"requests"_s, 200, 60'000), ratelimit(u"daily"_s, 9, 86'400'000),
                    ratelimit(u"hourly"_s, 50, 3'600'000)}}});
    QVERIFY2(r.status == 200, r.describe().constData());

    const QList<QJsonObject> rows = h.listAll(u"audit.listLogs"_s, {}, 100);
    QCOMPARE(rows.size(), before + 1);
    const QJsonObject row = rows.first(); // newest first
    QCOMPARE(row.value(u"event"_s).toString(), u"key.update"_s);
    QCOMPARE(row.value(u"description"_s).toString(), u"Updated key "_s + keyId + u": ratelimits"_s);
    const QJsonArray expected {
        QJsonObject {{u"field"_s, u"ratelimit"_s}, {u"name"_s, u"burst"_s}, {u"old"_s, limitValue(10, 1'000)}},
        QJsonObject {{u"field"_s, u"ratelimit"_s}, {u"name"_s, u"requests"_s}, {u"old"_s, limitValue(100, 60'000)},
            {u"new"_s, limitValue(200, 60'000)}},
        QJsonObject {{u"field"_s, u"ratelimit"_s}, {u"name"_s, u"hourly"_s}, {u"new"_s, limitValue(50, 3'600'000)}},
    };
    QCOMPARE(compact(row.value(u"changes"_s).toArray()), compact(expected));
}

// Reference §9: keys.createKey writes `key.create` and a connect row per permission and role, no
// `ratelimit.create` rows (it wrote one per limit); the key's row names its limits instead.
void TestAuditLog::createKeyWritesTheReferenceRowsAndNamesItsLimits()
{
    ApiHarness h;
    QVERIFY(!createPermission(h, u"docs.read"_s).isEmpty());
    QVERIFY(!createRole(h, u"support"_s).isEmpty());
    const ApiReply created = h.call(u"keys.createKey"_s,
        QJsonObject {{u"apiId"_s, h.createApi()},
            {u"ratelimits"_s, QJsonArray {ratelimit(u"requests"_s, 100, 60'000), ratelimit(u"burst"_s, 10, 1'000)}},
            {u"permissions"_s, QJsonArray {u"docs.read"_s}}, {u"roles"_s, QJsonArray {u"support"_s}}});
    QVERIFY2(created.status == 200, created.describe().constData());
    const QList<QJsonObject> rows = rowsOf(h, created);
    QCOMPARE(eventsOf(rows),
        (QStringList {
            u"authorization.connect_permission_and_key"_s, u"authorization.connect_role_and_key"_s, u"key.create"_s}));
    const QJsonArray expected {
        QJsonObject {{u"field"_s, u"ratelimit"_s}, {u"name"_s, u"requests"_s}, {u"new"_s, limitValue(100, 60'000)}},
        QJsonObject {{u"field"_s, u"ratelimit"_s}, {u"name"_s, u"burst"_s}, {u"new"_s, limitValue(10, 1'000)}},
    };
    for (const QJsonObject &row : rows) {
        if (row.value(u"event"_s).toString() == u"key.create"_s)
            QCOMPARE(compact(row.value(u"changes"_s).toArray()), compact(expected));
    }
    // Without limits the row has no changes, as before.
    const ApiReply plain = h.call(u"keys.createKey"_s, QJsonObject {{u"apiId"_s, h.createApi()}});
    QCOMPARE(eventsOf(rowsOf(h, plain)), QStringList {u"key.create"_s});
    QVERIFY(!rowsOf(h, plain).constFirst().contains(u"changes"_s));
}

// Walk 21/W22: the "Key issued" row listed the rate limit but not the credits, refill or expiry a
// key was issued with (a support engineer asked "what did we give them?" had to guess). It now
// records each, with `new` only; never the key itself or its hash.
void TestAuditLog::createKeyRecordsWhatTheKeyWasIssuedWith()
{
    ApiHarness h;
    const qint64 expires = h.clock().nowMs() + 86'400'000;
    const ApiReply created = h.call(u"keys.createKey"_s,
        QJsonObject {{u"apiId"_s, h.createApi()}, {u"name"_s, u"laptop"_s}, {u"externalId"_s, u"acme"_s},
            {u"meta"_s, QJsonObject {{u"plan"_s, u"plan-of-acme"_s}}}, {u"expires"_s, expires}, {u"enabled"_s, false},
            {u"credits"_s,
                QJsonObject {{u"remaining"_s, 110},
                    {u"refill"_s, QJsonObject {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 110}, {u"refillDay"_s, 1}}}}},
            {u"ratelimits"_s, QJsonArray {ratelimit(u"requests"_s, 100, 60'000)}}});
    QVERIFY2(created.status == 200, created.describe().constData());
    const QList<QJsonObject> rows = rowsOf(h, created);
    QCOMPARE(eventsOf(rows), (QStringList {u"identity.create"_s, u"key.create"_s})); // the owner is new
    const QJsonObject issued = *std::find_if(rows.cbegin(), rows.cend(),
        [](const QJsonObject &row) { return row.value(u"event"_s).toString() == u"key.create"_s; });
    const QJsonArray expected {
        QJsonObject {{u"field"_s, u"meta"_s}},
        QJsonObject {{u"field"_s, u"expires"_s}, {u"new"_s, expires}},
        QJsonObject {{u"field"_s, u"credits.remaining"_s}, {u"new"_s, 110}},
        QJsonObject {{u"field"_s, u"credits.refill"_s},
            {u"new"_s, QJsonObject {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 110}, {u"refillDay"_s, 1}}}},
        QJsonObject {{u"field"_s, u"enabled"_s}, {u"new"_s, false}},
        QJsonObject {{u"field"_s, u"ratelimit"_s}, {u"name"_s, u"requests"_s}, {u"new"_s, limitValue(100, 60'000)}},
    };
    QCOMPARE(compact(issued.value(u"changes"_s).toArray()), compact(expected));
    const QByteArray row = QJsonDocument(issued).toJson(QJsonDocument::Compact);
    const QString key = created.dataObject().value(u"key"_s).toString();
    QVERIFY(!row.contains(key.toUtf8()));
    QVERIFY(!row.contains(Latchkey::Core::hashKey(key.toUtf8())));
    QVERIFY(!row.contains("plan-of-acme")); // meta is named, not copied
    // Walkthrough 22/X15: it names the owner, as the deletion's row does.
    const QString identityId = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"acme"_s}})
                                   .dataObject()
                                   .value(u"id")
                                   .toString();
    QVERIFY(!identityId.isEmpty());
    const QJsonArray targets = issued.value(u"targets"_s).toArray();
    QVERIFY2(std::any_of(targets.cbegin(), targets.cend(),
                 [&identityId](const QJsonValue &target) {
                     return target.toObject() == QJsonObject {{u"type"_s, u"identity"_s}, {u"id"_s, identityId},
                                                              {u"name"_s, u"acme"_s}};
                 }),
        QJsonDocument(targets).toJson(QJsonDocument::Compact).constData());
}

// Reference §9: keys.deleteKey writes `key.delete`; a permanent one wrote `ratelimit.delete` rows
// besides, one per limit of the key.
void TestAuditLog::permanentDeleteWritesOnlyTheKeysRow()
{
    ApiHarness h;
    const QString keyId
        = h.createKey({{u"apiId"_s, h.createApi()},
                          {u"ratelimits"_s,
                              QJsonArray {ratelimit(u"requests"_s, 100, 60'000), ratelimit(u"burst"_s, 10, 1'000)}}})
              .value(u"keyId")
              .toString();
    const ApiReply deleted = h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"permanent"_s, true}});
    QVERIFY2(deleted.status == 200, deleted.describe().constData());
    QCOMPARE(eventsOf(rowsOf(h, deleted)), QStringList {u"key.delete"_s});
    QCOMPARE(countRows(h, u"SELECT count(*) FROM ratelimits WHERE key_id = ?"_s, {keyId}), 0);
}

// Issue 4: "Owner changed" and "Name changed" said nothing of what they were. The owner is
// recorded by external id, old and new (a deleted owner's too), and a name removed has no `new`.
void TestAuditLog::keyUpdateRecordsTheOwnersAndTheNameRemoved()
{
    ApiHarness h;
    const QString keyId = h.createKey({{u"apiId"_s, h.createApi()}, {u"name"_s, u"Ünïcode name"_s},
                                          {u"externalId"_s, u"first_owner"_s}})
                              .value(u"keyId")
                              .toString();
    QCOMPARE(
        h.call(u"keys.updateKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"externalId"_s, u"second_owner"_s}}).status,
        200);
    QCOMPARE(compact(auditLogs(h, u"key.update"_s)[0].toObject().value(u"changes").toArray()),
        compact(QJsonArray {
            QJsonObject {{u"field"_s, u"externalId"_s}, {u"old"_s, u"first_owner"_s}, {u"new"_s, u"second_owner"_s}}}));
    QCOMPARE(h.call(u"identities.deleteIdentity"_s, QJsonObject {{u"identity"_s, u"second_owner"_s}}).status, 200);
    QCOMPARE(h.call(u"keys.updateKey"_s,
                  QJsonObject {{u"keyId"_s, keyId}, {u"externalId"_s, QJsonValue::Null}, {u"name"_s, QJsonValue::Null}})
                 .status,
        200);
    // The deleted owner still named by its external id (a deletion leaves its keys linked to it).
    QCOMPARE(compact(auditLogs(h, u"key.update"_s)[0].toObject().value(u"changes").toArray()),
        compact(QJsonArray {QJsonObject {{u"field"_s, u"name"_s}, {u"old"_s, u"Ünïcode name"_s}},
            QJsonObject {{u"field"_s, u"externalId"_s}, {u"old"_s, u"second_owner"_s}}}));
}

// Issue 4: a ratelimit.set_override row did not say what the override allows. Its `changes` hold
// the limit and duration set, and what they were when the override existed already.
void TestAuditLog::setOverrideRecordsTheLimit()
{
    ApiHarness h;
    QCOMPARE(h.call(u"ratelimit.limit"_s,
                  QJsonObject {{u"namespace"_s, u"audited"_s}, {u"identifier"_s, u"seed"_s}, {u"limit"_s, 1},
                      {u"duration"_s, 1000}})
                 .status,
        200);
    const auto set = [&](qint64 limit, qint64 duration) {
        return h
            .call(u"ratelimit.setOverride"_s,
                QJsonObject {{u"namespace"_s, u"audited"_s}, {u"identifier"_s, u"user_1"_s}, {u"limit"_s, limit},
                    {u"duration"_s, duration}})
            .status;
    };
    const auto newestChanges = [&] {
        return compact(auditLogs(h, u"ratelimit.set_override"_s)[0].toObject().value(u"changes").toArray());
    };
    const auto limit = [](qint64 allowed, qint64 duration) {
        return QJsonObject {{u"limit"_s, allowed}, {u"duration"_s, duration}};
    };
    QCOMPARE(set(100, 60'000), 200);
    QCOMPARE(newestChanges(),
        compact(QJsonArray {QJsonObject {{u"field"_s, u"override"_s}, {u"new"_s, limit(100, 60'000)}}}));
    QCOMPARE(set(0, 1'000), 200);
    QCOMPARE(newestChanges(),
        compact(QJsonArray {
            QJsonObject {{u"field"_s, u"override"_s}, {u"old"_s, limit(100, 60'000)}, {u"new"_s, limit(0, 1'000)}}}));
    // Set again as it is: still said, the row's only word on the limit.
    QCOMPARE(set(0, 1'000), 200);
    QCOMPARE(newestChanges(),
        compact(QJsonArray {
            QJsonObject {{u"field"_s, u"override"_s}, {u"old"_s, limit(0, 1'000)}, {u"new"_s, limit(0, 1'000)}}}));
}

// keys.updateCredits: old and new balance, the refill it cleared, and the API among the targets
// (before, the row named only the internal "keySpace ks_…").
void TestAuditLog::updateCreditsRecordsTheBalanceAndNamesTheApi()
{
    ApiHarness h;
    const QString apiId = h.createApi(u"payments"_s);
    const QString keyId
        = h.createKey({{u"apiId"_s, apiId},
                          {u"credits"_s,
                              QJsonObject {{u"remaining"_s, 1000},
                                  {u"refill"_s, QJsonObject {{u"interval"_s, u"daily"_s}, {u"amount"_s, 100}}}}}})
              .value(u"keyId")
              .toString();
    QCOMPARE(h.call(u"keys.updateCredits"_s,
                  QJsonObject {{u"keyId"_s, keyId}, {u"operation"_s, u"increment"_s}, {u"value"_s, 500}})
                 .status,
        200);
    QJsonObject row = auditLogs(h, u"key.update"_s)[0].toObject();
    QCOMPARE(compact(row.value(u"changes").toArray()),
        compact(QJsonArray {QJsonObject {{u"field"_s, u"credits.remaining"_s}, {u"old"_s, 1000}, {u"new"_s, 1500}}}));
    QVERIFY2(row.value(u"targets")
                 .toArray()
                 .contains(QJsonObject {{u"type"_s, u"api"_s}, {u"id"_s, apiId}, {u"name"_s, u"payments"_s}}),
        qPrintable(compact(row.value(u"targets").toArray())));
    QVERIFY(hasTarget(row.value(u"targets").toArray(), u"keySpace"_s,
        scalar(h, u"SELECT keyspace_id FROM apis WHERE id = ?"_s, {apiId}).toString()));

    QCOMPARE(h.call(u"keys.updateCredits"_s,
                  QJsonObject {{u"keyId"_s, keyId}, {u"operation"_s, u"set"_s}, {u"value"_s, QJsonValue::Null}})
                 .status,
        200);
    row = auditLogs(h, u"key.update"_s)[0].toObject();
    QCOMPARE(compact(row.value(u"changes").toArray()),
        compact(QJsonArray {QJsonObject {{u"field"_s, u"credits.remaining"_s}, {u"old"_s, 1500}},
            QJsonObject {{u"field"_s, u"credits.refill"_s},
                {u"old"_s, QJsonObject {{u"interval"_s, u"daily"_s}, {u"amount"_s, 100}}}}}));
}

// Rows written before changes were recorded have none (no `changes` field), and a row that names
// only a key space gets the API that key space belongs to as a further target.
void TestAuditLog::rowsWrittenBeforeStayAsTheyWere()
{
    ApiHarness h;
    const QString apiId = h.createApi(u"legacy"_s);
    const QString keyId = h.createKey({{u"apiId"_s, apiId}}).value(u"keyId").toString();
    const QString keyspaceId = scalar(h, u"SELECT keyspace_id FROM apis WHERE id = ?"_s, {apiId}).toString();
    // As keys.updateCredits wrote it before (schema 5): no changes, the key space and the key.
    const Latchkey::Core::Status written = h.server().database().write([&]() -> Latchkey::Core::Status {
        QSqlQuery insert = h.server().database().prepare(
            u"INSERT INTO audit_logs (id, workspace_id, time, event, description, actor_type, actor_id, targets)"
            " VALUES ('log_old', ?, 1, 'key.update', ?, 'rootkey', 'rk_old', ?)"_s);
        insert.addBindValue(h.workspaceId());
        insert.addBindValue(u"Updated Key %1, set remaining to 5."_s.arg(keyId));
        insert.addBindValue(
            u"[{\"type\":\"keySpace\",\"id\":\"%1\"},{\"type\":\"key\",\"id\":\"%2\"}]"_s.arg(keyspaceId, keyId));
        if (!insert.exec())
            return Latchkey::Core::makeError(Latchkey::Core::ErrorCode::Internal, insert.lastError().text());
        return {};
    });
    QVERIFY2(written, qPrintable(written ? QString() : written.error().detail));

    const QJsonArray rows = auditLogs(h, u"key.update"_s);
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows[0].toObject();
    QVERIFY(!row.contains(u"changes"));
    QCOMPARE(row.value(u"description").toString(), u"Updated Key %1, set remaining to 5."_s.arg(keyId));
    QCOMPARE(compact(row.value(u"targets").toArray()),
        compact(QJsonArray {QJsonObject {{u"type"_s, u"keySpace"_s}, {u"id"_s, keyspaceId}},
            QJsonObject {{u"type"_s, u"key"_s}, {u"id"_s, keyId}},
            QJsonObject {{u"type"_s, u"api"_s}, {u"id"_s, apiId}, {u"name"_s, u"legacy"_s}}}));
    // Rows that name their API already are left as they are (api.create names both).
    const QJsonArray created = auditLogs(h, u"api.create"_s);
    QCOMPARE(created[0].toObject().value(u"targets").toArray().size(), 2);
}

// Schema 7 keeps each row's folded target names in a column of its own, which targetName
// searches; a store upgraded from schema 6 fills it for the rows written before, so they are
// still found by a part of a name in any case. A text never matches across two names.
void TestAuditLog::rowsWrittenBeforeAreFoundByTargetName()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.db"_s);
    QVERIFY(writeSchema6Store(path));
    auto db = Latchkey::Store::Database::open(path); // migrates to the current schema
    QVERIFY(db);
    const auto rowsFound = [&db](const QString &text) {
        Latchkey::Store::AuditLogFilter filter;
        filter.targetName = text;
        const auto page = Latchkey::Store::AnalyticsQueries(**db).auditLog(u"ws_old"_s, filter, std::nullopt, 10);
        return page ? int(page->rows.size()) : -1;
    };
    QCOMPARE(rowsFound(u"ÄRGER schl"_s), 1);
    QCOMPARE(rowsFound(u"BILLING"_s), 1);
    QCOMPARE(rowsFound(u"Schlüssel billing"_s), 0);
    QCOMPARE(rowsFound(u"schlüssel\x1f"_s), 0); // the character that joins the names in the column
    QCOMPARE(rowsFound(u"schlüssel\x1f"_s + u"billing"_s), 0);
}

void TestAuditLog::listApisWithKeyCounts()
{
    ApiHarness h;
    const QString a = h.createApi(u"list-a"_s);
    const QString b = h.createApi(u"list-b"_s);
    const QString c = h.createApi(u"list-c"_s);
    for (int i = 0; i < 2; ++i)
        h.createKey({{u"apiId"_s, a}});
    const QString deletedKey = h.createKey({{u"apiId"_s, a}}).value(u"keyId").toString();
    QCOMPARE(h.call(u"keys.deleteKey"_s, QJsonObject {{u"keyId"_s, deletedKey}}).status, 200);
    h.createKey({{u"apiId"_s, b}});
    QCOMPARE(h.call(u"apis.deleteApi"_s, QJsonObject {{u"apiId"_s, c}}).status, 200);

    QHash<QString, qint64> counts;
    QStringList order;
    QString cursor;
    do {
        QJsonObject body {{u"limit"_s, 1}};
        if (!cursor.isEmpty())
            body.insert(u"cursor"_s, cursor);
        const ApiReply r = h.call(u"apis.listApis"_s, body);
        QVERIFY2(r.status == 200, r.describe().constData());
        for (const QJsonValue &row : r.dataArray()) {
            order.append(row.toObject().value(u"id").toString());
            counts.insert(order.last(), row.toObject().value(u"keyCount").toInteger());
        }
        cursor = r.pagination().value(u"cursor").toString();
    } while (!cursor.isEmpty());
    QStringList expected {a, b};
    expected.sort();
    QCOMPARE(order, expected); // by id, the deleted API left out
    QCOMPARE(counts.value(a), 2);
    QCOMPARE(counts.value(b), 1);
    QCOMPARE(h.call(u"apis.listApis"_s, QJsonObject {}, h.otherRootKey()).dataArray().size(), 0);
    QCOMPARE(h.call(u"apis.listApis"_s, QJsonObject {{u"limit"_s, 101}}).status, 400);
    const ApiReply r = h.call(u"apis.listApis"_s, QJsonObject {}, h.createRootKey({u"api.*.read_key"_s}));
    QCOMPARE(r.status, 403);
    QVERIFY(r.detail().contains(u"api.*.read_api"));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_audit_log.moc"

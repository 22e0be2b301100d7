// audit.listLogs and apis.listApis through the real router.

#include "support/apiharness.h"

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
};

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
        QJsonObject body{{u"events"_s, QJsonArray{u"api.create"_s}}, {u"limit"_s, 2}};
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

    ApiReply r = h.call(u"audit.listLogs"_s, QJsonObject{{u"targetId"_s, apis.at(2)}});
    QCOMPARE(r.dataArray().size(), 1);
    const QString actorId = r.dataArray()[0].toObject().value(u"actor").toObject().value(u"id").toString();
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject{{u"actorId"_s, actorId}, {u"events"_s, QJsonArray{u"api.create"_s}}}).dataArray().size(), 5);
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject{{u"actorId"_s, u"nobody"_s}}).dataArray().size(), 0);
    const qint64 t = r.dataArray()[0].toObject().value(u"time").toInteger();
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject{{u"start"_s, t}, {u"end"_s, t + 1}, {u"events"_s, QJsonArray{u"api.create"_s}}}).dataArray().size(), 1);
    // Isolation, validation, permissions.
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject{{u"targetId"_s, apis.at(2)}}, h.otherRootKey()).dataArray().size(), 0);
    r = h.call(u"audit.listLogs"_s, QJsonObject{{u"limit"_s, 0}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.error().value(u"errors").toArray()[0].toObject().value(u"location").toString(), u"body.limit"_s);
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject{{u"cursor"_s, u"@@"_s}}).status, 400);
    r = h.call(u"audit.listLogs"_s, QJsonObject{}, h.createRootKey({u"api.*.read_api"_s}));
    QCOMPARE(r.status, 403);
    QVERIFY(r.detail().contains(u"workspace.*.read_audit_log"));
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject{}, u"lk_wrong"_s).status, 401);
}

// Key events name the key and its API, not the owner: includeOwnedKeys with an identity's id as the
// target adds the rows about the keys it owns (a deleted one too), and nothing about other keys.
void TestAuditLog::ownerTargetIncludesTheOwnersKeys()
{
    ApiHarness h;
    const QString apiId = h.createApi(u"owned"_s);
    const QString first = h.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"acme_corp_42"_s}}).value(u"keyId").toString();
    const QString second = h.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"acme_corp_42"_s}}).value(u"keyId").toString();
    const QString stranger = h.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"someone_else"_s}}).value(u"keyId").toString();
    QVERIFY(!first.isEmpty() && !second.isEmpty() && !stranger.isEmpty());
    QCOMPARE(h.call(u"keys.updateKey"_s, QJsonObject{{u"keyId"_s, first}, {u"enabled"_s, false}}).status, 200);
    QCOMPARE(h.call(u"keys.updateKey"_s, QJsonObject{{u"keyId"_s, stranger}, {u"enabled"_s, false}}).status, 200);
    QCOMPARE(h.call(u"keys.deleteKey"_s, QJsonObject{{u"keyId"_s, second}}).status, 200);
    const QString identityId
        = h.call(u"identities.getIdentity"_s, QJsonObject{{u"identity"_s, u"acme_corp_42"_s}}).dataObject().value(u"id").toString();
    QVERIFY(!identityId.isEmpty());

    auto eventsAbout = [&](const QJsonObject &body) {
        const ApiReply r = h.call(u"audit.listLogs"_s, body);
        QStringList events;
        for (const QJsonValue &row : r.dataArray()) {
            QString ids;
            for (const QJsonValue &target : row.toObject().value(u"targets").toArray())
                ids += target.toObject().value(u"id").toString() + u' ';
            events.append(row.toObject().value(u"event").toString() + u' '
                           + (ids.contains(first) ? u"first"_s : ids.contains(second) ? u"second"_s
                              : ids.contains(identityId) ? u"owner"_s : ids));
        }
        events.sort(); // rows of one call share their time; their order among themselves is the ids'
        return events;
    };
    // Without the flag (Unkey-like): only the rows naming the identity itself.
    QCOMPARE(eventsAbout({{u"targetId"_s, identityId}}), QStringList{u"identity.create owner"_s});
    QCOMPARE(eventsAbout({{u"targetId"_s, identityId}, {u"includeOwnedKeys"_s, true}}),
             (QStringList{u"identity.create owner"_s, u"key.create first"_s, u"key.create second"_s,
                          u"key.delete second"_s, u"key.update first"_s}));
    QCOMPARE(eventsAbout({{u"targetId"_s, identityId}, {u"includeOwnedKeys"_s, true}, {u"events"_s, QJsonArray{u"key.update"_s}}}),
             QStringList{u"key.update first"_s});
    // A key id as the target: the flag changes nothing. Another workspace sees nothing.
    QCOMPARE(eventsAbout({{u"targetId"_s, first}, {u"includeOwnedKeys"_s, true}}),
             (QStringList{u"key.create first"_s, u"key.update first"_s}));
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject{{u"targetId"_s, identityId}, {u"includeOwnedKeys"_s, true}},
                    h.otherRootKey()).dataArray().size(), 0);
    QCOMPARE(h.call(u"audit.listLogs"_s, QJsonObject{{u"includeOwnedKeys"_s, u"yes"_s}}).status, 400);
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
    QCOMPARE(h.call(u"keys.deleteKey"_s, QJsonObject{{u"keyId"_s, deletedKey}}).status, 200);
    h.createKey({{u"apiId"_s, b}});
    QCOMPARE(h.call(u"apis.deleteApi"_s, QJsonObject{{u"apiId"_s, c}}).status, 200);

    QHash<QString, qint64> counts;
    QStringList order;
    QString cursor;
    do {
        QJsonObject body{{u"limit"_s, 1}};
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
    QStringList expected{a, b};
    expected.sort();
    QCOMPARE(order, expected); // by id, the deleted API left out
    QCOMPARE(counts.value(a), 2);
    QCOMPARE(counts.value(b), 1);
    QCOMPARE(h.call(u"apis.listApis"_s, QJsonObject{}, h.otherRootKey()).dataArray().size(), 0);
    QCOMPARE(h.call(u"apis.listApis"_s, QJsonObject{{u"limit"_s, 101}}).status, 400);
    const ApiReply r = h.call(u"apis.listApis"_s, QJsonObject{}, h.createRootKey({u"api.*.read_key"_s}));
    QCOMPARE(r.status, 403);
    QVERIFY(r.detail().contains(u"api.*.read_api"));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_audit_log.moc"

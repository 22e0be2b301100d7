// A store that cannot read answers 500 with the error envelope, never an empty part of an answer:
// a key or an owner shown without the rate limits it has would be saved back without them by
// any client that edits what it read (the dashboard's rate-limit cards do), wiping them.

#include "tst_keys_helpers.h"

#include <QSqlError>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

class TestStoreErrors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keyReadsFailWhenWhatTheKeyHasCannotBeRead_data();
    void keyReadsFailWhenWhatTheKeyHasCannotBeRead();
    void ownerReadsFailWhenTheirRateLimitsCannotBeRead();
    void roleReadsFailWhenTheirPermissionsCannotBeRead();
    void rerollFailsWhenWhatTheKeyHasCannotBeCopied_data();
    void rerollFailsWhenWhatTheKeyHasCannotBeCopied();
};

namespace {

QJsonObject limit(const QString &name, qint64 value)
{
    return {{u"name"_s, name}, {u"limit"_s, value}, {u"duration"_s, 60'000}};
}

/// Renames @p from to @p to: every query of the table fails as with a damaged store file.
void renameTable(ApiHarness &h, const QString &from, const QString &to)
{
    const Latchkey::Core::Status renamed = h.server().database().write([&]() -> Latchkey::Core::Status {
        QSqlQuery query = h.server().database().prepare(u"ALTER TABLE "_s + from + u" RENAME TO "_s + to);
        if (!query.exec())
            return Latchkey::Core::makeError(Latchkey::Core::ErrorCode::Internal, query.lastError().text());
        return {};
    });
    QVERIFY2(renamed.ok(), qPrintable(renamed.error().detail));
}

/// A table out of reach for the guard's life.
class TableAway
{
public:
    TableAway(ApiHarness &h, const QString &table)
        : m_h(h)
        , m_table(table)
    {
        renameTable(m_h, m_table, m_table + u"_away"_s);
    }
    ~TableAway() { renameTable(m_h, m_table + u"_away"_s, m_table); }
    Q_DISABLE_COPY_MOVE(TableAway)

private:
    ApiHarness &m_h;
    QString m_table;
};

struct FullKey {
    QString apiId;
    QString keyId;
};

/// A key with a rate limit, an owner, a direct permission and a role that grants a permission.
FullKey fullKey(ApiHarness &h)
{
    const ApiReply role = h.call(u"permissions.createRole"_s,
        QJsonObject {{u"name"_s, u"support"_s}, {u"permissions"_s, QJsonArray {u"tickets.read"_s}}});
    if (role.status != 200)
        qWarning("createRole: %s", role.describe().constData());
    const QString apiId = h.createApi();
    const QJsonObject created = h.createKey(
        {{u"apiId"_s, apiId}, {u"externalId"_s, u"acme"_s}, {u"ratelimits"_s, QJsonArray {limit(u"requests"_s, 10)}},
            {u"permissions"_s, QJsonArray {u"a.read"_s}}, {u"roles"_s, QJsonArray {u"support"_s}}});
    return {apiId, created.value(u"keyId"_s).toString()};
}

void addKeyTables()
{
    QTest::addColumn<QString>("table");
    for (const QString &table : {u"ratelimits"_s, u"keys_permissions"_s, u"keys_roles"_s, u"roles_permissions"_s})
        QTest::newRow(qPrintable(table)) << table;
}

/// Whether @p reply is the 500 error envelope with a request id, and no data.
bool isInternalError(const ApiReply &reply)
{
    return reply.status == 500 && reply.error().value(u"status"_s).toInt() == 500
        && reply.body.value(u"meta"_s).toObject().value(u"requestId"_s).toString().startsWith(u"req_"_s)
        && !reply.body.contains(u"data"_s);
}

} // namespace

void TestStoreErrors::keyReadsFailWhenWhatTheKeyHasCannotBeRead_data()
{
    addKeyTables();
}

void TestStoreErrors::keyReadsFailWhenWhatTheKeyHasCannotBeRead()
{
    QFETCH(QString, table);
    ApiHarness h;
    const auto [apiId, keyId] = fullKey(h);
    const QJsonObject before = h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}}).dataObject();
    QCOMPARE(before.value(u"ratelimits"_s).toArray().size(), 1);
    QCOMPARE(before.value(u"permissions"_s).toArray().size(), 1);
    QCOMPARE(before.value(u"roles"_s).toArray().size(), 1);
    {
        TableAway away(h, table);
        const ApiReply got = h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}});
        QVERIFY2(isInternalError(got), got.describe().constData());
        const ApiReply listed = h.call(u"apis.listKeys"_s, QJsonObject {{u"apiId"_s, apiId}});
        QVERIFY2(isInternalError(listed), listed.describe().constData());
        const ApiReply byOwner = h.call(u"keys.listKeys"_s, QJsonObject {{u"externalId"_s, u"acme"_s}});
        QVERIFY2(isInternalError(byOwner), byOwner.describe().constData());
    }
    // Nothing was lost: with the table back the key has everything it had.
    QCOMPARE(h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}}).dataObject(), before);
}

void TestStoreErrors::ownerReadsFailWhenTheirRateLimitsCannotBeRead()
{
    ApiHarness h;
    const ApiReply created = h.call(u"identities.createIdentity"_s,
        QJsonObject {{u"externalId"_s, u"acme"_s}, {u"ratelimits"_s, QJsonArray {limit(u"shared"_s, 100)}}});
    QVERIFY2(created.status == 200, created.describe().constData());
    // A key of the owner: keys.getKey shows its owner's limits too.
    const QString keyId
        = h.createKey({{u"apiId"_s, h.createApi()}, {u"externalId"_s, u"acme"_s}}).value(u"keyId").toString();
    {
        TableAway away(h, u"ratelimits"_s);
        const ApiReply got = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"acme"_s}});
        QVERIFY2(isInternalError(got), got.describe().constData());
        const ApiReply listed = h.call(u"identities.listIdentities"_s, QJsonObject {});
        QVERIFY2(isInternalError(listed), listed.describe().constData());
        const ApiReply key = h.call(u"keys.getKey"_s, QJsonObject {{u"keyId"_s, keyId}});
        QVERIFY2(isInternalError(key), key.describe().constData());
    }
    const ApiReply got = h.call(u"identities.getIdentity"_s, QJsonObject {{u"identity"_s, u"acme"_s}});
    QCOMPARE(got.dataObject().value(u"ratelimits"_s).toArray().size(), 1);
}

// The Permissions page's role editor saves the permissions it read as the role's whole set.
void TestStoreErrors::roleReadsFailWhenTheirPermissionsCannotBeRead()
{
    ApiHarness h;
    const ApiReply role = h.call(u"permissions.createRole"_s,
        QJsonObject {{u"name"_s, u"support"_s}, {u"permissions"_s, QJsonArray {u"tickets.read"_s}}});
    QVERIFY2(role.status == 200, role.describe().constData());
    TableAway away(h, u"roles_permissions"_s);
    const ApiReply listed = h.call(u"permissions.listRoles"_s, QJsonObject {});
    QVERIFY2(isInternalError(listed), listed.describe().constData());
}

void TestStoreErrors::rerollFailsWhenWhatTheKeyHasCannotBeCopied_data()
{
    addKeyTables();
}

// A reroll copies the key's limits, permissions and roles to the new key; one that could not read
// them made a key without them, while the old one expires.
void TestStoreErrors::rerollFailsWhenWhatTheKeyHasCannotBeCopied()
{
    QFETCH(QString, table);
    ApiHarness h;
    const QString keyId = fullKey(h).keyId;
    const QString before = fingerprint(h);
    {
        TableAway away(h, table);
        const ApiReply rerolled = h.call(u"keys.rerollKey"_s, QJsonObject {{u"keyId"_s, keyId}, {u"expiration"_s, 0}});
        QVERIFY2(isInternalError(rerolled), rerolled.describe().constData());
    }
    QCOMPARE(fingerprint(h), before);
}

QTEST_GUILESS_MAIN(TestStoreErrors)
#include "tst_storeerrors.moc"

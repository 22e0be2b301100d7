// A store that cannot read answers 500 with the error envelope, never an empty part of an answer:
// a key or an owner shown without the rate limits it has would be saved back without them by
// any client that edits what it read (the dashboard's rate-limit cards do), wiping them. Nor is a
// lookup that cannot read "not found": a client told 404 takes the key, API or role for gone, and
// keys.verifyKey would answer NOT_FOUND for a key that is there.

#include "tst_keys_helpers.h"

#include <QMutex>
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
    void lookupsFailWhenTheyCannotRead_data();
    void lookupsFailWhenTheyCannotRead();
    void verifyFailsAndSpendsNothingWhenTheKeyCannotBeRead_data();
    void verifyFailsAndSpendsNothingWhenTheKeyCannotBeRead();
    void verifyFromTheCacheReadsNothingAndLosesNoCredit();
    void aFailedQueryIsLoggedOnce();
};

namespace {

QJsonObject limit(const QString &name, qint64 value)
{
    return {{u"name"_s, name}, {u"limit"_s, value}, {u"duration"_s, 60'000}};
}

using Latchkey::Store::Database;

/// Renames @p from to @p to: every query of the table fails as with a damaged store file. With
/// Invalidation::None the server's caches keep what they hold (as they would for a disk that
/// fails under them).
void renameTable(ApiHarness &h, const QString &from, const QString &to,
    Database::Invalidation caches = Database::Invalidation::Caches)
{
    const Latchkey::Core::Status renamed = h.server().database().write(
        [&]() -> Latchkey::Core::Status {
            QSqlQuery query = h.server().database().prepare(u"ALTER TABLE "_s + from + u" RENAME TO "_s + to);
            if (!query.exec())
                return Latchkey::Core::makeError(Latchkey::Core::ErrorCode::Internal, query.lastError().text());
            return {};
        },
        caches);
    QVERIFY2(renamed.ok(), qPrintable(renamed.error().detail));
}

/// A table out of reach for the guard's life.
class TableAway
{
public:
    TableAway(ApiHarness &h, const QString &table, Database::Invalidation caches = Database::Invalidation::Caches)
        : m_h(h)
        , m_table(table)
    {
        renameTable(m_h, m_table, m_table + u"_away"_s, caches);
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

/// Everything the lookups of lookupsFailWhenTheyCannotRead find, by the placeholder its bodies use.
QHash<QString, QString> lookupWorld(ApiHarness &h)
{
    const QString role = createRole(h, u"support"_s);
    const QString permission = createPermission(h, u"tickets.write"_s);
    const QString apiId = h.createApi();
    const QJsonObject key = h.createKey({{u"apiId"_s, apiId}, {u"externalId"_s, u"acme"_s},
        {u"permissions"_s, QJsonArray {u"a.read"_s}}, {u"roles"_s, QJsonArray {u"support"_s}}});
    const ApiReply ns = h.call(u"ratelimit.createNamespace"_s, QJsonObject {{u"name"_s, u"api-calls"_s}});
    const ApiReply rule = h.call(u"ratelimit.setOverride"_s,
        QJsonObject {
            {u"namespace"_s, u"api-calls"_s}, {u"identifier"_s, u"acme"_s}, {u"limit"_s, 1}, {u"duration"_s, 60'000}});
    if (role.isEmpty() || permission.isEmpty() || ns.status != 200 || rule.status != 200)
        qWarning("setup: %s %s", ns.describe().constData(), rule.describe().constData());
    return {{u"$api"_s, apiId}, {u"$key"_s, key.value(u"keyId").toString()},
        {u"$plaintext"_s, key.value(u"key").toString()}, {u"$role"_s, role}, {u"$permission"_s, permission}};
}

QJsonObject bodyOf(QString text, const QHash<QString, QString> &world)
{
    for (auto it = world.constBegin(); it != world.constEnd(); ++it)
        text.replace(it.key(), it.value());
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

/// The warnings of the store's log category while it is installed.
class StoreWarnings
{
public:
    StoreWarnings() { s_previous = qInstallMessageHandler(collect); }
    ~StoreWarnings() { qInstallMessageHandler(s_previous); }
    Q_DISABLE_COPY_MOVE(StoreWarnings)

    [[nodiscard]] static QStringList lines()
    {
        const QMutexLocker locker(&s_lock);
        return s_lines;
    }

private:
    static void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type == QtWarningMsg && qstrcmp(context.category, "latchkey.store") == 0) {
            const QMutexLocker locker(&s_lock);
            s_lines.append(message);
        }
        s_previous(type, context, message);
    }

    static inline QtMessageHandler s_previous = nullptr;
    static inline QMutex s_lock;
    static inline QStringList s_lines;
};

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

// Every lookup of a request; with its table away it answered 404 (or 401, or an empty list, or
// a rate limit without its override) as if there were nothing there.
void TestStoreErrors::lookupsFailWhenTheyCannotRead_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("body");
    const QList<std::array<QString, 3>> rows {
        {u"keys"_s, u"keys.getKey"_s, uR"({"keyId": "$key"})"_s},
        {u"keys"_s, u"keys.updateKey"_s, uR"({"keyId": "$key", "name": "renamed"})"_s},
        {u"keys"_s, u"keys.deleteKey"_s, uR"({"keyId": "$key"})"_s},
        {u"keys"_s, u"keys.whoami"_s, uR"({"key": "$plaintext"})"_s},
        {u"keys"_s, u"keys.verifyKey"_s, uR"({"key": "$plaintext"})"_s},
        {u"keys"_s, u"analytics.getTimeseries"_s,
            uR"({"scope": "key", "keyId": "$key", "start": 0, "end": 3600000, "bucket": "hour"})"_s},
        {u"apis"_s, u"apis.getApi"_s, uR"({"apiId": "$api"})"_s},
        {u"apis"_s, u"apis.deleteApi"_s, uR"({"apiId": "$api"})"_s},
        {u"apis"_s, u"apis.listKeys"_s, uR"({"apiId": "$api"})"_s},
        {u"apis"_s, u"keys.createKey"_s, uR"({"apiId": "$api"})"_s},
        {u"apis"_s, u"keys.getKey"_s, uR"({"keyId": "$key"})"_s},
        {u"encrypted_keys"_s, u"keys.rerollKey"_s, uR"({"keyId": "$key", "expiration": 0})"_s},
        {u"identities"_s, u"keys.listKeys"_s, uR"({"externalId": "acme"})"_s},
        {u"identities"_s, u"apis.listKeys"_s, uR"({"apiId": "$api", "externalId": "acme"})"_s},
        {u"permissions"_s, u"permissions.getPermission"_s, uR"({"permission": "$permission"})"_s},
        {u"permissions"_s, u"permissions.deletePermission"_s, uR"({"permission": "$permission"})"_s},
        {u"permissions"_s, u"keys.removePermissions"_s, uR"({"keyId": "$key", "permissions": ["a.read"]})"_s},
        {u"roles"_s, u"permissions.getRole"_s, uR"({"role": "$role"})"_s},
        {u"roles"_s, u"permissions.deleteRole"_s, uR"({"role": "$role"})"_s},
        {u"roles"_s, u"keys.addRoles"_s, uR"({"keyId": "$key", "roles": ["support"]})"_s},
        {u"roles"_s, u"keys.createKey"_s, uR"({"apiId": "$api", "roles": ["support"]})"_s},
        {u"roles_permissions"_s, u"permissions.getRole"_s, uR"({"role": "$role"})"_s},
        {u"ratelimit_namespaces"_s, u"ratelimit.getOverride"_s,
            uR"({"namespace": "api-calls", "identifier": "acme"})"_s},
        {u"ratelimit_overrides"_s, u"ratelimit.getOverride"_s,
            uR"({"namespace": "api-calls", "identifier": "acme"})"_s},
        {u"ratelimit_overrides"_s, u"ratelimit.deleteOverride"_s,
            uR"({"namespace": "api-calls", "identifier": "acme"})"_s},
        {u"ratelimit_overrides"_s, u"ratelimit.listOverrides"_s, uR"({"namespace": "api-calls"})"_s},
        {u"ratelimit_overrides"_s, u"ratelimit.limit"_s,
            uR"({"namespace": "api-calls", "identifier": "acme", "limit": 100, "duration": 60000})"_s},
        {u"root_keys"_s, u"apis.getApi"_s, uR"({"apiId": "$api"})"_s},
        {u"root_key_permissions"_s, u"apis.getApi"_s, uR"({"apiId": "$api"})"_s},
    };
    for (const auto &[table, route, body] : rows)
        QTest::newRow(qPrintable(table + u' ' + route)) << table << route << body;
}

void TestStoreErrors::lookupsFailWhenTheyCannotRead()
{
    QFETCH(QString, table);
    QFETCH(QString, route);
    QFETCH(QString, body);
    ApiHarness h;
    const QHash<QString, QString> world = lookupWorld(h);
    const QString before = fingerprint(h);
    {
        TableAway away(h, table);
        const ApiReply reply = h.call(route, bodyOf(body, world));
        QVERIFY2(isInternalError(reply), reply.describe().constData());
    }
    QCOMPARE(fingerprint(h), before); // nothing was changed, nor audited
}

void TestStoreErrors::verifyFailsAndSpendsNothingWhenTheKeyCannotBeRead_data()
{
    QTest::addColumn<QString>("table");
    for (const QString &table : {u"keys"_s, u"apis"_s, u"identities"_s, u"permissions"_s, u"keys_permissions"_s,
             u"keys_roles"_s, u"roles"_s, u"roles_permissions"_s, u"ratelimits"_s})
        QTest::newRow(qPrintable(table)) << table;
}

// A verification that cannot read the key is an error (500), never NOT_FOUND: a caller would take
// a working key for unknown. Nothing is spent, and the key answers as before once it can be read.
void TestStoreErrors::verifyFailsAndSpendsNothingWhenTheKeyCannotBeRead()
{
    QFETCH(QString, table);
    ApiHarness h;
    QVERIFY(!createRole(h, u"support"_s).isEmpty());
    const QString plaintext
        = h.createKey({{u"apiId"_s, h.createApi()}, {u"externalId"_s, u"acme"_s},
                          {u"credits"_s, QJsonObject {{u"remaining"_s, 5}}},
                          {u"ratelimits"_s, QJsonArray {limit(u"requests"_s, 10)}},
                          {u"permissions"_s, QJsonArray {u"a.read"_s}}, {u"roles"_s, QJsonArray {u"support"_s}}})
              .value(u"key")
              .toString();
    const QJsonObject body {{u"key"_s, plaintext}};
    {
        TableAway away(h, table);
        const ApiReply verified = h.call(u"keys.verifyKey"_s, body);
        QVERIFY2(isInternalError(verified), verified.describe().constData());
    }
    const QJsonObject after = h.call(u"keys.verifyKey"_s, body).dataObject();
    QCOMPARE(after.value(u"code"_s).toString(), u"VALID"_s);
    QCOMPARE(after.value(u"credits"_s).toInteger(), 4);
}

// A key the verification cache holds is verified without reading the store; one with credits
// must still write its spend, and one that cannot be written answers 500 and spends nothing.
void TestStoreErrors::verifyFromTheCacheReadsNothingAndLosesNoCredit()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    const QJsonObject unlimited {{u"key"_s, h.createKey({{u"apiId"_s, apiId}}).value(u"key"_s)}};
    const QJsonObject credited {{u"key"_s,
        h.createKey({{u"apiId"_s, apiId}, {u"credits"_s, QJsonObject {{u"remaining"_s, 5}}}}).value(u"key"_s)}};
    QCOMPARE(h.call(u"keys.verifyKey"_s, unlimited).dataObject().value(u"code"_s).toString(), u"VALID"_s);
    QCOMPARE(h.call(u"keys.verifyKey"_s, credited).dataObject().value(u"credits"_s).toInteger(), 4);
    {
        TableAway away(h, u"keys"_s, Database::Invalidation::None); // the cache keeps both keys
        const ApiReply cached = h.call(u"keys.verifyKey"_s, unlimited);
        QCOMPARE(cached.dataObject().value(u"code"_s).toString(), u"VALID"_s);
        const ApiReply spent = h.call(u"keys.verifyKey"_s, credited);
        QVERIFY2(isInternalError(spent), spent.describe().constData());
    }
    QCOMPARE(h.call(u"keys.verifyKey"_s, credited).dataObject().value(u"credits"_s).toInteger(), 3);
}

// An operator reads each failure once: exec() logged it and the error made of it logged it again.
void TestStoreErrors::aFailedQueryIsLoggedOnce()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    TableAway away(h, u"keys"_s);
    StoreWarnings warnings;
    const ApiReply listed = h.call(u"apis.listKeys"_s, QJsonObject {{u"apiId"_s, apiId}});
    QVERIFY2(isInternalError(listed), listed.describe().constData());
    const QStringList lines = StoreWarnings::lines();
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.constFirst().contains(u"no such table: keys"_s), qPrintable(lines.constFirst()));
}

QTEST_GUILESS_MAIN(TestStoreErrors)
#include "tst_storeerrors.moc"

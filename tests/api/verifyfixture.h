#pragma once

// Shared set-up of the keys.verifyKey tests (tst_verify*.cpp): an API, keys, identities, roles and
// permissions, and small helpers to call verifyKey and to look into the database.

#include "support/apiharness.h"

#include "core/keyfactory.h"
#include "core/memoryeventsink.h"
#include "core/random.h"
#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

namespace Latchkey::Test {

/// A key as the tests use it: its id and the plaintext to verify.
struct TestKey {
    QString id;
    QString key;
};

class VerifyFixture
{
public:
    explicit VerifyFixture(ApiHarness &harness) : h(harness)
    {
        apiId = h.createApi(QStringLiteral("verify-api"));
        keyspaceId = scalar(QStringLiteral("SELECT keyspace_id FROM apis WHERE id = ?"), {apiId}).toString();
    }

    /// Creates a key from a keys.createKey request body (apiId defaults to this fixture's API).
    /// Rows are written directly, one transaction, until keys.createKey is available to every test.
    TestKey createKey(QJsonObject request = {})
    {
        if (!request.contains(u"apiId"))
            request.insert(QStringLiteral("apiId"), apiId);
        const QString api = request.value(u"apiId").toString();
        const QString keyspace = scalar(QStringLiteral("SELECT keyspace_id FROM apis WHERE id = ?"), {api}).toString();
        const QString workspace = scalar(QStringLiteral("SELECT workspace_id FROM apis WHERE id = ?"), {api}).toString();
        const Core::GeneratedKey generated = Core::generateKey(request.value(u"prefix").toString(), 16);
        const QString keyId = Core::newId(u"key");
        const qint64 now = h.clock().nowMs();
        const Core::Status written = h.server().database().write([&]() -> Core::Status {
            const QVariant identity = request.contains(u"externalId")
                ? QVariant(identityFor(workspace, request.value(u"externalId").toString()))
                : QVariant(QMetaType::fromType<QString>());
            const QJsonObject credits = request.value(u"credits").toObject();
            const QJsonObject refill = credits.value(u"refill").toObject();
            QSqlQuery insert = h.server().database().prepare(QStringLiteral(
                "INSERT INTO keys (id, workspace_id, keyspace_id, hash, start, name, identity_id, meta, expires,"
                " enabled, remaining, refill_amount, refill_day, last_refill_at, created_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
            for (const QVariant &value : QVariantList{
                     keyId, workspace, keyspace, QString::fromLatin1(generated.hash), generated.start,
                     optional(request, u"name"), identity,
                     request.contains(u"meta") ? QVariant(QString::fromUtf8(QJsonDocument(
                                                     request.value(u"meta").toObject()).toJson(QJsonDocument::Compact)))
                                               : QVariant(QMetaType::fromType<QString>()),
                     optional(request, u"expires"), request.value(u"enabled").toBool(true) ? 1 : 0,
                     optional(credits, u"remaining"), optional(refill, u"amount"), optional(refill, u"refillDay"),
                     refill.isEmpty() ? QVariant(QMetaType::fromType<qint64>()) : QVariant(now), now})
                insert.addBindValue(value);
            if (!insert.exec())
                return Core::makeError(Core::ErrorCode::Internal, insert.lastError().text());
            for (const QJsonValue &slug : request.value(u"permissions").toArray())
                execOrWarn(QStringLiteral("INSERT INTO keys_permissions VALUES (?,?,?,0)"),
                           {keyId, permissionFor(workspace, slug.toString()), workspace});
            for (const QJsonValue &role : request.value(u"roles").toArray())
                execOrWarn(QStringLiteral("INSERT INTO keys_roles SELECT ?, id, ?, 0 FROM roles"
                                          " WHERE workspace_id = ? AND name = ?"),
                           {keyId, workspace, workspace, role.toString()});
            for (const QJsonValue &value : request.value(u"ratelimits").toArray()) {
                const QJsonObject limit = value.toObject();
                execOrWarn(QStringLiteral("INSERT INTO ratelimits (id, workspace_id, name, key_id, \"limit\","
                                          " duration, auto_apply, created_at) VALUES (?,?,?,?,?,?,?,0)"),
                           {Core::newId(u"rl"), workspace, limit.value(u"name").toString(), keyId,
                            limit.value(u"limit").toInteger(), limit.value(u"duration").toInteger(),
                            limit.value(u"autoApply").toBool() ? 1 : 0});
            }
            return {};
        });
        if (!written)
            qWarning("createKey failed: %s", qPrintable(written.error().detail));
        return {keyId, generated.plaintext};
    }

    /// identities.createIdentity; returns the identity id.
    QString createIdentity(const QString &externalId, const QJsonArray &ratelimits = {},
                           const QJsonObject &meta = {})
    {
        QJsonObject body{{QStringLiteral("externalId"), externalId}};
        if (!ratelimits.isEmpty())
            body.insert(QStringLiteral("ratelimits"), ratelimits);
        if (!meta.isEmpty())
            body.insert(QStringLiteral("meta"), meta);
        const ApiReply reply = h.call(QStringLiteral("identities.createIdentity"), body);
        if (reply.status != 200)
            qWarning("createIdentity failed: %s", reply.describe().constData());
        return reply.dataObject().value(u"identityId").toString();
    }

    /// permissions.createRole with these permission slugs (created as needed).
    void createRole(const QString &name, const QStringList &slugs)
    {
        const ApiReply reply = h.call(QStringLiteral("permissions.createRole"),
                                      QJsonObject{{QStringLiteral("name"), name},
                                                  {QStringLiteral("permissions"), QJsonArray::fromStringList(slugs)}});
        if (reply.status != 200)
            qWarning("createRole failed: %s", reply.describe().constData());
    }

    /// POST keys.verifyKey with @p body plus {"key": key}.
    ApiReply verify(const QString &key, QJsonObject body = {}, const QString &rootKey = {})
    {
        body.insert(QStringLiteral("key"), key);
        return h.call(QStringLiteral("keys.verifyKey"), body, rootKey);
    }

    /// Verifies and returns `data` after checking the HTTP status is 200.
    QJsonObject verifyData(const QString &key, const QJsonObject &body = {}, const QString &rootKey = {})
    {
        const ApiReply reply = verify(key, body, rootKey);
        if (reply.status != 200)
            qWarning("verify failed: %s", reply.describe().constData());
        return reply.dataObject();
    }

    /// Runs @p sql in a write transaction (which marks caches stale, like every real mutation).
    void mutate(const QString &sql, const QVariantList &binds)
    {
        const Core::Status written = h.server().database().write([&]() -> Core::Status {
            execOrWarn(sql, binds);
            return {};
        });
        QVERIFY(written.ok());
    }

    /// Runs @p sql outside write(): the generation does not move, so caches are not told.
    void mutateBehindCachesBack(const QString &sql, const QVariantList &binds) { execOrWarn(sql, binds); }

    QVariant scalar(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery query = h.server().database().prepare(sql);
        for (const QVariant &value : binds)
            query.addBindValue(value);
        if (!query.exec() || !query.next())
            return {};
        return query.value(0);
    }

    qint64 remaining(const QString &keyId)
    {
        return scalar(QStringLiteral("SELECT remaining FROM keys WHERE id = ?"), {keyId}).toLongLong();
    }

    qint64 auditCount(const QString &event)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM audit_logs WHERE event = ?"), {event}).toLongLong();
    }

    QList<Core::VerificationEvent> events() { return h.server().events().verifications(); }

    ApiHarness &h;
    QString apiId;
    QString keyspaceId;

private:
    static QVariant optional(const QJsonObject &object, QStringView name)
    {
        const QJsonValue value = object.value(name);
        if (value.isString())
            return value.toString();
        if (value.isDouble())
            return value.toInteger();
        return QVariant(QMetaType::fromType<QString>());
    }

    void execOrWarn(const QString &sql, const QVariantList &binds)
    {
        QSqlQuery query = h.server().database().prepare(sql);
        for (const QVariant &value : binds)
            query.addBindValue(value);
        if (!query.exec())
            qWarning("SQL failed: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    }

    QString identityFor(const QString &workspace, const QString &externalId)
    {
        QString id = scalar(QStringLiteral("SELECT id FROM identities WHERE workspace_id = ? AND external_id = ?"
                                           " AND deleted = 0"), {workspace, externalId}).toString();
        if (id.isEmpty()) {
            id = Core::newId(u"id");
            execOrWarn(QStringLiteral("INSERT INTO identities (id, workspace_id, external_id, created_at)"
                                      " VALUES (?,?,?,0)"), {id, workspace, externalId});
        }
        return id;
    }

    QString permissionFor(const QString &workspace, const QString &slug)
    {
        QString id = scalar(QStringLiteral("SELECT id FROM permissions WHERE workspace_id = ? AND slug = ?"),
                            {workspace, slug}).toString();
        if (id.isEmpty()) {
            id = Core::newId(u"perm");
            execOrWarn(QStringLiteral("INSERT INTO permissions (id, workspace_id, name, slug, created_at)"
                                      " VALUES (?,?,?,?,0)"), {id, workspace, slug, slug});
        }
        return id;
    }
};

} // namespace Latchkey::Test

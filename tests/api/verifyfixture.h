#pragma once

// Shared set-up of the keys.verifyKey tests (tst_verify*.cpp): an API, keys, identities, roles and
// permissions, and small helpers to call verifyKey and to look into the database.

#include "support/apiharness.h"

#include "core/memoryeventsink.h"
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
    explicit VerifyFixture(ApiHarness &harness)
        : h(harness)
    {
        apiId = h.createApi(QStringLiteral("verify-api"));
        keyspaceId = scalar(QStringLiteral("SELECT keyspace_id FROM apis WHERE id = ?"), {apiId}).toString();
    }

    /// keys.createKey with @p request (apiId defaults to this fixture's API).
    TestKey createKey(QJsonObject request = {}, const QString &rootKey = {})
    {
        if (!request.contains(u"apiId"))
            request.insert(QStringLiteral("apiId"), apiId);
        const QJsonObject data = h.createKey(request, rootKey);
        return {data.value(u"keyId").toString(), data.value(u"key").toString()};
    }

    /// identities.createIdentity; returns the identity id.
    QString createIdentity(const QString &externalId, const QJsonArray &ratelimits = {}, const QJsonObject &meta = {})
    {
        QJsonObject body {{QStringLiteral("externalId"), externalId}};
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
            QJsonObject {
                {QStringLiteral("name"), name}, {QStringLiteral("permissions"), QJsonArray::fromStringList(slugs)}});
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
    void execOrWarn(const QString &sql, const QVariantList &binds)
    {
        QSqlQuery query = h.server().database().prepare(sql);
        for (const QVariant &value : binds)
            query.addBindValue(value);
        if (!query.exec())
            qWarning("SQL failed: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    }
};

} // namespace Latchkey::Test

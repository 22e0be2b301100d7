#pragma once

// What tst_analyticsmigration and tst_analyticsminuterollup share: their verification traffic, and
// the analytics query answers as text, one line per bucket or entry, so QCOMPARE shows where two
// answers differ.

#include "store/analyticsqueries.h"
#include "store/analyticsstore.h"
#include "store/sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QVariant>

#include <random>

#include <sqlite3.h>

namespace Latchkey::Test {

/// Verification number @p serial at @p timeMs: one of four keys in two APIs (key_0 and key_1 owned
/// by identities, key_1's VALID ones spend a credit) or, one in five, an unknown key (NOT_FOUND);
/// every outcome kind, tags on half, latencies spread over many histogram bins.
inline Core::VerificationEvent randomVerification(std::mt19937 &random, int serial, qint64 timeMs)
{
    static const QStringList outcomes = {QStringLiteral("VALID"), QStringLiteral("VALID"), QStringLiteral("VALID"),
        QStringLiteral("RATE_LIMITED"), QStringLiteral("USAGE_EXCEEDED"), QStringLiteral("DISABLED")};
    Core::VerificationEvent event;
    const int key = int(random() % 5);
    event.requestId = QStringLiteral("req_%1").arg(serial);
    event.timeMs = timeMs;
    event.workspaceId = QStringLiteral("ws_1");
    event.node = QStringLiteral("node-a");
    event.latencyUs = 5 + qint64(random() % 4000);
    if (key == 4) {
        event.outcome = QStringLiteral("NOT_FOUND");
    } else {
        event.apiId = QStringLiteral("api_%1").arg(key % 2);
        event.keyspaceId = QStringLiteral("ks_%1").arg(key % 2);
        event.keyId = QStringLiteral("key_%1").arg(key);
        event.outcome = outcomes.at(int(random() % outcomes.size()));
        event.spentCredits = event.outcome == u"VALID" && key == 1 ? 1 : 0;
        if (key < 2) {
            event.identityId = QStringLiteral("id_%1").arg(key);
            event.externalId = QStringLiteral("user_%1").arg(key);
        }
    }
    if (random() % 2)
        event.tags = {QStringLiteral("path=/v1/%1").arg(serial % 3)};
    return event;
}

inline QStringList describe(const Store::Series<Store::VerificationBucket> &series)
{
    QStringList lines;
    for (const Store::VerificationBucket &b : series.buckets) {
        QStringList outcomes;
        for (auto it = b.outcomes.cbegin(); it != b.outcomes.cend(); ++it)
            outcomes.append(it.key() + u'=' + QString::number(it.value()));
        lines.append(QStringLiteral("%1 total=%2 spent=%3 p50=%4 p99=%5 %6")
                         .arg(b.timeMs)
                         .arg(b.total)
                         .arg(b.spentCredits)
                         .arg(b.latencyP50Us)
                         .arg(b.latencyP99Us)
                         .arg(outcomes.join(u',')));
    }
    lines.append(QStringLiteral("range p50=%1 p99=%2")
                     .arg(series.latencyP50Us.value_or(-1))
                     .arg(series.latencyP99Us.value_or(-1)));
    return lines;
}

inline QStringList describe(const Store::Series<Store::RatelimitBucket> &series)
{
    QStringList lines;
    for (const Store::RatelimitBucket &b : series.buckets) {
        lines.append(QStringLiteral("%1 passed=%2 blocked=%3 cost=%4/%5 p50=%6 p99=%7")
                         .arg(b.timeMs)
                         .arg(b.passed)
                         .arg(b.blocked)
                         .arg(b.passedCost)
                         .arg(b.blockedCost)
                         .arg(b.latencyP50Us)
                         .arg(b.latencyP99Us));
    }
    lines.append(QStringLiteral("range p50=%1 p99=%2")
                     .arg(series.latencyP50Us.value_or(-1))
                     .arg(series.latencyP99Us.value_or(-1)));
    return lines;
}

inline QStringList describe(const QList<Store::TopEntry> &entries)
{
    QStringList lines;
    for (const Store::TopEntry &e : entries) {
        lines.append(QStringLiteral("%1 %2 %3 %4 %5")
                         .arg(e.id)
                         .arg(e.verifications)
                         .arg(e.rejections)
                         .arg(e.spentCredits)
                         .arg(e.valid));
    }
    return lines;
}

/// describe() of a query's answer, or its error.
template<typename T> QStringList describe(const Core::Result<T> &answer)
{
    return answer ? describe(*answer) : QStringList {QStringLiteral("error: ") + answer.error().detail};
}

/// Every row of @p sql on @p db as text ("a|b|c", blobs in hex).
inline QStringList storedRows(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return {QStringLiteral("query failed: ") + sql};
    QStringList all;
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < query.record().count(); ++i) {
            const QVariant value = query.value(i);
            values.append(value.typeId() == QMetaType::QByteArray ? QString::fromLatin1(value.toByteArray().toHex())
                                                                  : value.toString());
        }
        all.append(values.join(u'|'));
    }
    return all;
}

/// What the analytics.getVerifications sandbox registers on its connection (workspace ws_1, every
/// keyspace), so the public views can be read outside it.
inline bool registerSandboxFunctions(const QSqlDatabase &db)
{
    // A connection registers lk_hist_* when it first writes analytics; a reader may not have.
    if (!Store::AnalyticsStore::registerFunctions(db))
        return false;
    sqlite3 *handle = Store::sqliteHandle(db);
    sqlite3_create_function_v2(
        handle, "lk_workspace", 0, SQLITE_UTF8, nullptr,
        [](sqlite3_context *context, int, sqlite3_value **) {
            sqlite3_result_text(context, "ws_1", -1, SQLITE_STATIC);
        },
        nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(
        handle, "lk_keyspace_allowed", 1, SQLITE_UTF8, nullptr,
        [](sqlite3_context *context, int, sqlite3_value **args) {
            sqlite3_result_int(context, sqlite3_value_type(args[0]) != SQLITE_NULL);
        },
        nullptr, nullptr, nullptr);
    return true;
}

/// The rows of the public views of the detail rollups, view after view (registerSandboxFunctions() first).
inline QStringList viewRows(const QSqlDatabase &db)
{
    QStringList all;
    for (const char *resolution : {"minute", "hour", "day", "month"}) {
        all.append(QString::fromLatin1(resolution));
        all.append(storedRows(db,
            QStringLiteral("SELECT * FROM key_verifications_per_") + QLatin1StringView(resolution)
                + QStringLiteral("_v1 ORDER BY time, key_space_id, key_id, identity_id, external_id, outcome, tags")));
    }
    return all;
}

} // namespace Latchkey::Test

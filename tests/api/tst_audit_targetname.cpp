// audit.listLogs' targetName: a part of any target's name, case-insensitive in every script, `%`
// and `_` as themselves, a deleted key's rows found, combined with the other filters.

#include "support/apiharness.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

class TestAuditTargetName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matches_data();
    void matches();
    void apiNameFindsItsRows();
    void combinesWithTheOtherFilters();
    void otherWorkspacesSeeNothing();
    void badInput_data();
    void badInput();

private:
    /// "event key-name" of every key row @p body finds, sorted (rows of a call share their time).
    QStringList keyRows(const QJsonObject &body, const QString &rootKey = {});

    ApiHarness m_h;
    QHash<QString, QString> m_names; ///< key id -> name
    QString m_production;            ///< the deleted key's id
    QString m_staging;
};

void TestAuditTargetName::initTestCase()
{
    const QString apiId = m_h.createApi(u"billing"_s);
    for (const QString &name : {u"Acme Production"_s, u"acme staging"_s, u"100% coverage"_s, u"under_score"_s,
                                u"back\\slash"_s, u"Ärger Schlüssel ΣΟΦΙΑ"_s}) {
        const QString keyId = m_h.createKey({{u"apiId"_s, apiId}, {u"name"_s, name}}).value(u"keyId").toString();
        QVERIFY(!keyId.isEmpty());
        m_names.insert(keyId, name);
    }
    m_production = m_names.key(u"Acme Production"_s);
    m_staging = m_names.key(u"acme staging"_s);
    QCOMPARE(m_h.call(u"keys.updateKey"_s, QJsonObject{{u"keyId"_s, m_staging}, {u"enabled"_s, false}}).status, 200);
    // The support case of issue 4: the key is gone, its rows are still found by its name.
    QCOMPARE(m_h.call(u"keys.deleteKey"_s, QJsonObject{{u"keyId"_s, m_production}}).status, 200);
}

QStringList TestAuditTargetName::keyRows(const QJsonObject &body, const QString &rootKey)
{
    const ApiReply r = m_h.call(u"audit.listLogs"_s, body, rootKey);
    if (r.status != 200)
        return {u"status %1"_s.arg(r.status)};
    QStringList rows;
    for (const QJsonValue &row : r.dataArray()) {
        QString keyName = u"(no key)"_s;
        for (const QJsonValue &target : row.toObject().value(u"targets").toArray()) {
            if (target.toObject().value(u"type").toString() == u"key"_s)
                keyName = m_names.value(target.toObject().value(u"id").toString(), u"(other key)"_s);
        }
        rows.append(row.toObject().value(u"event").toString() + u' ' + keyName);
    }
    rows.sort();
    return rows;
}

void TestAuditTargetName::matches_data()
{
    QTest::addColumn<QString>("targetName");
    QTest::addColumn<QStringList>("rows");
    const QStringList production{u"key.create Acme Production"_s, u"key.delete Acme Production"_s};
    QTest::newRow("a deleted key by part of its name") << u"prod"_s << production;
    QTest::newRow("the whole name") << u"Acme Production"_s << production;
    QTest::newRow("other case, both keys")
        << u"ACME"_s
        << QStringList{u"key.create Acme Production"_s, u"key.create acme staging"_s, u"key.delete Acme Production"_s,
                       u"key.update acme staging"_s};
    QTest::newRow("% is a percent sign") << u"0%"_s << QStringList{u"key.create 100% coverage"_s};
    QTest::newRow("% alone") << u"%"_s << QStringList{u"key.create 100% coverage"_s};
    QTest::newRow("_ is an underscore") << u"r_s"_s << QStringList{u"key.create under_score"_s};
    QTest::newRow("_ alone") << u"_"_s << QStringList{u"key.create under_score"_s};
    QTest::newRow("a backslash") << u"k\\s"_s << QStringList{u"key.create back\\slash"_s};
    QTest::newRow("non-ASCII, other case") << u"ärger schlüssel"_s << QStringList{u"key.create Ärger Schlüssel ΣΟΦΙΑ"_s};
    QTest::newRow("Greek, other case") << u"σοφια"_s << QStringList{u"key.create Ärger Schlüssel ΣΟΦΙΑ"_s};
    QTest::newRow("nothing") << u"no such name"_s << QStringList{};
}

void TestAuditTargetName::matches()
{
    QFETCH(QString, targetName);
    QFETCH(QStringList, rows);
    QCOMPARE(keyRows({{u"targetName"_s, targetName}}), rows);
}

// Any target's name: an API's finds its creation and every row of its keys (which name their API).
void TestAuditTargetName::apiNameFindsItsRows()
{
    const QStringList rows = keyRows({{u"targetName"_s, u"BILL"_s}});
    QCOMPARE(rows.count(u"api.create (no key)"_s), 1);
    QCOMPARE(rows.filter(u"key.create "_s).size(), m_names.size());
    QCOMPARE(rows.size(), 1 + m_names.size() + 2); // + the staging key's update, the production key's delete
}

void TestAuditTargetName::combinesWithTheOtherFilters()
{
    QCOMPARE(keyRows({{u"targetName"_s, u"acme"_s}, {u"events"_s, QJsonArray{u"key.delete"_s}}}),
             QStringList{u"key.delete Acme Production"_s});
    QCOMPARE(keyRows({{u"targetName"_s, u"acme"_s}, {u"targetId"_s, m_staging}}),
             (QStringList{u"key.create acme staging"_s, u"key.update acme staging"_s}));
    // Both must match: the staging key's id with the production key's name finds nothing.
    QCOMPARE(keyRows({{u"targetName"_s, u"production"_s}, {u"targetId"_s, m_staging}}), QStringList{});
    const ApiReply any = m_h.call(u"audit.listLogs"_s, QJsonObject{{u"limit"_s, 1}});
    const qint64 newest = any.dataArray()[0].toObject().value(u"time").toInteger();
    QCOMPARE(keyRows({{u"targetName"_s, u"acme"_s}, {u"start"_s, newest + 1}}), QStringList{});
    // Paged: the same rows, one page at a time.
    QStringList paged;
    QString cursor;
    do {
        QJsonObject body{{u"targetName"_s, u"ACME"_s}, {u"limit"_s, 1}};
        if (!cursor.isEmpty())
            body.insert(u"cursor"_s, cursor);
        const ApiReply r = m_h.call(u"audit.listLogs"_s, body);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.dataArray().size(), 1);
        paged.append(r.dataArray()[0].toObject().value(u"id").toString());
        cursor = r.pagination().value(u"cursor").toString();
    } while (!cursor.isEmpty());
    QCOMPARE(paged.size(), 4);
}

void TestAuditTargetName::otherWorkspacesSeeNothing()
{
    QCOMPARE(keyRows({{u"targetName"_s, u"acme"_s}}, m_h.otherRootKey()), QStringList{});
}

void TestAuditTargetName::badInput_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("number") << QJsonValue(5);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("array") << QJsonValue(QJsonArray{u"acme"_s});
    QTest::newRow("empty") << QJsonValue(u""_s);
    QTest::newRow("256 characters") << QJsonValue(QString(256, u'a'));
}

void TestAuditTargetName::badInput()
{
    QFETCH(QJsonValue, value);
    const qint64 rowsBefore = m_h.call(u"audit.listLogs"_s, QJsonObject{}).dataArray().size();
    const ApiReply r = m_h.call(u"audit.listLogs"_s, QJsonObject{{u"targetName"_s, value}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.error().value(u"errors").toArray()[0].toObject().value(u"location").toString(), u"body.targetName"_s);
    QCOMPARE(m_h.call(u"audit.listLogs"_s, QJsonObject{}).dataArray().size(), rowsBefore);
    // 255 characters is the limit, not an error.
    QCOMPARE(m_h.call(u"audit.listLogs"_s, QJsonObject{{u"targetName"_s, QString(255, u'a')}}).status, 200);
}

QTEST_GUILESS_MAIN(TestAuditTargetName)
#include "tst_audit_targetname.moc"

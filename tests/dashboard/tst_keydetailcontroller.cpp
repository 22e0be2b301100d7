// KeyDetailController against a real latchkeyd Server on a loopback port: every edit is checked
// through the API (keys.getKey / keys.verifyKey), plus client-side refusals, server refusals with
// their detail, the optimistic `enabled` toggle rolling back, reroll grace and delete.
#include "analytics/analyticssink.h"
#include "dashboardfixture.h"
#include "keydetailcontroller.h"
#include "keysmodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Latchkey::Dashboard::ApiClient;
using Latchkey::Dashboard::ApiResult;
using Latchkey::Dashboard::KeyDetailController;
using Latchkey::Dashboard::KeysModel;

class TestKeyDetailController : public QObject
{
    Q_OBJECT

private:
    Latchkey::Test::DashboardFixture m_fixture;
    QString m_apiId;

    QJsonObject getKey(const QString &keyId)
    {
        const ApiResult result = m_fixture.call(u"keys.getKey"_s, {{u"keyId"_s, keyId}});
        return result.ok() ? result.data.toObject() : QJsonObject();
    }
    QString verify(const QString &key)
    {
        const ApiResult result = m_fixture.call(u"keys.verifyKey"_s, {{u"key"_s, key}});
        return result.data.toObject().value(u"code"_s).toString();
    }
    /// A key with a bit of everything; returns {keyId, key}.
    QJsonObject createKey(const QJsonObject &extra = {})
    {
        QJsonObject body {{u"apiId"_s, m_apiId}, {u"name"_s, u"support key"_s}, {u"prefix"_s, u"sup"_s}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        const ApiResult result = m_fixture.call(u"keys.createKey"_s, body);
        return result.data.toObject();
    }
    /// A controller showing @p keyId, loaded.
    std::unique_ptr<KeyDetailController> open(const QString &keyId)
    {
        auto controller = std::make_unique<KeyDetailController>();
        controller->setClient(m_fixture.client());
        controller->setKeyId(keyId);
        if (!QTest::qWaitFor([&] { return controller->loaded() || !controller->loadError().isEmpty(); }, 20000))
            qWarning("key %s did not load", qPrintable(keyId));
        return controller;
    }
    /// Waits for the save of @p field to end; true when it succeeded.
    static bool waitSaved(KeyDetailController &controller, QSignalSpy &saved, QSignalSpy &failed)
    {
        const bool ended = QTest::qWaitFor([&] { return saved.count() + failed.count() > 0; }, 20000);
        return ended && failed.isEmpty() && !controller.saving().contains(saved.value(0).value(0).toString());
    }
    /// A new key (createKey(@p extra)) open in a controller, with spies on its saves. Tests take
    /// its parts by name: `auto &[created, keyId, controller, saved, failed] = edit;`.
    struct Edit {
        explicit Edit(TestKeyDetailController &test, const QJsonObject &extra = {})
            : created(test.createKey(extra)), keyId(created.value(u"keyId"_s).toString()), controller(test.open(keyId)),
              saved(controller.get(), &KeyDetailController::saved), failed(controller.get(), &KeyDetailController::saveFailed)
        {
        }
        QJsonObject created;
        QString keyId;
        std::unique_ptr<KeyDetailController> controller;
        QSignalSpy saved;
        QSignalSpy failed;
    };

private Q_SLOTS:
    void initTestCase();
    void loadsEveryField();
    void unknownKeyShowsTheServersDetail();
    void savesNameAndClearsIt();
    void ownerCreatesTheIdentityOnTheFly();
    void metaIsValidatedBeforeSending_data();
    void metaIsValidatedBeforeSending();
    void savesMetaAndExpiry();
    void enabledIsOptimisticAndRollsBack();
    void savesCreditsWithRefill();
    void creditsAreValidated();
    void adjustsCredits();
    void refillSaveKeepsCreditsSpentMeanwhile();
    void typedRemainingIsSavedAsTyped();
    void refreshBringsSpentCreditsWithoutKeyChanged();
    void editsRatelimits();
    void ratelimitsAreValidated();
    void permissionsCreatedOnTheFly();
    void rolesMustExistUnlessCreated();
    void oneSaveAtATimePerField();
    void rerollKeepsTheOldKeyDuringTheGracePeriod();
    void rerollWithoutGraceRevokesAtOnce();
    void deleteSoftAndPermanent();
    void forbiddenRootKeyGetsTheServersDetail();
    void aSaveWithTheServerDownIsSaidOnce();
    void switchingKeysDropsStaleAnswers();
    void badgesFollowTheTime();
    void rateLimitedAsTheListsSayIt();
};

void TestKeyDetailController::initTestCase()
{
    m_apiId = m_fixture.createApi(u"detail-api"_s);
    QVERIFY(!m_apiId.isEmpty());
    QVERIFY(m_fixture.call(u"permissions.createRole"_s, {{u"name"_s, u"viewer"_s}}).ok());
}

void TestKeyDetailController::loadsEveryField()
{
    const qint64 expires = QDateTime::currentMSecsSinceEpoch() + 86'400'000;
    const QJsonObject created = createKey({
        {u"externalId"_s, u"acme"_s},
        {u"meta"_s, QJsonObject {{u"plan"_s, u"pro"_s}}},
        {u"expires"_s, expires},
        {u"credits"_s, QJsonObject {{u"remaining"_s, 50},
                          {u"refill"_s, QJsonObject {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 100}, {u"refillDay"_s, 15}}}}},
        {u"ratelimits"_s, QJsonArray {QJsonObject {{u"name"_s, u"requests"_s}, {u"limit"_s, 10}, {u"duration"_s, 60000},
                              {u"autoApply"_s, true}}}},
        {u"permissions"_s, QJsonArray {u"docs.read"_s}},
        {u"roles"_s, QJsonArray {u"viewer"_s}},
    });
    auto controller = open(created.value(u"keyId"_s).toString());
    QVERIFY(controller->loaded());
    QCOMPARE(controller->name(), u"support key"_s);
    QVERIFY(controller->start().startsWith(u"sup_"_s));
    QCOMPARE(controller->externalId(), u"acme"_s);
    QVERIFY(!controller->identityId().isEmpty());
    QVERIFY(controller->metaText().contains(u"\"plan\": \"pro\""_s));
    QCOMPARE(qint64(controller->expires()), expires);
    QVERIFY(controller->enabled());
    QVERIFY(!controller->creditsUnlimited());
    QCOMPARE(controller->creditsRemaining(), 50.0);
    QCOMPARE(controller->refillInterval(), u"monthly"_s);
    QCOMPARE(controller->refillAmount(), 100.0);
    QCOMPARE(controller->refillDay(), 15);
    QCOMPARE(controller->ratelimits().size(), 1);
    const QVariantMap limit = controller->ratelimits().constFirst().toMap();
    QCOMPARE(limit.value(u"name"_s).toString(), u"requests"_s);
    QCOMPARE(limit.value(u"limit"_s).toLongLong(), 10);
    QCOMPARE(limit.value(u"duration"_s).toLongLong(), 60000);
    QVERIFY(limit.value(u"autoApply"_s).toBool());
    QCOMPARE(controller->permissions(), QStringList {u"docs.read"_s});
    QCOMPARE(controller->roles(), QStringList {u"viewer"_s});
    QVERIFY(controller->createdAt() > 0);
    QVERIFY(controller->plaintext().isEmpty()); // never decrypted unless asked
}

void TestKeyDetailController::unknownKeyShowsTheServersDetail()
{
    auto controller = open(u"key_doesnotexist"_s);
    QVERIFY(!controller->loaded());
    QCOMPARE(controller->loadError(), u"The specified key was not found."_s);
    QVERIFY(!controller->loading());
}

void TestKeyDetailController::savesNameAndClearsIt()
{
    Edit edit(*this);
    auto &[created, keyId, controller, saved, failed] = edit;
    QVERIFY(controller->saveName(u"  renamed  "_s));
    QVERIFY(controller->saving().value(u"name"_s).toBool());
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(saved.takeFirst().value(0).toString(), u"name"_s);
    QCOMPARE(controller->name(), u"renamed"_s);
    QCOMPARE(getKey(keyId).value(u"name"_s).toString(), u"renamed"_s);

    QVERIFY(controller->saveName(QString()));
    QVERIFY(waitSaved(*controller, saved, failed));
    QVERIFY(!getKey(keyId).contains(u"name"_s));
    QCOMPARE(controller->name(), QString());
}

void TestKeyDetailController::ownerCreatesTheIdentityOnTheFly()
{
    Edit edit(*this);
    auto &[created, keyId, controller, saved, failed] = edit;
    QVERIFY(!m_fixture.call(u"identities.getIdentity"_s, {{u"identity"_s, u"brand-new-owner"_s}}).ok());
    QVERIFY(controller->saveOwner(u"brand-new-owner"_s));
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(getKey(keyId).value(u"identity"_s).toObject().value(u"externalId"_s).toString(), u"brand-new-owner"_s);
    QVERIFY(m_fixture.call(u"identities.getIdentity"_s, {{u"identity"_s, u"brand-new-owner"_s}}).ok());
    QTRY_COMPARE(controller->externalId(), u"brand-new-owner"_s); // from the quiet refresh
    QTRY_VERIFY(!controller->identityId().isEmpty());

    saved.clear();
    QVERIFY(!controller->saveOwner(u"not allowed!"_s)); // the server's pattern, checked here
    QVERIFY(controller->errors().contains(u"owner"_s));
    QCOMPARE(failed.count(), 1);
    failed.clear();

    QVERIFY(controller->saveOwner(QString()));
    QVERIFY(waitSaved(*controller, saved, failed));
    QVERIFY(!getKey(keyId).contains(u"identity"_s));
    QTRY_COMPARE(controller->externalId(), QString());
    QVERIFY(!controller->errors().contains(u"owner"_s)); // a successful save clears the old error
}

void TestKeyDetailController::metaIsValidatedBeforeSending_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("not json") << u"{plan: pro}"_s << u"Not valid JSON"_s;
    QTest::newRow("array") << u"[1, 2]"_s << u"JSON object"_s;
    QTest::newRow("string") << u"\"pro\""_s << u"JSON object"_s;
    QString many = u"{"_s;
    for (int i = 0; i < 101; ++i)
        many += (i ? u","_s : QString()) + u"\"k%1\": %1"_s.arg(i);
    QTest::newRow("101 properties") << many + u'}' << u"100"_s;
}

void TestKeyDetailController::metaIsValidatedBeforeSending()
{
    QFETCH(QString, text);
    QFETCH(QString, messagePart);
    const QString keyId = createKey({{u"meta"_s, QJsonObject {{u"keep"_s, true}}}}).value(u"keyId"_s).toString();
    auto controller = open(keyId);
    QSignalSpy failed(controller.get(), &KeyDetailController::saveFailed);
    QVERIFY(!controller->saveMeta(text));
    QCOMPARE(failed.count(), 1);
    QVERIFY2(controller->errors().value(u"meta"_s).toString().contains(messagePart),
        qPrintable(controller->errors().value(u"meta"_s).toString()));
    QVERIFY(!controller->saving().contains(u"meta"_s));
    QCOMPARE(getKey(keyId).value(u"meta"_s).toObject(), (QJsonObject {{u"keep"_s, true}}));
}

void TestKeyDetailController::savesMetaAndExpiry()
{
    Edit edit(*this);
    auto &[created, keyId, controller, saved, failed] = edit;
    QVERIFY(controller->saveMeta(u"{\"plan\": \"enterprise\", \"seats\": 12}"_s));
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(getKey(keyId).value(u"meta"_s).toObject(),
        (QJsonObject {{u"plan"_s, u"enterprise"_s}, {u"seats"_s, 12}}));
    saved.clear();
    QVERIFY(controller->saveMeta(u"   "_s)); // blank clears
    QVERIFY(waitSaved(*controller, saved, failed));
    QVERIFY(!getKey(keyId).contains(u"meta"_s));

    const qint64 expires = QDateTime::currentMSecsSinceEpoch() + 7 * 86'400'000LL;
    saved.clear();
    QVERIFY(controller->saveExpiry(double(expires)));
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(getKey(keyId).value(u"expires"_s).toInteger(), expires);
    QCOMPARE(qint64(controller->expires()), expires);

    QVERIFY(!controller->saveExpiry(double(QDateTime::currentMSecsSinceEpoch() - 1000)));
    QVERIFY(controller->errors().value(u"expiry"_s).toString().contains(u"past"_s));
    QCOMPARE(getKey(keyId).value(u"expires"_s).toInteger(), expires);

    saved.clear();
    failed.clear();
    QVERIFY(controller->saveExpiry(0)); // never
    QVERIFY(waitSaved(*controller, saved, failed));
    QVERIFY(!getKey(keyId).contains(u"expires"_s));
    QCOMPARE(controller->expires(), 0.0);
}

void TestKeyDetailController::enabledIsOptimisticAndRollsBack()
{
    Edit edit(*this);
    auto &[created, keyId, controller, saved, failed] = edit;
    QVERIFY(controller->saveEnabled(false));
    QVERIFY(!controller->enabled()); // at once, before the answer
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(getKey(keyId).value(u"enabled"_s).toBool(), false);
    QCOMPARE(verify(created.value(u"key"_s).toString()), u"DISABLED"_s);

    // The key disappears behind the page's back: the server refuses, the toggle goes back.
    QVERIFY(m_fixture.call(u"keys.deleteKey"_s, {{u"keyId"_s, keyId}}).ok());
    saved.clear();
    QVERIFY(controller->saveEnabled(true));
    QVERIFY(controller->enabled());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QVERIFY(!controller->enabled());
    QCOMPARE(failed.first().value(0).toString(), u"enabled"_s);
    QCOMPARE(controller->errors().value(u"enabled"_s).toString(), u"The specified key was not found."_s);
    QVERIFY(saved.isEmpty());
}

void TestKeyDetailController::savesCreditsWithRefill()
{
    const QJsonObject created = createKey();
    const QString keyId = created.value(u"keyId"_s).toString();
    auto controller = open(keyId);
    QVERIFY(controller->creditsUnlimited());
    QSignalSpy saved(controller.get(), &KeyDetailController::saved);
    QSignalSpy failed(controller.get(), &KeyDetailController::saveFailed);
    QVERIFY(controller->saveCredits(false, 3, u"monthly"_s, 500, 31));
    QVERIFY(waitSaved(*controller, saved, failed));
    QJsonObject credits = getKey(keyId).value(u"credits"_s).toObject();
    QCOMPARE(credits.value(u"remaining"_s).toInteger(), 3);
    QCOMPARE(credits.value(u"refill"_s).toObject(),
        (QJsonObject {{u"interval"_s, u"monthly"_s}, {u"amount"_s, 500}, {u"refillDay"_s, 31}}));
    QCOMPARE(controller->creditsRemaining(), 3.0);
    QCOMPARE(controller->refillDay(), 31);

    saved.clear();
    QVERIFY(controller->saveCredits(false, 1, u"daily"_s, 20, 31)); // the day is not sent for daily
    QVERIFY(waitSaved(*controller, saved, failed));
    credits = getKey(keyId).value(u"credits"_s).toObject();
    QCOMPARE(credits.value(u"refill"_s).toObject(), (QJsonObject {{u"interval"_s, u"daily"_s}, {u"amount"_s, 20}}));
    QCOMPARE(verify(created.value(u"key"_s).toString()), u"VALID"_s);
    QCOMPARE(verify(created.value(u"key"_s).toString()), u"USAGE_EXCEEDED"_s);

    saved.clear();
    QVERIFY(controller->saveCredits(true, 0, QString(), 0, 0));
    QVERIFY(waitSaved(*controller, saved, failed));
    QVERIFY(getKey(keyId).value(u"credits"_s).toObject().value(u"remaining"_s).isNull()
        || !getKey(keyId).contains(u"credits"_s));
    QTRY_VERIFY(controller->creditsUnlimited());
    QCOMPARE(verify(created.value(u"key"_s).toString()), u"VALID"_s);
}

void TestKeyDetailController::creditsAreValidated()
{
    const QString keyId = createKey({{u"credits"_s, QJsonObject {{u"remaining"_s, 7}}}}).value(u"keyId"_s).toString();
    auto controller = open(keyId);
    QVERIFY(!controller->saveCredits(true, 0, u"daily"_s, 10, 0));
    QVERIFY(controller->errors().value(u"credits"_s).toString().contains(u"limited"_s));
    QVERIFY(!controller->saveCredits(false, 5, u"monthly"_s, 10, 0));
    QVERIFY(controller->errors().value(u"credits"_s).toString().contains(u"day"_s));
    QVERIFY(!controller->saveCredits(false, 5, u"daily"_s, 0, 0));
    QVERIFY(!controller->saveCredits(false, -1, QString(), 0, 0));
    QVERIFY(!controller->saveCredits(false, 1e17, QString(), 0, 0)); // beyond exact QML numbers
    QCOMPARE(getKey(keyId).value(u"credits"_s).toObject().value(u"remaining"_s).toInteger(), 7);
}

void TestKeyDetailController::adjustsCredits()
{
    Edit edit(*this, {{u"credits"_s, QJsonObject {{u"remaining"_s, 100}}}});
    auto &[created, keyId, controller, saved, failed] = edit;
    QVERIFY(controller->adjustCredits(u"increment"_s, 25));
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(getKey(keyId).value(u"credits"_s).toObject().value(u"remaining"_s).toInteger(), 125);
    QCOMPARE(controller->creditsRemaining(), 125.0);
    saved.clear();
    QVERIFY(controller->adjustCredits(u"decrement"_s, 500)); // floors at 0
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(getKey(keyId).value(u"credits"_s).toObject().value(u"remaining"_s).toInteger(), 0);
    QVERIFY(!controller->adjustCredits(u"multiply"_s, 2));

    // On an unlimited key increment is refused by the server; its detail is shown.
    const QString unlimited = createKey().value(u"keyId"_s).toString();
    controller->setKeyId(unlimited);
    QTRY_VERIFY(controller->loaded());
    failed.clear();
    QVERIFY(controller->adjustCredits(u"increment"_s, 1));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QVERIFY(!controller->errors().value(u"credits"_s).toString().isEmpty());
}

// Walkthrough W5 G10: a page opened at 50 credits, three verifications, then only the refill
// changed and saved: the server keeps 47 (it used to get the stale 50 back).
void TestKeyDetailController::refillSaveKeepsCreditsSpentMeanwhile()
{
    const QJsonObject refill {{u"interval"_s, u"daily"_s}, {u"amount"_s, 1000}};
    Edit edit(*this, {{u"credits"_s, QJsonObject {{u"remaining"_s, 50}, {u"refill"_s, refill}}}});
    auto &[created, keyId, controller, saved, failed] = edit;
    QCOMPARE(controller->creditsRemaining(), 50.0);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(verify(created.value(u"key"_s).toString()), u"VALID"_s);
    QCOMPARE(getKey(keyId).value(u"credits"_s).toObject().value(u"remaining"_s).toInteger(), 47);

    QVERIFY(controller->saveCredits(false, controller->creditsRemaining(), u"daily"_s, 2000, 0, false));
    QVERIFY(waitSaved(*controller, saved, failed));
    const QJsonObject credits = getKey(keyId).value(u"credits"_s).toObject();
    QCOMPARE(credits.value(u"remaining"_s).toInteger(), 47);
    QCOMPARE(credits.value(u"refill"_s).toObject(), (QJsonObject {{u"interval"_s, u"daily"_s}, {u"amount"_s, 2000}}));
    QTRY_COMPARE_WITH_TIMEOUT(controller->creditsRemaining(), 47.0, 20000);
    QCOMPARE(controller->refillAmount(), 2000.0);

    // Removing the refill keeps the balance too.
    saved.clear();
    QVERIFY(verify(created.value(u"key"_s).toString()) == u"VALID"_s);
    QVERIFY(controller->saveCredits(false, 47, QString(), 0, 0, false));
    QVERIFY(waitSaved(*controller, saved, failed));
    const QJsonObject cleared = getKey(keyId).value(u"credits"_s).toObject();
    QCOMPARE(cleared.value(u"remaining"_s).toInteger(), 46);
    QVERIFY(!cleared.contains(u"refill"_s));
    QTRY_COMPARE_WITH_TIMEOUT(controller->creditsRemaining(), 46.0, 20000);
    QCOMPARE(controller->refillInterval(), QString());
}

// What the user typed is what the key gets, whatever traffic spent meanwhile; and a key without
// a limit gets the typed figure even when the page could not tell it was typed.
void TestKeyDetailController::typedRemainingIsSavedAsTyped()
{
    Edit edit(*this, {{u"credits"_s, QJsonObject {{u"remaining"_s, 50}}}});
    auto &[created, keyId, controller, saved, failed] = edit;
    QCOMPARE(verify(created.value(u"key"_s).toString()), u"VALID"_s);
    QVERIFY(controller->saveCredits(false, 500, QString(), 0, 0, true));
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(getKey(keyId).value(u"credits"_s).toObject().value(u"remaining"_s).toInteger(), 500);
    QCOMPARE(controller->creditsRemaining(), 500.0);

    const QString unlimited = createKey().value(u"keyId"_s).toString();
    controller->setKeyId(unlimited);
    QTRY_VERIFY_WITH_TIMEOUT(controller->loaded(), 20000);
    QVERIFY(controller->creditsUnlimited());
    saved.clear();
    QVERIFY(controller->saveCredits(false, 30, u"monthly"_s, 100, 15, false));
    QVERIFY(waitSaved(*controller, saved, failed));
    const QJsonObject credits = getKey(unlimited).value(u"credits"_s).toObject();
    QCOMPARE(credits.value(u"remaining"_s).toInteger(), 30);
    QCOMPARE(credits.value(u"refill"_s).toObject().value(u"refillDay"_s).toInt(), 15);
}

// The page's periodic refresh: spent credits show up, and a refresh that brings only them does
// not signal keyChanged (which reloads every card's editor).
void TestKeyDetailController::refreshBringsSpentCreditsWithoutKeyChanged()
{
    Edit edit(*this, {{u"credits"_s, QJsonObject {{u"remaining"_s, 20}}}});
    auto &[created, keyId, controller, saved, failed] = edit;
    QSignalSpy keyChanged(controller.get(), &KeyDetailController::keyChanged);
    QSignalSpy usageChanged(controller.get(), &KeyDetailController::usageChanged);
    QCOMPARE(verify(created.value(u"key"_s).toString()), u"VALID"_s);
    QCOMPARE(verify(created.value(u"key"_s).toString()), u"VALID"_s);
    controller->refresh();
    QVERIFY(!controller->loading());
    QTRY_COMPARE_WITH_TIMEOUT(controller->creditsRemaining(), 18.0, 20000);
    QCOMPARE(keyChanged.count(), 0);
    QCOMPARE(usageChanged.count(), 1);

    // Nothing new: nothing signalled. Something else changed: keyChanged (with usageChanged).
    controller->refresh();
    QVERIFY(m_fixture.client()->busy());
    QTRY_VERIFY_WITH_TIMEOUT(!m_fixture.client()->busy(), 20000);
    QCOMPARE(keyChanged.count(), 0);
    QCOMPARE(usageChanged.count(), 1);
    QVERIFY(m_fixture.call(u"keys.updateKey"_s, {{u"keyId"_s, keyId}, {u"name"_s, u"renamed elsewhere"_s}}).ok());
    controller->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(controller->name(), u"renamed elsewhere"_s, 20000);
    QCOMPARE(keyChanged.count(), 1);
    QCOMPARE(usageChanged.count(), 2);
}

void TestKeyDetailController::editsRatelimits()
{
    Edit edit(*this);
    auto &[created, keyId, controller, saved, failed] = edit;
    const QVariantList two {
        QVariantMap {{u"name"_s, u"requests"_s}, {u"limit"_s, 1}, {u"duration"_s, 3'600'000}, {u"autoApply"_s, true}},
        QVariantMap {{u"name"_s, u"uploads"_s}, {u"limit"_s, 5}, {u"duration"_s, 86'400'000}, {u"autoApply"_s, false}},
    };
    QVERIFY(controller->saveRatelimits(two));
    QVERIFY(waitSaved(*controller, saved, failed));
    QJsonArray stored = getKey(keyId).value(u"ratelimits"_s).toArray();
    QCOMPARE(stored.size(), 2);
    QTRY_COMPARE(controller->ratelimits().size(), 2);
    QVERIFY(!controller->ratelimits().constFirst().toMap().value(u"id"_s).toString().isEmpty());
    // The auto-applied limit of 1 per hour really limits.
    QCOMPARE(verify(created.value(u"key"_s).toString()), u"VALID"_s);
    QCOMPARE(verify(created.value(u"key"_s).toString()), u"RATE_LIMITED"_s);

    saved.clear();
    QVERIFY(controller->saveRatelimits({two.at(1)})); // remove "requests"
    QVERIFY(waitSaved(*controller, saved, failed));
    stored = getKey(keyId).value(u"ratelimits"_s).toArray();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().toObject().value(u"name"_s).toString(), u"uploads"_s);
    QCOMPARE(verify(created.value(u"key"_s).toString()), u"VALID"_s);
}

void TestKeyDetailController::ratelimitsAreValidated()
{
    const QString keyId = createKey().value(u"keyId"_s).toString();
    auto controller = open(keyId);
    const auto limit = [](const QString &name, qint64 max, qint64 duration) {
        return QVariantMap {{u"name"_s, name}, {u"limit"_s, max}, {u"duration"_s, duration}, {u"autoApply"_s, false}};
    };
    QVERIFY(!controller->saveRatelimits({limit(u"ab"_s, 1, 1000)}));
    QVERIFY(!controller->saveRatelimits({limit(u"requests"_s, 0, 1000)}));
    QVERIFY(!controller->saveRatelimits({limit(u"requests"_s, 1, 999)}));
    QVERIFY(controller->errors().value(u"ratelimits"_s).toString().contains(u"second"_s));
    QVERIFY(!controller->saveRatelimits({limit(u"requests"_s, 1, 1000), limit(u"requests"_s, 2, 1000)}));
    QVERIFY(controller->errors().value(u"ratelimits"_s).toString().contains(u"requests"_s));
    QVERIFY(!getKey(keyId).contains(u"ratelimits"_s));
}

void TestKeyDetailController::permissionsCreatedOnTheFly()
{
    Edit edit(*this);
    auto &[created, keyId, controller, saved, failed] = edit;
    QVERIFY(controller->addPermission(u"invoices.write"_s)); // does not exist yet
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(controller->permissions(), QStringList {u"invoices.write"_s});
    QVERIFY(m_fixture.call(u"permissions.getPermission"_s, {{u"permission"_s, u"invoices.write"_s}}).ok());
    saved.clear();
    QVERIFY(controller->setPermissions({u"invoices.read"_s, u"invoices.write"_s}));
    QVERIFY(waitSaved(*controller, saved, failed));
    QJsonArray stored = getKey(keyId).value(u"permissions"_s).toArray();
    QCOMPARE(stored.size(), 2);
    saved.clear();
    QVERIFY(controller->removePermission(u"invoices.write"_s));
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(getKey(keyId).value(u"permissions"_s).toArray(), (QJsonArray {u"invoices.read"_s}));
    QCOMPARE(controller->permissions(), QStringList {u"invoices.read"_s});
    QVERIFY(!controller->addPermission(u"has space"_s));
    QVERIFY(!controller->errors().value(u"permissions"_s).toString().isEmpty());
}

void TestKeyDetailController::rolesMustExistUnlessCreated()
{
    Edit edit(*this);
    auto &[created, keyId, controller, saved, failed] = edit;
    QVERIFY(controller->addRole(u"ghost"_s));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(controller->errors().value(u"roles"_s).toString(), u"Role 'ghost' was not found."_s);

    failed.clear();
    QVERIFY(controller->createAndAddRole(u"auditor"_s));
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(getKey(keyId).value(u"roles"_s).toArray(), (QJsonArray {u"auditor"_s}));
    QCOMPARE(controller->roles(), QStringList {u"auditor"_s});
    QVERIFY(!controller->errors().contains(u"roles"_s));

    saved.clear();
    QVERIFY(controller->setRoles({u"auditor"_s, u"viewer"_s}));
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(getKey(keyId).value(u"roles"_s).toArray().size(), 2);
    saved.clear();
    QVERIFY(controller->removeRole(u"auditor"_s));
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(getKey(keyId).value(u"roles"_s).toArray(), (QJsonArray {u"viewer"_s}));

    // "Create and add" of a role that exists meanwhile (the server's 409) still adds it.
    saved.clear();
    QVERIFY(controller->createAndAddRole(u"auditor"_s));
    QVERIFY(waitSaved(*controller, saved, failed));
    QCOMPARE(getKey(keyId).value(u"roles"_s).toArray().size(), 2);
    QVERIFY(controller->saving().isEmpty());

    // A name the server refuses for the role: its detail is shown, nothing changes.
    failed.clear();
    QVERIFY(!controller->createAndAddRole(QString(129, u'r')));
    QVERIFY(!controller->errors().value(u"roles"_s).toString().isEmpty());
    QCOMPARE(getKey(keyId).value(u"roles"_s).toArray().size(), 2);
}

void TestKeyDetailController::oneSaveAtATimePerField()
{
    const QString keyId = createKey().value(u"keyId"_s).toString();
    auto controller = open(keyId);
    QSignalSpy saved(controller.get(), &KeyDetailController::saved);
    QVERIFY(controller->saveName(u"first"_s));
    QVERIFY(!controller->saveName(u"second"_s)); // still saving the first
    QVERIFY(controller->saveMeta(u"{\"a\": 1}"_s)); // another field may save meanwhile
    QVERIFY(controller->addPermission(u"parallel.one"_s));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 3, 20000);
    const QJsonObject key = getKey(keyId);
    QCOMPARE(key.value(u"name"_s).toString(), u"first"_s);
    QCOMPARE(key.value(u"meta"_s).toObject(), (QJsonObject {{u"a"_s, 1}}));
    QCOMPARE(key.value(u"permissions"_s).toArray(), (QJsonArray {u"parallel.one"_s}));
    QVERIFY(controller->saving().isEmpty());
}

void TestKeyDetailController::rerollKeepsTheOldKeyDuringTheGracePeriod()
{
    const QJsonObject created = createKey({{u"permissions"_s, QJsonArray {u"docs.read"_s}}});
    const QString keyId = created.value(u"keyId"_s).toString();
    auto controller = open(keyId);
    QSignalSpy rerolled(controller.get(), &KeyDetailController::rerolled);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(controller->reroll(3'600'000));
    QTRY_COMPARE_WITH_TIMEOUT(rerolled.count(), 1, 20000);
    const QString newKeyId = rerolled.first().value(0).toString();
    QCOMPARE(controller->newKeyId(), newKeyId);
    QVERIFY(newKeyId != keyId);
    QVERIFY(controller->newKey().startsWith(u"sup_"_s));
    QCOMPARE(controller->keyId(), keyId); // the page still shows the old key
    QCOMPARE(verify(controller->newKey()), u"VALID"_s);
    QCOMPARE(verify(created.value(u"key"_s).toString()), u"VALID"_s); // grace period
    const qint64 oldExpires = getKey(keyId).value(u"expires"_s).toInteger();
    QVERIFY(oldExpires >= before + 3'600'000 && oldExpires <= before + 3'600'000 + 120'000);
    QTRY_COMPARE(qint64(controller->expires()), oldExpires);
    QCOMPARE(getKey(newKeyId).value(u"permissions"_s).toArray(), (QJsonArray {u"docs.read"_s}));
    // The new-key dialog offers the same verify line as the issue-key dialog.
    QVERIFY(controller->curlCommand().contains(u"/v2/keys.verifyKey"_s));
    QVERIFY(controller->curlCommand().contains(u"{\"key\":\""_s + controller->newKey() + u"\"}"_s));
    QVERIFY(controller->curlCommand().contains(u"$ROOT_KEY"_s));

    controller->forgetNewKey();
    QVERIFY(controller->newKey().isEmpty());
    QVERIFY(controller->curlCommand().isEmpty());
    QVERIFY(!controller->reroll(-5));
}

void TestKeyDetailController::rerollWithoutGraceRevokesAtOnce()
{
    const QJsonObject created = createKey();
    auto controller = open(created.value(u"keyId"_s).toString());
    QSignalSpy rerolled(controller.get(), &KeyDetailController::rerolled);
    QVERIFY(controller->reroll(0));
    QTRY_COMPARE_WITH_TIMEOUT(rerolled.count(), 1, 20000);
    QCOMPARE(verify(created.value(u"key"_s).toString()), u"EXPIRED"_s);
    QCOMPARE(verify(controller->newKey()), u"VALID"_s);
}

void TestKeyDetailController::deleteSoftAndPermanent()
{
    for (const bool permanent : {false, true}) {
        const QJsonObject created = createKey();
        const QString keyId = created.value(u"keyId"_s).toString();
        auto controller = open(keyId);
        QSignalSpy saved(controller.get(), &KeyDetailController::saved);
        QSignalSpy failed(controller.get(), &KeyDetailController::saveFailed);
        QVERIFY(controller->deleteKey(permanent));
        QVERIFY(waitSaved(*controller, saved, failed));
        QVERIFY(controller->deleted());
        const ApiResult after = m_fixture.call(u"keys.getKey"_s, {{u"keyId"_s, keyId}});
        QCOMPARE(after.httpStatus, 404);
        QCOMPARE(verify(created.value(u"key"_s).toString()), u"NOT_FOUND"_s);
        QVERIFY(!controller->saveName(u"too late"_s)); // nothing more is sent for a deleted key
    }
}

void TestKeyDetailController::forbiddenRootKeyGetsTheServersDetail()
{
    const QString keyId = createKey().value(u"keyId"_s).toString();
    // A support root key that may read keys but not change them.
    const QString readOnlyKey = m_fixture.createRootKey({u"api.*.read_key"_s});
    QVERIFY(!readOnlyKey.isEmpty());
    Latchkey::Dashboard::ApiClient readOnly;
    readOnly.setConnection(m_fixture.baseUrl(), readOnlyKey);
    KeyDetailController controller;
    controller.setClient(&readOnly);
    controller.setKeyId(keyId);
    QTRY_VERIFY_WITH_TIMEOUT(controller.loaded(), 20000);
    // Before the key's API is known, any API's permission; keys.getKey's answer names it.
    QCOMPARE(controller.permissionFor(u"update_key"_s, QString()), u"api.*.update_key"_s);
    QCOMPARE(controller.property("apiId").toString(), m_apiId);
    QCOMPARE(controller.permissionFor(u"update_key"_s, controller.property("apiId").toString()),
             u"api."_s + m_apiId + u".update_key"_s);
    QSignalSpy failed(&controller, &KeyDetailController::saveFailed);
    QSignalSpy banner(&readOnly, &ApiClient::requestFailed);
    QVERIFY(controller.saveName(u"nope"_s));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QVERIFY2(controller.errors().value(u"name"_s).toString().contains(u"update_key"_s),
        qPrintable(controller.errors().value(u"name"_s).toString()));
    // Walkthrough 18: said under the field, not in the error banner too.
    QCOMPARE(banner.count(), 0);
    QCOMPARE(controller.name(), u"support key"_s);
    QCOMPARE(getKey(keyId).value(u"name"_s).toString(), u"support key"_s);
}

/// Walkthrough 18: a save with the server down said "Cannot reach …" in the error banner and
/// under the field. Once: in the banner, where every failure to reach the server is said (and
/// goes away by itself once the server answers again); the draft stays for another Save.
void TestKeyDetailController::aSaveWithTheServerDownIsSaidOnce()
{
    const QString keyId = createKey().value(u"keyId"_s).toString();
    Latchkey::Dashboard::ApiClient client;
    client.setConnection(m_fixture.baseUrl(), m_fixture.rootKey());
    KeyDetailController controller;
    controller.setClient(&client);
    controller.setKeyId(keyId);
    QTRY_VERIFY_WITH_TIMEOUT(controller.loaded(), 20000);
    client.setConnection(QUrl(u"http://127.0.0.1:1"_s), m_fixture.rootKey()); // nothing listens there
    QSignalSpy failed(&controller, &KeyDetailController::saveFailed);
    QSignalSpy banner(&client, &ApiClient::requestFailed);
    QVERIFY(controller.saveName(u"not sent"_s));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(banner.count(), 1);
    QVERIFY2(!controller.errors().contains(u"name"_s), qPrintable(controller.errors().value(u"name"_s).toString()));
    QVERIFY(controller.saving().isEmpty());
}

void TestKeyDetailController::switchingKeysDropsStaleAnswers()
{
    const QString first = createKey({{u"name"_s, u"first key"_s}}).value(u"keyId"_s).toString();
    const QString second = createKey({{u"name"_s, u"second key"_s}}).value(u"keyId"_s).toString();
    KeyDetailController controller;
    QSignalSpy saved(&controller, &KeyDetailController::saved);
    controller.setClient(m_fixture.client());
    controller.setKeyId(first);
    controller.setKeyId(second); // before the first answer arrived
    QTRY_VERIFY_WITH_TIMEOUT(controller.loaded(), 20000);
    QCOMPARE(controller.name(), u"second key"_s);
    QVERIFY(controller.saveName(u"renamed second"_s));
    controller.setKeyId(first); // the save's answer must not land on the first key's page
    QTRY_VERIFY_WITH_TIMEOUT(controller.loaded(), 20000);
    QTest::qWait(200);
    QCOMPARE(controller.name(), u"first key"_s);
    QVERIFY(saved.isEmpty());
    QVERIFY(controller.saving().isEmpty());
}

// A page left open turns "expiring" 24 h before the expiry and "expired" at it, announced by
// usageChanged when the time comes (the header's pills bind to it), without a reload (walk 23
// note: the badges were computed when the key loaded only).
void TestKeyDetailController::badgesFollowTheTime()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto soonExpiring = open(createKey({{u"expires"_s, now + KeysModel::kExpiringWithinMs + 2000}}).value(u"keyId"_s).toString());
    auto soonExpired = open(createKey({{u"expires"_s, now + 3000}}).value(u"keyId"_s).toString());
    QVERIFY(soonExpiring->loaded() && soonExpired->loaded());
    QSignalSpy expiringAnnounced(soonExpiring.get(), &KeyDetailController::usageChanged);
    QSignalSpy expiredAnnounced(soonExpired.get(), &KeyDetailController::usageChanged);
    QVERIFY2(!soonExpiring->badges().contains(u"expiring"_s), qPrintable(soonExpiring->badges().join(u' ')));
    QVERIFY(soonExpired->badges().contains(u"expiring"_s));
    QVERIFY(!soonExpired->expired());

    QTRY_VERIFY_WITH_TIMEOUT(!expiringAnnounced.isEmpty(), 10000);
    QVERIFY2(soonExpiring->badges().contains(u"expiring"_s), qPrintable(soonExpiring->badges().join(u' ')));
    QTRY_VERIFY_WITH_TIMEOUT(!expiredAnnounced.isEmpty(), 10000);
    QVERIFY(soonExpired->expired());
    QVERIFY2(soonExpired->badges().contains(u"expired"_s), qPrintable(soonExpired->badges().join(u' ')));
    QVERIFY(!soonExpired->badges().contains(u"expiring"_s));
}

// The key lists' "rate limited" (a RATE_LIMITED verification in the last hour) in the key page's
// badges too (walk 23b/Y7: the list showed it and the key's own header did not); not asked where
// the root key may not read analytics.
void TestKeyDetailController::rateLimitedAsTheListsSayIt()
{
    const QJsonArray oneAMinute{QJsonObject{
        {u"name"_s, u"requests"_s}, {u"limit"_s, 1}, {u"duration"_s, 60'000}, {u"autoApply"_s, true}}};
    const QJsonObject limited = createKey({{u"ratelimits"_s, oneAMinute}});
    const QJsonObject calm = createKey();
    QCOMPARE(verify(limited.value(u"key"_s).toString()), u"VALID"_s);
    QCOMPARE(verify(limited.value(u"key"_s).toString()), u"RATE_LIMITED"_s);
    QCOMPARE(verify(calm.value(u"key"_s).toString()), u"VALID"_s);
    QVERIFY(m_fixture.server().analytics().flush());

    auto controller = open(limited.value(u"keyId"_s).toString());
    QTRY_VERIFY_WITH_TIMEOUT(controller->badges().contains(u"rateLimited"_s), 20000);
    auto calmController = open(calm.value(u"keyId"_s).toString());
    QTRY_VERIFY_WITH_TIMEOUT(!m_fixture.client()->busy(), 20000);
    QCOMPARE(calmController->badges(), QStringList{u"active"_s});

    // Switched off (the root key may not read analytics): no badge, and no failure.
    QSignalSpy failed(m_fixture.client(), &ApiClient::requestFailed);
    KeyDetailController quiet;
    quiet.setRateLimitBadges(false);
    quiet.setClient(m_fixture.client());
    quiet.setKeyId(limited.value(u"keyId"_s).toString());
    QTRY_VERIFY_WITH_TIMEOUT(quiet.loaded(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_fixture.client()->busy(), 20000);
    QVERIFY2(!quiet.badges().contains(u"rateLimited"_s), qPrintable(quiet.badges().join(u' ')));
    QCOMPARE(failed.count(), 0);
}

QTEST_MAIN(TestKeyDetailController)
#include "tst_keydetailcontroller.moc"

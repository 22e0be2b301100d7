// IssueKeyController against a real latchkeyd Server on a loopback port: the validation mirrors
// the server's, a valid form creates exactly the key it describes (checked through keys.getKey and
// keys.verifyKey), the server's detail is shown when it still refuses, the curl line never holds
// the root key, and clear() forgets the plaintext. New roles and permissions exist only once the
// key is issued.
#include "dashboardfixture.h"
#include "issuekeycontroller.h"

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Latchkey::Dashboard::ApiResult;
using Latchkey::Dashboard::IssueKeyController;

class TestIssueKeyController : public QObject
{
    Q_OBJECT

private:
    Latchkey::Test::DashboardFixture m_fixture;
    QString m_apiId;

    std::unique_ptr<IssueKeyController> form()
    {
        auto controller = std::make_unique<IssueKeyController>();
        controller->setClient(m_fixture.client());
        controller->setProperty("apiId", m_apiId);
        return controller;
    }
    static QVariantMap limit(const QString &name, qint64 max, qint64 duration, bool autoApply = true)
    {
        return {{u"name"_s, name}, {u"limit"_s, max}, {u"duration"_s, duration}, {u"autoApply"_s, autoApply}};
    }

private Q_SLOTS:
    void initTestCase();
    void refusesWhatTheServerWouldRefuse_data();
    void refusesWhatTheServerWouldRefuse();
    void aFixedFieldLosesItsErrorAtOnce();
    void permissionRuleKeepsItsSignsTogether();
    void issuesExactlyTheKeyDescribed();
    void minimalFormIssuesAnUnlimitedKey();
    void showsTheServersDetailWhenItRefuses();
    void curlLineVerifiesWithoutTheRootKey();
    void copiesToTheClipboard();
    void clearForgetsTheKeyAndResetsTheForm();
    void modifiedOnceSomethingIsEntered_data();
    void modifiedOnceSomethingIsEntered();
    void oneIssueAtATime();
    void newRolesAreCreatedWhenIssuing();
    void aRoleMadeMeanwhileIsUsed();
};

void TestIssueKeyController::initTestCase()
{
    m_apiId = m_fixture.createApi(u"issue-api"_s);
    QVERIFY(!m_apiId.isEmpty());
    QVERIFY(m_fixture.call(u"permissions.createRole"_s, {{u"name"_s, u"support"_s}}).ok());
}

void TestIssueKeyController::refusesWhatTheServerWouldRefuse_data()
{
    QTest::addColumn<QString>("property");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("field");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QTest::newRow("no api") << u"apiId"_s << QVariant(QString()) << u"apiId"_s;
    QTest::newRow("api id pattern") << u"apiId"_s << QVariant(u"api-with-dash"_s) << u"apiId"_s;
    QTest::newRow("prefix too long") << u"prefix"_s << QVariant(u"abcdefghijklmnopq"_s) << u"prefix"_s;
    QTest::newRow("prefix pattern") << u"prefix"_s << QVariant(u"sk-"_s) << u"prefix"_s;
    QTest::newRow("name too long") << u"name"_s << QVariant(QString(256, u'n')) << u"name"_s;
    QTest::newRow("owner pattern") << u"externalId"_s << QVariant(u"acme corp"_s) << u"externalId"_s;
    QTest::newRow("meta not json") << u"metaText"_s << QVariant(u"{"_s) << u"meta"_s;
    QTest::newRow("meta array") << u"metaText"_s << QVariant(u"[]"_s) << u"meta"_s;
    QTest::newRow("expiry past") << u"expires"_s << QVariant(double(now - 60'000)) << u"expires"_s;
    QTest::newRow("expiry 2100") << u"expires"_s << QVariant(4'102'444'800'001.0) << u"expires"_s;
    QTest::newRow("refill unlimited") << u"refillInterval"_s << QVariant(u"daily"_s) << u"credits"_s;
    QTest::newRow("rate limit window") << u"ratelimits"_s << QVariant(QVariantList {limit(u"requests"_s, 5, 500)})
                                       << u"ratelimits"_s;
    QTest::newRow("rate limit twice") << u"ratelimits"_s
                                      << QVariant(QVariantList {limit(u"requests"_s, 5, 1000), limit(u"requests"_s, 6, 1000)})
                                      << u"ratelimits"_s;
    QTest::newRow("permission pattern") << u"permissions"_s << QVariant(QStringList {u"docs read"_s}) << u"permissions"_s;
    QTest::newRow("role empty") << u"roles"_s << QVariant(QStringList {QString()}) << u"roles"_s;
}

void TestIssueKeyController::refusesWhatTheServerWouldRefuse()
{
    QFETCH(QString, property);
    QFETCH(QVariant, value);
    QFETCH(QString, field);
    auto controller = form();
    QVERIFY(controller->validate());
    QVERIFY(controller->setProperty(property.toUtf8().constData(), value));
    QSignalSpy busy(controller.get(), &IssueKeyController::busyChanged);
    QVERIFY(!controller->issue());
    QVERIFY2(controller->errors().contains(field), qPrintable(QStringList(controller->errors().keys()).join(u',')));
    QCOMPARE(controller->errors().size(), 1);
    QVERIFY(!controller->errors().value(field).toString().isEmpty());
    QVERIFY(busy.isEmpty()); // nothing was sent
    QVERIFY(!controller->issued());
}

// Walkthrough 23b, Y13: the rule's signs broke apart in a narrow form ("… and _" over ": - . *"):
// no-break spaces between them.
void TestIssueKeyController::permissionRuleKeepsItsSignsTogether()
{
    auto controller = form();
    controller->setProperty("permissions", QStringList {u"docs read"_s});
    QVERIFY(!controller->issue());
    const QString message = controller->errors().value(u"permissions"_s).toString();
    QVERIFY2(message.contains(u"_\u00a0:\u00a0-\u00a0.\u00a0*"_s), qPrintable(message));
}

// Walkthrough 21: after a refused Issue, "A rate limit name has 3 to 128 characters." stayed
// under the rate limits while the user typed a good name, up to the next Issue. Once shown, each
// message follows the form: it goes as its field is put right, and stays while it is still wrong.
void TestIssueKeyController::aFixedFieldLosesItsErrorAtOnce()
{
    auto controller = form();
    controller->setProperty("ratelimits", QVariantList {limit(QString(), 100, 60'000)});
    controller->setProperty("prefix", u"sk-"_s);
    QVERIFY(!controller->issue());
    QVERIFY(controller->errors().contains(u"ratelimits"_s));
    QVERIFY(controller->errors().contains(u"prefix"_s));

    controller->setProperty("ratelimits", QVariantList {limit(u"re"_s, 100, 60'000)});
    QVERIFY2(controller->errors().contains(u"ratelimits"_s), "a name still too short keeps its message");
    controller->setProperty("ratelimits", QVariantList {limit(u"requests"_s, 100, 60'000)});
    QVERIFY2(!controller->errors().contains(u"ratelimits"_s), "the message went with the mistake");
    QVERIFY2(controller->errors().contains(u"prefix"_s), "the other field's message stays");
    controller->setProperty("prefix", u"sk"_s);
    QVERIFY(controller->errors().isEmpty());
}

void TestIssueKeyController::issuesExactlyTheKeyDescribed()
{
    auto controller = form();
    const qint64 expires = QDateTime::currentMSecsSinceEpoch() + 30 * 86'400'000LL;
    controller->setProperty("prefix", u"acme"_s);
    controller->setProperty("name", u"Acme production"_s);
    controller->setProperty("externalId", u"acme-corp"_s);
    controller->setProperty("metaText", u"{\"plan\": \"gold\"}"_s);
    controller->setProperty("expires", double(expires));
    controller->setProperty("creditsUnlimited", false);
    controller->setProperty("creditsRemaining", 1000.0);
    controller->setProperty("refillInterval", u"monthly"_s);
    controller->setProperty("refillAmount", 1000.0);
    controller->setProperty("refillDay", 1);
    controller->setProperty("ratelimits", QVariantList {limit(u"requests"_s, 100, 60'000)});
    controller->setProperty("permissions", QStringList {u"reports.read"_s});
    controller->setProperty("roles", QStringList {u"support"_s});
    controller->setProperty("recoverable", true);
    QSignalSpy issuedSpy(controller.get(), &IssueKeyController::keyIssued);
    QVERIFY(controller->issue());
    QVERIFY(controller->busy());
    QTRY_COMPARE_WITH_TIMEOUT(issuedSpy.count(), 1, 20000);
    QVERIFY(!controller->busy());
    QVERIFY(controller->issued());
    QVERIFY(controller->newKey().startsWith(u"acme_"_s));
    const QString keyId = controller->newKeyId();
    QCOMPARE(issuedSpy.first().value(0).toString(), keyId);

    const ApiResult got = m_fixture.call(u"keys.getKey"_s, {{u"keyId"_s, keyId}, {u"decrypt"_s, true}});
    QVERIFY2(got.ok(), qPrintable(got.errorDetail));
    const QJsonObject key = got.data.toObject();
    QCOMPARE(key.value(u"name"_s).toString(), u"Acme production"_s);
    QCOMPARE(key.value(u"identity"_s).toObject().value(u"externalId"_s).toString(), u"acme-corp"_s);
    QCOMPARE(key.value(u"meta"_s).toObject(), (QJsonObject {{u"plan"_s, u"gold"_s}}));
    QCOMPARE(key.value(u"expires"_s).toInteger(), expires);
    QCOMPARE(key.value(u"credits"_s).toObject().value(u"remaining"_s).toInteger(), 1000);
    QCOMPARE(key.value(u"credits"_s).toObject().value(u"refill"_s).toObject().value(u"refillDay"_s).toInt(), 1);
    QCOMPARE(key.value(u"ratelimits"_s).toArray().size(), 1);
    QCOMPARE(key.value(u"permissions"_s).toArray(), (QJsonArray {u"reports.read"_s}));
    QCOMPARE(key.value(u"roles"_s).toArray(), (QJsonArray {u"support"_s}));
    QCOMPARE(key.value(u"plaintext"_s).toString(), controller->newKey()); // recoverable
    const ApiResult verified = m_fixture.call(u"keys.verifyKey"_s, {{u"key"_s, controller->newKey()}});
    QCOMPARE(verified.data.toObject().value(u"code"_s).toString(), u"VALID"_s);
    QCOMPARE(verified.data.toObject().value(u"credits"_s).toInteger(), 999);
}

void TestIssueKeyController::minimalFormIssuesAnUnlimitedKey()
{
    auto controller = form();
    QCOMPARE(controller->requestBody(), (QJsonObject {{u"apiId"_s, m_apiId}}));
    controller->setProperty("enabled", false);
    QSignalSpy issuedSpy(controller.get(), &IssueKeyController::keyIssued);
    QVERIFY(controller->issue());
    QTRY_COMPARE_WITH_TIMEOUT(issuedSpy.count(), 1, 20000);
    const ApiResult got = m_fixture.call(u"keys.getKey"_s, {{u"keyId"_s, controller->newKeyId()}});
    QVERIFY(!got.data.toObject().contains(u"credits"_s)
        || got.data.toObject().value(u"credits"_s).toObject().value(u"remaining"_s).isNull());
    QCOMPARE(got.data.toObject().value(u"enabled"_s).toBool(), false);
    const ApiResult verified = m_fixture.call(u"keys.verifyKey"_s, {{u"key"_s, controller->newKey()}});
    QCOMPARE(verified.data.toObject().value(u"code"_s).toString(), u"DISABLED"_s);
}

void TestIssueKeyController::showsTheServersDetailWhenItRefuses()
{
    auto controller = form();
    controller->setProperty("roles", QStringList {u"no-such-role"_s});
    QSignalSpy failed(controller.get(), &IssueKeyController::issueFailed);
    QVERIFY(controller->issue());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(controller->serverError(), u"Role 'no-such-role' was not found."_s);
    QCOMPARE(failed.first().value(0).toString(), controller->serverError());
    QVERIFY(!controller->issued());
    QVERIFY(controller->newKey().isEmpty());

    // Fixing the form and sending again clears the old message.
    controller->setProperty("roles", QStringList {u"support"_s});
    QSignalSpy issuedSpy(controller.get(), &IssueKeyController::keyIssued);
    QVERIFY(controller->issue());
    QVERIFY(controller->serverError().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(issuedSpy.count(), 1, 20000);

    // An API of another workspace (or none) is the server's 404.
    auto other = form();
    other->setProperty("apiId", u"api_doesnotexist"_s);
    QSignalSpy otherFailed(other.get(), &IssueKeyController::issueFailed);
    QVERIFY(other->issue());
    QTRY_COMPARE_WITH_TIMEOUT(otherFailed.count(), 1, 20000);
    QVERIFY(other->serverError().contains(u"API"_s));
}

void TestIssueKeyController::curlLineVerifiesWithoutTheRootKey()
{
    auto controller = form();
    QVERIFY(controller->curlCommand().isEmpty());
    QSignalSpy issuedSpy(controller.get(), &IssueKeyController::keyIssued);
    QVERIFY(controller->issue());
    QTRY_COMPARE_WITH_TIMEOUT(issuedSpy.count(), 1, 20000);
    const QString curl = controller->curlCommand();
    QVERIFY(curl.startsWith(u"curl -X POST '"_s + m_fixture.client()->baseUrl().toString()));
    QVERIFY(curl.contains(u"/v2/keys.verifyKey'"_s));
    QVERIFY(curl.contains(u"\"Authorization: Bearer $ROOT_KEY\""_s));
    QVERIFY(curl.contains(u"{\"key\":\""_s + controller->newKey() + u"\"}"_s));
    QVERIFY(!curl.contains(m_fixture.client()->rootKey()));
}

void TestIssueKeyController::copiesToTheClipboard()
{
    auto controller = form();
    controller->copyToClipboard(u"sk_copied"_s);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"sk_copied"_s);
}

void TestIssueKeyController::clearForgetsTheKeyAndResetsTheForm()
{
    auto controller = form();
    controller->setProperty("name", u"temporary"_s);
    controller->setProperty("permissions", QStringList {u"a.b"_s});
    QSignalSpy issuedSpy(controller.get(), &IssueKeyController::keyIssued);
    QVERIFY(controller->issue());
    QTRY_COMPARE_WITH_TIMEOUT(issuedSpy.count(), 1, 20000);
    QVERIFY(!controller->newKey().isEmpty());
    QSignalSpy issuedChanged(controller.get(), &IssueKeyController::issuedChanged);
    controller->clear();
    QCOMPARE(issuedChanged.count(), 1);
    QVERIFY(controller->newKey().isEmpty());
    QVERIFY(controller->newKeyId().isEmpty());
    QVERIFY(controller->curlCommand().isEmpty());
    QVERIFY(!controller->issued());
    QCOMPARE(controller->property("name").toString(), QString());
    QVERIFY(controller->property("permissions").toStringList().isEmpty());
    QCOMPARE(controller->property("apiId").toString(), m_apiId); // the API stays chosen
    QVERIFY(controller->errors().isEmpty());
}

void TestIssueKeyController::modifiedOnceSomethingIsEntered_data()
{
    QTest::addColumn<QString>("property");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("modified");
    QTest::newRow("name") << u"name"_s << QVariant(u"n"_s) << true;
    QTest::newRow("blank name") << u"name"_s << QVariant(u"   "_s) << false;
    QTest::newRow("prefix") << u"prefix"_s << QVariant(u"sk"_s) << true;
    QTest::newRow("owner") << u"externalId"_s << QVariant(u"acme"_s) << true;
    QTest::newRow("meta") << u"metaText"_s << QVariant(u"{}"_s) << true;
    QTest::newRow("expiry") << u"expires"_s << QVariant(1.0e13) << true;
    QTest::newRow("credits") << u"creditsUnlimited"_s << QVariant(false) << true;
    QTest::newRow("credits of an unlimited key") << u"creditsRemaining"_s << QVariant(5.0) << false;
    QTest::newRow("rate limit") << u"ratelimits"_s << QVariant(QVariantList {limit(u"a"_s, 1, 1000)}) << true;
    QTest::newRow("permission") << u"permissions"_s << QVariant(QStringList {u"a.b"_s}) << true;
    QTest::newRow("role") << u"roles"_s << QVariant(QStringList {u"support"_s}) << true;
    QTest::newRow("recoverable") << u"recoverable"_s << QVariant(true) << true;
    QTest::newRow("disabled") << u"enabled"_s << QVariant(false) << true;
    QTest::newRow("another API") << u"apiId"_s << QVariant(u"api_other"_s) << false;
}

/// What the dialog asks about before discarding (walkthrough G32): any entry but the API, counted
/// from the last clear() or markUnmodified() (a pre-filled owner is not the user's entry).
void TestIssueKeyController::modifiedOnceSomethingIsEntered()
{
    QFETCH(QString, property);
    QFETCH(QVariant, value);
    QFETCH(bool, modified);
    auto controller = form();
    QVERIFY(!controller->modified());
    QSignalSpy changed(controller.get(), &IssueKeyController::formChanged);
    QVERIFY(controller->setProperty(property.toUtf8().constData(), value));
    QCOMPARE(controller->modified(), modified);
    QCOMPARE(controller->property("modified").toBool(), modified);
    if (modified)
        QVERIFY(changed.count() >= 1);
    controller->clear();
    QVERIFY(!controller->modified());

    // A pre-fill is the starting point; entries after it count.
    controller->setProperty("externalId", u"prefilled"_s);
    controller->markUnmodified();
    QVERIFY(!controller->modified());
    QVERIFY(controller->setProperty(property.toUtf8().constData(), value));
    QCOMPARE(controller->modified(), modified);
}

void TestIssueKeyController::oneIssueAtATime()
{
    auto controller = form();
    QSignalSpy issuedSpy(controller.get(), &IssueKeyController::keyIssued);
    QVERIFY(controller->issue());
    QVERIFY(!controller->issue());
    QTRY_COMPARE_WITH_TIMEOUT(issuedSpy.count(), 1, 20000);
    QTest::qWait(100);
    QCOMPARE(issuedSpy.count(), 1);
    // Closing the dialog while the call is in flight: no key appears afterwards.
    QVERIFY(controller->issue());
    controller->clear();
    QVERIFY(!controller->busy());
    QTest::qWait(300);
    QCOMPARE(issuedSpy.count(), 1);
    QVERIFY(controller->newKey().isEmpty());
}

/// A role or permission that does not exist is created with the key, not before: a cleared form
/// (the dialog cancelled) leaves nothing behind.
void TestIssueKeyController::newRolesAreCreatedWhenIssuing()
{
    const auto exists = [this](const QString &action, const QString &field, const QString &name) {
        return m_fixture.call(action, {{field, name}}).ok();
    };
    auto controller = form();
    QSignalSpy rbacSpy(controller.get(), &IssueKeyController::rbacChanged);
    const auto fill = [&controller] {
        controller->setProperty("roles", QStringList {u"support"_s, u"billing-admin"_s});
        controller->setProperty("newRoles", QStringList {u"billing-admin"_s, u"dropped-role"_s});
        controller->setProperty("permissions", QStringList {u"billing.refund"_s});
        controller->setProperty("newPermissions", QStringList {u"billing.refund"_s});
    };
    fill();
    controller->clear(); // Cancel
    QCOMPARE(controller->property("newRoles").toStringList(), QStringList());
    QVERIFY(!exists(u"permissions.getRole"_s, u"role"_s, u"billing-admin"_s));

    fill();
    QVERIFY(controller->issue());
    QVERIFY(controller->busy());
    QTRY_VERIFY_WITH_TIMEOUT(controller->issued(), 20000);
    QVERIFY2(controller->serverError().isEmpty(), qPrintable(controller->serverError()));
    QVERIFY(exists(u"permissions.getRole"_s, u"role"_s, u"billing-admin"_s));
    QVERIFY2(!exists(u"permissions.getRole"_s, u"role"_s, u"dropped-role"_s), "a role no longer chosen is not created");
    QVERIFY(exists(u"permissions.getPermission"_s, u"permission"_s, u"billing.refund"_s));
    QCOMPARE(controller->property("newRoles").toStringList(), QStringList {u"dropped-role"_s});
    QVERIFY(rbacSpy.count() >= 2); // the role, then the permission with the key
    const QJsonObject key = m_fixture.call(u"keys.getKey"_s, {{u"keyId"_s, controller->newKeyId()}}).data.toObject();
    QCOMPARE(key.value(u"roles"_s).toArray(), (QJsonArray {u"billing-admin"_s, u"support"_s}));
    QCOMPARE(key.value(u"permissions"_s).toArray(), (QJsonArray {u"billing.refund"_s}));
}

/// A role typed as new that someone created in the meantime is taken as it is.
void TestIssueKeyController::aRoleMadeMeanwhileIsUsed()
{
    auto controller = form();
    controller->setProperty("roles", QStringList {u"made-meanwhile"_s});
    controller->setProperty("newRoles", QStringList {u"made-meanwhile"_s});
    QVERIFY(m_fixture.call(u"permissions.createRole"_s, {{u"name"_s, u"made-meanwhile"_s}}).ok());
    QVERIFY(controller->issue());
    QTRY_VERIFY_WITH_TIMEOUT(controller->issued() || !controller->busy(), 20000);
    QVERIFY2(controller->issued(), qPrintable(controller->serverError()));
    const QJsonObject key = m_fixture.call(u"keys.getKey"_s, {{u"keyId"_s, controller->newKeyId()}}).data.toObject();
    QCOMPARE(key.value(u"roles"_s).toArray(), (QJsonArray {u"made-meanwhile"_s}));
}

QTEST_MAIN(TestIssueKeyController)
#include "tst_issuekeycontroller.moc"

// RatelimitNamespacesModel and RatelimitOverridesModel against a real latchkeyd: namespaces with
// their override counts, overrides with wildcard identifiers set and deleted through the model
// (and applied by ratelimit.limit), paging, an unknown namespace said by the model (`notFound`),
// not in the error sink, and "New namespace" through ratelimit.createNamespace (no rate-limit
// event, 409 on a taken name); rename (409 for the dialog, not the error sink) and delete (a soft
// delete: ratelimit.limit answers 410) through the model.
#include "analytics/analyticssink.h"
#include "dashboardfixture.h"
#include "modeltestsupport.h"
#include "ratelimitnamespacesmodel.h"
#include "ratelimitoverridesmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Latchkey::Dashboard::ApiClient;
using Latchkey::Dashboard::ApiResult;
using Latchkey::Dashboard::RatelimitNamespacesModel;
using Latchkey::Dashboard::RatelimitOverridesModel;
using Latchkey::Test::column;
using Latchkey::Test::fetchAll;
using Latchkey::Test::valueOf;

class TestRatelimitModels : public QObject
{
    Q_OBJECT

private:
    Latchkey::Test::DashboardFixture m_fixture;

    bool limit(const QString &ns, const QString &identifier, qint64 max = 10)
    {
        const QJsonObject body{{u"namespace"_s, ns}, {u"identifier"_s, identifier}, {u"limit"_s, max}, {u"duration"_s, 60'000}};
        return m_fixture.call(u"ratelimit.limit"_s, body).ok();
    }

private Q_SLOTS:
    void namespacesWithOverrideCounts();
    void setWildcardOverrideAndDelete();
    void overridesPage();
    void unknownNamespaceIsNotFound();
    void createNamespaceThenFirstOverride();
    void createNamespaceWithoutPermissionCreatesNothing();
    void renameThenDeleteNamespace();
};

void TestRatelimitModels::namespacesWithOverrideCounts()
{
    QVERIFY(limit(u"email"_s, u"user_1"_s));
    QVERIFY(limit(u"sms"_s, u"user_1"_s));
    QVERIFY(limit(u"uploads"_s, u"user_1"_s));
    QVERIFY(m_fixture.call(u"ratelimit.setOverride"_s, {{u"namespace"_s, u"sms"_s}, {u"identifier"_s, u"vip_*"_s},
                                                         {u"limit"_s, 100}, {u"duration"_s, 60'000}})
                .ok());
    RatelimitNamespacesModel namespaces;
    namespaces.setPageSize(2);
    namespaces.setClient(m_fixture.client());
    QAbstractItemModelTester tester(&namespaces, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(namespaces) >= 0);
    QStringList names;
    for (const QVariant &name : column(namespaces, "name"))
        names.append(name.toString());
    names.sort();
    QCOMPARE(names, (QStringList{u"email"_s, u"sms"_s, u"uploads"_s}));
    QCOMPARE(valueOf(namespaces, "name", u"sms"_s, "overrideCount").toInt(), 1);
    QCOMPARE(valueOf(namespaces, "name", u"email"_s, "overrideCount").toInt(), 0);
    QVERIFY(!valueOf(namespaces, "name", u"email"_s, "namespaceId").toString().isEmpty());

    namespaces.setSearch(u"MAIL"_s); // local filter
    QVERIFY(fetchAll(namespaces) >= 0);
    QCOMPARE(column(namespaces, "name"), QVariantList{u"email"_s});
}

void TestRatelimitModels::setWildcardOverrideAndDelete()
{
    QVERIFY(limit(u"api-calls"_s, u"someone"_s));
    RatelimitOverridesModel overrides;
    overrides.setClient(m_fixture.client());
    QVERIFY(!overrides.loading()); // no namespace yet: nothing asked
    overrides.setNamespaceName(u"api-calls"_s);
    QAbstractItemModelTester tester(&overrides, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(overrides) >= 0);
    QCOMPARE(overrides.rowCount(), 0);

    QSignalSpy saved(&overrides, &RatelimitOverridesModel::saved);
    overrides.set(u"blocked_*"_s, 0, 60'000);
    QVERIFY(saved.wait(10000));
    overrides.set(u"exact_user"_s, 500, 3'600'000);
    QVERIFY(saved.wait(10000));
    QVERIFY(fetchAll(overrides) >= 0);
    QCOMPARE(overrides.rowCount(), 2);
    QCOMPARE(valueOf(overrides, "identifier", u"blocked_*"_s, "wildcard").toBool(), true);
    QCOMPARE(valueOf(overrides, "identifier", u"blocked_*"_s, "limit").toLongLong(), 0);
    QCOMPARE(valueOf(overrides, "identifier", u"exact_user"_s, "wildcard").toBool(), false);
    QCOMPARE(valueOf(overrides, "identifier", u"exact_user"_s, "duration").toLongLong(), 3'600'000);
    QVERIFY(!valueOf(overrides, "identifier", u"exact_user"_s, "overrideId").toString().isEmpty());

    // The wildcard override takes effect: limit 0 blocks any matching identifier.
    const QJsonObject probe{{u"namespace"_s, u"api-calls"_s}, {u"identifier"_s, u"blocked_42"_s}, {u"limit"_s, 10}, {u"duration"_s, 60'000}};
    QCOMPARE(m_fixture.call(u"ratelimit.limit"_s, probe).data.toObject().value(u"success"_s).toBool(), false);

    QSignalSpy removed(&overrides, &RatelimitOverridesModel::removed);
    overrides.remove(u"blocked_*"_s);
    QVERIFY(removed.wait(10000));
    QVERIFY(fetchAll(overrides) >= 0);
    QCOMPARE(column(overrides, "identifier"), QVariantList{u"exact_user"_s});
    QCOMPARE(m_fixture.call(u"ratelimit.limit"_s, probe).data.toObject().value(u"success"_s).toBool(), true);
}

void TestRatelimitModels::overridesPage()
{
    QVERIFY(limit(u"paged-ns"_s, u"x"_s));
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_fixture.call(u"ratelimit.setOverride"_s, {{u"namespace"_s, u"paged-ns"_s}, {u"identifier"_s, u"user_%1"_s.arg(i)},
                                                             {u"limit"_s, i + 1}, {u"duration"_s, 1000}})
                    .ok());
    RatelimitOverridesModel overrides;
    overrides.setPageSize(2);
    overrides.setClient(m_fixture.client());
    overrides.setNamespaceName(u"paged-ns"_s);
    QAbstractItemModelTester tester(&overrides, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(overrides) >= 0);
    QCOMPARE(overrides.rowCount(), 5);
    QStringList identifiers;
    for (const QVariant &identifier : column(overrides, "identifier"))
        identifiers.append(identifier.toString());
    QCOMPARE(QSet<QString>(identifiers.cbegin(), identifiers.cend()).size(), 5);
}

// A namespace that is not there (a link to one never made, or deleted since): the overrides'
// 404 makes the model `notFound`, which the page says itself; not `failed` (Retry would fail the
// same way), not in the one error sink, and nothing more is asked. Other failures still are
// failures and reach the sink.
void TestRatelimitModels::unknownNamespaceIsNotFound()
{
    QSignalSpy failed(m_fixture.client(), &ApiClient::requestFailed);
    RatelimitOverridesModel overrides;
    QSignalSpy pages(&overrides, &RatelimitOverridesModel::pageLoaded);
    overrides.setClient(m_fixture.client());
    overrides.setNamespaceName(u"never-used"_s);
    QAbstractItemModelTester tester(&overrides, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(overrides.notFound(), 10000);
    QVERIFY(!overrides.loading());
    QVERIFY(!overrides.failed());
    QCOMPARE(overrides.errorDetail(), QString());
    QVERIFY(!overrides.hasMore());
    QVERIFY(!overrides.canFetchMore({}));
    QCOMPARE(overrides.rowCount(), 0);
    QCOMPARE(pages.count(), 0);
    QCOMPARE(failed.count(), 0);
    // (The fixture's own call goes through the same client, which reports it.)
    QCOMPARE(m_fixture.call(u"ratelimit.listOverrides"_s, {{u"namespace"_s, u"never-used"_s}}).httpStatus, 404);
    failed.clear();

    // Refresh asks again (the state clears meanwhile); once the namespace exists, it lists.
    overrides.refresh();
    QVERIFY(!overrides.notFound());
    QVERIFY(overrides.loading());
    QTRY_VERIFY_WITH_TIMEOUT(overrides.notFound(), 10000);
    QVERIFY(m_fixture.call(u"ratelimit.createNamespace"_s, {{u"name"_s, u"never-used"_s}}).ok());
    overrides.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(pages.count(), 1, 10000);
    QVERIFY(!overrides.notFound());
    QVERIFY(!overrides.failed());
    QCOMPARE(failed.count(), 0);

    // Any other failure is one: said in the error sink, and `failed` for the list's Retry.
    ApiClient wrongKey;
    wrongKey.setConnection(m_fixture.baseUrl(), u"not-a-root-key"_s);
    QSignalSpy wrongKeyFailed(&wrongKey, &ApiClient::requestFailed);
    RatelimitOverridesModel refused;
    refused.setClient(&wrongKey);
    refused.setNamespaceName(u"never-used"_s);
    QVERIFY(wrongKeyFailed.wait(10000));
    QTRY_VERIFY(refused.failed());
    QVERIFY(!refused.notFound());
    QVERIFY(!refused.errorDetail().isEmpty());
}

// The Rate limits page's "New namespace" on a fresh server: the namespace appears in the list
// without consuming anything, and its first override can be set at once.
void TestRatelimitModels::createNamespaceThenFirstOverride()
{
    RatelimitNamespacesModel namespaces;
    namespaces.setClient(m_fixture.client());
    QAbstractItemModelTester tester(&namespaces, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(namespaces) >= 0);
    QVERIFY(!column(namespaces, "name").contains(u"fresh-ns"_s));

    QSignalSpy created(&namespaces, &RatelimitNamespacesModel::created);
    namespaces.create(u"  fresh-ns "_s);
    QVERIFY(created.wait(10000));
    QCOMPARE(created.first().first().toString(), u"fresh-ns"_s);
    QVERIFY(fetchAll(namespaces) >= 0);
    QCOMPARE(valueOf(namespaces, "name", u"fresh-ns"_s, "overrideCount").toInt(), 0);

    // Creating it recorded no rate-limit check: nothing in the namespace's log (ratelimit.limit, the
    // old way to create one, would have put an event there), and a limit of 1 is not used up.
    QVERIFY(m_fixture.server().analytics().flush());
    QCOMPARE(m_fixture.call(u"ratelimit.getLog"_s, {{u"namespace"_s, u"fresh-ns"_s}}).data.toArray().size(), 0);
    const QJsonObject probe{{u"namespace"_s, u"fresh-ns"_s}, {u"identifier"_s, u"latchkey-dashboard"_s},
                            {u"limit"_s, 1}, {u"duration"_s, 60'000}};
    QCOMPARE(m_fixture.call(u"ratelimit.limit"_s, probe).data.toObject().value(u"success"_s).toBool(), true);
    QVERIFY(m_fixture.server().analytics().flush());
    QCOMPARE(m_fixture.call(u"ratelimit.getLog"_s, {{u"namespace"_s, u"fresh-ns"_s}}).data.toArray().size(), 1);

    // Again: a clear error (409 with the name) for the dialog that asked, not the error banner;
    // no duplicate, no created signal.
    QSignalSpy failed(m_fixture.client(), &ApiClient::requestFailed);
    QSignalSpy refused(&namespaces, &RatelimitNamespacesModel::createFailed);
    namespaces.create(u"fresh-ns"_s);
    QVERIFY(refused.wait(10000));
    const QString detail = refused.last().at(0).value<ApiResult>().message();
    QVERIFY2(detail.contains(u"fresh-ns"_s), qPrintable(detail));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(created.count(), 1);
    QVERIFY(fetchAll(namespaces) >= 0);
    QCOMPARE(column(namespaces, "name").count(u"fresh-ns"_s), 1);

    RatelimitOverridesModel overrides;
    overrides.setClient(m_fixture.client());
    overrides.setNamespaceName(u"fresh-ns"_s);
    QSignalSpy saved(&overrides, &RatelimitOverridesModel::saved);
    overrides.set(u"*"_s, 5, 60'000);
    QVERIFY(saved.wait(10000));
    QVERIFY(fetchAll(overrides) >= 0);
    QCOMPARE(column(overrides, "identifier"), QVariantList{u"*"_s});
    QCOMPARE(valueOf(overrides, "identifier", u"*"_s, "wildcard").toBool(), true);
}

void TestRatelimitModels::createNamespaceWithoutPermissionCreatesNothing()
{
    const QString limited = m_fixture.createRootKey({u"ratelimit.*.limit"_s, u"ratelimit.*.read_namespace"_s});
    QVERIFY(!limited.isEmpty());
    ApiClient client;
    client.setConnection(m_fixture.client()->baseUrl(), limited);
    RatelimitNamespacesModel namespaces;
    namespaces.setClient(&client);
    QSignalSpy failed(&client, &ApiClient::requestFailed);
    QSignalSpy refused(&namespaces, &RatelimitNamespacesModel::createFailed);
    QSignalSpy created(&namespaces, &RatelimitNamespacesModel::created);
    namespaces.create(u"not-allowed-ns"_s);
    // The New namespace dialog says it, with the missing permission; not the banner behind it.
    QVERIFY(refused.wait(10000));
    QCOMPARE(created.count(), 0);
    const ApiResult result = refused.last().at(0).value<ApiResult>();
    QCOMPARE(result.httpStatus, 403);
    QVERIFY2(result.errorDetail.contains(u"create_namespace"_s), qPrintable(result.errorDetail));
    QCOMPARE(failed.count(), 0);
    namespaces.create(u"   "_s); // blank: nothing sent
    QCOMPARE(m_fixture.call(u"ratelimit.listOverrides"_s, {{u"namespace"_s, u"not-allowed-ns"_s}}).ok(), false);
    // ratelimit.limit alone no longer suffices, and create_namespace alone does.
    const QString creator = m_fixture.createRootKey({u"ratelimit.*.create_namespace"_s});
    client.setConnection(m_fixture.client()->baseUrl(), creator);
    namespaces.create(u"allowed-ns"_s);
    QVERIFY(created.wait(10000));
    QCOMPARE(created.last().first().toString(), u"allowed-ns"_s);
}

// The Rate limits page's Rename and Delete (walkthrough 23b, Y14).
void TestRatelimitModels::renameThenDeleteNamespace()
{
    const QString id = m_fixture.call(u"ratelimit.createNamespace"_s, {{u"name"_s, u"by mistake 10"_s}})
                           .data.toObject().value(u"namespaceId"_s).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(m_fixture.call(u"ratelimit.createNamespace"_s, {{u"name"_s, u"taken-ns"_s}}).ok());
    RatelimitNamespacesModel namespaces;
    namespaces.setClient(m_fixture.client());
    QAbstractItemModelTester tester(&namespaces, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(fetchAll(namespaces) >= 0);
    QSignalSpy failed(m_fixture.client(), &ApiClient::requestFailed);
    QSignalSpy refused(&namespaces, &RatelimitNamespacesModel::createFailed);
    QSignalSpy renamed(&namespaces, &RatelimitNamespacesModel::renamed);
    QSignalSpy removed(&namespaces, &RatelimitNamespacesModel::removed);

    // A taken name: for the rename dialog (409 with the name), not the error banner.
    namespaces.rename(id, u"taken-ns"_s);
    QVERIFY(refused.wait(10000));
    const ApiResult taken = refused.last().at(0).value<ApiResult>();
    QCOMPARE(taken.httpStatus, 409);
    QVERIFY2(taken.message().contains(u"taken-ns"_s), qPrintable(taken.message()));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(renamed.count(), 0);

    namespaces.rename(id, u"by-design-10"_s);
    QVERIFY(renamed.wait(10000));
    QCOMPARE(renamed.last().at(0).toString(), id);
    QCOMPARE(renamed.last().at(1).toString(), u"by-design-10"_s);
    QVERIFY(fetchAll(namespaces) >= 0);
    QCOMPARE(valueOf(namespaces, "namespaceId", id, "name").toString(), u"by-design-10"_s);
    QVERIFY(!column(namespaces, "name").contains(u"by mistake 10"_s));

    namespaces.remove(id);
    QVERIFY(removed.wait(10000));
    QCOMPARE(removed.last().at(0).toString(), id);
    QVERIFY(fetchAll(namespaces) >= 0);
    QVERIFY(!column(namespaces, "namespaceId").contains(id));
    const QJsonObject probe{{u"namespace"_s, u"by-design-10"_s}, {u"identifier"_s, u"x"_s}, {u"limit"_s, 1},
                            {u"duration"_s, 60'000}};
    QCOMPARE(m_fixture.call(u"ratelimit.limit"_s, probe).httpStatus, 410);
    failed.clear();

    // Deleting it again fails in the error sink (no dialog asked), and signals nothing.
    namespaces.remove(id);
    QVERIFY(failed.wait(10000));
    QCOMPARE(removed.count(), 1);
}

QTEST_GUILESS_MAIN(TestRatelimitModels)
#include "tst_ratelimitmodels.moc"

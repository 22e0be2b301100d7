// keys.listKeys: one owner's keys across the workspace's APIs, through the real router.

#include "support/apiharness.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

namespace {

/// Every item of keys.listKeys for @p filter, walking pages of @p pageSize.
QList<QJsonObject> listAll(ApiHarness &h, const QJsonObject &filter, int pageSize, const QString &rootKey = {},
                           int *pages = nullptr)
{
    return h.listAll(u"keys.listKeys"_s, filter, pageSize, rootKey, pages);
}

QStringList idsOf(const QList<QJsonObject> &items)
{
    return valuesOf(items, u"keyId"_s);
}

} // namespace

class TestKeysListByIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsAcrossApisInPages();
    void itemsAreApisListKeysItemsWithApiId();
    void perApiReadPermission();
    void deletedKeysAndApisAreOmitted();
    void validation_data();
    void validation();
    void unknownIdentityAndIsolation();

private:
    QString newKey(const QString &apiId, const QString &externalId, const QString &name = {});

    std::unique_ptr<ApiHarness> h;
    QString apiA, apiB;
    QStringList ownerKeysA, ownerKeysB; ///< keys of externalId "owner_1"
    QString identityId;
};

QString TestKeysListByIdentity::newKey(const QString &apiId, const QString &externalId, const QString &name)
{
    QJsonObject request{{u"apiId"_s, apiId}};
    if (!externalId.isEmpty())
        request.insert(u"externalId"_s, externalId);
    if (!name.isEmpty())
        request.insert(u"name"_s, name);
    return h->createKey(request).value(u"keyId"_s).toString();
}

void TestKeysListByIdentity::init()
{
    h = std::make_unique<ApiHarness>();
    apiA = h->createApi(u"api-a"_s);
    apiB = h->createApi(u"api-b"_s);
    ownerKeysA.clear();
    ownerKeysB.clear();
    for (int i = 0; i < 3; ++i)
        ownerKeysA.append(newKey(apiA, u"owner_1"_s, u"a%1"_s.arg(i)));
    for (int i = 0; i < 2; ++i)
        ownerKeysB.append(newKey(apiB, u"owner_1"_s, u"b%1"_s.arg(i)));
    newKey(apiA, u"owner_2"_s); // another owner
    newKey(apiB, {});            // no owner
    const ApiReply r = h->call(u"keys.getKey"_s, QJsonObject{{u"keyId"_s, ownerKeysA.at(0)}});
    identityId = r.dataObject().value(u"identity"_s).toObject().value(u"id"_s).toString();
    QVERIFY2(!identityId.isEmpty(), r.describe().constData());
}

void TestKeysListByIdentity::cleanup()
{
    h.reset();
}

void TestKeysListByIdentity::listsAcrossApisInPages()
{
    QStringList expected = ownerKeysA + ownerKeysB;
    expected.sort();
    int pages = 0;
    const QList<QJsonObject> byExternal = listAll(*h, {{u"externalId"_s, u"owner_1"_s}}, 2, {}, &pages);
    QCOMPARE(idsOf(byExternal), expected);
    QCOMPARE(pages, 3); // 2 + 2 + 1
    for (const QJsonObject &item : byExternal)
        QCOMPARE(item.value(u"apiId"_s).toString(), ownerKeysA.contains(item.value(u"keyId"_s).toString()) ? apiA : apiB);
    QCOMPARE(idsOf(listAll(*h, {{u"identityId"_s, identityId}}, 4)), expected);
    QCOMPARE(idsOf(listAll(*h, {{u"identityId"_s, identityId}}, 5, {}, &pages)), expected);
    QCOMPARE(pages, 1);
    // Without limit: one page of up to 100; the last page has no cursor.
    const ApiReply r = h->call(u"keys.listKeys"_s, QJsonObject{{u"externalId"_s, u"owner_2"_s}});
    QCOMPARE(r.dataArray().size(), 1);
    QCOMPARE(r.pagination().value(u"hasMore"_s).toBool(), false);
    QVERIFY(!r.pagination().contains(u"cursor"_s));
}

void TestKeysListByIdentity::itemsAreApisListKeysItemsWithApiId()
{
    // Give one key every optional part, so the comparison covers them.
    QCOMPARE(h->call(u"keys.updateKey"_s, QJsonObject{{u"keyId"_s, ownerKeysB.at(0)}, {u"meta"_s, QJsonObject{{u"plan"_s, u"pro"_s}}},
                                                      {u"credits"_s, QJsonObject{{u"remaining"_s, 5}}},
                                                      {u"expires"_s, h->clock().nowMs() + 86'400'000}}).status, 200);
    QHash<QString, QJsonObject> reference;
    for (const QString &api : {apiA, apiB}) {
        const ApiReply r = h->call(u"apis.listKeys"_s, QJsonObject{{u"apiId"_s, api}, {u"externalId"_s, u"owner_1"_s}});
        for (const QJsonValue &item : r.dataArray())
            reference.insert(item.toObject().value(u"keyId"_s).toString(), item.toObject());
    }
    const QList<QJsonObject> items = listAll(*h, {{u"externalId"_s, u"owner_1"_s}}, 100);
    QCOMPARE(items.size(), 5);
    for (QJsonObject item : items) {
        QVERIFY(item.contains(u"apiId"_s));
        QVERIFY(!item.contains(u"plaintext"_s));
        item.remove(u"apiId"_s);
        QCOMPARE(item, reference.value(item.value(u"keyId"_s).toString()));
    }
}

void TestKeysListByIdentity::perApiReadPermission()
{
    // Only API a readable: b's keys are omitted, and paging still fills pages.
    const QString onlyA = h->createRootKey({u"api.%1.read_key"_s.arg(apiA)});
    QStringList expected = ownerKeysA;
    expected.sort();
    QCOMPARE(idsOf(listAll(*h, {{u"externalId"_s, u"owner_1"_s}}, 2, onlyA)), expected);
    QCOMPARE(h->call(u"keys.listKeys"_s, QJsonObject{{u"externalId"_s, u"owner_1"_s}, {u"limit"_s, 3}}, onlyA).dataArray().size(), 3);
    // Only b, via a permission for an API that does not exist plus b's.
    const QString onlyB = h->createRootKey({u"api.api_gone.read_key"_s, u"api.%1.read_key"_s.arg(apiB)});
    expected = ownerKeysB;
    expected.sort();
    QCOMPARE(idsOf(listAll(*h, {{u"identityId"_s, identityId}}, 1, onlyB)), expected);
    // The wildcard reads all.
    QCOMPARE(listAll(*h, {{u"identityId"_s, identityId}}, 100, h->createRootKey({u"api.*.read_key"_s})).size(), 5);
    // No read_key at all: 403 naming it.
    const ApiReply r = h->call(u"keys.listKeys"_s, QJsonObject{{u"identityId"_s, identityId}},
                               h->createRootKey({u"api.*.read_api"_s, u"identity.*.read_identity"_s}));
    QCOMPARE(r.status, 403);
    QVERIFY2(r.detail().contains(u"api.*.read_key"), qPrintable(r.detail()));
    QCOMPARE(h->call(u"keys.listKeys"_s, QJsonObject{{u"identityId"_s, identityId}}, u"lkroot_unknown"_s).status, 401);
}

void TestKeysListByIdentity::deletedKeysAndApisAreOmitted()
{
    QCOMPARE(h->call(u"keys.deleteKey"_s, QJsonObject{{u"keyId"_s, ownerKeysA.at(1)}}).status, 200);
    QCOMPARE(h->call(u"apis.deleteApi"_s, QJsonObject{{u"apiId"_s, apiB}}).status, 200);
    QStringList expected{ownerKeysA.at(0), ownerKeysA.at(2)};
    expected.sort();
    QCOMPARE(idsOf(listAll(*h, {{u"externalId"_s, u"owner_1"_s}}, 1)), expected);
}

void TestKeysListByIdentity::validation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("location");
    QTest::newRow("neither") << QJsonObject{{u"limit"_s, 10}} << u"body.identityId"_s;
    QTest::newRow("both") << QJsonObject{{u"identityId"_s, u"id_1"_s}, {u"externalId"_s, u"x"_s}} << u"body.identityId"_s;
    QTest::newRow("empty externalId") << QJsonObject{{u"externalId"_s, u""_s}} << u"body.externalId"_s;
    QTest::newRow("bad identityId") << QJsonObject{{u"identityId"_s, u"id 1"_s}} << u"body.identityId"_s;
    QTest::newRow("limit 0") << QJsonObject{{u"externalId"_s, u"owner_1"_s}, {u"limit"_s, 0}} << u"body.limit"_s;
    QTest::newRow("limit 101") << QJsonObject{{u"externalId"_s, u"owner_1"_s}, {u"limit"_s, 101}} << u"body.limit"_s;
    QTest::newRow("cursor type") << QJsonObject{{u"externalId"_s, u"owner_1"_s}, {u"cursor"_s, 5}} << u"body.cursor"_s;
    QTest::newRow("unknown field") << QJsonObject{{u"externalId"_s, u"owner_1"_s}, {u"apiId"_s, u"api_1"_s}} << u"body.apiId"_s;
}

void TestKeysListByIdentity::validation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, location);
    const ApiReply r = h->call(u"keys.listKeys"_s, body);
    QVERIFY2(r.status == 400, r.describe().constData());
    QCOMPARE(r.firstErrorLocation(), location);
}

void TestKeysListByIdentity::unknownIdentityAndIsolation()
{
    ApiReply r = h->call(u"keys.listKeys"_s, QJsonObject{{u"externalId"_s, u"nobody"_s}});
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorType(), u"https://unkey.com/docs/errors/unkey/data/identity_not_found"_s);
    QCOMPARE(h->call(u"keys.listKeys"_s, QJsonObject{{u"identityId"_s, u"id_nobody"_s}}).status, 404);
    // The other workspace: our identity is not found there, its own same-named owner lists only its keys.
    QCOMPARE(h->call(u"keys.listKeys"_s, QJsonObject{{u"identityId"_s, identityId}}, h->otherRootKey()).status, 404);
    const QString otherApi = h->createApi(u"other-api"_s, h->otherRootKey());
    const QString otherKey = h->createKey({{u"apiId"_s, otherApi}, {u"externalId"_s, u"owner_1"_s}}, h->otherRootKey())
                                 .value(u"keyId"_s).toString();
    QCOMPARE(idsOf(listAll(*h, {{u"externalId"_s, u"owner_1"_s}}, 100, h->otherRootKey())), QStringList{otherKey});
    QCOMPARE(listAll(*h, {{u"externalId"_s, u"owner_1"_s}}, 100).size(), 5);
    // A deleted identity is not found either.
    QCOMPARE(h->call(u"identities.deleteIdentity"_s, QJsonObject{{u"identity"_s, u"owner_2"_s}}).status, 200);
    QCOMPARE(h->call(u"keys.listKeys"_s, QJsonObject{{u"externalId"_s, u"owner_2"_s}}).status, 404);
}

QTEST_GUILESS_MAIN(TestKeysListByIdentity)
#include "tst_keys_list_by_identity.moc"

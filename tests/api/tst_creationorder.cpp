// Every list pages by id (Unkey's cursor: `WHERE id >= cursor ORDER BY id`), and ids are
// time-ordered (Core::newId), so resources come back in the order they were created, oldest
// first, across page boundaries. The harness's clock stands still: creation times are equal, and
// the order comes from the ids alone (many of them made in the same millisecond).

#include "support/apiharness.h"

#include <QtTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Latchkey::Test;

namespace {

constexpr int Created = 7;
constexpr int PageSize = 3; // 7 items: pages of 3, 3 and 1 (more when the list held some before)

/// Makes one resource numbered @p index and returns its id ("" and a warning on failure).
using Maker = std::function<QString(int index)>;

/// A Maker that calls @p route with @p body(index) and answers the reply's @p idField.
Maker creating(ApiHarness &h, const QString &route, const QString &idField,
               const std::function<QJsonObject(int index)> &body)
{
    return [&h, route, idField, body](int index) {
        const ApiReply reply = h.call(route, body(index));
        if (reply.status != 200)
            qWarning("%s failed: %s", qPrintable(route), reply.describe().constData());
        return reply.dataObject().value(idField).toString();
    };
}

/// Makes Created resources with @p make, then walks @p route for @p filter in pages of PageSize:
/// the list must end with exactly those ids, in creation order (what the list held before, e.g.
/// the harness's root keys, comes first: it was created earlier).
void expectCreationOrder(ApiHarness &h, const Maker &make, const QString &route, const QJsonObject &filter,
                         const QString &idField)
{
    QStringList made;
    for (int i = 0; i < Created; ++i) {
        made.append(make(i));
        QVERIFY(!made.last().isEmpty());
    }
    int pages = 0;
    const QStringList listed = valuesOf(h.listAll(route, filter, PageSize, {}, &pages), idField);
    QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
    QVERIFY2(listed.size() >= Created, qPrintable(listed.join(u", "_s)));
    QCOMPARE(listed.sliced(listed.size() - Created), made);
    // Nothing listed before them was created after them.
    QVERIFY(std::is_sorted(listed.cbegin(), listed.cend()));
}

} // namespace

class TestCreationOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysOfAnApi();
    void keysOfAnOwner();
    void identities();
    void permissions();
    void roles();
    void apis();
    void rootKeys();
    void namespaces();
    void overrides();
    void auditLogIsNewestFirstWithinOneMillisecond();
};

void TestCreationOrder::keysOfAnApi()
{
    ApiHarness h;
    const QString apiId = h.createApi();
    expectCreationOrder(h,
        [&](int i) {
            return h.createKey({{u"apiId"_s, apiId}, {u"name"_s, u"mass key %1"_s.arg(i)}})
                .value(u"keyId"_s)
                .toString();
        },
        u"apis.listKeys"_s, {{u"apiId"_s, apiId}}, u"keyId"_s);
}

void TestCreationOrder::keysOfAnOwner()
{
    // Keys across two APIs, alternating: the owner's list is one id order over both.
    ApiHarness h;
    const QStringList apiIds {h.createApi(u"first"_s), h.createApi(u"second"_s)};
    expectCreationOrder(h,
        [&](int i) {
            return h.createKey({{u"apiId"_s, apiIds.at(i % 2)}, {u"externalId"_s, u"owner"_s}})
                .value(u"keyId"_s)
                .toString();
        },
        u"keys.listKeys"_s, {{u"externalId"_s, u"owner"_s}}, u"keyId"_s);
}

void TestCreationOrder::identities()
{
    ApiHarness h;
    expectCreationOrder(h,
        creating(h, u"identities.createIdentity"_s, u"identityId"_s,
                 [](int i) { return QJsonObject {{u"externalId"_s, u"user_%1"_s.arg(i)}}; }),
        u"identities.listIdentities"_s, {}, u"id"_s);
}

void TestCreationOrder::permissions()
{
    // Slugs in reverse alphabetical order: neither slug nor name order is the creation order.
    ApiHarness h;
    expectCreationOrder(h,
        creating(h, u"permissions.createPermission"_s, u"permissionId"_s,
                 [](int i) {
                     const QString slug = u"documents.%1.read"_s.arg(QChar(u'z' - i));
                     return QJsonObject {{u"name"_s, slug}, {u"slug"_s, slug}};
                 }),
        u"permissions.listPermissions"_s, {}, u"id"_s);
}

void TestCreationOrder::roles()
{
    ApiHarness h;
    expectCreationOrder(h,
        creating(h, u"permissions.createRole"_s, u"roleId"_s,
                 [](int i) { return QJsonObject {{u"name"_s, u"role.%1"_s.arg(QChar(u'z' - i))}}; }),
        u"permissions.listRoles"_s, {}, u"id"_s);
}

void TestCreationOrder::apis()
{
    ApiHarness h;
    expectCreationOrder(h, [&](int i) { return h.createApi(u"api %1"_s.arg(i)); }, u"apis.listApis"_s, {}, u"id"_s);
}

void TestCreationOrder::rootKeys()
{
    ApiHarness h;
    expectCreationOrder(h,
        creating(h, u"rootKeys.createRootKey"_s, u"rootKeyId"_s,
                 [](int i) {
                     return QJsonObject {{u"name"_s, u"ci %1"_s.arg(i)},
                                         {u"permissions"_s, QJsonArray {u"api.*.read_api"_s}}};
                 }),
        u"rootKeys.listRootKeys"_s, {}, u"rootKeyId"_s);
}

void TestCreationOrder::namespaces()
{
    ApiHarness h;
    expectCreationOrder(h,
        creating(h, u"ratelimit.createNamespace"_s, u"namespaceId"_s,
                 [](int i) { return QJsonObject {{u"name"_s, u"ns.%1"_s.arg(i)}}; }),
        u"ratelimit.listNamespaces"_s, {}, u"namespaceId"_s);
}

void TestCreationOrder::overrides()
{
    ApiHarness h;
    QVERIFY(!creating(h, u"ratelimit.createNamespace"_s, u"namespaceId"_s,
                      [](int) { return QJsonObject {{u"name"_s, u"api"_s}}; })(0)
                 .isEmpty());
    expectCreationOrder(h,
        creating(h, u"ratelimit.setOverride"_s, u"overrideId"_s,
                 [](int i) {
                     return QJsonObject {{u"namespace"_s, u"api"_s}, {u"identifier"_s, u"user_%1"_s.arg(i)},
                                         {u"limit"_s, 10}, {u"duration"_s, 60'000}};
                 }),
        u"ratelimit.listOverrides"_s, {{u"namespace"_s, u"api"_s}}, u"overrideId"_s);
}

void TestCreationOrder::auditLogIsNewestFirstWithinOneMillisecond()
{
    // The audit log is newest first by time, then by id: rows of one millisecond (the clock
    // stands still) follow their ids, now the order they were written in.
    ApiHarness h;
    QStringList apis;
    for (int i = 0; i < Created; ++i)
        apis.prepend(h.createApi(u"audited %1"_s.arg(i)));
    QStringList targets;
    const QList<QJsonObject> rows
        = h.listAll(u"audit.listLogs"_s, {{u"events"_s, QJsonArray {u"api.create"_s}}}, PageSize);
    for (const QJsonObject &row : rows)
        targets.append(row.value(u"targets"_s).toArray().at(0).toObject().value(u"id"_s).toString());
    QCOMPARE(targets, apis);
}

QTEST_GUILESS_MAIN(TestCreationOrder)
#include "tst_creationorder.moc"

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

QString created(const ApiReply &reply, const QString &idField)
{
    if (reply.status != 200)
        qWarning("create failed: %s", reply.describe().constData());
    return reply.dataObject().value(idField).toString();
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
        [&](int i) {
            return created(h.call(u"identities.createIdentity"_s, QJsonObject {{u"externalId"_s, u"user_%1"_s.arg(i)}}),
                           u"identityId"_s);
        },
        u"identities.listIdentities"_s, {}, u"id"_s);
}

void TestCreationOrder::permissions()
{
    ApiHarness h;
    expectCreationOrder(h,
        [&](int i) {
            // Slugs in reverse alphabetical order: neither slug nor name order is the creation order.
            const QString slug = u"documents.%1.read"_s.arg(QChar(u'z' - i));
            return created(h.call(u"permissions.createPermission"_s, QJsonObject {{u"name"_s, slug}, {u"slug"_s, slug}}),
                           u"permissionId"_s);
        },
        u"permissions.listPermissions"_s, {}, u"id"_s);
}

void TestCreationOrder::roles()
{
    ApiHarness h;
    expectCreationOrder(h,
        [&](int i) {
            return created(h.call(u"permissions.createRole"_s, QJsonObject {{u"name"_s, u"role.%1"_s.arg(QChar(u'z' - i))}}),
                           u"roleId"_s);
        },
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
        [&](int i) {
            return created(h.call(u"rootKeys.createRootKey"_s,
                               QJsonObject {{u"name"_s, u"ci %1"_s.arg(i)},
                                            {u"permissions"_s, QJsonArray {u"api.*.read_api"_s}}}),
                           u"rootKeyId"_s);
        },
        u"rootKeys.listRootKeys"_s, {}, u"rootKeyId"_s);
}

void TestCreationOrder::namespaces()
{
    ApiHarness h;
    expectCreationOrder(h,
        [&](int i) {
            const QString name = u"ns.%1"_s.arg(i);
            const ApiReply reply = h.call(u"ratelimit.createNamespace"_s, QJsonObject {{u"name"_s, name}});
            return created(reply, u"namespaceId"_s);
        },
        u"ratelimit.listNamespaces"_s, {}, u"namespaceId"_s);
}

void TestCreationOrder::overrides()
{
    ApiHarness h;
    QVERIFY(!created(h.call(u"ratelimit.createNamespace"_s, QJsonObject {{u"name"_s, u"api"_s}}), u"namespaceId"_s)
                 .isEmpty());
    expectCreationOrder(h,
        [&](int i) {
            return created(h.call(u"ratelimit.setOverride"_s,
                               QJsonObject {{u"namespace"_s, u"api"_s}, {u"identifier"_s, u"user_%1"_s.arg(i)},
                                            {u"limit"_s, 10}, {u"duration"_s, 60'000}}),
                           u"overrideId"_s);
        },
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

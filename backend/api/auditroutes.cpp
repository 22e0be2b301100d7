// Console extension endpoints: audit.listLogs (the workspace's audit trail, newest first) and
// apis.listApis (live APIs with their live key counts). resources/openapi.yaml documents both.

#include "api/router.h"
#include "api/routes.h"
#include "store/analyticsqueries.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

QJsonObject auditJson(const Store::AuditLogRow &row)
{
    QJsonObject actor{{u"type"_s, row.actorType}, {u"id"_s, row.actorId}};
    if (!row.actorName.isEmpty())
        actor.insert(u"name"_s, row.actorName);
    QJsonObject object{{u"id"_s, row.id}, {u"time"_s, row.timeMs}, {u"event"_s, row.event},
                       {u"description"_s, row.description}, {u"actor"_s, actor},
                       {u"targets"_s, QJsonDocument::fromJson(row.targetsJson.toUtf8()).array()}};
    for (const auto &[name, value] : {std::pair{u"requestId"_s, row.requestId}, {u"remoteIp"_s, row.remoteIp},
                                      {u"userAgent"_s, row.userAgent}}) {
        if (!value.isEmpty())
            object.insert(name, value);
    }
    if (!row.changesJson.isEmpty())
        object.insert(u"changes"_s, QJsonDocument::fromJson(row.changesJson.toUtf8()).array());
    return object;
}

Core::Result<Execute> decodeListLogs(Services &services, RequestReader &in)
{
    Store::AuditLogFilter filter;
    filter.events = in.stringArray(u"events"_s, {.maxItems = 50}, {.minLength = 1, .maxLength = 100}).value;
    const StringRule id{.minLength = 1, .maxLength = 255};
    filter.actorId = in.string(u"actorId"_s, id).value;
    filter.targetId = in.string(u"targetId"_s, id).value;
    filter.includeOwnedKeys = in.boolean(u"includeOwnedKeys"_s).valueOr(false);
    filter.targetName = in.string(u"targetName"_s, id).value;
    if (const Field<qint64> start = in.integer(u"start"_s, {.minimum = 0}); start.hasValue())
        filter.startMs = start.value;
    if (const Field<qint64> end = in.integer(u"end"_s, {.minimum = 0}); end.hasValue())
        filter.endMs = end.value;
    std::optional<Store::LogCursor> cursor;
    if (const Field<QString> text = in.string(u"cursor"_s, {.minLength = 1, .maxLength = 1024}); text.hasValue()) {
        cursor = Store::LogCursor::decode(text.value);
        if (!cursor)
            in.addError(u"cursor"_s, u"is not a cursor returned by this endpoint"_s);
    }
    const int limit = int(in.integer(u"limit"_s, {.minimum = 1, .maximum = 100}).valueOr(100));
    if (!in.finish())
        return in.error();
    return Execute([&services, filter, cursor, limit](ApiContext &context) -> Core::Result<ApiReply> {
        if (Core::Status allowed = requireAny(context.principal, {u"workspace.*.read_audit_log"_s}); !allowed)
            return allowed.error();
        const auto page = Store::AnalyticsQueries(services.db).auditLog(context.principal.workspaceId, filter, cursor, limit);
        if (!page)
            return page.error();
        QJsonArray array;
        for (const Store::AuditLogRow &row : page->rows)
            array.append(auditJson(row));
        return ApiReply{array, page->next ? Pagination{true, page->next->encode()} : Pagination{false, {}}};
    });
}

Core::Result<Execute> decodeListApis(Services &services, RequestReader &in)
{
    const QString cursor = in.string(u"cursor"_s, {.minLength = 1, .maxLength = 255}).value;
    const int limit = int(in.integer(u"limit"_s, {.minimum = 1, .maximum = 100}).valueOr(100));
    if (!in.finish())
        return in.error();
    return Execute([&services, cursor, limit](ApiContext &context) -> Core::Result<ApiReply> {
        if (Core::Status allowed = requireAny(context.principal, {u"api.*.read_api"_s}); !allowed)
            return allowed.error();
        const auto page = Store::AnalyticsQueries(services.db).listApis(context.principal.workspaceId, cursor, limit);
        if (!page)
            return page.error();
        QJsonArray array;
        for (const Store::ApiSummary &api : page->rows)
            array.append(QJsonObject{{u"id"_s, api.id}, {u"name"_s, api.name}, {u"keyCount"_s, api.keyCount}});
        return ApiReply{array, page->next ? Pagination{true, *page->next} : Pagination{false, {}}};
    });
}

} // namespace

void registerAuditRoutes(Router &router, Services &services)
{
    router.add({.path = QByteArrayLiteral("/v2/audit.listLogs"), .permissions = u"workspace.*.read_audit_log"_s,
                .decode = [&services](RequestReader &in) { return decodeListLogs(services, in); }});
    router.add({.path = QByteArrayLiteral("/v2/apis.listApis"), .permissions = u"api.*.read_api"_s,
                .decode = [&services](RequestReader &in) { return decodeListApis(services, in); }});
}

} // namespace Latchkey::Api

#include "apiharness.h"

#include "api/principal.h"
#include "api/router.h"
#include "http/deferredresponse.h"
#include "core/random.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace Latchkey::Test {

QByteArray ApiReply::describe() const
{
    return QByteArray::number(status) + ": " + QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QStringList ApiReply::errorLocations() const
{
    QStringList locations;
    for (const QJsonValue &entry : error().value(u"errors").toArray())
        locations.append(entry.toObject().value(u"location").toString());
    return locations;
}

QStringList valuesOf(const QList<QJsonObject> &items, const QString &field)
{
    QStringList values;
    for (const QJsonObject &item : items)
        values.append(item.value(field).toString());
    return values;
}

ApiHarness::ApiHarness() : ApiHarness(nullptr) { }

ApiHarness::ApiHarness(const std::function<void(Server::ServerConfig &)> &configure)
    : m_clock(1'767'225'600'000) // 2026-01-01T00:00:00Z
{
    Server::ServerConfig config;
    config.dataDir = m_dir.path();
    config.bootstrapRootKey = u"lkroot_test_"_s + Core::newId(u"main");
    config.nodeName = u"test-node"_s;
    config.keepEventsInMemory = true; // tests read Server::events()
    if (configure)
        configure(config);
    m_server = std::make_unique<Server::Server>(config, &m_clock);
    const Core::Status opened = m_server->open();
    if (!opened)
        qFatal("cannot open test server: %s", qPrintable(opened.error().detail));
    m_rootKey = config.bootstrapRootKey;
    m_workspaceId = m_server->defaultWorkspaceId();
    m_otherWorkspaceId = m_server->createWorkspace(u"other"_s).value();
    m_otherRootKey = u"lkroot_test_"_s + Core::newId(u"other");
    (void)m_server->seedRootKey(m_otherWorkspaceId, m_otherRootKey, Api::allWorkspacePermissions()).value();
}

ApiHarness::~ApiHarness() = default;

ApiReply ApiHarness::raw(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                         const QList<QPair<QByteArray, QByteArray>> &headers)
{
    Http::Request request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.headers = headers;
    request.remoteAddress = QHostAddress::LocalHost;
    const Http::Response response = handle(request);
    ApiReply reply;
    reply.status = response.status;
    reply.contentType = response.header("content-type");
    reply.body = QJsonDocument::fromJson(response.body).object();
    return reply;
}

Http::Response ApiHarness::handle(const Http::Request &request)
{
    Http::Response response = m_server->router().handle(request);
    if (response.deferred) // keys.verifyKey with credits answers when its spend committed
        response = response.deferred->waitAndTake(std::chrono::minutes(1)).value_or(Http::Response {503, {}, {}, {}});
    return response;
}

ApiReply ApiHarness::call(const QString &route, const QJsonValue &body, const QString &rootKey)
{
    const QByteArray json = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                           : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    const QString key = rootKey.isEmpty() ? m_rootKey : rootKey;
    return raw("POST", "/v2/" + route.toUtf8(), json,
               {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + key.toUtf8()}});
}

QString ApiHarness::createRootKey(const QStringList &permissions, const QString &workspaceId)
{
    const QString plaintext = u"lkroot_test_"_s + Core::newId(u"k");
    const auto id = m_server->seedRootKey(workspaceId.isEmpty() ? m_workspaceId : workspaceId, plaintext, permissions);
    return id ? plaintext : QString();
}

QList<QJsonObject> ApiHarness::listAll(
    const QString &route, const QJsonObject &filter, int pageSize, const QString &rootKey, int *pages)
{
    QList<QJsonObject> items;
    QString cursor;
    int count = 0;
    do {
        QJsonObject body = filter;
        body.insert(u"limit"_s, pageSize);
        if (!cursor.isEmpty())
            body.insert(u"cursor"_s, cursor);
        const ApiReply r = call(route, body, rootKey);
        if (r.status != 200) {
            qWarning("%s failed: %s", qPrintable(route), r.describe().constData());
            return {};
        }
        for (const QJsonValue &item : r.dataArray())
            items.append(item.toObject());
        cursor = r.pagination().value(u"cursor"_s).toString();
        if (r.pagination().value(u"hasMore"_s).toBool() == cursor.isEmpty())
            qWarning("hasMore and cursor disagree: %s", r.describe().constData());
        ++count;
    } while (!cursor.isEmpty() && count < 100);
    if (pages)
        *pages = count;
    return items;
}

QString ApiHarness::createApi(const QString &name, const QString &rootKey)
{
    const ApiReply reply = call(u"apis.createApi"_s, QJsonObject{{u"name"_s, name}}, rootKey);
    if (reply.status != 200)
        qWarning("createApi failed: %s", reply.describe().constData());
    return reply.dataObject().value(u"apiId").toString();
}

QJsonObject ApiHarness::createKey(const QJsonObject &request, const QString &rootKey)
{
    const ApiReply reply = call(u"keys.createKey"_s, request, rootKey);
    if (reply.status != 200)
        qWarning("createKey failed: %s", reply.describe().constData());
    return reply.dataObject();
}

} // namespace Latchkey::Test

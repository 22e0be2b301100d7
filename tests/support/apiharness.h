#pragma once

#include "core/clock.h"
#include "http/httpmessage.h"
#include "server/server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace Latchkey::Test {

/// The reply of an in-process API call: status, headers and the parsed JSON body.
struct ApiReply {
    int status = 0;
    QByteArray contentType;
    QJsonObject body;

    [[nodiscard]] QJsonValue data() const { return body.value(u"data"); }
    [[nodiscard]] QJsonObject dataObject() const { return body.value(u"data").toObject(); }
    [[nodiscard]] QJsonArray dataArray() const { return body.value(u"data").toArray(); }
    [[nodiscard]] QJsonObject error() const { return body.value(u"error").toObject(); }
    [[nodiscard]] QString errorType() const { return error().value(u"type").toString(); }
    [[nodiscard]] QString detail() const { return error().value(u"detail").toString(); }
    [[nodiscard]] QJsonObject pagination() const { return body.value(u"pagination").toObject(); }
    /// "status: body" for QVERIFY2 messages.
    [[nodiscard]] QByteArray describe() const;
    /// `location` of every entry of a validation error's `errors[]` (e.g. "body.limit").
    [[nodiscard]] QStringList errorLocations() const;
    /// The first of errorLocations(), "" when there is none.
    [[nodiscard]] QString firstErrorLocation() const { return errorLocations().value(0); }
};

/// The string @p field of every item of @p items (e.g. the ids of a list).
[[nodiscard]] QStringList valuesOf(const QList<QJsonObject> &items, const QString &field);

/// A server opened in-process (no sockets) over a fresh SQLite file in a temporary folder, with a
/// manual clock, two workspaces and an all-powerful root key in each. Routes are called through
/// the real router: (method, path, headers, body) -> (status, headers, body).
class ApiHarness
{
public:
    ApiHarness();
    /// @p configure adjusts the server's configuration before it opens (e.g. analytics durability).
    explicit ApiHarness(const std::function<void(Server::ServerConfig &)> &configure);
    ~ApiHarness();

    /// POST /v2/<route> with @p body and `Authorization: Bearer <rootKey>` (default: rootKey()).
    ApiReply call(const QString &route, const QJsonValue &body, const QString &rootKey = {});
    /// Any request, headers given raw (no Authorization added).
    ApiReply raw(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                 const QList<QPair<QByteArray, QByteArray>> &headers = {});
    /// The router's answer to @p request, waiting for a deferred one (keys.verifyKey with credits
    /// answers when its spend committed). Thread-safe, like Router::handle().
    Http::Response handle(const Http::Request &request);

    /// Every item of the cursor-paginated list endpoint @p route for @p filter, walking pages of
    /// @p pageSize (at most 100 pages); @p pages counts them. A failed page warns and answers an
    /// empty list; a page whose `hasMore` disagrees with its `cursor` warns.
    QList<QJsonObject> listAll(const QString &route, const QJsonObject &filter, int pageSize,
                               const QString &rootKey = {}, int *pages = nullptr);

    /// A new root key in @p workspaceId (default: the main workspace) holding exactly @p permissions.
    QString createRootKey(const QStringList &permissions, const QString &workspaceId = {});

    /// Convenience: creates an API in the main workspace, returns its id (QFAIL-safe: empty on error).
    QString createApi(const QString &name = QStringLiteral("test-api"), const QString &rootKey = {});
    /// Convenience: creates a key; returns the whole `data` object ({keyId, key}).
    QJsonObject createKey(const QJsonObject &request, const QString &rootKey = {});

    [[nodiscard]] QString rootKey() const { return m_rootKey; }            ///< all permissions, main workspace
    [[nodiscard]] QString otherRootKey() const { return m_otherRootKey; }  ///< all permissions, other workspace
    [[nodiscard]] QString workspaceId() const { return m_workspaceId; }
    [[nodiscard]] QString otherWorkspaceId() const { return m_otherWorkspaceId; }
    [[nodiscard]] Core::ManualClock &clock() { return m_clock; }
    [[nodiscard]] Server::Server &server() { return *m_server; }
    [[nodiscard]] QString dataDir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    Core::ManualClock m_clock;
    std::unique_ptr<Server::Server> m_server;
    QString m_rootKey;
    QString m_otherRootKey;
    QString m_workspaceId;
    QString m_otherWorkspaceId;
};

} // namespace Latchkey::Test

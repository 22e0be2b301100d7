#pragma once

#include "core/error.h"
#include "server/serverconfig.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace Latchkey::Core {
class Clock;
class Metrics;
class MemoryEventSink;
} // namespace Latchkey::Core
namespace Latchkey::Store {
class Database;
} // namespace Latchkey::Store
namespace Latchkey::Analytics {
class AnalyticsSink;
} // namespace Latchkey::Analytics
namespace Latchkey::Api {
class Router;
} // namespace Latchkey::Api
namespace Latchkey::Http {
class HttpServer;
} // namespace Latchkey::Http

namespace Latchkey::Server {

/// latchkeyd as an object: builds and owns the store, caches, limiters, router and HTTP engine
/// from a ServerConfig. Used by the latchkeyd executable, embedded by the dashboard, and driven
/// in-process by the API tests (open() without listen()).
class Server : public QObject
{
    Q_OBJECT
public:
    /// @p clock: the time source (tests inject a ManualClock); null = the system clock.
    explicit Server(ServerConfig config, const Core::Clock *clock = nullptr, QObject *parent = nullptr);
    ~Server() override;

    /// Opens the data folder and store, loads the key-encryption key, bootstraps the first
    /// workspace and root key on an empty store, and builds the router. No network yet.
    [[nodiscard]] Core::Status open();
    /// Binds the configured address and starts serving HTTP(S). May come before open() — latchkeyd
    /// binds first so a busy port fails before the data folder is touched; until open() has
    /// finished, requests get 503.
    [[nodiscard]] Core::Status listen();
    /// Stops accepting, finishes in-flight requests (up to the grace period) and closes the store.
    void stop();

    [[nodiscard]] quint16 port() const;
    /// The port of the separate /metrics listener (ServerConfig::metricsListenHost), or 0.
    [[nodiscard]] quint16 metricsPort() const;
    /// The GET /metrics registry (exists from construction to destruction).
    [[nodiscard]] Core::Metrics &metrics();
    /// Applies every due credit refill now (the sweeper does this after each 00:00 UTC).
    bool sweepRefills();
    [[nodiscard]] Api::Router &router();
    [[nodiscard]] Store::Database &database();
    /// With ServerConfig::keepEventsInMemory (tests): the newest verification and rate-limit events
    /// published by the handlers, as they were handed to analytics. Empty otherwise.
    [[nodiscard]] Core::MemoryEventSink &events();
    /// The analytics pipeline (after open()): flush(), metrics() for /metrics, retention.
    [[nodiscard]] Analytics::AnalyticsSink &analytics();
    [[nodiscard]] QString defaultWorkspaceId() const;
    /// Where the bootstrap root key was written on first start (empty if it was seeded or existed).
    [[nodiscard]] QString bootstrapRootKeyFile() const;

    /// Creates a workspace (tests, and later the dashboard's workspace management).
    [[nodiscard]] Core::Result<QString> createWorkspace(const QString &name);
    /// Stores a root key with exactly @p plaintext (hashed) and @p permissions; returns its id.
    [[nodiscard]] Core::Result<QString> seedRootKey(const QString &workspaceId, const QString &plaintext,
                                                    const QStringList &permissions, const QString &name = {});

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Latchkey::Server

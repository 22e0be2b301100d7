#include "server/server.h"

#include "analytics/analyticssink.h"
#include "api/principal.h"
#include "api/router.h"
#include "api/routes.h"
#include "api/services.h"
#include "core/clock.h"
#include "core/keyencryption.h"
#include "core/keyfactory.h"
#include "core/keyhash.h"
#include "core/memoryeventsink.h"
#include "core/metrics.h"
#include "core/random.h"
#include "http/httpserver.h"
#include "limits/slidingwindow.h"
#include "server/consoleendpoint.h"
#include "server/metricsendpoint.h"
#include "server/refillsweeper.h"
#include "store/database.h"
#include "store/rootkeystore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

Q_LOGGING_CATEGORY(lcServer, "latchkey.server")

using Core::ErrorCode;
using Core::makeError;
using Core::Status;

struct Server::Private {
    ServerConfig config;
    Core::SystemClock systemClock;
    const Core::Clock *clock = nullptr;
    std::unique_ptr<Store::Database> db;
    std::optional<Core::KeyEncryption> encryption;
    std::unique_ptr<Limits::SlidingWindowLimiter> limiter;
    Core::MemoryEventSink events; ///< only fed with config.keepEventsInMemory (tests)
    std::unique_ptr<Analytics::AnalyticsSink> analytics;
    std::unique_ptr<Api::Services> services;
    std::unique_ptr<Api::Router> router;
    /// What the HTTP workers dispatch to: null until open() has built the router, so latchkeyd can
    /// bind its port (and fail fast) before it touches the data folder.
    std::atomic<Api::Router *> liveRouter{nullptr};
    std::unique_ptr<Http::HttpServer> http;
    /// GET /metrics: the registry lives as long as the Server, so both listeners can scrape it
    /// before open() and after stop(); the collectors read these two pointers, set while running.
    std::unique_ptr<Core::Metrics> metrics;
    std::unique_ptr<MetricsEndpoint> metricsEndpoint;
    std::unique_ptr<Http::HttpServer> metricsHttp;
    std::atomic<const Analytics::AnalyticsMetrics *> liveAnalyticsMetrics{nullptr};
    std::atomic<const Http::HttpServer *> liveHttp{nullptr};
    std::unique_ptr<RefillSweeper> refillSweeper;
    ConsoleEndpoint console; ///< GET /console/...: the web console's compiled-in files
    QString defaultWorkspaceId;
    QString writtenBootstrapFile;
    QString scheme;

    void announce(quint16 port) const;

    Status prepareDataDir();
    void startAnalytics();
    Status bootstrap();
    void setUpMetrics();
    Status listenMetrics();
    Http::Response serveMain(const Http::Request &request);
    Status writeBootstrapFile(const QString &path, const QString &plaintext);
    Core::Result<QSslConfiguration> tlsConfiguration() const;
};

namespace {
// Before the store is open (or after it closed) every request gets a plain 503 envelope.
Http::Response unavailable(const QString &detail)
{
    Http::Response response;
    response.status = 503;
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    const QJsonObject error{{u"title"_s, u"Service Unavailable"_s}, {u"detail"_s, detail}, {u"status"_s, 503},
                            {u"type"_s, u"https://unkey.com/docs/errors/unkey/application/service_unavailable"_s}};
    response.body = QJsonDocument(QJsonObject{{u"meta"_s, QJsonObject{{u"requestId"_s, Core::newRequestId()}}},
                                              {u"error"_s, error}})
                        .toJson(QJsonDocument::Compact);
    return response;
}
} // namespace

Server::Server(ServerConfig config, const Core::Clock *clock, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->config = std::move(config);
    d->clock = clock ? clock : &d->systemClock;
    if (d->config.nodeName.isEmpty())
        d->config.nodeName = QHostInfo::localHostName();
    d->setUpMetrics();
}

void Server::Private::setUpMetrics()
{
    metrics = std::make_unique<Core::Metrics>(QByteArrayLiteral(LATCHKEY_VERSION), QDateTime::currentMSecsSinceEpoch());
    metricsEndpoint = std::make_unique<MetricsEndpoint>(*metrics);
    console.setMetrics(metrics.get());
    metrics->addCollector([this](Core::ExpositionWriter &writer) {
        if (const Analytics::AnalyticsMetrics *source = liveAnalyticsMetrics.load(std::memory_order_acquire))
            writeAnalyticsMetrics(writer, source->snapshot());
        if (const Http::HttpServer *server = liveHttp.load(std::memory_order_acquire))
            writeConnectionMetrics(writer, server->openConnections());
    });
}

Server::~Server()
{
    stop();
}

Status Server::Private::prepareDataDir()
{
    if (config.dataDir.isEmpty())
        return makeError(ErrorCode::InvalidInput, u"no data folder given (--data-dir)"_s);
    QDir dir(config.dataDir);
    if (!dir.exists() && !QDir().mkpath(config.dataDir))
        return makeError(ErrorCode::Internal, u"cannot create data folder %1"_s.arg(config.dataDir));
    QFile probe(dir.filePath(u".write-test"_s));
    if (!probe.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Internal, u"data folder %1 is not writable"_s.arg(config.dataDir));
    probe.close();
    probe.remove();
    return {};
}

Status Server::open()
{
    if (Status prepared = d->prepareDataDir(); !prepared)
        return prepared;
    const QDir dir(d->config.dataDir);
    auto db = Store::Database::open(dir.filePath(u"latchkey.db"_s));
    if (!db)
        return db.error();
    d->db = std::move(*db);
    d->db->setMetrics(d->metrics.get());
    auto encryption = Core::KeyEncryption::loadOrCreate(dir.filePath(u"key-encryption-key"_s));
    if (!encryption)
        return encryption.error();
    d->encryption = std::move(*encryption);
    d->limiter = std::make_unique<Limits::SlidingWindowLimiter>(*d->clock);
    d->startAnalytics();
    d->services.reset(new Api::Services{*d->db, *d->clock, *d->limiter, *d->analytics, &*d->encryption, nullptr,
                                        d->config.nodeName, &d->analytics->metricsSource()});
    d->services->liveFeed = &d->analytics->liveFeed();
    d->services->metrics = d->metrics.get();
    d->liveAnalyticsMetrics.store(&d->analytics->metricsSource(), std::memory_order_release);
    d->router = std::make_unique<Api::Router>(*d->services);
    Api::registerAllRoutes(*d->router, *d->services);
    d->liveRouter.store(d->router.get(), std::memory_order_release);
    d->refillSweeper = std::make_unique<RefillSweeper>(*d->db, *d->clock);
    if (d->http) {
        d->refillSweeper->start();
        d->announce(port());
    }
    return d->bootstrap();
}

void Server::Private::startAnalytics()
{
    Analytics::AnalyticsSink::Options options;
    options.durability = config.analyticsDurability == u"strict" ? Analytics::Durability::Strict
                                                                   : Analytics::Durability::BestEffort;
    options.retention.rawMs = qint64(config.analyticsRetentionDays) * Analytics::RetentionPolicy::DayMs;
    options.discard = !config.analyticsEnabled;
    analytics = std::make_unique<Analytics::AnalyticsSink>(*db, *clock, options);
    if (config.keepEventsInMemory)
        analytics->setTap(&events);
    analytics->start();
}

Status Server::Private::bootstrap()
{
    Store::RootKeyStore rootKeys(*db);
    // A store that cannot be read is not a new one: taking it for empty would issue a second
    // bootstrap key into a second workspace, or serve with no default workspace.
    const Store::Found<QString> existing = rootKeys.firstWorkspaceId();
    if (!existing)
        return makeError(ErrorCode::Internal,
                         u"cannot read the store %1: %2"_s.arg(QDir(config.dataDir).filePath(u"latchkey.db"_s),
                                                              existing.error().detail));
    if (*existing) {
        defaultWorkspaceId = **existing;
        return {};
    }
    const bool seeded = !config.bootstrapRootKey.isEmpty();
    const QString plaintext = seeded ? config.bootstrapRootKey : Core::generateKey(u"lkroot", 24).plaintext;
    const QString file = config.bootstrapRootKeyFile.isEmpty()
        ? QDir(config.dataDir).filePath(u"bootstrap-root-key.txt"_s)
        : config.bootstrapRootKeyFile;
    if (!seeded && QFileInfo::exists(file))
        return makeError(ErrorCode::Internal,
                         u"bootstrap root key file %1 already exists but the store is empty; move it away"_s.arg(file));

    const QString workspaceId = Core::newId(u"ws");
    const qint64 now = clock->nowMs();
    Store::RootKey key;
    key.id = Core::newId(u"rk");
    key.workspaceId = workspaceId;
    key.name = u"bootstrap"_s;
    key.start = plaintext.left(plaintext.indexOf(u'_') + 5);
    key.createdAtMs = now;
    const QStringList permissions = Api::allWorkspacePermissions();
    key.permissions = QSet<QString>(permissions.begin(), permissions.end());
    Status written = db->write([&]() -> Status {
        if (Status status = rootKeys.insertWorkspace(workspaceId, u"default"_s, now); !status)
            return status;
        if (Status status = rootKeys.insertRootKey(key, Core::hashKey(plaintext.toUtf8())); !status)
            return status;
        // The file is written inside the transaction: if it cannot be written, nothing is stored
        // and the next start tries again.
        return seeded ? Status() : writeBootstrapFile(file, plaintext);
    });
    if (!written)
        return written;
    defaultWorkspaceId = workspaceId;
    if (!seeded)
        writtenBootstrapFile = file;
    qCInfo(lcServer).noquote() << "created workspace" << workspaceId << "and bootstrap root key" << key.id
                               << (seeded ? u"(seeded from LATCHKEY_BOOTSTRAP_ROOT_KEY)"_s : u"written to "_s + file);
    return {};
}

Status Server::Private::writeBootstrapFile(const QString &path, const QString &plaintext)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return makeError(ErrorCode::Internal, u"cannot write bootstrap root key file %1: %2"_s.arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(plaintext.toUtf8() + '\n');
    if (!file.flush())
        return makeError(ErrorCode::Internal, u"cannot write bootstrap root key file %1"_s.arg(path));
    return {};
}

Core::Result<QSslConfiguration> Server::Private::tlsConfiguration() const
{
    QFile certFile(config.tlsCertFile);
    if (!certFile.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput, u"cannot read TLS certificate %1"_s.arg(config.tlsCertFile));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty())
        return makeError(ErrorCode::InvalidInput, u"no PEM certificate in %1"_s.arg(config.tlsCertFile));
    QFile keyFile(config.tlsKeyFile);
    if (!keyFile.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidInput, u"cannot read TLS key %1"_s.arg(config.tlsKeyFile));
    const QByteArray keyData = keyFile.readAll();
    QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return makeError(ErrorCode::InvalidInput, u"no usable PEM private key in %1"_s.arg(config.tlsKeyFile));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

Status Server::listen()
{
    Http::HttpServerConfig httpConfig;
    httpConfig.address = QHostAddress(d->config.listenHost);
    if (httpConfig.address.isNull()) {
        const QHostInfo info = QHostInfo::fromName(d->config.listenHost);
        if (info.addresses().isEmpty())
            return makeError(ErrorCode::InvalidInput, u"cannot resolve listen host %1"_s.arg(d->config.listenHost));
        httpConfig.address = info.addresses().constFirst();
    }
    httpConfig.port = d->config.listenPort;
    httpConfig.workerThreads = d->config.workerThreads;
    if (!d->config.tlsCertFile.isEmpty()) {
        auto tls = d->tlsConfiguration();
        if (!tls)
            return tls.error();
        httpConfig.tls = *tls;
    }
    Private *state = d.get();
    d->http = std::make_unique<Http::HttpServer>(
        httpConfig,
        [state](const Http::Request &request) { return state->serveMain(request); },
        [state](int status, const QString &detail) {
            if (Api::Router *router = state->liveRouter.load(std::memory_order_acquire))
                return router->transportError(status, detail);
            return unavailable(detail);
        });
    QString error;
    if (!d->http->listen(&error))
        return makeError(ErrorCode::ServiceUnavailable, error);
    d->liveHttp.store(d->http.get(), std::memory_order_release);
    if (Status metricsListening = d->listenMetrics(); !metricsListening)
        return metricsListening;
    d->scheme = httpConfig.tls ? u"https"_s : u"http"_s;
    if (d->refillSweeper) {
        d->refillSweeper->start();
        d->announce(port());
    }
    return {};
}

Http::Response Server::Private::serveMain(const Http::Request &request)
{
    if (config.metricsOnMain && MetricsEndpoint::matches(request))
        return metricsEndpoint->serve(request);
    if (ConsoleEndpoint::matches(request))
        return console.serve(request);
    if (Api::Router *live = liveRouter.load(std::memory_order_acquire))
        return live->handle(request);
    return unavailable(u"latchkeyd is starting; try again in a moment."_s);
}

// The separate, unauthenticated metrics listener: plain HTTP, one worker, nothing but /metrics.
Status Server::Private::listenMetrics()
{
    if (config.metricsListenHost.isEmpty())
        return {};
    Http::HttpServerConfig metricsConfig;
    metricsConfig.address = QHostAddress(config.metricsListenHost);
    if (metricsConfig.address.isNull()) {
        const QHostInfo info = QHostInfo::fromName(config.metricsListenHost);
        if (info.addresses().isEmpty())
            return makeError(ErrorCode::InvalidInput, u"cannot resolve metrics listen host %1"_s.arg(config.metricsListenHost));
        metricsConfig.address = info.addresses().constFirst();
    }
    metricsConfig.port = config.metricsListenPort;
    metricsConfig.workerThreads = 1;
    metricsConfig.maxBodyBytes = 64 * 1024;
    const MetricsEndpoint *endpoint = metricsEndpoint.get();
    metricsHttp = std::make_unique<Http::HttpServer>(
        metricsConfig, [endpoint](const Http::Request &request) { return endpoint->serveListener(request); },
        [endpoint](int status, const QString &detail) { return endpoint->transportError(status, detail); });
    QString error;
    if (!metricsHttp->listen(&error))
        return makeError(ErrorCode::ServiceUnavailable, u"metrics listener: "_s + error);
    qCInfo(lcServer).noquote() << u"serving /metrics on http://"_s + config.metricsListenHost + u':'
            + QString::number(metricsHttp->serverPort());
    return {};
}

quint16 Server::metricsPort() const
{
    return d->metricsHttp ? d->metricsHttp->serverPort() : 0;
}

Core::Metrics &Server::metrics()
{
    return *d->metrics;
}

// Logged once both the port and the store are ready, so a failed start prints only its error.
void Server::Private::announce(quint16 port) const
{
    qCInfo(lcServer).noquote() << "serving on" << scheme + u"://"_s + config.listenHost + u':' + QString::number(port)
                               << "with data in" << config.dataDir;
}

void Server::stop()
{
    d->liveHttp.store(nullptr, std::memory_order_release);
    if (d->metricsHttp) {
        d->metricsHttp->shutdown(0);
        d->metricsHttp.reset();
    }
    if (d->http) {
        d->http->shutdown(d->config.shutdownGraceMs);
        d->http.reset();
    }
    d->refillSweeper.reset();
    // No request runs any more: the writer stores everything still queued before the store closes.
    if (d->analytics)
        d->analytics->stop();
    d->liveRouter.store(nullptr, std::memory_order_release);
    d->liveAnalyticsMetrics.store(nullptr, std::memory_order_release);
    if (d->db)
        d->db->setMetrics(nullptr);
    d->router.reset();
    d->services.reset();
    d->analytics.reset();
    d->db.reset();
}

quint16 Server::port() const
{
    return d->http ? d->http->serverPort() : 0;
}

bool Server::sweepRefills()
{
    return d->refillSweeper && d->refillSweeper->sweep();
}

Api::Router &Server::router()
{
    return *d->router;
}

Store::Database &Server::database()
{
    return *d->db;
}

Core::MemoryEventSink &Server::events()
{
    return d->events;
}

Analytics::AnalyticsSink &Server::analytics()
{
    return *d->analytics;
}

QString Server::defaultWorkspaceId() const
{
    return d->defaultWorkspaceId;
}

QString Server::bootstrapRootKeyFile() const
{
    return d->writtenBootstrapFile;
}

Core::Result<QString> Server::createWorkspace(const QString &name)
{
    const QString id = Core::newId(u"ws");
    Store::RootKeyStore store(*d->db);
    Status status = d->db->write([&] { return store.insertWorkspace(id, name, d->clock->nowMs()); });
    if (!status)
        return status.error();
    return id;
}

Core::Result<QString> Server::seedRootKey(const QString &workspaceId, const QString &plaintext,
                                          const QStringList &permissions, const QString &name)
{
    Store::RootKey key;
    key.id = Core::newId(u"rk");
    key.workspaceId = workspaceId;
    key.name = name;
    key.start = plaintext.left(8);
    key.createdAtMs = d->clock->nowMs();
    key.permissions = QSet<QString>(permissions.begin(), permissions.end());
    Store::RootKeyStore store(*d->db);
    Status status = d->db->write([&] { return store.insertRootKey(key, Core::hashKey(plaintext.toUtf8())); });
    if (!status)
        return status.error();
    return key.id;
}

} // namespace Latchkey::Server

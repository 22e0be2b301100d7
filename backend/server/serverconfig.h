#pragma once

#include <QString>

namespace Latchkey::Server {

/// Everything latchkeyd can be told, from flags, LATCHKEY_* variables or a config file.
struct ServerConfig {
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 7070;
    QString dataDir;                ///< holds latchkey.db and the key-encryption key
    QString bootstrapRootKeyFile;   ///< empty: <dataDir>/bootstrap-root-key.txt
    QString bootstrapRootKey;       ///< LATCHKEY_BOOTSTRAP_ROOT_KEY: seed exactly this root key
    QString logFormat = QStringLiteral("text"); ///< "text" | "json"
    QString tlsCertFile;
    QString tlsKeyFile;
    QString nodeName;               ///< recorded with every verification; default: host name
    int workerThreads = 0;          ///< 0: one per core
    int shutdownGraceMs = 10000;
    /// "best-effort": events are batched off the hot path (a kill -9 loses at most the open batch);
    /// "strict": every event commits before its request answers (docs/configuration.md, Durability).
    QString analyticsDurability = QStringLiteral("best-effort");
    int analyticsRetentionDays = 30; ///< raw verification and rate-limit events
    /// false ("--analytics-enabled false"): the analytics sink discards every event (benchmarks
    /// measure the cost of analytics with it); no analytics, live stream or lastUsedAt then.
    bool analyticsEnabled = true;
    /// GET /metrics on a second listener of its own ("--metrics-listen"); empty host: off.
    /// Unauthenticated: bind it to loopback or a private network.
    QString metricsListenHost;
    quint16 metricsListenPort = 0;
    bool metricsOnMain = false;     ///< also serve GET /metrics on the API listener
    /// Tests: also keep the newest events in memory (Server::events()).
    bool keepEventsInMemory = false;
};

} // namespace Latchkey::Server

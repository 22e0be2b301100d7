#pragma once

#include "core/error.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace Latchkey::Core {
class Metrics;
} // namespace Latchkey::Core

namespace Latchkey::Store {

/// The SQLite file behind the server: one connection per thread (Qt Sql connections are
/// thread-bound), WAL mode so readers never wait for the writer, and one writer at a time.
///
/// Every change goes through write(): it runs inside `BEGIN IMMEDIATE ... COMMIT` under the
/// process-wide write lock, so when write() returns success the change is durable (survives
/// kill -9) and concurrent read-modify-write sequences cannot interleave.
///
/// generation() counts committed writes that may change what a verification sees; caches tag
/// their entries with it and treat older entries as stale, which makes every mutation visible to
/// the very next verification on this node.
class Database
{
public:
    /// Opens (creating if needed) the SQLite file at @p path and applies pending migrations in one
    /// transaction. Fails with a one-line reason for a corrupt file, a schema newer than this
    /// binary, or an unwritable location.
    static Core::Result<std::unique_ptr<Database>> open(const QString &path);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// This thread's connection (created on first use).
    [[nodiscard]] QSqlDatabase connection();

    /// A query prepared on this thread's connection (SQLite prepares in microseconds; a per-thread
    /// statement cache is a later optimisation).
    [[nodiscard]] QSqlQuery prepare(const QString &sql);

    enum class Invalidation { Caches, None };

    /// Runs @p work inside one write transaction. @p work returns a Status; on failure (or a SQL
    /// error) everything is rolled back. Invalidation::Caches bumps generation() after commit.
    Core::Status write(const std::function<Core::Status()> &work,
                       Invalidation invalidation = Invalidation::Caches);

    [[nodiscard]] quint64 generation() const { return m_generation.load(std::memory_order_acquire); }

    /// Marks every cache stale (also used when another node announces a change).
    void bumpGeneration() { m_generation.fetch_add(1, std::memory_order_acq_rel); }

    [[nodiscard]] QString path() const { return m_path; }

    /// Where write() reports its duration (GET /metrics); null: not reported. Set before use.
    void setMetrics(Core::Metrics *metrics) { m_metrics.store(metrics, std::memory_order_release); }

    /// The schema version this binary writes.
    static int schemaVersion();

private:
    explicit Database(QString path);
    Core::Status migrate();
    Core::Status writeLocked(const std::function<Core::Status()> &work, Invalidation invalidation);
    /// This thread's connection; on failure @p error says why (and the connection is closed).
    QSqlDatabase openConnection(QString *error);

    QString m_path;
    QString m_connectionPrefix;
    QMutex m_writeLock;
    QMutex m_connectionsLock;
    QHash<QThread *, QString> m_connections;
    std::atomic<quint64> m_generation{1};
    std::atomic<Core::Metrics *> m_metrics{nullptr};
};

/// Shorthand for a failed query: an Internal error naming the SQL error, logged once.
[[nodiscard]] Core::Error sqlError(const QSqlQuery &query);

/// Runs a prepared query; false (and a logged warning) when it fails.
[[nodiscard]] bool exec(QSqlQuery &query);

} // namespace Latchkey::Store

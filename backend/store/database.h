#pragma once

#include "core/error.h"
#include "store/found.h"
#include "store/writechanges.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

struct sqlite3_stmt;

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

    class Statement;

    /// A statement on this thread's connection that is prepared once and kept for the life of the
    /// connection (SQLite's C API, no Qt Sql conversions): for the verification hot path, where
    /// preparing costs more than running. @p sql must be a string literal (static storage): the
    /// per-thread cache is keyed by its address. The returned lease resets the statement and
    /// clears its bindings when it ends, so no read transaction stays open behind it. Not
    /// reentrant for one @p sql: do not hold two leases of the same statement on one thread.
    [[nodiscard]] Statement statement(const char *sql);

    enum class Invalidation { Caches, None };

    /// Runs @p work inside one write transaction. @p work returns a Status; on failure (or a SQL
    /// error) everything is rolled back. Invalidation::Caches bumps generation() after commit.
    Core::Status write(const std::function<Core::Status()> &work,
                       Invalidation invalidation = Invalidation::Caches);

    [[nodiscard]] quint64 generation() const { return m_generation.load(std::memory_order_acquire); }

    /// Told, after commit and instead of a generation() bump, which keys a write with
    /// Invalidation::Caches changed when it changed nothing but rows of `keys` (and the audit log):
    /// the verification cache then drops just those keys (WriteChanges says when this holds).
    /// Called under the write lock, so keep it short. Empty: every such write bumps generation().
    using KeyChangeListener = std::function<void(const QList<ChangedKey> &)>;
    void setKeyChangeListener(KeyChangeListener listener);

    /// Called on a thread that finds the write lock taken, before it waits for it (not under the
    /// lock). The analytics writer, which may hold the lock at SCHED_IDLE, leaves SCHED_IDLE then,
    /// so a credit spend or a mutation never waits for an idle CPU (issue 6: priority inversion).
    /// One listener; empty clears it.
    void setWriteWaitListener(std::function<void()> listener);

    /// Marks every cache stale (also used when another node announces a change).
    void bumpGeneration() { m_generation.fetch_add(1, std::memory_order_acq_rel); }

    [[nodiscard]] QString path() const { return m_path; }

    /// Where write() reports its duration (GET /metrics); null: not reported. Set before use.
    void setMetrics(Core::Metrics *metrics) { m_metrics.store(metrics, std::memory_order_release); }

    /// The schema version this binary writes.
    static int schemaVersion();

private:
    explicit Database(QString path);
    struct ThreadConnection;
    Core::Status migrate();
    ThreadConnection *threadConnection();
    static void closeConnection(ThreadConnection &connection);
    Core::Status writeLocked(const std::function<Core::Status()> &work, Invalidation invalidation);
    /// This thread's connection; on failure @p error says why (and the connection is closed).
    QSqlDatabase openConnection(QString *error);

    QString m_path;
    QString m_connectionPrefix;
    QMutex m_writeLock;
    QMutex m_connectionsLock;
    QHash<QThread *, std::shared_ptr<ThreadConnection>> m_connections;
    const quint64 m_serial; ///< unique per Database, never reused: tags the per-thread shortcut
    std::atomic<quint64> m_generation{1};
    WriteChanges m_changes; ///< guarded by m_writeLock (its hook ignores other connections)
    KeyChangeListener m_keyChangeListener; ///< guarded by m_writeLock
    QMutex m_writeWaitLock;
    std::function<void()> m_writeWaitListener; ///< guarded by m_writeWaitLock
    std::atomic<Core::Metrics *> m_metrics{nullptr};
};

/// A lease on a cached statement (Database::statement()); invalid when preparing failed.
class Database::Statement
{
public:
    explicit Statement(sqlite3_stmt *statement = nullptr)
        : m_statement(statement)
    { }
    ~Statement();
    Statement(Statement &&other) noexcept
        : m_statement(std::exchange(other.m_statement, nullptr))
    { }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement &operator=(Statement &&) = delete;

    [[nodiscard]] bool isValid() const { return m_statement != nullptr; }
    /// The prepared statement itself (owned by the cache), for callers that bind through SqliteStatement.
    [[nodiscard]] sqlite3_stmt *handle() const { return m_statement; }
    /// Parameters are numbered from 1, as in SQLite. Text is copied by SQLite.
    void bind(int index, qint64 value);
    void bind(int index, QStringView text);
    void bind(int index, QByteArrayView latin1);
    /// Steps once: true with a row, false when done or failed (then error() is set).
    [[nodiscard]] bool next();
    /// The SQL error of the last next() (empty: none).
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] qint64 integer(int column) const;
    [[nodiscard]] QString text(int column) const;

private:
    sqlite3_stmt *m_statement;
    QString m_error;
};

/// The error (Internal, 500) of a query that exec() ran and that failed; exec() logged it.
[[nodiscard]] Core::Error sqlError(const QSqlQuery &query);

/// Runs a prepared query; false when it fails, which is logged here, once, with its SQL.
[[nodiscard]] bool exec(QSqlQuery &query);

/// Runs @p query and reads its first row with @p read (nullopt: no row; an error: the query failed).
template<typename T, typename Read> Found<T> firstRow(QSqlQuery &query, Read read)
{
    if (!exec(query))
        return sqlError(query);
    if (!query.next())
        return std::optional<T>();
    return std::optional<T>(read(query));
}

} // namespace Latchkey::Store

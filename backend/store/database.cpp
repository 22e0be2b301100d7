#include "store/database.h"

#include "core/metrics.h"
#include "store/schema.h"
#include "store/sqlitestatement.h"
#include "store/textfunctions.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QUuid>

#include <sqlite3.h>

#include <mutex>

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

Q_LOGGING_CATEGORY(lcStore, "latchkey.store")

using Core::ErrorCode;
using Core::makeError;
using Core::Status;

namespace {

bool run(QSqlDatabase &db, const QString &sql, QString *error = nullptr)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

// Settings every connection needs: WAL for concurrent readers, NORMAL sync (a commit in WAL mode
// survives a process crash; see docs/configuration.md for power loss), foreign keys, and a busy
// timeout so a reader never fails while the writer checkpoints.
bool configure(QSqlDatabase &db, QString *error)
{
    return run(db, u"PRAGMA journal_mode=WAL"_s, error) && run(db, u"PRAGMA synchronous=NORMAL"_s, error)
        && run(db, u"PRAGMA foreign_keys=ON"_s, error) && run(db, u"PRAGMA busy_timeout=10000"_s, error);
}

std::atomic<quint64> nextSerial {1};

} // namespace

/// One thread's connection: its Qt Sql name and the statements cached on its SQLite handle.
struct Database::ThreadConnection {
    QString name;
    WriteChanges::Hook hook; ///< this connection's update hook (WriteChanges)
    QHash<const char *, sqlite3_stmt *> statements;
    /// The thread's `finished` hook; cut when the Database dies first (the hook captures `this`).
    QMetaObject::Connection finishedHook;
};

Core::Error sqlError(const QSqlQuery &query)
{
    // Not logged here: exec() logged this failure already, with its SQL (it was logged twice).
    Q_UNUSED(query);
    return makeError(ErrorCode::Internal, u"A database error occurred."_s);
}

bool exec(QSqlQuery &query)
{
    // A query whose prepare() failed (a missing table, say) holds that error, which
    // Database::prepare() logged with its reason; running it would log "Parameter count mismatch".
    if (query.lastError().isValid())
        return false;
    if (query.exec())
        return true;
    qCWarning(lcStore) << "SQL error:" << query.lastError().text() << "in" << query.lastQuery();
    return false;
}

Database::Database(QString path)
    : m_path(std::move(path))
    , m_connectionPrefix(u"latchkey-"_s + QUuid::createUuid().toString(QUuid::Id128) + u'-')
    , m_serial(nextSerial.fetch_add(1, std::memory_order_relaxed))
{
}

Database::~Database()
{
    QMutexLocker locker(&m_connectionsLock);
    for (const auto &connection : std::as_const(m_connections)) {
        QObject::disconnect(connection->finishedHook);
        closeConnection(*connection);
    }
}

void Database::closeConnection(ThreadConnection &connection)
{
    // SQLite refuses to close a handle with live statements, so they go first.
    for (sqlite3_stmt *statement : std::as_const(connection.statements))
        sqlite3_finalize(statement);
    connection.statements.clear();
    QSqlDatabase::database(connection.name, false).close();
    QSqlDatabase::removeDatabase(connection.name);
}

int Database::schemaVersion()
{
    return migrations().constLast().version;
}

Core::Result<std::unique_ptr<Database>> Database::open(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isWritable())
        return makeError(ErrorCode::Internal, u"database file %1 is not writable"_s.arg(path));
    std::unique_ptr<Database> db(new Database(path));
    QString error;
    QSqlDatabase connection = db->openConnection(&error);
    if (!connection.isOpen())
        return makeError(ErrorCode::Internal, u"cannot open database %1: %2"_s.arg(path, error));
    if (Status migrated = db->migrate(); !migrated)
        return migrated.error();
    return db;
}

QSqlDatabase Database::connection()
{
    QString error;
    QSqlDatabase db = openConnection(&error);
    if (!error.isEmpty())
        qCCritical(lcStore).noquote() << "cannot open" << m_path << ":" << error;
    return db;
}

QSqlDatabase Database::openConnection(QString *error)
{
    QThread *thread = QThread::currentThread();
    QMutexLocker locker(&m_connectionsLock);
    if (auto it = m_connections.constFind(thread); it != m_connections.constEnd())
        return QSqlDatabase::database((*it)->name, false);

    const QString name = m_connectionPrefix + QString::number(quintptr(thread), 16);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(m_path);
    QString configureError;
    if (!db.open()) {
        *error = db.lastError().text();
        db.close();
    } else if (!configure(db, &configureError)) {
        // A file that is not SQLite opens lazily and fails at its first statement.
        *error = configureError;
        db.close();
    } else if (!registerTextFunctions(sqliteHandle(db))) {
        *error = u"cannot register the text SQL functions"_s;
        db.close();
    }
    const auto connection = std::make_shared<ThreadConnection>(ThreadConnection {name, {}, {}, {}});
    if (db.isOpen()) {
        connection->hook = {&m_changes, sqliteHandle(db)};
        WriteChanges::attach(connection->hook);
    }
    m_connections.insert(thread, connection);
    // Connections of threads that end are dropped with them, so the map does not grow forever.
    connection->finishedHook = QObject::connect(thread, &QThread::finished, thread, [this, thread] {
        QMutexLocker innerLocker(&m_connectionsLock);
        if (const std::shared_ptr<ThreadConnection> finished = m_connections.take(thread))
            closeConnection(*finished);
    }, Qt::DirectConnection);
    return db;
}

QSqlQuery Database::prepare(const QString &sql)
{
    QSqlQuery query(connection());
    if (!query.prepare(sql))
        qCWarning(lcStore) << "cannot prepare" << sql << query.lastError().text();
    return query;
}

Database::ThreadConnection *Database::threadConnection()
{
    // A per-thread shortcut past the connections lock; the serial tells it which Database it
    // belongs to (a later Database at the same address has another serial).
    struct Shortcut {
        quint64 serial = 0;
        std::weak_ptr<ThreadConnection> connection;
    };
    thread_local Shortcut shortcut;
    if (shortcut.serial == m_serial) {
        if (std::shared_ptr<ThreadConnection> cached = shortcut.connection.lock())
            return cached.get();
    }
    (void)connection(); // opens it on first use
    QMutexLocker locker(&m_connectionsLock);
    const std::shared_ptr<ThreadConnection> found = m_connections.value(QThread::currentThread());
    shortcut = {m_serial, found};
    return found.get();
}

Database::Statement Database::statement(const char *sql)
{
    ThreadConnection *thread = threadConnection();
    if (!thread)
        return Statement();
    if (sqlite3_stmt *cached = thread->statements.value(sql))
        return Statement(cached);
    sqlite3 *handle = sqliteHandle(QSqlDatabase::database(thread->name, false));
    sqlite3_stmt *prepared = nullptr;
    if (!handle || sqlite3_prepare_v3(handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &prepared, nullptr) != SQLITE_OK) {
        qCWarning(lcStore) << "cannot prepare" << sql << (handle ? sqlite3_errmsg(handle) : "(no SQLite handle)");
        sqlite3_finalize(prepared);
        return Statement();
    }
    thread->statements.insert(sql, prepared);
    return Statement(prepared);
}

Database::Statement::~Statement()
{
    if (m_statement) {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
}

void Database::Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void Database::Statement::bind(int index, QStringView text)
{
    sqlite3_bind_text16(m_statement, index, text.utf16(), int(text.size() * 2), SQLITE_TRANSIENT);
}

void Database::Statement::bind(int index, QByteArrayView latin1)
{
    sqlite3_bind_text(m_statement, index, latin1.data(), int(latin1.size()), SQLITE_TRANSIENT);
}

bool Database::Statement::next()
{
    if (!m_statement)
        return false;
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code != SQLITE_DONE) {
        m_error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement)));
        qCWarning(lcStore) << "SQL error:" << m_error << "in" << sqlite3_sql(m_statement);
    }
    return false;
}

bool Database::Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 Database::Statement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString Database::Statement::text(int column) const
{
    const auto *data = static_cast<const char16_t *>(sqlite3_column_text16(m_statement, column));
    const int bytes = sqlite3_column_bytes16(m_statement, column);
    return data ? QString(reinterpret_cast<const QChar *>(data), bytes / 2) : QString();
}

Status Database::write(const std::function<Status()> &work, Invalidation invalidation)
{
    QElapsedTimer timer;
    timer.start();
    Status status = writeLocked(work, invalidation);
    if (Core::Metrics *metrics = m_metrics.load(std::memory_order_acquire))
        metrics->recordStoreCommit(timer.nsecsElapsed() / 1000);
    return status;
}

Status Database::writeLocked(const std::function<Status()> &work, Invalidation invalidation)
{
    std::unique_lock<QMutex> locker(m_writeLock, std::try_to_lock);
    if (!locker.owns_lock()) {
        {
            QMutexLocker waitLocker(&m_writeWaitLock);
            if (m_writeWaitListener)
                m_writeWaitListener();
        }
        locker.lock();
    }
    // Cached statements: a credit spend is a whole transaction, and parsing BEGIN and COMMIT
    // through Qt Sql every time cost more than the spend itself (callgrind).
    const auto control = [this](const char *sql, QString *error) {
        Statement statement = this->statement(sql);
        const bool ran = statement.isValid() && !statement.next() && statement.error().isEmpty();
        if (!ran && error)
            *error = statement.isValid() ? statement.error() : u"cannot prepare %1"_s.arg(QLatin1StringView(sql));
        return ran;
    };
    QString error;
    if (!control("BEGIN IMMEDIATE", &error)) {
        qCWarning(lcStore) << "cannot begin transaction:" << error;
        return makeError(ErrorCode::ServiceUnavailable, u"The database is not available."_s);
    }
    const bool perKey = invalidation == Invalidation::Caches && m_keyChangeListener;
    if (perKey) {
        ThreadConnection *thread = threadConnection();
        m_changes.begin(thread ? thread->hook.handle : nullptr);
    }
    Status status = work();
    std::optional<QList<ChangedKey>> changedKeys;
    if (perKey && status)
        changedKeys = m_changes.keyOnlyChanges();
    m_changes.end();
    if (!status) {
        control("ROLLBACK", nullptr);
        return status;
    }
    if (!control("COMMIT", &error)) {
        qCWarning(lcStore) << "commit failed:" << error;
        control("ROLLBACK", nullptr);
        return makeError(ErrorCode::Internal, u"A database error occurred."_s);
    }
    if (changedKeys)
        m_keyChangeListener(*changedKeys); // only these keys' cache entries are stale
    else if (invalidation == Invalidation::Caches)
        bumpGeneration();
    return {};
}

void Database::setWriteWaitListener(std::function<void()> listener)
{
    QMutexLocker locker(&m_writeWaitLock);
    m_writeWaitListener = std::move(listener);
}

void Database::setKeyChangeListener(KeyChangeListener listener)
{
    QMutexLocker locker(&m_writeLock);
    m_keyChangeListener = std::move(listener);
}

Status Database::migrate()
{
    QSqlDatabase db = connection();
    QSqlQuery probe(db);
    // A file that is not SQLite fails here ("file is not a database").
    if (!probe.exec(u"SELECT count(*) FROM sqlite_master"_s))
        return makeError(ErrorCode::Internal,
                         u"database %1 is corrupt or not a Latchkey database: %2"_s.arg(m_path, probe.lastError().text()));
    if (!run(db, u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s))
        return makeError(ErrorCode::Internal, u"database %1 is not writable"_s.arg(m_path));
    probe.exec(u"SELECT max(version) FROM schema_version"_s);
    const int current = probe.next() ? probe.value(0).toInt() : 0;
    probe.finish();
    if (current > schemaVersion())
        return makeError(ErrorCode::Internal,
                         u"database %1 has schema version %2, newer than this latchkeyd (%3); upgrade latchkeyd"_s
                             .arg(m_path).arg(current).arg(schemaVersion()));
    if (current == schemaVersion())
        return {};
    return write([&]() -> Status {
        for (const Migration &migration : migrations()) {
            if (migration.version <= current)
                continue;
            for (const QString &statement : migration.statements) {
                QString error;
                if (!run(db, statement, &error))
                    return makeError(ErrorCode::Internal,
                                     u"migration %1 failed: %2"_s.arg(migration.version).arg(error));
            }
            QSqlQuery insert(db);
            insert.prepare(u"INSERT INTO schema_version (version) VALUES (?)"_s);
            insert.addBindValue(migration.version);
            if (!insert.exec())
                return makeError(ErrorCode::Internal, u"cannot record schema version"_s);
        }
        qCInfo(lcStore) << "migrated" << m_path << "from schema" << current << "to" << schemaVersion();
        return {};
    });
}

} // namespace Latchkey::Store

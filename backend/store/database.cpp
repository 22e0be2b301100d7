#include "store/database.h"

#include "core/metrics.h"
#include "store/schema.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QUuid>

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

} // namespace

Core::Error sqlError(const QSqlQuery &query)
{
    const QString text = query.lastError().text();
    qCWarning(lcStore) << "SQL error:" << text << "in" << query.lastQuery();
    return makeError(ErrorCode::Internal, u"A database error occurred."_s);
}

bool exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcStore) << "SQL error:" << query.lastError().text() << "in" << query.lastQuery();
    return false;
}

Database::Database(QString path)
    : m_path(std::move(path))
    , m_connectionPrefix(u"latchkey-"_s + QUuid::createUuid().toString(QUuid::Id128) + u'-')
{
}

Database::~Database()
{
    QMutexLocker locker(&m_connectionsLock);
    for (const QString &name : std::as_const(m_connections)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
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
        return QSqlDatabase::database(*it, false);

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
    }
    m_connections.insert(thread, name);
    // Connections of threads that end are dropped with them, so the map does not grow forever.
    QObject::connect(thread, &QThread::finished, thread, [this, thread] {
        QMutexLocker innerLocker(&m_connectionsLock);
        const QString connectionName = m_connections.take(thread);
        if (!connectionName.isEmpty()) {
            QSqlDatabase::database(connectionName, false).close();
            QSqlDatabase::removeDatabase(connectionName);
        }
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
    QMutexLocker locker(&m_writeLock);
    QSqlDatabase db = connection();
    QString error;
    if (!run(db, u"BEGIN IMMEDIATE"_s, &error)) {
        qCWarning(lcStore) << "cannot begin transaction:" << error;
        return makeError(ErrorCode::ServiceUnavailable, u"The database is not available."_s);
    }
    Status status = work();
    if (!status) {
        run(db, u"ROLLBACK"_s);
        return status;
    }
    if (!run(db, u"COMMIT"_s, &error)) {
        qCWarning(lcStore) << "commit failed:" << error;
        run(db, u"ROLLBACK"_s);
        return makeError(ErrorCode::Internal, u"A database error occurred."_s);
    }
    if (invalidation == Invalidation::Caches)
        bumpGeneration();
    return {};
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

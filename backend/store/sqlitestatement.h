#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace Latchkey::Store {

/// The SQLite handle behind a QSQLITE connection (null for any other driver).
[[nodiscard]] sqlite3 *sqliteHandle(const QSqlDatabase &connection);

/// A statement prepared directly on a connection's SQLite handle, for the analytics writer's hot
/// loops where Qt Sql's per-value QVariant conversions cost more than SQLite itself. It runs
/// inside whatever transaction the connection has open (Database::write()).
///
/// Text is bound as UTF-16 without copying: a bound QString or QByteArray must outlive run().
class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, const QString &sql);
    /// Uses @p prepared, which stays owned by its cache (Database::statement()); @p sql is its text,
    /// of static storage, for error messages.
    SqliteStatement(sqlite3 *db, sqlite3_stmt *prepared, const char *sql);
    ~SqliteStatement();

    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    [[nodiscard]] bool isValid() const { return m_statement != nullptr; }

    /// Parameters are numbered from 1, as in SQLite.
    void bind(int index, qint64 value);
    void bind(int index, const QString &text); ///< '' for a null QString
    void bindOrNull(int index, const QString &text); ///< NULL for an empty QString
    void bindBlob(int index, const QByteArray &blob);
    /// Text already in UTF-8, the database's encoding: SQLite uses it as it is (UTF-16 text is
    /// converted, with an allocation, on every bind).
    void bindUtf8(int index, const QByteArray &utf8);
    /// @p text converted to UTF-8 in @p scratch (reused from row to row, so ids and other ASCII
    /// text cost no allocation) and bound from there: @p scratch must outlive run().
    void bindText(int index, QStringView text, QByteArray &scratch);
    void bindTextOrNull(int index, QStringView text, QByteArray &scratch); ///< NULL for empty text

    /// Executes the statement, then resets it and clears its bindings for the next row.
    [[nodiscard]] Core::Status run();
    /// Rows changed by the last run().
    [[nodiscard]] int changes() const;

private:
    [[nodiscard]] Core::Status failure(int code) const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    bool m_owned = true;
    QString m_sql;
    const char *m_staticSql = nullptr;
};

} // namespace Latchkey::Store

#include "store/sqlitestatement.h"

#include <QLoggingCategory>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace Latchkey::Store {

namespace {
Q_LOGGING_CATEGORY(lcSqlite, "latchkey.store.sqlite")
} // namespace

sqlite3 *sqliteHandle(const QSqlDatabase &connection)
{
    const QVariant handle = connection.driver() ? connection.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteStatement::SqliteStatement(sqlite3 *db, const QString &sql)
    : m_db(db)
    , m_sql(sql)
{
    if (!db)
        return;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_statement, nullptr) != SQLITE_OK) {
        qCWarning(lcSqlite) << "cannot prepare" << sql << sqlite3_errmsg(db);
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqliteStatement::SqliteStatement(sqlite3 *db, sqlite3_stmt *prepared, const char *sql)
    : m_db(db)
    , m_statement(prepared)
    , m_owned(false)
    , m_staticSql(sql)
{ }

SqliteStatement::~SqliteStatement()
{
    if (m_owned)
        sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bind(int index, const QString &text)
{
    // QString::utf16() is never null (a null QString yields ""), so this binds '' rather than NULL.
    sqlite3_bind_text16(m_statement, index, text.utf16(), int(text.size() * 2), SQLITE_STATIC);
}

void SqliteStatement::bindOrNull(int index, const QString &text)
{
    if (text.isEmpty())
        sqlite3_bind_null(m_statement, index);
    else
        bind(index, text);
}

void SqliteStatement::bindBlob(int index, const QByteArray &blob)
{
    sqlite3_bind_blob(m_statement, index, blob.constData(), int(blob.size()), SQLITE_STATIC);
}

void SqliteStatement::bindUtf8(int index, const QByteArray &utf8)
{
    // constData() of a null QByteArray is "", so this binds '' rather than NULL.
    sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::bindText(int index, QStringView text, QByteArray &scratch)
{
    scratch.resize(text.size()); // keeps the capacity of earlier rows
    char *out = scratch.data();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80) {
            scratch = text.toUtf8();
            break;
        }
        out[i] = char(c);
    }
    bindUtf8(index, scratch);
}

void SqliteStatement::bindTextOrNull(int index, QStringView text, QByteArray &scratch)
{
    if (text.isEmpty())
        sqlite3_bind_null(m_statement, index);
    else
        bindText(index, text, scratch);
}

Core::Status SqliteStatement::run()
{
    if (!m_statement)
        return Core::makeError(Core::ErrorCode::Internal, QStringLiteral("A database error occurred."));
    int code = sqlite3_step(m_statement);
    while (code == SQLITE_ROW)
        code = sqlite3_step(m_statement);
    const Core::Status status = code == SQLITE_DONE ? Core::Status() : failure(code); // before reset
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return status;
}

int SqliteStatement::changes() const
{
    return sqlite3_changes(m_db);
}

Core::Status SqliteStatement::failure(int code) const
{
    qCWarning(lcSqlite) << "SQL error:" << sqlite3_errstr(code) << sqlite3_errmsg(m_db) << "in" << (m_staticSql ? QString::fromUtf8(m_staticSql) : m_sql);
    return Core::makeError(Core::ErrorCode::Internal, QStringLiteral("A database error occurred."));
}

} // namespace Latchkey::Store

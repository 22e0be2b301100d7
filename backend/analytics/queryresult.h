#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QStringList>

struct sqlite3_stmt;

namespace Latchkey::Analytics {

/// The answer of an analytics query: `json` is the compact JSON array analytics.getVerifications
/// returns as `data` — one object per row, keyed by column name (alias) in SELECT order.
struct QueryResult {
    QByteArray json = QByteArrayLiteral("[]");
    qsizetype rowCount = 0;
    QStringList columns;

    /// The rows parsed back (tests, callers that post-process).
    [[nodiscard]] QJsonArray rows() const;
};

/// Encodes the rows of a statement as they are stepped. INTEGER → JSON integer, REAL → number
/// (NaN/±Inf → null), TEXT → string, BLOB → base64 string, NULL → null; a column that is the
/// views' `tags` column itself (SQLite's column origin) → the JSON array it stores. When a name
/// occurs twice among the columns, the first one wins.
class QueryResultWriter
{
public:
    explicit QueryResultWriter(qsizetype maxBytes)
        : m_maxBytes(maxBytes)
    { }

    /// Reads the column names and origins of @p statement (prepared, not yet stepped).
    void begin(sqlite3_stmt *statement);
    /// Appends the current row; false once the encoded result exceeds the byte limit.
    [[nodiscard]] bool appendRow(sqlite3_stmt *statement);
    [[nodiscard]] QueryResult finish();

private:
    void appendValue(sqlite3_stmt *statement, int column);

    qsizetype m_maxBytes;
    QByteArray m_json;
    QList<int> m_columns; ///< statement column of each emitted key
    QList<QByteArray> m_keys; ///< `"name":` already encoded
    QSet<int> m_tagColumns;
    QStringList m_names;
    qsizetype m_rows = 0;
};

/// Appends @p utf8 to @p out as a JSON string literal (quotes included).
void appendJsonString(QByteArray &out, QByteArrayView utf8);

} // namespace Latchkey::Analytics

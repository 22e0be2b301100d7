#include "analytics/queryresult.h"

#include <QJsonDocument>
#include <QLocale>
#include <QUtf8StringView>

#include <sqlite3.h>

#include <cmath>

namespace Latchkey::Analytics {

namespace {

QByteArrayView columnBytes(sqlite3_stmt *statement, int column, bool text)
{
    const void *data = text ? static_cast<const void *>(sqlite3_column_text(statement, column))
                            : sqlite3_column_blob(statement, column);
    const int size = sqlite3_column_bytes(statement, column);
    return data ? QByteArrayView(static_cast<const char *>(data), size) : QByteArrayView();
}

// The stored tags column is JSON text; answered as the array it holds, like Unkey's Array(String).
bool appendJsonArray(QByteArray &out, QByteArrayView text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return false;
    out += document.toJson(QJsonDocument::Compact);
    return true;
}

} // namespace

QJsonArray QueryResult::rows() const
{
    return QJsonDocument::fromJson(json).array();
}

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            switch (c) {
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xf];
            }
        } else {
            out += c;
        }
    }
    out += '"';
}

void QueryResultWriter::begin(sqlite3_stmt *statement)
{
    QSet<QByteArray> seen;
    const int count = sqlite3_column_count(statement);
    for (int column = 0; column < count; ++column) {
        const char *name = sqlite3_column_name(statement, column);
        const QByteArray key = name ? QByteArray(name) : QByteArray::number(column);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        QByteArray encoded;
        appendJsonString(encoded, QString::fromUtf8(key).toUtf8());
        encoded += ':';
        m_keys.append(encoded);
        m_columns.append(column);
        m_names.append(QString::fromUtf8(key));
        const char *origin = sqlite3_column_origin_name(statement, column);
        if (origin && qstrcmp(origin, "tags") == 0)
            m_tagColumns.insert(column);
    }
    m_json = QByteArrayLiteral("[");
}

bool QueryResultWriter::appendRow(sqlite3_stmt *statement)
{
    m_json += m_rows == 0 ? "{" : ",{";
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (i > 0)
            m_json += ',';
        m_json += m_keys.at(i);
        appendValue(statement, m_columns.at(i));
    }
    m_json += '}';
    ++m_rows;
    return m_json.size() <= m_maxBytes;
}

void QueryResultWriter::appendValue(sqlite3_stmt *statement, int column)
{
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
        m_json += QByteArray::number(sqlite3_column_int64(statement, column));
        return;
    case SQLITE_FLOAT: {
        const double value = sqlite3_column_double(statement, column);
        m_json += std::isfinite(value) ? QByteArray::number(value, 'g', QLocale::FloatingPointShortest)
                                       : QByteArrayLiteral("null");
        return;
    }
    case SQLITE_TEXT: {
        const QByteArrayView text = columnBytes(statement, column, true);
        if (m_tagColumns.contains(column) && appendJsonArray(m_json, text))
            return;
        if (QUtf8StringView(text.data(), text.size()).isValidUtf8())
            appendJsonString(m_json, text);
        else
            appendJsonString(m_json, QString::fromUtf8(text).toUtf8());
        return;
    }
    case SQLITE_BLOB:
        appendJsonString(m_json, columnBytes(statement, column, false).toByteArray().toBase64());
        return;
    default:
        m_json += "null";
    }
}

QueryResult QueryResultWriter::finish()
{
    QueryResult result;
    m_json += ']';
    result.json = std::move(m_json);
    result.rowCount = m_rows;
    result.columns = m_names;
    return result;
}

} // namespace Latchkey::Analytics

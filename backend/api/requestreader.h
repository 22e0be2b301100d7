#pragma once

#include "core/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <memory>
#include <optional>

namespace Latchkey::Api {

/// A request field that may be absent, explicitly null, or hold a value (three-state fields of
/// update endpoints: absent = keep, null = clear).
template<typename T>
struct Field {
    enum class State { Absent, Null, Value };
    State state = State::Absent;
    T value{};

    [[nodiscard]] bool absent() const { return state == State::Absent; }
    [[nodiscard]] bool isNull() const { return state == State::Null; }
    [[nodiscard]] bool hasValue() const { return state == State::Value; }
    /// The value, or @p fallback when absent or null.
    [[nodiscard]] T valueOr(T fallback) const { return hasValue() ? value : fallback; }
};

/// Rules for a string field (JSON-schema subset of the OpenAPI contract).
struct StringRule {
    bool required = false;
    bool nullable = false;
    qsizetype minLength = 0;
    qsizetype maxLength = -1;            ///< -1: unbounded
    const QRegularExpression *pattern = nullptr;
};

struct IntegerRule {
    bool required = false;
    bool nullable = false;
    std::optional<qint64> minimum;
    std::optional<qint64> maximum;
};

struct ArrayRule {
    bool required = false;
    bool nullable = false;
    qsizetype minItems = 0;
    qsizetype maxItems = -1;
};

struct ObjectRule {
    bool required = false;
    bool nullable = false;
    qsizetype maxProperties = -1;
};

/// Decodes and validates a JSON request object in one pass, collecting every problem as a
/// FieldError with its location ("body.credits.remaining"). Readers for nested objects share the
/// error list with their parent. Call finish() last: it rejects fields nobody read
/// (`additionalProperties: false`) and tells whether the request is valid.
class RequestReader
{
public:
    explicit RequestReader(QJsonObject object, QString location = QStringLiteral("body"));

    Field<QString> string(const QString &name, const StringRule &rule = {});
    Field<qint64> integer(const QString &name, const IntegerRule &rule = {});
    Field<bool> boolean(const QString &name, bool required = false, bool nullable = false);
    /// A free-form JSON object (e.g. `meta`).
    Field<QJsonObject> object(const QString &name, const ObjectRule &rule = {});
    /// An array of strings, each checked against @p item.
    Field<QStringList> stringArray(const QString &name, const ArrayRule &rule, const StringRule &item);
    /// A nested object, read with its own reader (shares this reader's errors).
    std::optional<RequestReader> child(const QString &name, const ObjectRule &rule, bool *isNull = nullptr);
    /// An array of objects: one reader per element.
    std::optional<QList<RequestReader>> objectArray(const QString &name, const ArrayRule &rule);

    /// Adds an error at this reader's location + @p field (semantic checks of handlers).
    void addError(const QString &field, const QString &message, const QString &fix = {});

    /// Unknown fields become errors; false when any error was recorded anywhere.
    bool finish();
    /// Accepts unknown fields (schemas with additionalProperties allowed).
    void allowUnknownFields() { m_allowUnknown = true; }

    [[nodiscard]] bool hasErrors() const { return !m_errors->isEmpty(); }
    /// The InvalidInput error describing every problem found.
    [[nodiscard]] Core::Error error() const;

    [[nodiscard]] const QJsonObject &json() const { return m_object; }
    [[nodiscard]] QString location() const { return m_location; }

    /// Patterns used across endpoints.
    static const QRegularExpression &idPattern();         ///< ^[a-zA-Z0-9_]+$
    static const QRegularExpression &slugPattern();       ///< ^[a-zA-Z0-9_:\-\.\*]+$
    static const QRegularExpression &externalIdPattern(); ///< ^[a-zA-Z0-9_.-]+$

private:
    RequestReader(QJsonObject object, QString location, std::shared_ptr<QList<Core::FieldError>> errors);
    QString at(const QString &field) const;
    /// Marks @p name read; returns the value (Undefined when absent). Records type errors.
    QJsonValue take(const QString &name, bool required, bool nullable, bool *isNull);
    bool checkString(const QString &location, const QString &value, const StringRule &rule);

    QJsonObject m_object;
    QString m_location;
    QSet<QString> m_read;
    bool m_allowUnknown = false;
    std::shared_ptr<QList<Core::FieldError>> m_errors;
};

/// Parses a request body as a JSON object (or array for endpoints whose body is an array).
/// Invalid JSON or invalid UTF-8 gives RequestBodyUnreadable with the parser's reason.
[[nodiscard]] Core::Result<QJsonDocument> parseJsonBody(const QByteArray &body);

} // namespace Latchkey::Api

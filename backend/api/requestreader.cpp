#include "api/requestreader.h"

#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

using Core::ErrorCode;

namespace {

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"boolean"_s;
    case QJsonValue::Double: return u"number"_s;
    case QJsonValue::String: return u"string"_s;
    case QJsonValue::Array: return u"array"_s;
    case QJsonValue::Object: return u"object"_s;
    default: return u"undefined"_s;
    }
}

// JSON-schema lengths count code points, not UTF-16 units.
qsizetype codePoints(const QString &value)
{
    qsizetype count = value.size();
    for (QChar c : value) {
        if (c.isLowSurrogate())
            --count;
    }
    return count;
}

} // namespace

RequestReader::RequestReader(QJsonObject object, QString location)
    : RequestReader(std::move(object), std::move(location), std::make_shared<QList<Core::FieldError>>())
{
}

RequestReader::RequestReader(QJsonObject object, QString location,
                             std::shared_ptr<QList<Core::FieldError>> errors)
    : m_object(std::move(object)), m_location(std::move(location)), m_errors(std::move(errors))
{
}

const QRegularExpression &RequestReader::idPattern()
{
    static const QRegularExpression pattern(u"^[a-zA-Z0-9_]+$"_s);
    return pattern;
}

const QRegularExpression &RequestReader::slugPattern()
{
    static const QRegularExpression pattern(u"^[a-zA-Z0-9_:\\-\\.\\*]+$"_s);
    return pattern;
}

const QRegularExpression &RequestReader::externalIdPattern()
{
    static const QRegularExpression pattern(u"^[a-zA-Z0-9_.-]+$"_s);
    return pattern;
}

QString RequestReader::at(const QString &field) const
{
    // "$" is the whole body of array-bodied endpoints (see Route::arrayBody).
    if (field.isEmpty() || field == u"$")
        return m_location;
    return m_location + u'.' + field;
}

void RequestReader::addError(const QString &field, const QString &message, const QString &fix)
{
    m_errors->append({at(field), message, fix});
}

QJsonValue RequestReader::take(const QString &name, bool required, bool nullable, bool *isNull)
{
    m_read.insert(name);
    *isNull = false;
    const auto it = m_object.constFind(name);
    if (it == m_object.constEnd()) {
        if (required)
            addError(name, u"is required"_s, u"Add the required field '%1'."_s.arg(name));
        return QJsonValue(QJsonValue::Undefined);
    }
    if (it->isNull()) {
        if (!nullable) {
            addError(name, u"must not be null"_s);
            return QJsonValue(QJsonValue::Undefined);
        }
        *isNull = true;
    }
    return *it;
}

bool RequestReader::checkString(const QString &location, const QString &value, const StringRule &rule)
{
    const qsizetype length = codePoints(value);
    bool valid = true;
    if (length < rule.minLength) {
        m_errors->append({location, u"must be at least %1 characters long"_s.arg(rule.minLength), {}});
        valid = false;
    }
    if (rule.maxLength >= 0 && length > rule.maxLength) {
        m_errors->append({location, u"must be at most %1 characters long"_s.arg(rule.maxLength), {}});
        valid = false;
    }
    if (valid && rule.pattern && !rule.pattern->match(value).hasMatch()) {
        m_errors->append({location, u"does not match the pattern %1"_s.arg(rule.pattern->pattern()), {}});
        valid = false;
    }
    return valid;
}

Field<QString> RequestReader::string(const QString &name, const StringRule &rule)
{
    Field<QString> field;
    bool isNull = false;
    const QJsonValue value = take(name, rule.required, rule.nullable, &isNull);
    if (isNull) {
        field.state = Field<QString>::State::Null;
    } else if (value.isString()) {
        if (checkString(at(name), value.toString(), rule)) {
            field.state = Field<QString>::State::Value;
            field.value = value.toString();
        }
    } else if (!value.isUndefined()) {
        addError(name, u"must be a string, got %1"_s.arg(typeName(value)));
    }
    return field;
}

Field<qint64> RequestReader::integer(const QString &name, const IntegerRule &rule)
{
    Field<qint64> field;
    bool isNull = false;
    const QJsonValue value = take(name, rule.required, rule.nullable, &isNull);
    if (isNull) {
        field.state = Field<qint64>::State::Null;
        return field;
    }
    if (value.isUndefined())
        return field;
    if (!value.isDouble()) {
        addError(name, u"must be an integer, got %1"_s.arg(typeName(value)));
        return field;
    }
    const double asDouble = value.toDouble();
    if (!std::isfinite(asDouble) || std::floor(asDouble) != asDouble) {
        addError(name, u"must be an integer"_s);
        return field;
    }
    constexpr qint64 sentinel = std::numeric_limits<qint64>::min();
    const qint64 number = value.toInteger(sentinel);
    if (number == sentinel && asDouble != double(sentinel)) {
        addError(name, asDouble > 0 ? u"is too large"_s : u"is too small"_s);
        return field;
    }
    if (rule.minimum && number < *rule.minimum) {
        addError(name, u"must be greater than or equal to %1"_s.arg(*rule.minimum));
        return field;
    }
    if (rule.maximum && number > *rule.maximum) {
        addError(name, u"must be less than or equal to %1"_s.arg(*rule.maximum));
        return field;
    }
    field.state = Field<qint64>::State::Value;
    field.value = number;
    return field;
}

Field<bool> RequestReader::boolean(const QString &name, bool required, bool nullable)
{
    Field<bool> field;
    bool isNull = false;
    const QJsonValue value = take(name, required, nullable, &isNull);
    if (isNull) {
        field.state = Field<bool>::State::Null;
    } else if (value.isBool()) {
        field.state = Field<bool>::State::Value;
        field.value = value.toBool();
    } else if (!value.isUndefined()) {
        addError(name, u"must be a boolean, got %1"_s.arg(typeName(value)));
    }
    return field;
}

Field<QJsonObject> RequestReader::object(const QString &name, const ObjectRule &rule)
{
    Field<QJsonObject> field;
    bool isNull = false;
    const QJsonValue value = take(name, rule.required, rule.nullable, &isNull);
    if (isNull) {
        field.state = Field<QJsonObject>::State::Null;
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (rule.maxProperties >= 0 && object.size() > rule.maxProperties) {
            addError(name, u"must have at most %1 properties"_s.arg(rule.maxProperties));
        } else {
            field.state = Field<QJsonObject>::State::Value;
            field.value = object;
        }
    } else if (!value.isUndefined()) {
        addError(name, u"must be an object, got %1"_s.arg(typeName(value)));
    }
    return field;
}

Field<QStringList> RequestReader::stringArray(const QString &name, const ArrayRule &rule, const StringRule &item)
{
    Field<QStringList> field;
    bool isNull = false;
    const QJsonValue value = take(name, rule.required, rule.nullable, &isNull);
    if (isNull) {
        field.state = Field<QStringList>::State::Null;
        return field;
    }
    if (value.isUndefined())
        return field;
    if (!value.isArray()) {
        addError(name, u"must be an array, got %1"_s.arg(typeName(value)));
        return field;
    }
    const QJsonArray array = value.toArray();
    if (array.size() < rule.minItems) {
        addError(name, u"must have at least %1 items"_s.arg(rule.minItems));
        return field;
    }
    if (rule.maxItems >= 0 && array.size() > rule.maxItems) {
        addError(name, u"must have at most %1 items"_s.arg(rule.maxItems));
        return field;
    }
    bool valid = true;
    QStringList strings;
    strings.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString location = at(name) + u'[' + QString::number(i) + u']';
        if (!array.at(i).isString()) {
            m_errors->append({location, u"must be a string, got %1"_s.arg(typeName(array.at(i))), {}});
            valid = false;
            continue;
        }
        valid = checkString(location, array.at(i).toString(), item) && valid;
        strings.append(array.at(i).toString());
    }
    if (valid) {
        field.state = Field<QStringList>::State::Value;
        field.value = std::move(strings);
    }
    return field;
}

std::optional<RequestReader> RequestReader::child(const QString &name, const ObjectRule &rule, bool *isNull)
{
    bool null = false;
    const QJsonValue value = take(name, rule.required, rule.nullable, &null);
    if (isNull)
        *isNull = null;
    if (null || value.isUndefined())
        return std::nullopt;
    if (!value.isObject()) {
        addError(name, u"must be an object, got %1"_s.arg(typeName(value)));
        return std::nullopt;
    }
    return RequestReader(value.toObject(), at(name), m_errors);
}

std::optional<QList<RequestReader>> RequestReader::objectArray(const QString &name, const ArrayRule &rule)
{
    bool isNull = false;
    const QJsonValue value = take(name, rule.required, rule.nullable, &isNull);
    if (isNull || value.isUndefined())
        return std::nullopt;
    if (!value.isArray()) {
        addError(name, u"must be an array, got %1"_s.arg(typeName(value)));
        return std::nullopt;
    }
    const QJsonArray array = value.toArray();
    if (array.size() < rule.minItems) {
        addError(name, u"must have at least %1 items"_s.arg(rule.minItems));
        return std::nullopt;
    }
    if (rule.maxItems >= 0 && array.size() > rule.maxItems) {
        addError(name, u"must have at most %1 items"_s.arg(rule.maxItems));
        return std::nullopt;
    }
    QList<RequestReader> readers;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString location = at(name) + u'[' + QString::number(i) + u']';
        if (!array.at(i).isObject()) {
            m_errors->append({location, u"must be an object, got %1"_s.arg(typeName(array.at(i))), {}});
            continue;
        }
        readers.append(RequestReader(array.at(i).toObject(), location, m_errors));
    }
    return readers;
}

bool RequestReader::finish()
{
    if (!m_allowUnknown) {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!m_read.contains(it.key()))
                addError(it.key(), u"is not a known field"_s, u"Remove the field '%1'."_s.arg(it.key()));
        }
    }
    return m_errors->isEmpty();
}

Core::Error RequestReader::error() const
{
    Core::Error error;
    error.code = ErrorCode::InvalidInput;
    error.fieldErrors = *m_errors;
    QStringList parts;
    for (const Core::FieldError &fieldError : std::as_const(*m_errors))
        parts.append(fieldError.location + u' ' + fieldError.message);
    error.detail = parts.isEmpty() ? u"The request is invalid."_s
                                   : u"POST request body is invalid: "_s + parts.join(u"; "_s);
    return error;
}

Core::Result<QJsonDocument> parseJsonBody(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return Core::makeError(ErrorCode::RequestBodyUnreadable, u"The request body is empty; a JSON body is required."_s);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Core::makeError(ErrorCode::RequestBodyUnreadable,
                               u"The request body is not valid JSON: %1 at offset %2."_s.arg(parseError.errorString())
                                   .arg(parseError.offset));
    return document;
}

} // namespace Latchkey::Api

#include "keyvalidation.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QVariantMap>

Q_LOGGING_CATEGORY(lcDashboardKeys, "latchkey.dashboard.keys")

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard::KeyValidation {

/// The translation context of the messages below.
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(KeyValidation)
};

namespace {

bool matches(const QString &value, const QString &pattern)
{
    const QRegularExpression expression(QRegularExpression::anchoredPattern(pattern));
    return expression.match(value).hasMatch();
}

constexpr int kMaxMetaProperties = 100;

/// Where a byte offset of @p text's UTF-8 lies, as the user counts: line and column from 1, a
/// column in characters (QJsonParseError::offset counts UTF-8 bytes).
struct TextPosition {
    qsizetype line = 1;
    qsizetype column = 1;
};
TextPosition positionOf(const QString &text, int utf8Offset)
{
    const QByteArray utf8 = text.toUtf8();
    const QString before = QString::fromUtf8(utf8.left(qBound(0, utf8Offset, int(utf8.size()))));
    const qsizetype lineStart = before.lastIndexOf(u'\n') + 1;
    return {before.count(u'\n') + 1, before.size() - lineStart + 1};
}
/// A JSON syntax error in the UI's language: QJsonParseError::errorString() is Qt's English
/// ("unterminated string") whatever language the dashboard speaks (issue 4).
QString syntaxError(QJsonParseError::ParseError error)
{
    // Worded for what Qt reports them for: "unterminated string" is also a missing last "}", and
    // "unterminated object" a property name without quotes ({plan: "pro"}).
    switch (error) {
    case QJsonParseError::UnterminatedObject:
        return Messages::tr("expected a property name in double quotes or the closing }", "JSON syntax error");
    case QJsonParseError::UnterminatedString:
        return Messages::tr("the text ends too early: a closing \" or } is missing", "JSON syntax error");
    case QJsonParseError::MissingNameSeparator:
        return Messages::tr("a colon is missing after a property name", "JSON syntax error");
    case QJsonParseError::UnterminatedArray:
        return Messages::tr("expected a comma or the closing ] of a list", "JSON syntax error");
    case QJsonParseError::MissingValueSeparator:
        return Messages::tr("expected a comma or the closing } after a value", "JSON syntax error");
    case QJsonParseError::IllegalValue:
        return Messages::tr("not a valid value (text needs double quotes)", "JSON syntax error");
    case QJsonParseError::TerminationByNumber:
        return Messages::tr("the text ends in a number", "JSON syntax error");
    case QJsonParseError::IllegalNumber:
        return Messages::tr("not a valid number", "JSON syntax error");
    case QJsonParseError::IllegalEscapeSequence:
        return Messages::tr("not a valid escape sequence after \\", "JSON syntax error");
    case QJsonParseError::IllegalUTF8String:
        return Messages::tr("a character that is not valid here", "JSON syntax error");
    case QJsonParseError::MissingObject:
        return Messages::tr("an object is expected here", "JSON syntax error");
    case QJsonParseError::DeepNesting:
        return Messages::tr("nested too deeply", "JSON syntax error");
    case QJsonParseError::DocumentTooLarge:
        return Messages::tr("the text is too long", "JSON syntax error");
    case QJsonParseError::GarbageAtEnd:
        return Messages::tr("more text after the closing }", "JSON syntax error");
    case QJsonParseError::NoError:
        break;
    }
    return {};
}

constexpr int kMaxRatelimits = 50;
constexpr int kMaxPermissions = 1000;
constexpr int kMaxRoles = 100;

QString checkOneRatelimit(const QVariantMap &limit)
{
    const QString name = limit.value(u"name"_s).toString();
    if (name.size() < 3 || name.size() > 128)
        return Messages::tr("A rate limit name has 3 to 128 characters.");
    const qint64 max = limit.value(u"limit"_s).toLongLong();
    if (max < 1 || max > kMaxExactInteger)
        return Messages::tr("The limit of \"%1\" must be at least 1.").arg(name);
    if (limit.value(u"duration"_s).toLongLong() < kMinRatelimitDuration)
        return Messages::tr("The window of \"%1\" must be at least one second.").arg(name);
    return {};
}

} // namespace

QString checkApiId(const QString &apiId)
{
    if (apiId.isEmpty())
        return Messages::tr("Choose an API.");
    if (apiId.size() < 3 || apiId.size() > 255 || !matches(apiId, u"[a-zA-Z0-9_]+"_s))
        return Messages::tr("This is not a valid API id.");
    return {};
}

QString checkPrefix(const QString &prefix)
{
    if (prefix.isEmpty())
        return {};
    if (prefix.size() > 16)
        return Messages::tr("The prefix has at most 16 characters.");
    if (!matches(prefix, u"[a-zA-Z0-9_]+"_s))
        return Messages::tr("The prefix may contain only letters, digits and underscores.");
    return {};
}

QString checkName(const QString &name)
{
    return name.size() > 255 ? Messages::tr("The name has at most 255 characters.") : QString();
}

QString checkExternalId(const QString &externalId)
{
    if (externalId.isEmpty())
        return {};
    if (externalId.size() > 255)
        return Messages::tr("The owner id has at most 255 characters.");
    if (!matches(externalId, u"[a-zA-Z0-9_.-]+"_s))
        return Messages::tr("The owner id may contain only letters, digits, '_', '.' and '-'.");
    return {};
}

ParsedMeta parseMeta(const QString &text)
{
    if (text.trimmed().isEmpty())
        return {QJsonValue(QJsonValue::Null), {}};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt 6.4 parses only arrays and objects at the top level: a bare "pro" or 42 is valid
        // JSON, just not an object, and deserves that message rather than "illegal value".
        QJsonParseError wrappedError;
        QJsonDocument::fromJson("[" + text.toUtf8() + "]", &wrappedError);
        if (wrappedError.error == QJsonParseError::NoError)
            return {{}, Messages::tr("Meta must be a JSON object, like {\"plan\": \"pro\"}.")};
        // QJsonParseError::offset lies one past the character that broke the syntax.
        const TextPosition at = positionOf(text, parseError.offset - 1);
        return {{}, Messages::tr("Not valid JSON at line %1, column %2: %3.")
                        .arg(at.line)
                        .arg(at.column)
                        .arg(syntaxError(parseError.error))};
    }
    if (!document.isObject())
        return {{}, Messages::tr("Meta must be a JSON object, like {\"plan\": \"pro\"}.")};
    if (document.object().size() > kMaxMetaProperties)
        return {{}, Messages::tr("Meta has at most %1 top-level properties.").arg(kMaxMetaProperties)};
    return {document.object(), {}};
}

QString checkExpires(qint64 expiresMs, qint64 nowMs)
{
    if (expiresMs == 0)
        return {};
    if (expiresMs <= nowMs)
        return Messages::tr("The expiry lies in the past.");
    if (expiresMs > kMaxExpires)
        return Messages::tr("The expiry must be before the year 2100.");
    return {};
}

QString checkCredits(const CreditsInput &credits)
{
    if (credits.unlimited)
        return credits.interval.isEmpty() ? QString() : Messages::tr("A refill needs a limited number of credits.");
    if (credits.remaining < 0 || credits.remaining > kMaxExactInteger)
        return Messages::tr("Remaining credits must be 0 or more.");
    if (credits.interval.isEmpty())
        return {};
    if (credits.interval != "daily"_L1 && credits.interval != "monthly"_L1)
        return Messages::tr("The refill is daily or monthly.");
    if (credits.amount < 1 || credits.amount > kMaxExactInteger)
        return Messages::tr("The refill amount must be at least 1.");
    if (credits.interval == "monthly"_L1 && (credits.refillDay < 1 || credits.refillDay > 31))
        return Messages::tr("A monthly refill needs a day of the month between 1 and 31.");
    return {};
}

QJsonValue creditsJson(const CreditsInput &credits)
{
    if (credits.unlimited)
        return QJsonValue(QJsonValue::Null);
    QJsonObject object {{u"remaining"_s, credits.remaining}};
    if (!credits.interval.isEmpty()) {
        QJsonObject refill {{u"interval"_s, credits.interval}, {u"amount"_s, credits.amount}};
        // updateKey rejects refillDay on daily refills; createKey ignores it.
        if (credits.interval == "monthly"_L1)
            refill.insert(u"refillDay"_s, credits.refillDay);
        object.insert(u"refill"_s, refill);
    }
    return object;
}

QJsonValue creditsChangeJson(const CreditsInput &credits, const QJsonObject &saved, bool sendRemaining)
{
    const QJsonValue whole = creditsJson(credits);
    if (whole.isNull())
        return whole;
    const QJsonObject wanted = whole.toObject();
    const QJsonValue savedRemaining = saved.value(u"remaining"_s);
    QJsonObject change;
    if (sendRemaining || savedRemaining.isNull() || savedRemaining.isUndefined())
        change.insert(u"remaining"_s, wanted.value(u"remaining"_s));
    // The server may say more about a daily refill than the request may carry (refillDay).
    const QJsonObject savedRefill = saved.value(u"refill"_s).toObject();
    const QJsonObject wantedRefill = wanted.value(u"refill"_s).toObject();
    const auto same = [&](QLatin1StringView field) { return savedRefill.value(field) == wantedRefill.value(field); };
    const bool refillSame = same("interval"_L1) && same("amount"_L1)
        && (credits.interval != "monthly"_L1 || same("refillDay"_L1));
    if (!refillSame)
        change.insert(u"refill"_s, wantedRefill.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(wantedRefill));
    return change;
}

QString checkRatelimits(const QVariantList &ratelimits)
{
    if (ratelimits.size() > kMaxRatelimits)
        return Messages::tr("A key has at most %1 rate limits.").arg(kMaxRatelimits);
    QSet<QString> names;
    for (const QVariant &entry : ratelimits) {
        const QVariantMap limit = entry.toMap();
        if (const QString error = checkOneRatelimit(limit); !error.isEmpty())
            return error;
        const QString name = limit.value(u"name"_s).toString();
        if (names.contains(name))
            return Messages::tr("Two rate limits are named \"%1\".").arg(name);
        names.insert(name);
    }
    return {};
}

QJsonArray ratelimitsJson(const QVariantList &ratelimits)
{
    QJsonArray array;
    for (const QVariant &entry : ratelimits) {
        const QVariantMap limit = entry.toMap();
        array.append(QJsonObject {
            {u"name"_s, limit.value(u"name"_s).toString()},
            {u"limit"_s, limit.value(u"limit"_s).toLongLong()},
            {u"duration"_s, limit.value(u"duration"_s).toLongLong()},
            {u"autoApply"_s, limit.value(u"autoApply"_s).toBool()},
        });
    }
    return array;
}

QVariantList ratelimitsFromJson(const QJsonArray &ratelimits)
{
    QVariantList list;
    for (const QJsonValue &value : ratelimits) {
        const QJsonObject limit = value.toObject();
        list.append(QVariantMap {
            {u"id"_s, limit.value(u"id"_s).toString()},
            {u"name"_s, limit.value(u"name"_s).toString()},
            {u"limit"_s, double(limit.value(u"limit"_s).toInteger())},
            {u"duration"_s, double(limit.value(u"duration"_s).toInteger())},
            {u"autoApply"_s, limit.value(u"autoApply"_s).toBool()},
        });
    }
    return list;
}

QString checkPermission(const QString &slug)
{
    if (slug.isEmpty() || slug.size() > 128)
        return Messages::tr("A permission has 1 to 128 characters.");
    if (!matches(slug, u"[a-zA-Z0-9_:\\-\\.\\*]+"_s))
        // The signs on one line (no-break spaces): a narrow card broke them apart (walk 23b, Y13).
        return Messages::tr("A permission may contain only letters, digits and %1").arg(u"_\u00a0:\u00a0-\u00a0.\u00a0*"_s);
    return {};
}

QString checkRole(const QString &name)
{
    return name.isEmpty() || name.size() > 128 ? Messages::tr("A role name has 1 to 128 characters.") : QString();
}

QString checkPermissions(const QStringList &slugs)
{
    if (slugs.size() > kMaxPermissions)
        return Messages::tr("A key has at most %1 direct permissions.").arg(kMaxPermissions);
    for (const QString &slug : slugs) {
        if (const QString error = checkPermission(slug); !error.isEmpty())
            return error;
    }
    return {};
}

QString checkRoles(const QStringList &names)
{
    if (names.size() > kMaxRoles)
        return Messages::tr("A key has at most %1 roles.").arg(kMaxRoles);
    for (const QString &name : names) {
        if (const QString error = checkRole(name); !error.isEmpty())
            return error;
    }
    return {};
}

} // namespace Latchkey::Dashboard::KeyValidation

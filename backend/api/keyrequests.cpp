#include "api/keyrequests.h"

#include "api/domainjson.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

constexpr qint64 kMaxExpires = 4'102'444'800'000; // 2100-01-01, the schema's maximum

const QString kRemainingNeeded = u"`credits.remaining` must be provided when `credits.refill` is set."_s;
const QString kRefillDayNeeded = u"`refillDay` must be provided when the refill interval is `monthly`."_s;
const QString kRefillDayForbidden = u"`refillDay` must not be provided when the refill interval is `daily`."_s;

enum class DailyRefillDay { Ignore, Reject };

/// KeyCreditsRefill / UpdateKeyCreditsRefill; nullopt when invalid (errors recorded on @p in).
std::optional<Core::RefillRule> readRefill(RequestReader &in, DailyRefillDay dailyRefillDay)
{
    const Field<QString> interval = in.string(u"interval"_s, {.required = true});
    const Field<qint64> amount = in.integer(u"amount"_s, {.required = true, .minimum = 1});
    const Field<qint64> refillDay = in.integer(u"refillDay"_s, {.minimum = 1, .maximum = 31});
    const bool valid = in.finish();
    if (interval.hasValue() && interval.value != u"daily"_s && interval.value != u"monthly"_s) {
        in.addError(u"interval"_s, u"must be one of: daily, monthly"_s);
        return std::nullopt;
    }
    if (!valid || !interval.hasValue())
        return std::nullopt;
    Core::RefillRule rule;
    rule.amount = amount.value;
    if (interval.value == u"monthly"_s) {
        if (!refillDay.hasValue()) {
            in.addError(u"refillDay"_s, kRefillDayNeeded, u"Add refillDay (1-31)."_s);
            return std::nullopt;
        }
        rule.interval = Core::RefillInterval::Monthly;
        rule.refillDay = int(refillDay.value);
    } else if (refillDay.hasValue() && dailyRefillDay == DailyRefillDay::Reject) {
        in.addError(u"refillDay"_s, kRefillDayForbidden, u"Remove refillDay or use interval 'monthly'."_s);
        return std::nullopt;
    }
    return rule;
}

/// KeyCreditsData of a new key: remaining is required (null = unlimited); a refill needs a limit.
Core::CreditState readNewKeyCredits(RequestReader &in)
{
    Core::CreditState credits;
    std::optional<RequestReader> object = in.child(u"credits"_s, {});
    if (!object)
        return credits;
    const Field<qint64> remaining = object->integer(u"remaining"_s, {.required = true, .nullable = true, .minimum = 0});
    std::optional<RequestReader> refillObject = object->child(u"refill"_s, {});
    if (refillObject)
        credits.refill = readRefill(*refillObject, DailyRefillDay::Ignore);
    if (!object->finish())
        return credits;
    if (remaining.isNull() && refillObject)
        object->addError(u"remaining"_s, kRemainingNeeded, u"Set credits.remaining to a number."_s);
    if (remaining.hasValue())
        credits.remaining = remaining.value;
    return credits;
}

} // namespace

StringRule keyIdRule()
{
    return {.required = true, .minLength = 3, .maxLength = 255, .pattern = &RequestReader::idPattern()};
}

NewKeyFields readNewKeyFields(RequestReader &in, bool externalIdPattern)
{
    NewKeyFields fields;
    const Field<QString> name = in.string(u"name"_s, {.minLength = 1, .maxLength = 255});
    if (name.hasValue())
        fields.name = name.value;
    fields.externalId = in.string(u"externalId"_s,
                              {.minLength = 1,
                                  .maxLength = 255,
                                  .pattern = externalIdPattern ? &RequestReader::externalIdPattern() : nullptr})
                            .value;
    const Field<QJsonObject> meta = in.object(u"meta"_s, {.maxProperties = 100});
    if (meta.hasValue())
        fields.meta = meta.value;
    fields.roles = in.stringArray(u"roles"_s, {.maxItems = 100}, {.minLength = 1, .maxLength = 128}).value;
    fields.permissions = in.stringArray(u"permissions"_s, {.maxItems = 1000},
                               {.minLength = 1, .maxLength = 128, .pattern = &RequestReader::slugPattern()})
                             .value;
    const Field<qint64> expires = in.integer(u"expires"_s, {.minimum = 0, .maximum = kMaxExpires});
    if (expires.hasValue())
        fields.expiresMs = expires.value;
    fields.enabled = in.boolean(u"enabled"_s).valueOr(true);
    fields.credits = readNewKeyCredits(in);
    fields.ratelimits = readRatelimitRequests(in, u"ratelimits"_s).value_or(QList<Core::RatelimitConfig>());
    return fields;
}

std::optional<CreditsChange> readCreditsChange(RequestReader &in)
{
    bool isNull = false;
    std::optional<RequestReader> object = in.child(u"credits"_s, {.nullable = true}, &isNull);
    CreditsChange change;
    if (isNull) {
        change.remaining.state = Field<qint64>::State::Null;
        change.refill.state = Field<Core::RefillRule>::State::Null;
        return change;
    }
    if (!object)
        return std::nullopt;
    change.remaining = object->integer(u"remaining"_s, {.nullable = true, .minimum = 0});
    bool refillNull = false;
    std::optional<RequestReader> refillObject = object->child(u"refill"_s, {.nullable = true}, &refillNull);
    if (refillNull) {
        change.refill.state = Field<Core::RefillRule>::State::Null;
    } else if (refillObject) {
        if (const std::optional<Core::RefillRule> rule = readRefill(*refillObject, DailyRefillDay::Reject)) {
            change.refill.state = Field<Core::RefillRule>::State::Value;
            change.refill.value = *rule;
        }
    }
    (void)object->finish();
    return change;
}

Core::Status applyCreditsChange(Core::CreditState &credits, const CreditsChange &change, qint64 nowMs)
{
    Core::applyDueRefill(credits, nowMs);
    if (change.remaining.isNull()) {
        // Unlimited keys have nothing to refill: remaining null also clears the refill (Unkey).
        credits.remaining.reset();
        credits.refill.reset();
        return {};
    }
    if (change.remaining.hasValue())
        credits.remaining = change.remaining.value;
    if (change.refill.isNull()) {
        credits.refill.reset();
    } else if (change.refill.hasValue()) {
        credits.refill = change.refill.value;
        credits.lastRefillAtMs = nowMs;
    }
    if (credits.refill && !credits.remaining) {
        Core::Error error = Core::makeError(Core::ErrorCode::InvalidInput, kRemainingNeeded);
        error.fieldErrors.append(
            {u"body.credits.remaining"_s, kRemainingNeeded, u"Set credits.remaining to a number."_s});
        return error;
    }
    return {};
}

} // namespace Latchkey::Api

#include "store/auditchanges.h"

#include "store/keystore.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Store {

namespace {

template<typename T> QJsonValue valueOf(const std::optional<T> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Undefined);
}

QJsonValue refillJson(const std::optional<Core::RefillRule> &refill)
{
    if (!refill)
        return QJsonValue::Undefined;
    const bool monthly = refill->interval == Core::RefillInterval::Monthly;
    QJsonObject object {{u"interval"_s, monthly ? u"monthly"_s : u"daily"_s}, {u"amount"_s, refill->amount}};
    if (monthly)
        object.insert(u"refillDay"_s, refill->refillDay);
    return object;
}

QJsonValue ratelimitJson(const Core::RatelimitConfig *config)
{
    if (!config)
        return QJsonValue::Undefined;
    return QJsonObject {
        {u"limit"_s, config->limit}, {u"duration"_s, config->durationMs}, {u"autoApply"_s, config->autoApply}};
}

/// @p field's change object: `old` and `new` where defined.
QJsonObject change(const QString &field, const QJsonValue &before, const QJsonValue &after)
{
    QJsonObject object {{u"field"_s, field}};
    if (!before.isUndefined())
        object.insert(u"old"_s, before);
    if (!after.isUndefined())
        object.insert(u"new"_s, after);
    return object;
}

} // namespace

void AuditChanges::named(const QString &field)
{
    m_changes.append(QJsonObject {{u"field"_s, field}});
}

void AuditChanges::scalar(const QString &field, const QJsonValue &before, const QJsonValue &after)
{
    if (before != after)
        m_changes.append(change(field, before, after));
}

void AuditChanges::key(const KeyRecord &before, const KeyRecord &after, const Owners &owners)
{
    scalar(u"name"_s, valueOf(before.name), valueOf(after.name));
    if (before.identityId != after.identityId) {
        const auto externalId = [](const QString &id) {
            return id.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(id);
        };
        m_changes.append(change(u"externalId"_s, externalId(owners.before), externalId(owners.after)));
    }
    if (before.meta != after.meta)
        named(u"meta"_s);
    scalar(u"expires"_s, valueOf(before.expiresMs), valueOf(after.expiresMs));
    credits(before.credits, after.credits);
    scalar(u"enabled"_s, before.enabled, after.enabled);
}

void AuditChanges::created(const KeyRecord &key)
{
    if (key.meta)
        named(u"meta"_s);
    scalar(u"expires"_s, QJsonValue::Undefined, valueOf(key.expiresMs));
    credits({}, key.credits);
    if (!key.enabled)
        scalar(u"enabled"_s, QJsonValue::Undefined, false);
}

void AuditChanges::credits(const Core::CreditState &before, const Core::CreditState &after)
{
    scalar(u"credits.remaining"_s, valueOf(before.remaining), valueOf(after.remaining));
    scalar(u"credits.refill"_s, refillJson(before.refill), refillJson(after.refill));
}

void AuditChanges::ratelimitOverride(const std::optional<OverrideLimit> &before, const OverrideLimit &after)
{
    const auto json = [](const OverrideLimit &value) {
        return QJsonObject {{u"limit"_s, value.limit}, {u"duration"_s, value.durationMs}};
    };
    m_changes.append(change(u"override"_s, before ? QJsonValue(json(*before)) : QJsonValue(QJsonValue::Undefined), json(after)));
}

void AuditChanges::ratelimits(const QList<Core::RatelimitConfig> &before, const QList<Core::RatelimitConfig> &after)
{
    const auto find = [](const QList<Core::RatelimitConfig> &configs, const QString &name) {
        const auto found = std::find_if(configs.cbegin(), configs.cend(),
            [&name](const Core::RatelimitConfig &config) { return config.name == name; });
        return found == configs.cend() ? nullptr : &*found;
    };
    const auto add = [this](const QString &name, const QJsonValue &old, const QJsonValue &now) {
        if (old == now)
            return;
        QJsonObject object = change(u"ratelimit"_s, old, now);
        object.insert(u"name"_s, name);
        m_changes.append(object);
    };
    for (const Core::RatelimitConfig &old : before)
        add(old.name, ratelimitJson(&old), ratelimitJson(find(after, old.name)));
    for (const Core::RatelimitConfig &now : after) {
        if (!find(before, now.name))
            add(now.name, QJsonValue::Undefined, ratelimitJson(&now));
    }
}

} // namespace Latchkey::Store

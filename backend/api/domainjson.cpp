#include "api/domainjson.h"

#include "api/requestreader.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

QJsonObject toJson(const Core::RatelimitConfig &config)
{
    return QJsonObject{
        {u"id"_s, config.id},
        {u"name"_s, config.name},
        {u"limit"_s, config.limit},
        {u"duration"_s, config.durationMs},
        {u"autoApply"_s, config.autoApply},
    };
}

QJsonObject toJson(const Core::Identity &identity)
{
    QJsonObject object{{u"id"_s, identity.id}, {u"externalId"_s, identity.externalId}};
    object.insert(u"meta"_s, identity.meta);
    object.insert(u"ratelimits"_s, toJson(identity.ratelimits));
    return object;
}

QJsonObject toJson(const Core::Permission &permission)
{
    QJsonObject object{{u"id"_s, permission.id}, {u"name"_s, permission.name}, {u"slug"_s, permission.slug}};
    if (!permission.description.isEmpty())
        object.insert(u"description"_s, permission.description);
    return object;
}

QJsonObject toJson(const Core::Role &role)
{
    QJsonObject object{{u"id"_s, role.id}, {u"name"_s, role.name}};
    if (!role.description.isEmpty())
        object.insert(u"description"_s, role.description);
    object.insert(u"permissions"_s, toJson(role.permissions));
    return object;
}

QJsonArray toJson(const QList<Core::Permission> &permissions)
{
    QJsonArray array;
    for (const Core::Permission &permission : permissions)
        array.append(toJson(permission));
    return array;
}

QJsonArray toJson(const QList<Core::Role> &roles)
{
    QJsonArray array;
    for (const Core::Role &role : roles)
        array.append(toJson(role));
    return array;
}

QJsonArray toJson(const QList<Core::RatelimitConfig> &configs)
{
    QJsonArray array;
    for (const Core::RatelimitConfig &config : configs)
        array.append(toJson(config));
    return array;
}

std::optional<QList<Core::RatelimitConfig>> readRatelimitRequests(RequestReader &in, const QString &field)
{
    auto items = in.objectArray(field, {.maxItems = 50});
    if (!items)
        return std::nullopt;
    QList<Core::RatelimitConfig> configs;
    QSet<QString> names;
    bool valid = true;
    for (RequestReader &item : *items) {
        const auto name = item.string(u"name"_s, {.required = true, .minLength = 3, .maxLength = 128});
        // The upper bounds come from RatelimitResponse: a stored limit beyond them could never be
        // read back by a strict client, so it is refused on the way in.
        const auto limit = item.integer(u"limit"_s, {.required = true, .minimum = 1, .maximum = 1'000'000});
        const auto duration = item.integer(u"duration"_s,
                                           {.required = true, .minimum = 1000, .maximum = 2'592'000'000LL});
        const auto autoApply = item.boolean(u"autoApply"_s);
        valid = item.finish() && valid;
        if (name.hasValue() && names.contains(name.value)) {
            item.addError(u"name"_s, u"duplicate ratelimit name '%1'"_s.arg(name.value));
            valid = false;
        }
        names.insert(name.value);
        configs.append({QString(), name.value, limit.value, duration.value, autoApply.valueOr(false)});
    }
    if (!valid || in.hasErrors())
        return std::nullopt;
    return configs;
}

} // namespace Latchkey::Api

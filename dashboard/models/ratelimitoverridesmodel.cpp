#include "models/ratelimitoverridesmodel.h"

#include "client/apiclient.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

RatelimitOverridesModel::RatelimitOverridesModel(QObject *parent)
    : PagedListModel(parent)
{
}

QHash<int, QByteArray> RatelimitOverridesModel::roleNames() const
{
    return {{OverrideIdRole, "overrideId"},
            {IdentifierRole, "identifier"},
            {LimitRole, "limit"},
            {DurationRole, "duration"},
            {WildcardRole, "wildcard"}};
}

void RatelimitOverridesModel::setNamespaceName(const QString &name)
{
    if (m_namespace == name)
        return;
    m_namespace = name;
    Q_EMIT namespaceNameChanged();
    invalidate();
}

QString RatelimitOverridesModel::action() const
{
    return u"ratelimit.listOverrides"_s;
}

QJsonObject RatelimitOverridesModel::requestBody() const
{
    return {{u"namespace"_s, m_namespace}};
}

bool RatelimitOverridesModel::isReady() const
{
    return !m_namespace.isEmpty();
}

QVariant RatelimitOverridesModel::rowData(const QJsonObject &row, int role) const
{
    switch (role) {
    case OverrideIdRole:
        return row.value(u"overrideId"_s).toString();
    case IdentifierRole:
        return row.value(u"identifier"_s).toString();
    case LimitRole:
        return row.value(u"limit"_s).toInteger();
    case DurationRole:
        return row.value(u"duration"_s).toInteger();
    case WildcardRole:
        return row.value(u"identifier"_s).toString().contains(u'*');
    default:
        return {};
    }
}

void RatelimitOverridesModel::set(const QString &identifier, qint64 limit, qint64 durationMs)
{
    if (!client() || m_namespace.isEmpty())
        return;
    const QJsonObject body{{u"namespace"_s, m_namespace},
                           {u"identifier"_s, identifier},
                           {u"limit"_s, limit},
                           {u"duration"_s, durationMs}};
    // From the override dialog: a refused override brings it back (createFailed).
    postCreate(u"ratelimit.setOverride"_s, body, [this, identifier](const QJsonObject &) { Q_EMIT saved(identifier); });
}

void RatelimitOverridesModel::remove(const QString &identifier)
{
    if (!client() || m_namespace.isEmpty())
        return;
    const QJsonObject body{{u"namespace"_s, m_namespace}, {u"identifier"_s, identifier}};
    postChange(
        u"ratelimit.deleteOverride"_s, body, [this, identifier](const QJsonObject &) { Q_EMIT removed(identifier); });
}

void RatelimitOverridesModel::lookUpExisting(const QString &identifier)
{
    const quint64 lookup = ++m_lookup;
    if (!client() || m_namespace.isEmpty() || identifier.isEmpty())
        return;
    const QJsonObject body{{u"namespace"_s, m_namespace}, {u"identifier"_s, identifier}};
    client()->post(u"ratelimit.getOverride"_s, body, this,
                   [this, lookup, identifier](const ApiResult &result) {
                       if (lookup != m_lookup)
                           return;
                       const QJsonObject rule = result.data.toObject();
                       Q_EMIT existingLookedUp(identifier, result.ok(), rule.value(u"limit"_s).toInteger(),
                                               rule.value(u"duration"_s).toInteger());
                   },
                   ApiClient::Failures::Quiet);
}

} // namespace Latchkey::Dashboard

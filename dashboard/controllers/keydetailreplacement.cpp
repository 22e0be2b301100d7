// KeyDetailController's "replaced by": keys.getKey says nothing about rerolls, but every
// keys.rerollKey leaves a `key.reroll` audit event whose targets are [new key, old key, api].
#include "keydetailcontroller.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

/// The newest reroll in @p events (newest first) that replaced @p keyId: the new key's id, or "".
/// This key may also be the new key of an earlier reroll (then it is the first target).
QString successorIn(const QJsonArray &events, const QString &keyId)
{
    for (const QJsonValue &event : events) {
        const QJsonArray targets = event.toObject().value(u"targets"_s).toArray();
        if (targets.size() > 1 && targets.at(1).toObject().value(u"id"_s).toString() == keyId)
            return targets.at(0).toObject().value(u"id"_s).toString();
    }
    return {};
}

} // namespace

void KeyDetailController::findReplacement()
{
    if (!m_client || m_keyId.isEmpty() || m_deleted)
        return;
    const QString requested = m_keyId;
    const QJsonObject query {{u"events"_s, QJsonArray {u"key.reroll"_s}}, {u"targetId"_s, requested}, {u"limit"_s, 20}};
    m_client->post(u"audit.listLogs"_s, query, this, [this, requested](const ApiResult &result) {
        if (requested != m_keyId || !result.ok())
            return;
        const QString successor = successorIn(result.data.toArray(), requested);
        if (successor.isEmpty() || successor == m_replacedById)
            return;
        m_replacedById = successor;
        Q_EMIT replacementChanged();
        m_client->post(u"keys.getKey"_s, {{u"keyId"_s, successor}}, this, [this, requested, successor](const ApiResult &key) {
            if (requested != m_keyId || successor != m_replacedById || !key.ok())
                return;
            m_replacedByStart = key.data.toObject().value(u"start"_s).toString();
            Q_EMIT replacementChanged();
        }, ApiClient::Failures::Quiet);
    }, ApiClient::Failures::Quiet);
}

} // namespace Latchkey::Dashboard

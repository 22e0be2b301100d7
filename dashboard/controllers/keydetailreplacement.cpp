// KeyDetailController's "replaced by": keys.getKey says nothing about rerolls, but every
// keys.rerollKey leaves a `key.reroll` audit event whose targets are [new key, old key, api].
#include "keydetailcontroller.h"

#include "models/keysmodel.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

void KeyDetailController::findReplacement()
{
    if (!m_client || m_keyId.isEmpty() || m_deleted)
        return;
    const QString requested = m_keyId;
    const QJsonObject query {{u"events"_s, QJsonArray {u"key.reroll"_s}}, {u"targetId"_s, requested}, {u"limit"_s, 20}};
    m_client->post(u"audit.listLogs"_s, query, this, [this, requested](const ApiResult &result) {
        if (requested != m_keyId || !result.ok())
            return;
        // This key may also be the new key of an earlier reroll (then it is the first target).
        const QString successor = KeysModel::rerollSuccessors(result.data.toArray()).value(requested);
        if (successor.isEmpty() || successor == m_replacedById)
            return;
        m_replacedById = successor;
        m_replacedByStart.clear();
        m_replacedByDeleted = false;
        Q_EMIT replacementChanged();
        m_client->post(u"keys.getKey"_s, {{u"keyId"_s, successor}}, this, [this, requested, successor](const ApiResult &key) {
            if (requested != m_keyId || successor != m_replacedById)
                return;
            // Walkthrough J16: a successor deleted since was still named as this key's replacement.
            if (key.httpStatus == 404) {
                m_replacedByDeleted = true;
                Q_EMIT replacementChanged();
                return;
            }
            if (!key.ok())
                return;
            m_replacedByStart = key.data.toObject().value(u"start"_s).toString();
            Q_EMIT replacementChanged();
        }, ApiClient::Failures::Quiet);
    }, ApiClient::Failures::Quiet);
}

void KeyDetailController::keyDeleted(const QString &keyId)
{
    if (keyId.isEmpty() || keyId != m_replacedById || m_replacedByDeleted)
        return;
    m_replacedByDeleted = true;
    Q_EMIT replacementChanged();
}

} // namespace Latchkey::Dashboard

#include "models/apinames.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

ApiNames::ApiNames(QObject *parent)
    : QObject(parent)
{
}

void ApiNames::setClient(ApiClient *client)
{
    if (m_client == client)
        return;
    m_client = client;
    ++m_generation;
    m_asked.clear();
    Q_EMIT clientChanged();
    if (!m_names.isEmpty()) {
        m_names.clear();
        Q_EMIT namesChanged();
    }
}

void ApiNames::ask(const QStringList &apiIds)
{
    if (!m_client)
        return;
    for (const QString &apiId : apiIds) {
        if (!apiId.isEmpty() && !m_asked.contains(apiId)) {
            m_asked.insert(apiId);
            lookUp(apiId);
        }
    }
}

void ApiNames::refresh()
{
    if (!m_client)
        return;
    for (const QString &apiId : std::as_const(m_asked))
        lookUp(apiId);
}

void ApiNames::lookUp(const QString &apiId)
{
    const quint64 generation = m_generation;
    m_client->post(u"apis.getApi"_s, {{u"apiId"_s, apiId}}, this,
        [this, apiId, generation](const ApiResult &result) {
            if (generation != m_generation)
                return;
            if (result.ok()) {
                const QString name = result.data.toObject().value(u"name"_s).toString();
                if (m_names.value(apiId).toString() == name)
                    return;
                m_names.insert(apiId, name);
            } else if (result.httpStatus == 404 || result.httpStatus == 403) {
                if (m_names.remove(apiId) == 0)
                    return;
            } else {
                return; // no answer: the name known, if any, stays
            }
            Q_EMIT namesChanged();
        },
        ApiClient::Failures::Quiet);
}

} // namespace Latchkey::Dashboard

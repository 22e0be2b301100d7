#include "models/auditfilterresolver.h"

#include "models/modelslogging.h"

#include <QMetaEnum>

namespace Latchkey::Dashboard {

AuditFilterResolver::AuditFilterResolver(const char *logName, QObject *parent)
    : QObject(parent)
    , m_logName(logName)
{
}

void AuditFilterResolver::setClient(ApiClient *client)
{
    if (m_client == client)
        return;
    m_client = client;
    Q_EMIT clientChanged();
    restart();
}

void AuditFilterResolver::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_text == trimmed)
        return;
    m_text = trimmed;
    Q_EMIT textChanged();
    restart();
}

void AuditFilterResolver::restart()
{
    ++m_generation;
    resolve();
}

bool AuditFilterResolver::setLookup(bool &flag, bool value)
{
    if (flag == value)
        return false;
    flag = value;
    restart();
    return true;
}

void AuditFilterResolver::lookUp(const QString &action, const QJsonObject &body,
                                 std::function<void(const ApiResult &)> done)
{
    m_client->post(action, body, this,
                   [this, generation = m_generation, done = std::move(done)](const ApiResult &result) {
                       if (generation == m_generation)
                           done(result);
                   },
                   ApiClient::Failures::Quiet);
}

void AuditFilterResolver::finish(int match, const QString &id, const QString &label, int otherMatches)
{
    const QMetaEnum matches = metaObject()->enumerator(metaObject()->indexOfEnumerator("Match"));
    qCDebug(lcModels) << m_logName << matches.valueToKey(match) << id << "others" << otherMatches;
    m_match = match;
    m_id = id;
    m_label = label;
    m_otherMatches = otherMatches;
    setResolving(false);
    Q_EMIT resolved();
}

void AuditFilterResolver::setResolving(bool resolving)
{
    if (m_resolving == resolving)
        return;
    m_resolving = resolving;
    Q_EMIT resolvingChanged();
}

} // namespace Latchkey::Dashboard

#include "models/audittargetresolver.h"

#include "client/apiclient.h"
#include "models/keysearchlimits.h"
#include "models/modelslogging.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

using namespace KeySearchLimits;

} // namespace

AuditTargetResolver::AuditTargetResolver(QObject *parent)
    : QObject(parent)
{
}

void AuditTargetResolver::setClient(ApiClient *client)
{
    if (m_client == client)
        return;
    m_client = client;
    Q_EMIT clientChanged();
    resolve();
}

void AuditTargetResolver::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_text == trimmed)
        return;
    m_text = trimmed;
    Q_EMIT textChanged();
    resolve();
}

bool AuditTargetResolver::looksLikeId(const QString &text)
{
    // The prefixes of core/random's ids that audit rows name as targets (and request ids).
    static const QRegularExpression id(u"^(key|api|id|perm|role|rl|rlns|rlor|ks|rk|ws|req)_[A-Za-z0-9]+$"_s);
    return id.match(text).hasMatch();
}

void AuditTargetResolver::resolve()
{
    const quint64 generation = ++m_generation;
    m_pendingLookups = 0;
    m_keyMatches.clear();
    if (m_text.isEmpty())
        return finish(Empty, {}, {});
    if (looksLikeId(m_text))
        return finish(Id, m_text, m_text);
    if (!m_client)
        return finish(NotFound, m_text, m_text);
    setResolving(true);
    lookUpOwner(generation);
}

void AuditTargetResolver::lookUpOwner(quint64 generation)
{
    // External ids have a pattern; anything else (a name with spaces) cannot be one.
    static const QRegularExpression externalId(u"^[a-zA-Z0-9_.-]+$"_s);
    if (!externalId.match(m_text).hasMatch())
        return lookUpKeys(generation);
    m_client->post(u"identities.getIdentity"_s, QJsonObject{{u"identity"_s, m_text}}, this,
                   [this, generation](const ApiResult &result) {
                       if (generation != m_generation)
                           return;
                       const QJsonObject identity = result.data.toObject();
                       if (result.ok() && !identity.value(u"id"_s).toString().isEmpty()) {
                           return finish(Owner, identity.value(u"id"_s).toString(),
                                         identity.value(u"externalId"_s).toString());
                       }
                       lookUpKeys(generation);
                   },
                   ApiClient::Failures::Quiet);
}

void AuditTargetResolver::lookUpKeys(quint64 generation)
{
    m_client->post(u"apis.listApis"_s, QJsonObject{{u"limit"_s, MaxApis}}, this,
                   [this, generation](const ApiResult &result) {
                       if (generation != m_generation)
                           return;
                       const QJsonArray apis = result.data.toArray();
                       if (!result.ok() || apis.isEmpty())
                           return finish(NotFound, m_text, m_text);
                       m_pendingLookups = int(apis.size());
                       for (const QJsonValue &api : apis)
                           listKeys(generation, api.toObject().value(u"id"_s).toString(), {}, 0);
                   },
                   ApiClient::Failures::Quiet);
}

void AuditTargetResolver::listKeys(quint64 generation, const QString &apiId, const QString &cursor, int page)
{
    QJsonObject body{{u"apiId"_s, apiId}, {u"limit"_s, KeysPerPage}};
    if (!cursor.isEmpty())
        body.insert(u"cursor"_s, cursor);
    m_client->post(u"apis.listKeys"_s, body, this,
                   [this, generation, apiId, page](const ApiResult &result) {
                       if (generation != m_generation)
                           return;
                       for (const QJsonValue &value : result.data.toArray()) {
                           const QJsonObject key = value.toObject();
                           const QString keyId = key.value(u"keyId"_s).toString();
                           if (key.value(u"name"_s).toString() == m_text)
                               m_keyMatches.append({keyId, KeyName, m_text});
                           else if (key.value(u"start"_s).toString() == m_text)
                               m_keyMatches.append({keyId, KeyStart, m_text});
                       }
                       if (result.ok() && result.hasMore() && page + 1 < MaxKeyPagesPerApi)
                           return listKeys(generation, apiId, result.cursor(), page + 1);
                       lookupDone(generation);
                   },
                   ApiClient::Failures::Quiet);
}

void AuditTargetResolver::lookupDone(quint64 generation)
{
    if (generation != m_generation || --m_pendingLookups > 0)
        return;
    if (m_keyMatches.isEmpty())
        return finish(NotFound, m_text, m_text);
    // Sorted by id, so the answer does not depend on which API answered first.
    std::sort(m_keyMatches.begin(), m_keyMatches.end(),
              [](const KeyMatch &a, const KeyMatch &b) { return a.keyId < b.keyId; });
    const KeyMatch &first = m_keyMatches.first();
    finish(first.match, first.keyId, first.label, int(m_keyMatches.size()) - 1);
}

void AuditTargetResolver::finish(Match match, const QString &targetId, const QString &label, int otherMatches)
{
    qCDebug(lcModels) << "audit target" << match << targetId << "others" << otherMatches;
    m_match = match;
    m_targetId = targetId;
    m_label = label;
    m_otherMatches = otherMatches;
    setResolving(false);
    Q_EMIT resolved();
}

void AuditTargetResolver::setResolving(bool resolving)
{
    if (m_resolving == resolving)
        return;
    m_resolving = resolving;
    Q_EMIT resolvingChanged();
}

} // namespace Latchkey::Dashboard

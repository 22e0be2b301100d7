#include "models/auditactorresolver.h"

#include "client/apiclient.h"
#include "models/modelslogging.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

constexpr int RootKeysPerPage = 100; // the most rootKeys.listRootKeys returns at once
constexpr int MaxRootKeyPages = 10;

} // namespace

AuditActorResolver::AuditActorResolver(QObject *parent)
    : QObject(parent)
{
}

void AuditActorResolver::setClient(ApiClient *client)
{
    if (m_client == client)
        return;
    m_client = client;
    Q_EMIT clientChanged();
    resolve();
}

void AuditActorResolver::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_text == trimmed)
        return;
    m_text = trimmed;
    Q_EMIT textChanged();
    resolve();
}

void AuditActorResolver::resolve()
{
    const quint64 generation = ++m_generation;
    m_rootKeys.clear();
    if (m_text.isEmpty())
        return finish(Empty, {}, {});
    if (m_text.startsWith(u"rk_"_s))
        return finish(Id, m_text, m_text);
    if (!m_client)
        return finish(Unreadable, m_text, m_text);
    setResolving(true);
    listRootKeys(generation, {}, 0);
}

void AuditActorResolver::listRootKeys(quint64 generation, const QString &cursor, int page)
{
    QJsonObject body{{u"limit"_s, RootKeysPerPage}};
    if (!cursor.isEmpty())
        body.insert(u"cursor"_s, cursor);
    m_client->post(u"rootKeys.listRootKeys"_s, body, this,
                   [this, generation, page](const ApiResult &result) {
                       if (generation != m_generation)
                           return;
                       if (!result.ok())
                           return finish(Unreadable, m_text, m_text);
                       for (const QJsonValue &value : result.data.toArray()) {
                           const QJsonObject key = value.toObject();
                           m_rootKeys.append({key.value(u"rootKeyId"_s).toString(), key.value(u"name"_s).toString()});
                       }
                       if (result.hasMore() && page + 1 < MaxRootKeyPages)
                           return listRootKeys(generation, result.cursor(), page + 1);
                       lookupDone();
                   },
                   ApiClient::Failures::Quiet);
}

void AuditActorResolver::lookupDone()
{
    // Exact names first; a name typed in another case counts only when nothing matches exactly.
    for (const Qt::CaseSensitivity cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
        QList<RootKeyName> matches;
        for (const RootKeyName &key : std::as_const(m_rootKeys)) {
            if (key.name.compare(m_text, cs) == 0)
                matches.append(key);
        }
        if (matches.isEmpty())
            continue;
        // Sorted by id, so the answer does not depend on the list's order.
        std::sort(matches.begin(), matches.end(), [](const RootKeyName &a, const RootKeyName &b) { return a.id < b.id; });
        return finish(Name, matches.first().id, matches.first().name, int(matches.size()) - 1);
    }
    finish(NotFound, m_text, m_text);
}

void AuditActorResolver::finish(Match match, const QString &actorId, const QString &label, int otherMatches)
{
    qCDebug(lcModels) << "audit actor" << match << actorId << "others" << otherMatches;
    m_match = match;
    m_actorId = actorId;
    m_label = label;
    m_otherMatches = otherMatches;
    setResolving(false);
    Q_EMIT resolved();
}

void AuditActorResolver::setResolving(bool resolving)
{
    if (m_resolving == resolving)
        return;
    m_resolving = resolving;
    Q_EMIT resolvingChanged();
}

} // namespace Latchkey::Dashboard

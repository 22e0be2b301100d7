#include "models/audittargetresolver.h"

#include "models/keysearchlimits.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

using namespace KeySearchLimits;

} // namespace

AuditTargetResolver::AuditTargetResolver(QObject *parent)
    : AuditFilterResolver("audit target", parent)
{
}

void AuditTargetResolver::setFindsOwners(bool finds)
{
    if (setLookup(m_findsOwners, finds))
        Q_EMIT lookupsChanged();
}

void AuditTargetResolver::setFindsKeys(bool finds)
{
    if (setLookup(m_findsKeys, finds))
        Q_EMIT lookupsChanged();
}

bool AuditTargetResolver::looksLikeId(const QString &text)
{
    // The prefixes of core/random's ids that audit rows name as targets (and request ids).
    static const QRegularExpression id(u"^(key|api|id|perm|role|rl|rlns|rlor|ks|rk|ws|req)_[A-Za-z0-9]+$"_s);
    return id.match(text).hasMatch();
}

void AuditTargetResolver::resolve()
{
    m_pendingLookups = 0;
    m_keyMatches.clear();
    if (text().isEmpty())
        return finish(Empty, {}, {});
    if (looksLikeId(text()))
        return finish(Id, text(), text());
    if (!client())
        return finish(NotFound, text(), text());
    if (!m_findsOwners && !m_findsKeys)
        return finish(Unreadable, text(), text());
    startResolving();
    lookUpOwner();
}

void AuditTargetResolver::lookUpOwner()
{
    // External ids have a pattern; anything else (a name with spaces) cannot be one.
    static const QRegularExpression externalId(u"^[a-zA-Z0-9_.-]+$"_s);
    if (!m_findsOwners || !externalId.match(text()).hasMatch())
        return lookUpKeys();
    lookUp(u"identities.getIdentity"_s, QJsonObject{{u"identity"_s, text()}}, [this](const ApiResult &result) {
        const QJsonObject identity = result.data.toObject();
        if (result.ok() && !identity.value(u"id"_s).toString().isEmpty())
            return finish(Owner, identity.value(u"id"_s).toString(), identity.value(u"externalId"_s).toString());
        lookUpKeys();
    });
}

void AuditTargetResolver::lookUpKeys()
{
    if (!m_findsKeys)
        return finish(NotFound, text(), text());
    lookUp(u"apis.listApis"_s, QJsonObject{{u"limit"_s, MaxApis}}, [this](const ApiResult &result) {
        const QJsonArray apis = result.data.toArray();
        if (!result.ok() || apis.isEmpty())
            return finish(NotFound, text(), text());
        m_pendingLookups = int(apis.size());
        for (const QJsonValue &api : apis)
            listKeys(api.toObject().value(u"id"_s).toString(), {}, 0);
    });
}

void AuditTargetResolver::listKeys(const QString &apiId, const QString &cursor, int page)
{
    QJsonObject body{{u"apiId"_s, apiId}, {u"limit"_s, KeysPerPage}};
    if (!cursor.isEmpty())
        body.insert(u"cursor"_s, cursor);
    lookUp(u"apis.listKeys"_s, body, [this, apiId, page](const ApiResult &result) {
        for (const QJsonValue &value : result.data.toArray()) {
            const QJsonObject key = value.toObject();
            const QString keyId = key.value(u"keyId"_s).toString();
            if (key.value(u"name"_s).toString() == text())
                m_keyMatches.append({keyId, KeyName, text()});
            else if (key.value(u"start"_s).toString() == text())
                m_keyMatches.append({keyId, KeyStart, text()});
        }
        if (result.ok() && result.hasMore() && page + 1 < MaxKeyPagesPerApi)
            return listKeys(apiId, result.cursor(), page + 1);
        lookupDone();
    });
}

void AuditTargetResolver::lookupDone()
{
    if (--m_pendingLookups > 0)
        return;
    if (m_keyMatches.isEmpty())
        return finish(NotFound, text(), text());
    // Sorted by id, so the answer does not depend on which API answered first.
    std::sort(m_keyMatches.begin(), m_keyMatches.end(),
              [](const KeyMatch &a, const KeyMatch &b) { return a.keyId < b.keyId; });
    const KeyMatch &first = m_keyMatches.first();
    finish(first.match, first.keyId, first.label, int(m_keyMatches.size()) - 1);
}

} // namespace Latchkey::Dashboard

#include "models/audittargetresolver.h"

#include "models/keysearchlimits.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

using namespace KeySearchLimits;

// External ids have a pattern; anything else (a name with spaces) cannot be one.
bool looksLikeExternalId(const QString &text)
{
    static const QRegularExpression externalId(u"^[a-zA-Z0-9_.-]+$"_s);
    return externalId.match(text).hasMatch();
}

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

QString AuditTargetResolver::targetName() const
{
    return match() == Name || match() == Unreadable ? label() : QString();
}

bool AuditTargetResolver::looksLikeKeyStart(const QString &text)
{
    // core/keyfactory: the prefix (idPattern, up to 16 characters) and "_", then the first four
    // characters of the base58 (Bitcoin alphabet) part.
    static const QRegularExpression start(u"^([a-zA-Z0-9_]{1,16}_)?[1-9A-HJ-NP-Za-km-z]{4}$"_s);
    return start.match(text).hasMatch();
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
        return finishByName();
    startResolving();
    lookUpOwner();
}

void AuditTargetResolver::lookUpOwner()
{
    if (!m_findsOwners || !looksLikeExternalId(text()))
        return lookUpKeyStart();
    lookUp(u"identities.getIdentity"_s, QJsonObject{{u"identity"_s, text()}}, [this](const ApiResult &result) {
        const QJsonObject identity = result.data.toObject();
        if (result.ok() && !identity.value(u"id"_s).toString().isEmpty())
            return finish(Owner, identity.value(u"id"_s).toString(), identity.value(u"externalId"_s).toString());
        lookUpKeyStart();
    });
}

// Audit rows do not record a key's start, so only a walk over the live keys finds it.
void AuditTargetResolver::lookUpKeyStart()
{
    if (!m_findsKeys || !looksLikeKeyStart(text()))
        return finishByName();
    lookUp(u"apis.listApis"_s, QJsonObject{{u"limit"_s, MaxApis}}, [this](const ApiResult &result) {
        const QJsonArray apis = result.data.toArray();
        if (!result.ok() || apis.isEmpty())
            return finishByName();
        m_pendingLookups = int(apis.size());
        for (const QJsonValue &api : apis)
            listKeys(api.toObject().value(u"id"_s).toString(), {}, 0);
    });
}

void AuditTargetResolver::finishByName()
{
    finish(!m_findsOwners && looksLikeExternalId(text()) ? Unreadable : Name, {}, text());
}

void AuditTargetResolver::listKeys(const QString &apiId, const QString &cursor, int page)
{
    QJsonObject body{{u"apiId"_s, apiId}, {u"limit"_s, KeysPerPage}};
    if (!cursor.isEmpty())
        body.insert(u"cursor"_s, cursor);
    lookUp(u"apis.listKeys"_s, body, [this, apiId, page](const ApiResult &result) {
        for (const QJsonValue &value : result.data.toArray()) {
            const QJsonObject key = value.toObject();
            if (key.value(u"start"_s).toString() == text())
                m_keyMatches.append(key.value(u"keyId"_s).toString());
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
        return finishByName();
    // Sorted, so the answer does not depend on which API answered first.
    m_keyMatches.sort();
    finish(KeyStart, m_keyMatches.first(), text(), int(m_keyMatches.size()) - 1);
}

} // namespace Latchkey::Dashboard

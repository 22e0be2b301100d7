#include "models/auditactorresolver.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

constexpr int RootKeysPerPage = 100; // the most rootKeys.listRootKeys returns at once
constexpr int MaxRootKeyPages = 10;

} // namespace

AuditActorResolver::AuditActorResolver(QObject *parent)
    : AuditFilterResolver("audit actor", parent)
{
}

void AuditActorResolver::setFindsRootKeys(bool finds)
{
    if (setLookup(m_findsRootKeys, finds))
        Q_EMIT lookupsChanged();
}

void AuditActorResolver::resolve()
{
    m_rootKeys.clear();
    m_otherNames.clear();
    if (text().isEmpty())
        return finish(Empty, {}, {});
    if (text().startsWith(u"rk_"_s))
        return finish(Id, text(), text());
    if (!client() || !m_findsRootKeys)
        return finish(Unreadable, text(), text());
    startResolving();
    listRootKeys({}, 0);
}

void AuditActorResolver::listRootKeys(const QString &cursor, int page)
{
    QJsonObject body{{u"limit"_s, RootKeysPerPage}};
    if (!cursor.isEmpty())
        body.insert(u"cursor"_s, cursor);
    lookUp(u"rootKeys.listRootKeys"_s, body, [this, page](const ApiResult &result) {
        if (!result.ok())
            return finish(Unreadable, text(), text());
        for (const QJsonValue &value : result.data.toArray()) {
            const QJsonObject key = value.toObject();
            m_rootKeys.append({key.value(u"rootKeyId"_s).toString(), key.value(u"name"_s).toString()});
        }
        if (result.hasMore() && page + 1 < MaxRootKeyPages)
            return listRootKeys(result.cursor(), page + 1);
        lookupDone();
    });
}

void AuditActorResolver::lookupDone()
{
    // Exact names first; a name typed in another case counts only when nothing matches exactly.
    for (const Qt::CaseSensitivity cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
        const QList<RootKeyName> matches = named([this, cs](const QString &name) { return name.compare(text(), cs) == 0; });
        if (!matches.isEmpty())
            return finish(Name, matches.first().id, matches.first().name, int(matches.size()) - 1);
    }
    const QList<RootKeyName> matches = named([this](const QString &name) { return name.contains(text(), Qt::CaseInsensitive); });
    if (matches.isEmpty())
        return finish(NotFound, text(), text());
    for (const RootKeyName &other : matches.mid(1, kMaxOtherNames))
        m_otherNames.append(other.name);
    finish(PartOfName, matches.first().id, matches.first().name, int(matches.size()) - 1);
}

QList<AuditActorResolver::RootKeyName>
AuditActorResolver::named(const std::function<bool(const QString &name)> &matches) const
{
    QList<RootKeyName> found;
    for (const RootKeyName &key : std::as_const(m_rootKeys)) {
        if (matches(key.name))
            found.append(key);
    }
    // Those beginning with the text first, then by name and id: the answer does not depend on the
    // list's order.
    std::sort(found.begin(), found.end(), [this](const RootKeyName &a, const RootKeyName &b) {
        const bool aStarts = a.name.startsWith(text(), Qt::CaseInsensitive);
        const bool bStarts = b.name.startsWith(text(), Qt::CaseInsensitive);
        if (aStarts != bStarts)
            return aStarts;
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return found;
}

} // namespace Latchkey::Dashboard

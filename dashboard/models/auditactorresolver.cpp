#include "models/auditactorresolver.h"

#include <QJsonArray>
#include <QJsonObject>

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
        QList<RootKeyName> matches;
        for (const RootKeyName &key : std::as_const(m_rootKeys)) {
            if (key.name.compare(text(), cs) == 0)
                matches.append(key);
        }
        if (matches.isEmpty())
            continue;
        // Sorted by id, so the answer does not depend on the list's order.
        std::sort(matches.begin(), matches.end(), [](const RootKeyName &a, const RootKeyName &b) { return a.id < b.id; });
        return finish(Name, matches.first().id, matches.first().name, int(matches.size()) - 1);
    }
    finish(NotFound, text(), text());
}

} // namespace Latchkey::Dashboard

#pragma once

#include "models/auditfilterresolver.h"

namespace Latchkey::Dashboard {

/// Turns what a user types into the Audit log page's Actor filter into the root key id that
/// `audit.listLogs` filters by: a root key id (`rk_…`) as it is, or a root key's name (as the
/// Actor column and the sidebar show it) through `rootKeys.listRootKeys` (up to 1,000 root keys;
/// exact name first, else the only name equal ignoring case). `match` says which was taken,
/// `otherMatches` how many other root keys have that name. Lookups that miss or are refused are
/// not errors (they do not reach ApiClient::requestFailed); a newer text discards the answers of
/// an older one (AuditFilterResolver). `findsRootKeys` false (the root key may not read root keys,
/// as rootKeys.whoami said) takes a name as `Unreadable` at once instead of asking for a 403.
class AuditActorResolver : public Latchkey::Dashboard::AuditFilterResolver // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString actorId READ actorId NOTIFY resolved)
    Q_PROPERTY(Match match READ match NOTIFY resolved)
    Q_PROPERTY(bool findsRootKeys READ findsRootKeys WRITE setFindsRootKeys NOTIFY lookupsChanged)

public:
    enum Match {
        Empty,      ///< no text: no actor filter
        Id,         ///< the text is a root key id; actorId is the text
        Name,       ///< a root key's name; actorId is its id, label the name
        NotFound,   ///< no root key has that name; actorId is the text as typed (it matches no row)
        Unreadable, ///< the root keys could not be listed (e.g. no read_root_key); actorId is the text
    };
    Q_ENUM(Match)

    explicit AuditActorResolver(QObject *parent = nullptr);

    QString actorId() const { return resolvedId(); }
    Match match() const { return Match(matchValue()); }
    bool findsRootKeys() const { return m_findsRootKeys; }
    void setFindsRootKeys(bool finds);

Q_SIGNALS:
    void lookupsChanged();

protected:
    void resolve() override;

private:
    void listRootKeys(const QString &cursor, int page);
    void lookupDone();

    struct RootKeyName {
        QString id;
        QString name;
    };

    QList<RootKeyName> m_rootKeys;
    bool m_findsRootKeys = true;
};

} // namespace Latchkey::Dashboard

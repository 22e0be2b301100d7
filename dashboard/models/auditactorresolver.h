#pragma once

#include "models/auditfilterresolver.h"

#include <functional>

namespace Latchkey::Dashboard {

/// Turns what a user types into the Audit log page's Actor filter into the root key id that
/// `audit.listLogs` filters by: a root key id (`rk_…`) as it is, or a root key's name (as the
/// Actor column and the sidebar show it) or a part of it, in any case, as the Target filter takes
/// a part of a name (walk 20/15), through `rootKeys.listRootKeys` (up to 1,000 root keys). The
/// log filters by one root key: the exact name first, else the name equal ignoring case, else
/// the names containing the text (those beginning with it first, then by name). `match` says
/// which was taken, `otherMatches` how many other root keys have that name or contain that text,
/// `otherNames` the first few of them, for the user to type instead. Lookups that miss or are refused are
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
    /// The names of other root keys that contain the text (`PartOfName`), at most kMaxOtherNames.
    Q_PROPERTY(QStringList otherNames READ otherNames NOTIFY resolved)

public:
    enum Match {
        Empty,      ///< no text: no actor filter
        Id,         ///< the text is a root key id; actorId is the text
        Name,       ///< a root key's name; actorId is its id, label the name
        PartOfName, ///< a part of a root key's name; actorId is its id, label the whole name
        NotFound,   ///< no root key's name contains the text; actorId is the text as typed (it matches no row)
        Unreadable, ///< the root keys could not be listed (e.g. no read_root_key); actorId is the text
    };
    Q_ENUM(Match)

    static constexpr int kMaxOtherNames = 3;

    explicit AuditActorResolver(QObject *parent = nullptr);

    QString actorId() const { return resolvedId(); }
    Match match() const { return Match(matchValue()); }
    bool findsRootKeys() const { return m_findsRootKeys; }
    QStringList otherNames() const { return m_otherNames; }
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

    /// The root keys whose name @p matches the text, in the order they are offered.
    QList<RootKeyName> named(const std::function<bool(const QString &name)> &matches) const;

    QList<RootKeyName> m_rootKeys;
    QStringList m_otherNames;
    bool m_findsRootKeys = true;
};

} // namespace Latchkey::Dashboard

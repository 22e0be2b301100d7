#pragma once

#include "models/auditfilterresolver.h"

namespace Latchkey::Dashboard {

/// Turns what a user types into the Audit log page's Target filter into the id that
/// `audit.listLogs` filters by, through the API: an id as it is (`key_…`, `api_…`, `id_…`, …), an
/// owner's external id (`identities.getIdentity`), or a key's name or start (the keys of the
/// first 100 APIs, up to 1,000 keys per API, through `apis.listKeys`). `match` and `label` say
/// which target was taken, `otherMatches` how many other keys matched as well. Lookups that miss
/// are not errors (they do not reach ApiClient::requestFailed); a newer text discards the answers
/// of an older one (AuditFilterResolver). `findsOwners` / `findsKeys` false (the root key may not
/// read owners / list the APIs and their keys, as rootKeys.whoami said) leave those lookups out
/// instead of asking for a 403; with neither, the text is taken as an id as typed (`Unreadable`).
class AuditTargetResolver : public Latchkey::Dashboard::AuditFilterResolver // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString targetId READ targetId NOTIFY resolved)
    Q_PROPERTY(Match match READ match NOTIFY resolved)
    Q_PROPERTY(bool findsOwners READ findsOwners WRITE setFindsOwners NOTIFY lookupsChanged)
    Q_PROPERTY(bool findsKeys READ findsKeys WRITE setFindsKeys NOTIFY lookupsChanged)

public:
    enum Match {
        Empty,      ///< no text: no target filter
        Id,         ///< the text is an id; targetId is the text
        Owner,      ///< an owner's external id; targetId is the identity's id, label the external id
        KeyName,    ///< a key's name; targetId is the key's id, label the name
        KeyStart,   ///< a key's start; targetId is the key's id, label the start
        NotFound,   ///< nothing matched; targetId is the text as typed (it matches no row then)
        Unreadable, ///< neither owners nor keys may be looked up; targetId is the text as typed
    };
    Q_ENUM(Match)

    explicit AuditTargetResolver(QObject *parent = nullptr);

    QString targetId() const { return resolvedId(); }
    Match match() const { return Match(matchValue()); }
    bool findsOwners() const { return m_findsOwners; }
    void setFindsOwners(bool finds);
    bool findsKeys() const { return m_findsKeys; }
    void setFindsKeys(bool finds);

    /// True when @p text has the form of one of the server's ids (`key_…`, `api_…`, `rlns_…`, …).
    static bool looksLikeId(const QString &text);

Q_SIGNALS:
    void lookupsChanged();

protected:
    void resolve() override;

private:
    void lookUpOwner();
    void lookUpKeys();
    void listKeys(const QString &apiId, const QString &cursor, int page);
    void lookupDone();

    struct KeyMatch {
        QString keyId;
        Match match;
        QString label;
    };

    int m_pendingLookups = 0;
    QList<KeyMatch> m_keyMatches;
    bool m_findsOwners = true;
    bool m_findsKeys = true;
};

} // namespace Latchkey::Dashboard

#pragma once

#include "models/auditfilterresolver.h"

namespace Latchkey::Dashboard {

/// Turns what a user types into the Audit log page's Target filter into what `audit.listLogs`
/// filters by, through the API: an id as it is (`key_…`, `api_…`, `id_…`, …), an owner's exact
/// external id (`identities.getIdentity`: its id, which also finds its keys' rows), or a key's exact
/// start (only for a text with a start's form: `[prefix_]` and four base58 characters; the keys of
/// the first 100 APIs, up to 1,000 keys per API, through `apis.listKeys`). Any other text is a part
/// of a target's name (`targetName`): the server finds it in every row, a deleted key's too, with no
/// lookup. `match` and `label` say which was taken, `otherMatches` how many other keys had the start.
/// Lookups that miss are not errors (they do not reach ApiClient::requestFailed); a newer text
/// discards the answers of an older one (AuditFilterResolver). `findsOwners` / `findsKeys` false (the
/// root key may not read owners / list the APIs and their keys, as rootKeys.whoami said) leave those
/// lookups out instead of asking for a 403.
class AuditTargetResolver : public Latchkey::Dashboard::AuditFilterResolver // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString targetId READ targetId NOTIFY resolved)
    Q_PROPERTY(QString targetName READ targetName NOTIFY resolved)
    Q_PROPERTY(Match match READ match NOTIFY resolved)
    Q_PROPERTY(bool findsOwners READ findsOwners WRITE setFindsOwners NOTIFY lookupsChanged)
    Q_PROPERTY(bool findsKeys READ findsKeys WRITE setFindsKeys NOTIFY lookupsChanged)

public:
    enum Match {
        Empty,      ///< no text: no target filter
        Id,         ///< the text is an id; targetId is the text
        Owner,      ///< an owner's external id; targetId is the identity's id, label the external id
        KeyStart,   ///< a key's start; targetId is the key's id, label the start
        Name,       ///< anything else: targetName is the text (a part of a target's name)
        Unreadable, ///< as Name, but the text may be an owner's external id, which this root key may not look up
    };
    Q_ENUM(Match)

    explicit AuditTargetResolver(QObject *parent = nullptr);

    QString targetId() const { return resolvedId(); }
    /// The part of a target's name to filter by; empty unless `match` is Name or Unreadable.
    QString targetName() const;
    Match match() const { return Match(matchValue()); }
    bool findsOwners() const { return m_findsOwners; }
    void setFindsOwners(bool finds);
    bool findsKeys() const { return m_findsKeys; }
    void setFindsKeys(bool finds);

    /// True when @p text has the form of one of the server's ids (`key_…`, `api_…`, `rlns_…`, …).
    static bool looksLikeId(const QString &text);
    /// True when @p text has the form of a key's start: `[prefix_]` and four base58 characters.
    static bool looksLikeKeyStart(const QString &text);

Q_SIGNALS:
    void lookupsChanged();

protected:
    void resolve() override;

private:
    void lookUpOwner();
    void lookUpKeyStart();
    void finishByName();
    void listKeys(const QString &apiId, const QString &cursor, int page);
    void lookupDone();

    int m_pendingLookups = 0;
    QStringList m_keyMatches; ///< ids of the keys whose start is the text
    bool m_findsOwners = true;
    bool m_findsKeys = true;
};

} // namespace Latchkey::Dashboard

#pragma once

#include <QObject>
#include <QPointer>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

class ApiClient;

/// Turns what a user types into the Audit log page's Target filter into the id that
/// `audit.listLogs` filters by, through the API: an id as it is (`key_…`, `api_…`, `id_…`, …), an
/// owner's external id (`identities.getIdentity`), or a key's name or start (the keys of the
/// first 100 APIs, up to 1,000 keys per API, through `apis.listKeys`). `match` and `label` say
/// which target was taken, `otherMatches` how many other keys matched as well. Lookups that miss
/// are not errors (they do not reach ApiClient::requestFailed); a newer text discards the answers
/// of an older one.
class AuditTargetResolver : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Latchkey::Dashboard::ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(QString targetId READ targetId NOTIFY resolved)
    Q_PROPERTY(Match match READ match NOTIFY resolved)
    Q_PROPERTY(QString label READ label NOTIFY resolved)
    Q_PROPERTY(int otherMatches READ otherMatches NOTIFY resolved)
    Q_PROPERTY(bool resolving READ resolving NOTIFY resolvingChanged)

public:
    enum Match {
        Empty,    ///< no text: no target filter
        Id,       ///< the text is an id; targetId is the text
        Owner,    ///< an owner's external id; targetId is the identity's id, label the external id
        KeyName,  ///< a key's name; targetId is the key's id, label the name
        KeyStart, ///< a key's start; targetId is the key's id, label the start
        NotFound, ///< nothing matched; targetId is the text as typed (it matches no row then)
    };
    Q_ENUM(Match)

    explicit AuditTargetResolver(QObject *parent = nullptr);

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    QString text() const { return m_text; }
    /// Starts resolving @p text (trimmed); resolved() follows, at once for an empty text or an id.
    void setText(const QString &text);
    QString targetId() const { return m_targetId; }
    Match match() const { return m_match; }
    QString label() const { return m_label; }
    int otherMatches() const { return m_otherMatches; }
    bool resolving() const { return m_resolving; }

    /// True when @p text has the form of one of the server's ids (`key_…`, `api_…`, `rlns_…`, …).
    static bool looksLikeId(const QString &text);

Q_SIGNALS:
    void clientChanged();
    void textChanged();
    void resolved();
    void resolvingChanged();

private:
    void resolve();
    void lookUpOwner(quint64 generation);
    void lookUpKeys(quint64 generation);
    void listKeys(quint64 generation, const QString &apiId, const QString &cursor, int page);
    void lookupDone(quint64 generation);
    void finish(Match match, const QString &targetId, const QString &label, int otherMatches = 0);
    void setResolving(bool resolving);

    struct KeyMatch {
        QString keyId;
        Match match;
        QString label;
    };

    QPointer<ApiClient> m_client;
    QString m_text;
    QString m_targetId;
    Match m_match = Empty;
    QString m_label;
    int m_otherMatches = 0;
    bool m_resolving = false;
    quint64 m_generation = 0; ///< bumped per text: answers for an older one are dropped
    int m_pendingLookups = 0;
    QList<KeyMatch> m_keyMatches;
};

} // namespace Latchkey::Dashboard

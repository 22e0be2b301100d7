#pragma once

#include <QObject>
#include <QPointer>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

class ApiClient;

/// Turns what a user types into the Audit log page's Actor filter into the root key id that
/// `audit.listLogs` filters by: a root key id (`rk_…`) as it is, or a root key's name (as the
/// Actor column and the sidebar show it) through `rootKeys.listRootKeys` (up to 1,000 root keys;
/// exact name first, else the only name equal ignoring case). `match` says which was taken,
/// `otherMatches` how many other root keys have that name. Lookups that miss or are refused are
/// not errors (they do not reach ApiClient::requestFailed); a newer text discards the answers of
/// an older one.
class AuditActorResolver : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Latchkey::Dashboard::ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(QString actorId READ actorId NOTIFY resolved)
    Q_PROPERTY(Match match READ match NOTIFY resolved)
    Q_PROPERTY(QString label READ label NOTIFY resolved)
    Q_PROPERTY(int otherMatches READ otherMatches NOTIFY resolved)
    Q_PROPERTY(bool resolving READ resolving NOTIFY resolvingChanged)

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

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    QString text() const { return m_text; }
    /// Starts resolving @p text (trimmed); resolved() follows, at once for an empty text or an id.
    void setText(const QString &text);
    QString actorId() const { return m_actorId; }
    Match match() const { return m_match; }
    QString label() const { return m_label; }
    int otherMatches() const { return m_otherMatches; }
    bool resolving() const { return m_resolving; }

Q_SIGNALS:
    void clientChanged();
    void textChanged();
    void resolved();
    void resolvingChanged();

private:
    void resolve();
    void listRootKeys(quint64 generation, const QString &cursor, int page);
    void lookupDone();
    void finish(Match match, const QString &actorId, const QString &label, int otherMatches = 0);
    void setResolving(bool resolving);

    struct RootKeyName {
        QString id;
        QString name;
    };

    QPointer<ApiClient> m_client;
    QString m_text;
    QString m_actorId;
    Match m_match = Empty;
    QString m_label;
    int m_otherMatches = 0;
    bool m_resolving = false;
    quint64 m_generation = 0; ///< bumped per text: answers for an older one are dropped
    QList<RootKeyName> m_rootKeys;
};

} // namespace Latchkey::Dashboard

#pragma once

#include "client/apiresult.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQmlIntegration>

#include <functional>
#include <optional>

namespace Latchkey::Dashboard {

class ApiClient;

/// What Ctrl+K's "Go to" finds for a typed text, through the server: a key by its id, by its
/// start or a prefix of it, or by (part of) its name, across the APIs (`apis.listKeys` over the
/// first 100 APIs, up to 1,000 keys each); an owner by (part of) its external id or identity id,
/// as the Owners page searches (`identities.listIdentities` with `search`: case-insensitive
/// "contains", up to 1,000 owners), or only by the exact one (`identities.getIdentity`) when the
/// root key may not list owners; an API by its id or (part of) its name (`apis.listApis`).
///
/// `matches` lists what was found, each {kind: "key" | "owner" | "api", id, title, detail, page,
/// properties, expires, enabled, start} (the last three a key's, so that the dialog can tell a
/// rerolled key from its replacement: same name, another start, the old one expiring; `detail`
/// then leaves the start out) where `page` and `properties` are what Session::openPage() takes; exact matches
/// first (owners, APIs, then keys whose id, name or start equals the text), then the partial ones
/// (owners, APIs, keys), each group by title. At most
/// kMaxMatches; `moreMatches` counts the others. Lookups that miss are not errors: they never
/// reach ApiClient::requestFailed (the dialog says "nothing found" itself). A newer search drops
/// the answers of an older one (it waits for them: see search()). `findsOwners` / `findsApis` false (the root key may not read
/// owners / list the APIs, as rootKeys.whoami said) leave those lookups out instead of asking for a
/// 403; without the APIs, keys are found by their id only. `listsOwners` false (no
/// `identity.*.read_identity`: a list with an owner it may not read is refused whole) finds owners
/// by their exact external id or identity id only. What the last finished search looked up is in
/// `keyIdSearched` / `ownersSearched` (`ownersByExactId`: only that way) / `apisSearched`, so that
/// "nothing found" names only that.
class GoToSearch : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Latchkey::Dashboard::ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QVariantList matches READ matches NOTIFY finished)
    Q_PROPERTY(int moreMatches READ moreMatches NOTIFY finished)
    /// The text of the last finished search ("" before one, and after clear()).
    Q_PROPERTY(QString searched READ searched NOTIFY finished)
    Q_PROPERTY(bool searching READ searching NOTIFY searchingChanged)
    Q_PROPERTY(bool findsOwners MEMBER m_findsOwners NOTIFY lookupsChanged)
    Q_PROPERTY(bool findsApis MEMBER m_findsApis NOTIFY lookupsChanged)
    Q_PROPERTY(bool listsOwners MEMBER m_listsOwners NOTIFY lookupsChanged)
    /// What the last finished search looked for: a key by its id (the text begins with `key_`),
    /// owners (`findsOwners` was true; a text that cannot be an external id matches none without
    /// asking), APIs and keys by name or start (`findsApis` was true).
    Q_PROPERTY(bool keyIdSearched READ keyIdSearched NOTIFY finished)
    Q_PROPERTY(bool ownersSearched READ ownersSearched NOTIFY finished)
    /// Owners were looked up by their exact external id or identity id only (`listsOwners` was
    /// false), not by a part of it.
    Q_PROPERTY(bool ownersByExactId READ ownersByExactId NOTIFY finished)
    Q_PROPERTY(bool apisSearched READ apisSearched NOTIFY finished)

public:
    static constexpr int kMaxMatches = 50;

    explicit GoToSearch(QObject *parent = nullptr);

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    QVariantList matches() const { return m_matches; }
    int moreMatches() const { return m_moreMatches; }
    QString searched() const { return m_searched; }
    bool searching() const { return m_pending > 0; }
    bool keyIdSearched() const { return m_keyIdSearched; }
    bool ownersSearched() const { return m_ownersSearched; }
    bool ownersByExactId() const { return m_ownersByExactId; }
    bool apisSearched() const { return m_apisSearched; }

    /// Looks @p text (trimmed) up; finished() follows (at once for a blank text). While a search
    /// is in flight, @p text waits until it ends (its answers are then dropped unseen) and
    /// replaces any text waiting before it: one search's requests out at a time, however fast
    /// the text changes.
    Q_INVOKABLE void search(const QString &text);
    /// Forgets the matches and drops the answers of a search in flight.
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void clientChanged();
    void finished();
    void searchingChanged();
    void lookupsChanged();

private:
    struct Match {
        QString kind;
        QString id;
        QString title;
        QString detail;
        QString page;
        QVariantMap properties;
        int rank = 0; ///< lower first
        qint64 expires = 0; ///< a key's expiry (ms since the epoch; 0: none)
        bool enabled = true; ///< a key's
        QString start; ///< a key's start ("sk_3Zx"; "" for other kinds)
    };

    void start(const QString &text);
    void startQueued();
    void post(const QString &action, const QJsonObject &body, std::function<void(const ApiResult &)> done);
    void lookUpKeyId();
    void lookUpOwner();
    void addOwner(const QJsonObject &identity);
    void lookUpApis();
    /// Posts @p action (a list) with @p body and hands every row to @p row, page by page up to
    /// @p maxPages pages.
    void walkPages(const QString &action, QJsonObject body, int maxPages,
                   const std::function<void(const QJsonObject &)> &row, int page = 0);
    void addKey(const QJsonObject &key, const QString &apiId, const QString &apiName);
    /// The key keys.getKey found, with its API's name (from the APIs listed meanwhile, else its id).
    void addKeyFoundById();
    void add(Match match);
    void done();

    QPointer<ApiClient> m_client;
    QString m_text;
    QString m_searched;
    std::optional<QString> m_queued; ///< the text to search once the search in flight ends
    QList<Match> m_found;
    std::optional<QJsonObject> m_keyFoundById; ///< keys.getKey's answer, added by done()
    QHash<QString, QString> m_apiNames; ///< API id -> name, of the APIs listed for this search
    QHash<QString, qsizetype> m_foundAt; ///< kind + ' ' + id -> index in m_found (a short text matches thousands of keys)
    QVariantList m_matches;
    int m_moreMatches = 0;
    int m_pending = 0;
    quint64 m_generation = 0;
    bool m_findsOwners = true;
    bool m_findsApis = true;
    bool m_listsOwners = true;
    bool m_keyIdSearched = false;
    bool m_ownersSearched = false;
    bool m_ownersByExactId = false;
    bool m_apisSearched = false;
};

} // namespace Latchkey::Dashboard

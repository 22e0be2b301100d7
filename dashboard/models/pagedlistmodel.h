#pragma once

#include "client/apiclient.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace Latchkey::Dashboard {

/// The common machinery of every list screen's model: rows are the JSON objects of one
/// cursor-paginated list endpoint (`POST /v2/<action>` answering `data: [...]` and
/// `pagination: {cursor?, hasMore}`), fetched page by page through `canFetchMore`/`fetchMore`.
///
/// Contract for subclasses: `action()` names the endpoint, `requestBody()` adds the filters,
/// `isReady()` says whether the inputs are complete, `rowData()` answers one role of one row.
/// A subclass calls `invalidate()` when an input changes; the model then drops its rows and
/// fetches the first page again. Replies to a superseded request are ignored (a generation count),
/// so a slow reply never mixes rows of two filters. Failures go to the client's one error sink
/// (`ApiClient::requestFailed`); the model keeps its rows and stops fetching until `refresh()`
/// (`errorDetail` says why, for the list's error state), or until the client reaches its server
/// again after failing without an answer (then it refreshes itself).
///
/// A list that belongs to one object the page is about (a namespace's overrides: the subclass's
/// `belongsToOneObject()`) is `notFound` when the server answers 404: that object is not there
/// (any more). The page says so itself; the 404 never reaches the error sink (other failures do),
/// and the model asks no further until `refresh()` or another input.
///
/// A search the endpoint cannot do (no `searchField()`) is done locally, and then the model keeps
/// fetching pages until the end while the search is set (`scanned` counts the rows looked at):
/// otherwise a match on a page not loaded yet would show as "no match".
class PagedListModel : public QAbstractListModel, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_ANONYMOUS
    Q_PROPERTY(Latchkey::Dashboard::ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY failedChanged)
    /// Why the last request failed ("" when it did not).
    Q_PROPERTY(QString errorDetail READ errorDetail NOTIFY failedChanged)
    /// The object the list belongs to is not there (any more): the server answered 404. Not
    /// `failed` (asking again would not help); only for a subclass whose `belongsToOneObject()`.
    Q_PROPERTY(bool notFound READ notFound NOTIFY failedChanged)
    /// Rows received since the last reset, matching the search or not.
    Q_PROPERTY(int scanned READ scanned NOTIFY countChanged)
    /// A local search is going through the pages (loading, more to come).
    Q_PROPERTY(bool searching READ searching NOTIFY loadingChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY hasMoreChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)
    /// The rows come oldest first: the list pages by id, and the server's ids are time-ordered
    /// (items stored with the earlier random ids keep a random place). False for a list
    /// in another order (the audit log: newest first). The list's footer says which.
    Q_PROPERTY(bool creationOrder READ creationOrder CONSTANT)

public:
    explicit PagedListModel(QObject *parent = nullptr);
    ~PagedListModel() override;

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    bool loading() const { return m_requestId != 0; }
    bool failed() const { return m_failed; }
    QString errorDetail() const { return m_errorDetail; }
    bool notFound() const { return m_notFound; }
    int scanned() const { return m_scanned; }
    bool searching() const { return loading() && searchesLocally(); }
    bool hasMore() const { return m_hasMore; }
    int count() const { return int(m_rows.size()); }
    QString search() const { return m_search; }
    void setSearch(const QString &search);
    int pageSize() const { return m_pageSize; }
    /// Rows per request (1..100, the servers' maximum); tests use small pages.
    void setPageSize(int pageSize);
    virtual bool creationOrder() const { return true; }

    void classBegin() override;
    void componentComplete() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Drops every row and fetches the first page again (also clears a failure).
    Q_INVOKABLE void refresh();
    /// fetchMore() for QML (a "Load more" button): the next page, if there is one and none is loading.
    Q_INVOKABLE void loadMore() { fetchMore({}); }
    /// The raw JSON object of @p row (empty when out of range), for detail views.
    Q_INVOKABLE QJsonObject rowObject(int row) const;

Q_SIGNALS:
    void clientChanged();
    void loadingChanged();
    void failedChanged();
    void hasMoreChanged();
    void countChanged();
    void searchChanged();
    void pageSizeChanged();
    /// A page arrived and its rows were appended (also for an empty first page).
    void pageLoaded();
    /// A dialog's create or change (postCreate()) failed, for whatever reason (a taken name, a
    /// value the server refused, a missing permission, no answer): @p result says why, and the
    /// dialog that asked comes back with what was typed and says it (FormDialog.refused()). The
    /// error banner does not: it is behind the modal dialog.
    void createFailed(const Latchkey::Dashboard::ApiResult &result);

protected:
    /// The endpoint, e.g. `apis.listApis`.
    virtual QString action() const = 0;
    /// Filters of the request; the base adds `cursor` and `limit`.
    virtual QJsonObject requestBody() const { return {}; }
    /// Whether every required input is set; no request is made before.
    virtual bool isReady() const { return true; }
    /// Whether the list is one object's (a namespace's overrides), whose 404 means that object is
    /// not there (`notFound`) rather than a failure for the error sink.
    virtual bool belongsToOneObject() const { return false; }
    /// The server-side search field (e.g. `search`), or empty when the endpoint has none: then
    /// rows are filtered locally with `matchesSearch()` as pages arrive.
    virtual QString searchField() const { return {}; }
    virtual bool matchesSearch(const QJsonObject &row, const QString &search) const;
    virtual QVariant rowData(const QJsonObject &row, int role) const = 0;
    /// Called after rows [first, last] were appended (subclasses enrich them, e.g. badges).
    virtual void rowsAppended(int first, int last);
    /// Called when the rows are dropped (refresh or input change).
    virtual void rowsCleared() {}

    /// An input changed: drop rows, cancel the request in flight, fetch again when ready.
    void invalidate();
    /// A change of the listed items (create, delete, ...): `POST /v2/<action>` with @p body; on
    /// success the list reloads and @p done gets the reply's `data`. A failure goes to the client's
    /// error sink like every request's. Nothing happens without a client.
    void postChange(const QString &action, const QJsonObject &body, std::function<void(const QJsonObject &data)> done);
    /// postChange() for a create or change that a dialog asked for: a failure emits
    /// createFailed() only, not the error banner.
    void postCreate(const QString &action, const QJsonObject &body, std::function<void(const QJsonObject &data)> done);
    const QList<QJsonObject> &rows() const { return m_rows; }
    QJsonObject &rowRef(int row) { return m_rows[row]; }
    /// Takes row @p row out of the list in place (an item the user deleted): the rows around it,
    /// the paging and the view's scroll position stay.
    void removeRowAt(int row);
    /// Emits dataChanged for every row and @p roles.
    void allRowsChanged(const QList<int> &roles);

private:
    void requestPage();
    void handlePage(const ApiResult &result);
    void setFailed(bool failed, const QString &detail = {}, bool notFound = false);
    bool searchesLocally() const { return !m_search.isEmpty() && searchField().isEmpty(); }
    void setHasMore(bool hasMore);
    void cancelRequest();

    QPointer<ApiClient> m_client;
    QList<QJsonObject> m_rows;
    QString m_search;
    QString m_cursor;
    quint64 m_requestId = 0;
    quint64 m_generation = 0;
    int m_pageSize = 50;
    bool m_hasMore = true;
    bool m_failed = false;
    bool m_notFound = false;
    QString m_errorDetail;
    int m_scanned = 0;
    // Set while QML assigns the initial properties: one request after all of them, not one per property.
    bool m_constructing = false;
};

} // namespace Latchkey::Dashboard

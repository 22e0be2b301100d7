#include "models/pagedlistmodel.h"

#include "client/apiclient.h"
#include "models/modelslogging.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

PagedListModel::PagedListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

PagedListModel::~PagedListModel()
{
    if (m_requestId != 0 && m_client)
        m_client->cancel(m_requestId);
}

void PagedListModel::classBegin()
{
    m_constructing = true;
}

void PagedListModel::componentComplete()
{
    m_constructing = false;
    invalidate();
}

void PagedListModel::setClient(ApiClient *client)
{
    if (m_client == client)
        return;
    cancelRequest();
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    // The server is back after calls got no answer: a list that failed loads again by itself.
    if (m_client)
        connect(m_client, &ApiClient::serverReachableAgain, this, [this] {
            if (m_failed)
                refresh();
        });
    Q_EMIT clientChanged();
    invalidate();
}

void PagedListModel::setSearch(const QString &search)
{
    if (m_search == search)
        return;
    m_search = search;
    // Cleared and asking first, then told: a binding that reads the rows when `search` changes
    // must not take the previous search's rows for this one's.
    invalidate();
    Q_EMIT searchChanged();
}

void PagedListModel::setPageSize(int pageSize)
{
    pageSize = std::clamp(pageSize, 1, 100);
    if (m_pageSize == pageSize)
        return;
    m_pageSize = pageSize;
    Q_EMIT pageSizeChanged();
}

int PagedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PagedListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    return rowData(m_rows.at(index.row()), role);
}

bool PagedListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_constructing && m_client && isReady() && m_hasMore && !m_failed && !m_notFound
        && !loading();
}

void PagedListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void PagedListModel::refresh()
{
    invalidate();
}

void PagedListModel::postChange(
    const QString &action, const QJsonObject &body, std::function<void(const QJsonObject &data)> done)
{
    if (!m_client)
        return;
    m_client->post(action, body, this, [this, done = std::move(done)](const ApiResult &result) {
        if (!result.ok())
            return;
        refresh();
        done(result.data.toObject());
    });
}

void PagedListModel::postCreate(
    const QString &action, const QJsonObject &body, std::function<void(const QJsonObject &data)> done)
{
    if (!m_client)
        return;
    m_client->post(
        action, body, this,
        [this, done = std::move(done)](const ApiResult &result) {
            if (!result.ok()) {
                Q_EMIT createFailed(result);
                return;
            }
            refresh();
            done(result.data.toObject());
        },
        ApiClient::Failures::ToTheDialog);
}

QJsonObject PagedListModel::rowObject(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

bool PagedListModel::matchesSearch(const QJsonObject &row, const QString &search) const
{
    for (auto it = row.begin(); it != row.end(); ++it) {
        if (it->isString() && it->toString().contains(search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void PagedListModel::rowsAppended(int first, int last)
{
    Q_UNUSED(first)
    Q_UNUSED(last)
}

void PagedListModel::invalidate()
{
    cancelRequest();
    ++m_generation;
    // The paging state goes first: on the reset a view asks canFetchMore()/fetchMore() at once,
    // and that first page must be asked without the old list's cursor.
    m_cursor.clear();
    m_scanned = 0;
    setHasMore(true);
    setFailed(false);
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        rowsCleared();
        endResetModel();
        Q_EMIT countChanged();
    } else {
        rowsCleared();
    }
    // The first page is fetched right away rather than waiting for a view to ask, so a model used
    // without a view (tests, the owner page's counters) fills too.
    if (canFetchMore({}))
        requestPage();
}

void PagedListModel::removeRowAt(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
}

void PagedListModel::allRowsChanged(const QList<int> &roles)
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), roles);
}

void PagedListModel::requestPage()
{
    QJsonObject body = requestBody();
    body.insert(u"limit"_s, m_pageSize);
    if (!m_cursor.isEmpty())
        body.insert(u"cursor"_s, m_cursor);
    if (!m_search.isEmpty() && !searchField().isEmpty())
        body.insert(searchField(), m_search);
    const quint64 generation = m_generation;
    const auto failures = belongsToOneObject() ? ApiClient::Failures::ReportUnlessNotFound : ApiClient::Failures::Report;
    m_requestId = m_client->post(action(), body, this, [this, generation](const ApiResult &result) {
        if (generation != m_generation)
            return;
        handlePage(result);
    }, failures);
    Q_EMIT loadingChanged();
}

void PagedListModel::handlePage(const ApiResult &result)
{
    m_requestId = 0;
    if (belongsToOneObject() && result.httpStatus == 404) {
        qCInfo(lcModels) << action() << "of one that is not there:" << result.errorDetail;
        setHasMore(false);
        setFailed(false, {}, true);
        Q_EMIT loadingChanged();
        return;
    }
    if (!result.ok()) {
        qCWarning(lcModels) << action() << "failed:" << result.httpStatus << result.errorDetail;
        setFailed(true, result.message());
        Q_EMIT loadingChanged();
        return;
    }
    QList<QJsonObject> page;
    const QJsonArray items = result.data.toArray();
    m_scanned += int(items.size());
    for (const QJsonValue &item : items) {
        const QJsonObject row = item.toObject();
        if (m_search.isEmpty() || !searchField().isEmpty() || matchesSearch(row, m_search))
            page.append(row);
    }
    // The state is complete before the rows go in: a view (or QAbstractItemModelTester) may call
    // fetchMore() from its rowsInserted handler, and must see the new cursor and hasMore then.
    m_cursor = result.pagination.value(u"cursor"_s).toString();
    const bool hadMore = m_hasMore;
    m_hasMore = result.pagination.value(u"hasMore"_s).toBool() && !m_cursor.isEmpty();
    const quint64 generation = m_generation;
    if (!page.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(page.size()) - 1);
        m_rows.append(page);
        endInsertRows();
        if (generation != m_generation)
            return; // a handler of the insertion reset the model
        Q_EMIT countChanged();
        rowsAppended(first, int(m_rows.size()) - 1);
    }
    if (page.isEmpty())
        Q_EMIT countChanged(); // `scanned` moved on
    if (hadMore != m_hasMore)
        Q_EMIT hasMoreChanged();
    if (m_hasMore && searchesLocally() && m_client) {
        // Still searching: the next page right away (loading stays true), unless a handler of the
        // insertion already asked for it through fetchMore(): the same page twice would double rows.
        if (!loading())
            requestPage();
        Q_EMIT pageLoaded();
        return;
    }
    Q_EMIT loadingChanged();
    Q_EMIT pageLoaded();
}

void PagedListModel::setFailed(bool failed, const QString &detail, bool notFound)
{
    if (m_failed == failed && m_notFound == notFound && m_errorDetail == detail)
        return;
    m_failed = failed;
    m_notFound = notFound;
    m_errorDetail = detail;
    Q_EMIT failedChanged();
}

void PagedListModel::setHasMore(bool hasMore)
{
    if (m_hasMore == hasMore)
        return;
    m_hasMore = hasMore;
    Q_EMIT hasMoreChanged();
}

void PagedListModel::cancelRequest()
{
    if (m_requestId == 0)
        return;
    if (m_client)
        m_client->cancel(m_requestId);
    m_requestId = 0;
    Q_EMIT loadingChanged();
}

} // namespace Latchkey::Dashboard

#include "models/keysmodel.h"

#include "client/apiclient.h"

#include <utility>

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

qint64 creditsRemaining(const QJsonObject &key, bool *limited)
{
    const QJsonValue remaining = key.value(u"credits"_s).toObject().value(u"remaining"_s);
    *limited = remaining.isDouble();
    return remaining.toInteger();
}

qint64 refillAmount(const QJsonObject &key)
{
    return key.value(u"credits"_s).toObject().value(u"refill"_s).toObject().value(u"amount"_s).toInteger();
}

/// Unix ms, 0 when absent (the Formatter shows 0 as "").
qint64 optionalTime(const QJsonObject &key, const QString &field)
{
    return key.value(field).toInteger(0);
}

} // namespace

KeysModel::KeysModel(QObject *parent)
    : PagedListModel(parent)
    , m_nowMs(QDateTime::currentMSecsSinceEpoch())
{
    connect(this, &PagedListModel::pageLoaded, this, [this] {
        if (!m_selectingAll)
            return;
        selectAll();
        continueSelectingEveryKey();
    });
    connect(this, &PagedListModel::failedChanged, this, [this] {
        if (failed())
            setSelectingAll(false);
    });
}

QHash<int, QByteArray> KeysModel::roleNames() const
{
    return {{KeyIdRole, "keyId"},
            {ApiIdRole, "apiId"},
            {NameRole, "name"},
            {StartRole, "start"},
            {ExternalIdRole, "externalId"},
            {IdentityIdRole, "identityId"},
            {EnabledRole, "enabled"},
            {ExpiresRole, "expires"},
            {CreatedAtRole, "createdAt"},
            {LastUsedAtRole, "lastUsedAt"},
            {CreditsRemainingRole, "creditsRemaining"},
            {HasCreditLimitRole, "hasCreditLimit"},
            {RefillAmountRole, "refillAmount"},
            {LowCreditsAtRole, "lowCreditsAt"},
            {StatusRole, "status"},
            {BadgesRole, "badges"},
            {ExpiredRole, "expired"},
            {ExpiringRole, "expiring"},
            {LowCreditsRole, "lowCredits"},
            {RateLimitedRole, "rateLimited"},
            {SelectedRole, "selected"},
            {ReplacedByRole, "replacedBy"},
            {ReplacedByDeletedRole, "replacedByDeleted"}};
}

void KeysModel::setApiId(const QString &apiId)
{
    if (m_apiId == apiId)
        return;
    m_apiId = apiId;
    Q_EMIT apiIdChanged();
    invalidate();
}

void KeysModel::setExternalId(const QString &externalId)
{
    if (m_externalId == externalId)
        return;
    m_externalId = externalId;
    Q_EMIT externalIdChanged();
    invalidate();
}

void KeysModel::setIdentityId(const QString &identityId)
{
    if (m_identityId == identityId)
        return;
    m_identityId = identityId;
    Q_EMIT identityIdChanged();
    invalidate();
}

void KeysModel::setRateLimitBadges(bool enabled)
{
    if (m_rateLimitBadges == enabled)
        return;
    m_rateLimitBadges = enabled;
    Q_EMIT rateLimitBadgesChanged();
    invalidate();
}

void KeysModel::setReplacedBadges(bool enabled)
{
    if (m_replacedBadges == enabled)
        return;
    m_replacedBadges = enabled;
    Q_EMIT replacedBadgesChanged();
    invalidate();
}

QString KeysModel::action() const
{
    return m_apiId.isEmpty() ? u"keys.listKeys"_s : u"apis.listKeys"_s;
}

QJsonObject KeysModel::requestBody() const
{
    QJsonObject body;
    if (!m_apiId.isEmpty())
        body.insert(u"apiId"_s, m_apiId);
    // keys.listKeys takes exactly one of externalId and identityId.
    if (!m_externalId.isEmpty())
        body.insert(u"externalId"_s, m_externalId);
    else if (m_apiId.isEmpty() && !m_identityId.isEmpty())
        body.insert(u"identityId"_s, m_identityId);
    return body;
}

bool KeysModel::isReady() const
{
    return !m_apiId.isEmpty() || !m_externalId.isEmpty() || !m_identityId.isEmpty();
}

bool KeysModel::matchesSearch(const QJsonObject &row, const QString &search) const
{
    const QString externalId = row.value(u"identity"_s).toObject().value(u"externalId"_s).toString();
    return PagedListModel::matchesSearch(row, search) || externalId.contains(search, Qt::CaseInsensitive);
}

QStringList KeysModel::badgesFor(const QJsonObject &key, qint64 nowMs)
{
    QStringList badges;
    const bool enabled = key.value(u"enabled"_s).toBool(true);
    const QJsonValue expires = key.value(u"expires"_s);
    const bool expired = expires.isDouble() && expires.toInteger() <= nowMs;
    if (!enabled)
        badges.append(u"disabled"_s);
    if (expired)
        badges.append(u"expired"_s);
    if (enabled && !expired)
        badges.prepend(u"active"_s);
    if (!expired && expires.isDouble() && expires.toInteger() <= nowMs + kExpiringWithinMs)
        badges.append(u"expiring"_s);
    bool limited = false;
    const qint64 remaining = creditsRemaining(key, &limited);
    const qint64 refill = refillAmount(key);
    if (limited && remaining <= 0)
        badges.append(u"noCredits"_s);
    else if (limited && remaining <= lowCreditsAt(refill))
        badges.append(u"lowCredits"_s);
    return badges;
}

QStringList KeysModel::badgesOf(const QJsonObject &row) const
{
    QStringList badges = badgesFor(row, m_nowMs);
    const QString keyId = row.value(u"keyId"_s).toString();
    if (m_successors.contains(keyId) && !badges.contains(u"expired"_s)) {
        // "expiring" stays: the old key of a reroll with a grace period is the one about to stop
        // working, and a list too narrow for "replaced, expires in 1 hour" still shows it.
        badges.append(m_deletedKeys.contains(m_successors.value(keyId)) ? u"replacedByDeleted"_s : u"replaced"_s);
    }
    if (m_rateLimited.contains(keyId))
        badges.append(u"rateLimited"_s);
    return badges;
}

QString KeysModel::statusOf(const QJsonObject &row) const
{
    const QStringList badges = badgesFor(row, m_nowMs);
    if (badges.contains(u"disabled"_s))
        return u"disabled"_s;
    return badges.contains(u"expired"_s) ? u"expired"_s : u"active"_s;
}

QVariant KeysModel::rowData(const QJsonObject &row, int role) const
{
    const QString keyId = row.value(u"keyId"_s).toString();
    bool limited = false;
    switch (role) {
    case KeyIdRole:
        return keyId;
    case ApiIdRole:
        return m_apiId.isEmpty() ? row.value(u"apiId"_s).toString() : m_apiId;
    case NameRole:
        return row.value(u"name"_s).toString();
    case StartRole:
        return row.value(u"start"_s).toString();
    case ExternalIdRole:
        return row.value(u"identity"_s).toObject().value(u"externalId"_s).toString();
    case IdentityIdRole:
        return row.value(u"identity"_s).toObject().value(u"id"_s).toString();
    case EnabledRole:
        return row.value(u"enabled"_s).toBool(true);
    case ExpiresRole:
        return optionalTime(row, u"expires"_s);
    case CreatedAtRole:
        return optionalTime(row, u"createdAt"_s);
    case LastUsedAtRole:
        return optionalTime(row, u"lastUsedAt"_s);
    case CreditsRemainingRole: {
        const qint64 remaining = creditsRemaining(row, &limited);
        return limited ? QVariant(remaining) : QVariant();
    }
    case HasCreditLimitRole:
        creditsRemaining(row, &limited);
        return limited;
    case RefillAmountRole:
        return refillAmount(row);
    case LowCreditsAtRole:
        creditsRemaining(row, &limited);
        return limited ? lowCreditsAt(refillAmount(row)) : 0;
    case StatusRole:
        return statusOf(row);
    case BadgesRole:
        return badgesOf(row);
    case ReplacedByRole:
        return m_successors.value(keyId);
    case ReplacedByDeletedRole:
        return m_successors.contains(keyId) && m_deletedKeys.contains(m_successors.value(keyId));
    case ExpiredRole:
        return badgesFor(row, m_nowMs).contains(u"expired"_s);
    case ExpiringRole:
        return badgesFor(row, m_nowMs).contains(u"expiring"_s);
    case LowCreditsRole:
        return badgesFor(row, m_nowMs).contains(u"lowCredits"_s);
    case RateLimitedRole:
        return m_rateLimited.contains(keyId);
    case SelectedRole:
        return m_selected.contains(keyId);
    default:
        return {};
    }
}

Qt::ItemFlags KeysModel::flags(const QModelIndex &index) const
{
    return PagedListModel::flags(index) | (index.isValid() ? Qt::ItemIsUserCheckable : Qt::NoItemFlags);
}

bool KeysModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != SelectedRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    setSelected(index.row(), value.toBool());
    return true;
}

void KeysModel::setSelected(int row, bool selected)
{
    if (row < 0 || row >= rows().size())
        return;
    const QString keyId = rows().at(row).value(u"keyId"_s).toString();
    if (m_selected.contains(keyId) == selected)
        return;
    if (selected)
        m_selected.insert(keyId);
    else
        m_selected.remove(keyId);
    Q_EMIT dataChanged(index(row), index(row), {SelectedRole});
    Q_EMIT selectionChanged();
}

void KeysModel::toggleSelected(int row)
{
    if (row >= 0 && row < rows().size())
        setSelected(row, !m_selected.contains(rows().at(row).value(u"keyId"_s).toString()));
}

void KeysModel::selectAll()
{
    for (const QJsonObject &row : rows())
        m_selected.insert(row.value(u"keyId"_s).toString());
    allRowsChanged({SelectedRole});
    Q_EMIT selectionChanged();
}

void KeysModel::selectEveryKey()
{
    selectAll();
    setSelectingAll(true);
    continueSelectingEveryKey();
}

void KeysModel::cancelSelectEveryKey()
{
    setSelectingAll(false);
}

void KeysModel::continueSelectingEveryKey()
{
    if (!m_selectingAll)
        return;
    if (!hasMore())
        return setSelectingAll(false);
    if (!loading())
        loadMore(); // its rows are selected when the page arrives
}

void KeysModel::setSelectingAll(bool selecting)
{
    if (m_selectingAll == selecting)
        return;
    m_selectingAll = selecting;
    Q_EMIT selectingAllChanged();
}

void KeysModel::clearSelection()
{
    if (m_selected.isEmpty())
        return;
    m_selected.clear();
    allRowsChanged({SelectedRole});
    Q_EMIT selectionChanged();
}

QStringList KeysModel::selectedKeyIds() const
{
    QStringList ids;
    for (const QJsonObject &row : rows()) {
        const QString keyId = row.value(u"keyId"_s).toString();
        if (m_selected.contains(keyId))
            ids.append(keyId);
    }
    return ids;
}

QStringList KeysModel::selectedKeyIdsWithEnabled(bool enabled) const
{
    QStringList ids;
    for (const QJsonObject &row : rows()) {
        const QString keyId = row.value(u"keyId"_s).toString();
        if (m_selected.contains(keyId) && row.value(u"enabled"_s).toBool(true) == enabled)
            ids.append(keyId);
    }
    return ids;
}

void KeysModel::reloadKey(const QString &keyId)
{
    if (!client() || rowOfKey(keyId) < 0)
        return;
    client()->post(u"keys.getKey"_s, {{u"keyId"_s, keyId}}, this, [this, keyId](const ApiResult &result) {
        const int row = rowOfKey(keyId); // rows may have changed meanwhile
        if (row < 0)
            return;
        if (result.httpStatus == 404) {
            refresh();
            return;
        }
        if (!result.ok())
            return; // reported through the one error sink; the old row stays
        QJsonObject fresh = result.data.toObject();
        // keys.getKey has no `apiId` (an owner's list, keys.listKeys, adds it to each row): keep the
        // row's, or the API column of an owner's key list goes blank after its key page is opened.
        if (!fresh.contains(u"apiId"_s) && rows().at(row).contains(u"apiId"_s))
            fresh.insert(u"apiId"_s, rows().at(row).value(u"apiId"_s));
        rowRef(row) = fresh;
        Q_EMIT dataChanged(index(row), index(row));
        if (m_selected.contains(keyId))
            Q_EMIT selectionChanged(); // selectedEnabledCount may have changed
    }, ApiClient::Failures::Quiet); // a refresh of what is shown already: no banner for it
}

int KeysModel::rowOfKey(const QString &keyId) const
{
    for (int row = 0; row < int(rows().size()); ++row) {
        if (rows().at(row).value(u"keyId"_s).toString() == keyId)
            return row;
    }
    return -1;
}

void KeysModel::updateLoadedRows()
{
    if (!client() || !isReady() || loading() || m_updating || rows().isEmpty())
        return;
    m_updating = true;
    // Time passes while the list is on screen: a key whose expiry came turns "expired" now, not at
    // the next Refresh.
    changeBadgeInputs([this] { m_nowMs = QDateTime::currentMSecsSinceEpoch(); });
    fetchBadgeQueries(ApiClient::Failures::Quiet); // "recently rate limited", "replaced": asked again
    fetchUpdatePage({}, std::min(scanned(), kUpdateRows), kUpdatePages); // scanned: a local search skips rows
}

void KeysModel::fetchUpdatePage(const QString &cursor, int rowsLeft, int pagesLeft)
{
    QJsonObject body = requestBody();
    body.insert(u"limit"_s, std::min(pageSize(), rowsLeft));
    if (!cursor.isEmpty())
        body.insert(u"cursor"_s, cursor);
    const quint64 generation = m_badgesGeneration;
    client()->post(action(), body, this, [this, generation, rowsLeft, pagesLeft](const ApiResult &result) {
        if (generation != m_badgesGeneration) // the list was reloaded meanwhile: its own rows are new
            return;
        if (!result.ok()) {
            m_updating = false;
            return; // the rows stay as they are; the next update tries again
        }
        const QJsonArray items = result.data.toArray();
        mergeUpdatedRows(items);
        const QString next = result.pagination.value(u"cursor"_s).toString();
        const int left = rowsLeft - int(items.size());
        const bool more = result.pagination.value(u"hasMore"_s).toBool() && !next.isEmpty();
        if (more && left > 0 && pagesLeft > 1 && !items.isEmpty())
            fetchUpdatePage(next, left, pagesLeft - 1);
        else
            m_updating = false;
    }, ApiClient::Failures::Quiet); // a background update of what is shown: no banner every 15 s
}

void KeysModel::mergeUpdatedRows(const QJsonArray &items)
{
    const QList<int> roles = roleNames().keys();
    bool enabledChanged = false;
    for (const QJsonValue &item : items) {
        QJsonObject fresh = item.toObject();
        const QString keyId = fresh.value(u"keyId"_s).toString();
        const int row = rowOfKey(keyId);
        if (row < 0 || rows().at(row) == fresh)
            continue; // a key added elsewhere waits for Refresh; an unchanged one stays as it is
        const QJsonObject old = rows().at(row);
        if (!fresh.contains(u"apiId"_s) && old.contains(u"apiId"_s))
            fresh.insert(u"apiId"_s, old.value(u"apiId"_s)); // the owner page's API column needs it
        QList<int> changed;
        for (int role : roles) {
            if (rowData(old, role) != rowData(fresh, role))
                changed.append(role);
        }
        rowRef(row) = fresh;
        if (!changed.isEmpty())
            Q_EMIT dataChanged(index(row), index(row), changed);
        enabledChanged = enabledChanged || (changed.contains(EnabledRole) && m_selected.contains(keyId));
    }
    if (enabledChanged)
        Q_EMIT selectionChanged(); // selectedEnabledCount follows
}

void KeysModel::rowsCleared()
{
    setSelectingAll(false); // another filter or a reload: what "every key" meant is gone
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    m_rateLimited.clear();
    m_successors.clear();
    m_deletedKeys.clear();
    m_replacementsReadToMs = -1; // the new rows' badges: read whole again
    m_replacementsResume.reset();
    m_badgeQueriesRequested = false;
    m_updating = false;
    ++m_badgesGeneration;
    if (!m_selected.isEmpty()) {
        m_selected.clear();
        Q_EMIT selectionChanged();
    }
}

void KeysModel::applyBulkOutcome(const QString &action, const QStringList &changedKeyIds,
                                 const QStringList &keepSelected)
{
    const QSet<QString> changed(changedKeyIds.cbegin(), changedKeyIds.cend());
    const bool deleted = action == u"delete"_s;
    for (int row = int(rows().size()) - 1; row >= 0; --row) { // from the end: removals keep the rows before
        if (!changed.contains(rows().at(row).value(u"keyId"_s).toString()))
            continue;
        if (deleted) {
            removeRowAt(row);
            continue;
        }
        rowRef(row).insert(u"enabled"_s, action == u"enable"_s);
        Q_EMIT dataChanged(index(row), index(row)); // status and badges follow `enabled`
    }
    m_selected.clear();
    const QSet<QString> keep(keepSelected.cbegin(), keepSelected.cend());
    for (const QJsonObject &row : rows()) {
        if (const QString keyId = row.value(u"keyId"_s).toString(); keep.contains(keyId))
            m_selected.insert(keyId);
    }
    allRowsChanged({SelectedRole});
    Q_EMIT selectionChanged();
    if (rows().isEmpty()) {
        refresh();
        return;
    }
    // An update asked before the run would bring back what the rows were then: dropped.
    ++m_badgesGeneration;
    m_updating = false;
    updateLoadedRows();
}

void KeysModel::rowsAppended(int /*first*/, int /*last*/)
{
    if (m_badgeQueriesRequested)
        return;
    m_badgeQueriesRequested = true;
    fetchBadgeQueries(ApiClient::Failures::Report);
}

void KeysModel::fetchBadgeQueries(ApiClient::Failures failures)
{
    if (m_replacedBadges && m_replacementsResume) {
        // The pages a failed pass did not reach first; the events since its newest come with the
        // pass after this one (from the watermark this one leaves).
        const ReplacementsResume resume = *std::exchange(m_replacementsResume, std::nullopt);
        fetchReplacements(resume.cursor, resume.pages, resume.found, resume.newestMs);
    } else if (m_replacedBadges) {
        fetchReplacements({}, kRerollPages, {});
    }
    if (m_rateLimitBadges)
        fetchRateLimited(failures);
}

void KeysModel::changeBadgeInputs(const std::function<void()> &change)
{
    static const QList<int> badgeRoles{StatusRole,      BadgesRole,     ExpiredRole,          ExpiringRole,
                                       RateLimitedRole, ReplacedByRole, ReplacedByDeletedRole};
    const auto badgeValues = [this](int row) {
        QVariantList values;
        for (int role : badgeRoles)
            values.append(rowData(rows().at(row), role));
        return values;
    };
    QList<QVariantList> before;
    before.reserve(rows().size());
    for (int row = 0; row < int(rows().size()); ++row)
        before.append(badgeValues(row));
    change();
    for (int row = 0; row < int(before.size()); ++row) {
        const QVariantList after = badgeValues(row);
        QList<int> changed;
        for (int i = 0; i < int(badgeRoles.size()); ++i) {
            if (after.at(i) != before.at(row).at(i))
                changed.append(badgeRoles.at(i));
        }
        if (!changed.isEmpty())
            Q_EMIT dataChanged(index(row), index(row), changed);
    }
}

void KeysModel::fetchRateLimited(ApiClient::Failures failures)
{
    QJsonObject body{{u"outcomes"_s, QJsonArray{u"RATE_LIMITED"_s}},
                     {u"start"_s, m_nowMs - kRateLimitedWithinMs},
                     {u"limit"_s, 100}};
    if (!m_apiId.isEmpty())
        body.insert(u"apiId"_s, m_apiId);
    else if (!m_identityId.isEmpty())
        body.insert(u"identityId"_s, m_identityId);
    const quint64 generation = m_badgesGeneration;
    client()->post(u"analytics.getVerificationLog"_s, body, this, [this, generation](const ApiResult &result) {
        if (generation != m_badgesGeneration || !result.ok())
            return;
        QSet<QString> limited;
        const QJsonArray events = result.data.toArray();
        for (const QJsonValue &event : events)
            limited.insert(event.toObject().value(u"keyId"_s).toString());
        // The whole last hour's set: a key whose last rejection is older than that loses the badge.
        changeBadgeInputs([this, &limited] { m_rateLimited = limited; });
    }, failures);
}

} // namespace Latchkey::Dashboard

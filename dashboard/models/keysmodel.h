#pragma once

#include "models/pagedlistmodel.h"

#include <algorithm>
#include <functional>
#include <optional>

#include <QHash>
#include <QSet>

namespace Latchkey::Dashboard {

/// The keys of one API (`apis.listKeys`, set `apiId`) or of one owner across APIs (`keys.listKeys`,
/// set `externalId` or `identityId` and leave `apiId` empty), for the Keys page and the owner page.
/// Times (createdAt, lastUsedAt, expires) are unix ms, 0 when absent, for `session.format`.
///
/// Status badges are computed here, not in QML, against the time of the last refresh or
/// updateLoadedRows() (which also asks the queries of `rateLimited` and `replaced` again):
/// - `disabled` (enabled false), `expired` (expires ≤ now), `expiring` (expires within 24 h),
/// - `lowCredits`: remaining ≤ lowCreditsAt(): 10 % of the refill amount, at least the last credit
///   (a refill of 5 warns at 1), or 10 when the key has no refill (keys without a credit limit never
///   are; the `lowCreditsAt` role is that number for a row, which the badge's tooltip says); `noCredits` instead when none are left (every
///   verification answers USAGE_EXCEEDED until a refill or a top-up),
/// - `rateLimited`: the key had a RATE_LIMITED verification in the last hour. This comes from ONE
///   `analytics.getVerificationLog` call per refresh (the newest 100 such events of the API or owner),
///   never one call per row; set `rateLimitBadges` false when the root key may not read analytics.
/// - `active`: none of disabled/expired.
/// - `replaced`: a reroll replaced the key and it still works (after `expiring`, which stays). From the
///   audit log, as the key page reads it: every keys.rerollKey leaves a `key.reroll` event whose
///   targets are [new key, old key, api]. ONE `audit.listLogs` per refresh (the API's reroll and
///   key deletion events, or those of the owner's keys), followed for at most kRerollPages pages
///   of 100 (the newest); an update (updateLoadedRows(), every 15 s) reads only the events from a
///   minute before the newest one a finished pass saw on (`start`), not those pages again (each
///   is a scan of the audit log); set `replacedBadges` false when the root key may not read the audit log.
///   `replacedByDeleted` instead when the key that replaced it has been deleted since (a
///   `key.delete` event of it), as the key page says "Replaced by a key deleted since". (An owner's
///   list finds a replacement deleted with `permanent` by the owner its deletion event names; the
///   deletion rows of servers before that name none, and such a replacement stays "replaced".)
///
/// Rows can be selected (role `selected`, writable) for bulk operations; the selection is cleared
/// when the rows are dropped so nothing hidden stays selected.
class KeysModel : public Latchkey::Dashboard::PagedListModel // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString apiId READ apiId WRITE setApiId NOTIFY apiIdChanged)
    Q_PROPERTY(QString externalId READ externalId WRITE setExternalId NOTIFY externalIdChanged)
    Q_PROPERTY(QString identityId READ identityId WRITE setIdentityId NOTIFY identityIdChanged)
    Q_PROPERTY(bool rateLimitBadges READ rateLimitBadges WRITE setRateLimitBadges NOTIFY rateLimitBadgesChanged)
    Q_PROPERTY(bool replacedBadges READ replacedBadges WRITE setReplacedBadges NOTIFY replacedBadgesChanged)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
    /// How many of the selected keys are enabled (bulk Disable changes only those, Enable the others).
    Q_PROPERTY(int selectedEnabledCount READ selectedEnabledCount NOTIFY selectionChanged)
    /// selectEveryKey() is loading the remaining pages to select their rows too.
    Q_PROPERTY(bool selectingAll READ selectingAll NOTIFY selectingAllChanged)

public:
    enum Role {
        KeyIdRole = Qt::UserRole + 1,
        ApiIdRole,
        NameRole,
        StartRole,
        ExternalIdRole,
        IdentityIdRole,
        EnabledRole,
        ExpiresRole,
        CreatedAtRole,
        LastUsedAtRole,
        CreditsRemainingRole,
        HasCreditLimitRole,
        RefillAmountRole,
        StatusRole,
        BadgesRole,
        ExpiredRole,
        ExpiringRole,
        LowCreditsRole,
        RateLimitedRole,
        SelectedRole,
        /// The key id of the key that replaced this one in a reroll (from the audit log), or "".
        ReplacedByRole,
        /// The key that replaced this one has been deleted since (the audit log's `key.delete`).
        ReplacedByDeletedRole,
        /// The credits left at or below which the key shows `lowCredits` (0: no credit limit).
        LowCreditsAtRole,
    };
    Q_ENUM(Role)

    static constexpr qint64 kExpiringWithinMs = 24LL * 3600 * 1000;
    /// `lowCredits` at this many credits left or fewer for a key without a refill.
    static constexpr qint64 kLowCreditsWithoutRefill = 10;
    /// The credits left at or below which a key with a refill of @p refill (0: none) is low on
    /// credits: 10 % of the refill, at least 1 (walkthrough 22, X11: the rule was nowhere said).
    [[nodiscard]] static constexpr qint64 lowCreditsAt(qint64 refill)
    {
        return refill > 0 ? std::max<qint64>(1, refill / 10) : kLowCreditsWithoutRefill;
    }
    static constexpr qint64 kRateLimitedWithinMs = 3600LL * 1000;
    /// Pages of 100 `key.reroll` and `key.delete` events read per refresh for the `replaced` badge.
    static constexpr int kRerollPages = 10;
    /// An update's `replaced` read starts this long before the newest event the last pass read.
    static constexpr qint64 kReplacementsOverlapMs = 60'000;
    /// updateLoadedRows() reads at most this many pages and rows (the rows past them stay as loaded).
    static constexpr int kUpdatePages = 5;
    static constexpr int kUpdateRows = 500;

    explicit KeysModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QString apiId() const { return m_apiId; }
    void setApiId(const QString &apiId);
    QString externalId() const { return m_externalId; }
    void setExternalId(const QString &externalId);
    /// The owner's identity id: lists their keys when `externalId` is empty, and scopes the
    /// rate-limited badge query in owner mode.
    QString identityId() const { return m_identityId; }
    void setIdentityId(const QString &identityId);
    bool rateLimitBadges() const { return m_rateLimitBadges; }
    void setRateLimitBadges(bool enabled);
    bool replacedBadges() const { return m_replacedBadges; }
    void setReplacedBadges(bool enabled);
    int selectedCount() const { return int(m_selected.size()); }
    int selectedEnabledCount() const { return int(selectedKeyIdsWithEnabled(true).size()); }

    Q_INVOKABLE void setSelected(int row, bool selected);
    /// Space on the current row.
    Q_INVOKABLE void toggleSelected(int row);
    Q_INVOKABLE void selectAll();
    Q_INVOKABLE void clearSelection();
    /// Selects every key of the list, not only the loaded rows: selects those, then loads the
    /// remaining pages one after the other and selects each as it arrives (selectingAll meanwhile).
    /// Stops at the end, on a failure, when the list is reloaded, or on cancelSelectEveryKey()
    /// (the rows selected so far stay selected).
    Q_INVOKABLE void selectEveryKey();
    Q_INVOKABLE void cancelSelectEveryKey();
    /// A bulk action's outcome shown in place, without a reload (W21: the list jumped to its top,
    /// away from the keys left selected): the rows of @p changedKeyIds are disabled or enabled
    /// (@p action "disable", "enable") or taken out ("delete"), only @p keepSelected stay selected
    /// (the keys a cancelled run did not reach), and the loaded rows are then asked again in place
    /// (updateLoadedRows). A list left without rows reloads.
    Q_INVOKABLE void applyBulkOutcome(const QString &action, const QStringList &changedKeyIds,
                                      const QStringList &keepSelected);
    bool selectingAll() const { return m_selectingAll; }
    /// The selected keys' ids in row order.
    Q_INVOKABLE QStringList selectedKeyIds() const;
    /// The selected keys whose `enabled` is @p enabled, in row order: what a bulk Disable (true)
    /// or Enable (false) changes; the others are in that state already.
    Q_INVOKABLE QStringList selectedKeyIdsWithEnabled(bool enabled) const;
    /// Fetches @p keyId again (keys.getKey) and replaces its row, e.g. after its detail page
    /// edited it; a key that is gone makes the whole list reload. Unknown ids are ignored.
    Q_INVOKABLE void reloadKey(const QString &keyId);
    /// Asks the server again for the loaded rows (the same request from the first page on, at
    /// most kUpdatePages pages and kUpdateRows rows) and updates the rows that changed in place:
    /// dataChanged for the changed roles only, no reset, selection kept, so a list on screen
    /// follows credits, last use and badges without jumping: also those of time ("expiring",
    /// "expired" at this moment) and of their own queries ("rate limited", "replaced"). Rows
    /// added or deleted elsewhere are not inserted or removed here (that would move the rows
    /// under the user): they wait for refresh(). Does nothing while a page or an update is loading.
    Q_INVOKABLE void updateLoadedRows();

    /// The badges of one key (the JSON of KeyResponseData) at @p nowMs; rate limiting not included.
    static QStringList badgesFor(const QJsonObject &key, qint64 nowMs);
    /// Old key id → new key id of every reroll in @p events (audit.listLogs' `key.reroll` rows,
    /// newest first): a key rerolled twice maps to the newer key.
    static QHash<QString, QString> rerollSuccessors(const QJsonArray &events);
    /// The ids of the keys deleted in @p events (audit.listLogs' `key.delete` rows).
    static QSet<QString> deletedKeys(const QJsonArray &events);

Q_SIGNALS:
    void apiIdChanged();
    void externalIdChanged();
    void identityIdChanged();
    void rateLimitBadgesChanged();
    void replacedBadgesChanged();
    void selectionChanged();
    void selectingAllChanged();

protected:
    QString action() const override;
    QJsonObject requestBody() const override;
    bool isReady() const override;
    bool matchesSearch(const QJsonObject &row, const QString &search) const override;
    QVariant rowData(const QJsonObject &row, int role) const override;
    void rowsAppended(int first, int last) override;
    void rowsCleared() override;

private:
    /// The badges that need queries of their own (`replaced`, `rateLimited`): asked once per
    /// refresh, and again by updateLoadedRows().
    void fetchBadgeQueries(ApiClient::Failures failures);
    void fetchRateLimited(ApiClient::Failures failures);
    /// audit.listLogs' reroll events from @p cursor on ("" for the newest), @p pages left to read,
    /// only those since m_replacementsReadToMs once a pass has finished; @p found: the old keys
    /// whose successor the newer pages of this pass named already; @p newestMs: the time of this
    /// pass' newest event (-1: none yet), where the next pass starts once this one has finished.
    /// A later page that fails leaves m_replacementsResume for the next pass.
    void fetchReplacements(const QString &cursor, int pages, const QSet<QString> &found, qint64 newestMs = -1);
    /// Runs @p change (a new time, another set of rate-limited or replaced keys) and signals each
    /// row whose badges it changed, with the roles that changed: the full load and the live
    /// updates go through this one path.
    void changeBadgeInputs(const std::function<void()> &change);
    void continueSelectingEveryKey();
    /// One page of updateLoadedRows() from @p cursor; @p rowsLeft, @p pagesLeft bound the rest.
    void fetchUpdatePage(const QString &cursor, int rowsLeft, int pagesLeft);
    void mergeUpdatedRows(const QJsonArray &items);
    int rowOfKey(const QString &keyId) const;
    void setSelectingAll(bool selecting);
    QString statusOf(const QJsonObject &row) const;
    QStringList badgesOf(const QJsonObject &row) const;

    QString m_apiId;
    QString m_externalId;
    QString m_identityId;
    QSet<QString> m_selected;
    bool m_selectingAll = false;
    QSet<QString> m_rateLimited;
    QHash<QString, QString> m_successors;
    QSet<QString> m_deletedKeys;
    /// The newest reroll or deletion event's time a finished pass read (-1: no pass finished):
    /// the next pass reads only from kReplacementsOverlapMs before it on.
    qint64 m_replacementsReadToMs = -1;
    /// Where a pass stopped when one of its later pages failed: the next pass goes on from there
    /// (its newer pages stay read) instead of reading them all again.
    struct ReplacementsResume {
        QString cursor;
        int pages = 0;
        QSet<QString> found;
        qint64 newestMs = -1;
    };
    std::optional<ReplacementsResume> m_replacementsResume;
    qint64 m_nowMs = 0;
    quint64 m_badgesGeneration = 0;
    bool m_rateLimitBadges = true;
    bool m_replacedBadges = true;
    bool m_badgeQueriesRequested = false;
    bool m_updating = false;
};

} // namespace Latchkey::Dashboard

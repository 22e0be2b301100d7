#pragma once

// Helpers shared by the list-model tests (tst_*model.cpp): waiting for pages, reading roles, and
// the create / delete / refusal round trips every editable list goes through.
#include "apiclient.h"
#include "pagedlistmodel.h"

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <functional>

namespace Latchkey::Test {

/// Waits until @p model has answered its request in flight (true when it did within 30 s).
inline bool waitIdle(const Dashboard::PagedListModel &model)
{
    return QTest::qWaitFor([&] { return !model.loading(); }, 30000);
}

/// Fetches pages until the server says there are no more; returns the number of pages fetched
/// after the first (-1 on a timeout or failure).
inline int fetchAll(Dashboard::PagedListModel &model)
{
    if (!waitIdle(model))
        return -1;
    int pages = 0;
    while (model.canFetchMore({})) {
        model.fetchMore({});
        if (!waitIdle(model) || model.failed())
            return -1;
        ++pages;
    }
    return model.failed() ? -1 : pages;
}

/// Asks @p model for more as soon as it is reset, as a ListView does: the first page after a
/// filter change is then asked from inside the reset.
inline QMetaObject::Connection fetchOnReset(Dashboard::PagedListModel &model)
{
    return QObject::connect(&model, &QAbstractItemModel::modelReset, &model, [&model] {
        if (model.canFetchMore({}))
            model.fetchMore({});
    });
}

/// The values of @p roleName for every row.
inline QVariantList column(const QAbstractItemModel &model, const QByteArray &roleName)
{
    const int role = model.roleNames().key(roleName, -1);
    QVariantList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.data(model.index(row, 0), role));
    return values;
}

/// The value of @p roleName in the row whose @p keyRole equals @p key (invalid when absent).
inline QVariant valueOf(const QAbstractItemModel &model, const QByteArray &keyRole, const QString &key,
                        const QByteArray &roleName)
{
    const int keyRoleId = model.roleNames().key(keyRole, -1);
    const int role = model.roleNames().key(roleName, -1);
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.data(model.index(row, 0), keyRoleId).toString() == key)
            return model.data(model.index(row, 0), role);
    }
    return {};
}

/// A list model of type @p Model on @p client, checked by QAbstractItemModelTester from before
/// its first request for as long as it lives (failures fail the running test function). The
/// tester calls fetchMore() by itself: a test that counts pages attaches its tester afterwards.
template <typename Model>
class CheckedModel : public Model
{
public:
    /// @p search and @p pageSize as the page would set them (0: the model's default size).
    explicit CheckedModel(Dashboard::ApiClient *client, const QString &search = {}, int pageSize = 0)
    {
        if (pageSize > 0)
            this->setPageSize(pageSize);
        this->setClient(client);
        if (!search.isEmpty())
            this->setSearch(search);
    }

private:
    QAbstractItemModelTester m_tester{this, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

/// Runs @p create (one of @p model's create() calls), waits for its created(id) signal and
/// refetches every page. Returns the new id; "" (with a warning saying which step) when no
/// created() came within 10 s or the refetch failed.
template <typename Model>
QString createdThrough(Model &model, const std::function<void()> &create)
{
    QSignalSpy created(&model, &Model::created);
    create();
    if (!created.wait(10000)) {
        qWarning("no created() within 10 s");
        return {};
    }
    const QString id = created.first().at(0).toString();
    if (fetchAll(model) < 0) {
        qWarning("the refetch after created(%s) failed", qPrintable(id));
        return {};
    }
    return id;
}

/// Calls @p model's remove(@p id), waits for its removed() signal and refetches every page; false
/// (with a warning) when no removed() came within 10 s or the refetch failed.
template <typename Model>
bool removedThrough(Model &model, const QString &id)
{
    QSignalSpy removed(&model, &Model::removed);
    model.remove(id);
    if (!removed.wait(10000)) {
        qWarning("no removed(%s) within 10 s", qPrintable(id));
        return false;
    }
    return fetchAll(model) >= 0;
}

/// What a mutation the server refuses leaves behind (refusedThrough()).
struct Refusal {
    QString action; ///< the action reported to the client's one error sink ("" when none was)
    QString detail; ///< the server's detail as that sink got it
    qsizetype createdSignals = 0; ///< created() emitted anyway
    int rowsBefore = 0;
    int rowsAfter = 0;
};

/// Runs @p mutate (a create() or remove() of @p model that the server refuses) and waits up to
/// 10 s for the refusal to reach @p client's requestFailed() sink.
template <typename Model>
Refusal refusedThrough(Model &model, Dashboard::ApiClient *client, const std::function<void()> &mutate)
{
    Refusal refusal;
    refusal.rowsBefore = model.rowCount();
    QSignalSpy failed(client, &Dashboard::ApiClient::requestFailed);
    QSignalSpy created(&model, &Model::created);
    mutate();
    if (failed.wait(10000)) {
        refusal.action = failed.first().at(0).toString();
        refusal.detail = failed.first().at(2).toString();
    }
    refusal.createdSignals = created.count();
    refusal.rowsAfter = model.rowCount();
    return refusal;
}

/// What a create from a dialog that the server refuses leaves behind (createRefusedThrough()).
struct CreateRefusal {
    QString detail; ///< what the dialog is told (ApiResult::message()); "" when createFailed() never came
    int httpStatus = -1;
    qsizetype reported = 0; ///< failures that reached the client's error sink (the banner) as well
    qsizetype createdSignals = 0;
    int rowsBefore = 0;
    int rowsAfter = 0;
};

/// Runs @p create (a create() of @p model that the server refuses) and waits up to 10 s for
/// createFailed(), the asking dialog's answer.
template <typename Model>
CreateRefusal createRefusedThrough(Model &model, Dashboard::ApiClient *client, const std::function<void()> &create)
{
    CreateRefusal refusal;
    refusal.rowsBefore = model.rowCount();
    QSignalSpy failed(client, &Dashboard::ApiClient::requestFailed);
    QSignalSpy refused(&model, &Model::createFailed);
    QSignalSpy created(&model, &Model::created);
    create();
    if (refused.wait(10000)) {
        const auto result = refused.first().at(0).template value<Dashboard::ApiResult>();
        refusal.detail = result.message();
        refusal.httpStatus = result.httpStatus;
    }
    refusal.reported = failed.count();
    refusal.createdSignals = created.count();
    refusal.rowsAfter = model.rowCount();
    return refusal;
}

} // namespace Latchkey::Test

#pragma once

// Helpers shared by the list-model tests (tst_*model.cpp): waiting for pages and reading roles.
#include "pagedlistmodel.h"

#include <QAbstractItemModel>
#include <QTest>

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

} // namespace Latchkey::Test

#pragma once

#include "models/pagedlistmodel.h"

namespace Latchkey::Dashboard {

/// The workspace's APIs with their live key counts (`apis.listApis`), for the APIs page.
/// `search` filters by name or id locally (the endpoint has no search).
class ApisModel : public Latchkey::Dashboard::PagedListModel // qualified: qmltyperegistrar (6.4) resolves the base by this name
{
    Q_OBJECT
    QML_ELEMENT

public:
    enum Role { ApiIdRole = Qt::UserRole + 1, NameRole, KeyCountRole };
    Q_ENUM(Role)

    explicit ApisModel(QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

    /// Creates an API named @p name (`apis.createApi`) and refreshes; `created(apiId)` on success,
    /// createFailed() for the New API dialog otherwise.
    Q_INVOKABLE void create(const QString &name);
    /// Deletes the API @p apiId with all its keys (`apis.deleteApi`) and refreshes.
    Q_INVOKABLE void remove(const QString &apiId);
    /// Asks the server for the one API @p apiId (`apis.getApi`), quietly: lookedUp() says whether
    /// it is missing (404). Any other failure counts as not missing (the list may still hold it).
    Q_INVOKABLE void lookUp(const QString &apiId);

Q_SIGNALS:
    void created(const QString &apiId);
    void removed(const QString &apiId);
    /// lookUp()'s answer: @p missing when the server has no API @p apiId.
    void lookedUp(const QString &apiId, bool missing);

protected:
    QString action() const override;
    QVariant rowData(const QJsonObject &row, int role) const override;
};

} // namespace Latchkey::Dashboard

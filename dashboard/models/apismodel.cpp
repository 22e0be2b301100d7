#include "models/apismodel.h"

#include "client/apiclient.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

ApisModel::ApisModel(QObject *parent)
    : PagedListModel(parent)
{
}

QHash<int, QByteArray> ApisModel::roleNames() const
{
    return {{ApiIdRole, "apiId"}, {NameRole, "name"}, {KeyCountRole, "keyCount"}};
}

QString ApisModel::action() const
{
    return u"apis.listApis"_s;
}

QVariant ApisModel::rowData(const QJsonObject &row, int role) const
{
    switch (role) {
    case ApiIdRole:
        return row.value(u"id"_s).toString();
    case NameRole:
        return row.value(u"name"_s).toString();
    case KeyCountRole:
        return row.value(u"keyCount"_s).toInteger();
    default:
        return {};
    }
}

void ApisModel::create(const QString &name)
{
    postCreate(u"apis.createApi"_s, {{u"name"_s, name}},
        [this](const QJsonObject &data) { Q_EMIT created(data.value(u"apiId"_s).toString()); });
}

void ApisModel::remove(const QString &apiId)
{
    postChange(u"apis.deleteApi"_s, {{u"apiId"_s, apiId}},
        [this, apiId](const QJsonObject &) { Q_EMIT removed(apiId); });
}

void ApisModel::lookUp(const QString &apiId)
{
    if (!client() || apiId.isEmpty())
        return;
    client()->post(u"apis.getApi"_s, {{u"apiId"_s, apiId}}, this,
                   [this, apiId](const ApiResult &result) { Q_EMIT lookedUp(apiId, result.httpStatus == 404); },
                   ApiClient::Failures::Quiet); // the issue form says it under the API box
}

} // namespace Latchkey::Dashboard

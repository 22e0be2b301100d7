#include "apiresult.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

ApiResult ApiResult::fromHttp(int httpStatus, const QByteArray &body)
{
    ApiResult result;
    result.httpStatus = httpStatus;
    QJsonParseError parseError;
    const QJsonObject envelope = QJsonDocument::fromJson(body, &parseError).object();
    result.requestId = envelope.value(u"meta").toObject().value(u"requestId").toString();
    if (httpStatus == 200 && parseError.error == QJsonParseError::NoError && envelope.contains(u"data")) {
        result.data = envelope.value(u"data");
        result.pagination = envelope.value(u"pagination").toObject();
        return result;
    }
    const QJsonObject error = envelope.value(u"error").toObject();
    result.errorTitle = error.value(u"title").toString();
    result.errorDetail = error.value(u"detail").toString();
    result.errorType = error.value(u"type").toString();
    if (httpStatus == 200) {
        // A 200 without an envelope is not a latchkeyd answer (a proxy page, a wrong URL).
        result.httpStatus = 0;
        result.errorType = u"protocol"_s;
    }
    if (result.errorTitle.isEmpty())
        result.errorTitle = QCoreApplication::translate("ApiResult", "HTTP %1").arg(httpStatus);
    if (result.errorDetail.isEmpty()) {
        const QString text = QString::fromUtf8(body.left(300)).simplified();
        result.errorDetail = text.isEmpty() ? QCoreApplication::translate("ApiResult", "The server answered HTTP %1 without details.").arg(httpStatus)
                                            : QCoreApplication::translate("ApiResult", "The server answered HTTP %1: %2").arg(httpStatus).arg(text);
    }
    return result;
}

ApiResult ApiResult::fromTransportError(const QString &type, const QString &title, const QString &detail)
{
    ApiResult result;
    result.errorType = type;
    result.errorTitle = title;
    result.errorDetail = detail;
    return result;
}

} // namespace Latchkey::Dashboard

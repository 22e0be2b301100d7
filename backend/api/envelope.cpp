#include "api/envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {
Http::Response json(int status, const QJsonObject &body, const QByteArray &contentType)
{
    Http::Response response;
    response.status = status;
    response.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

QJsonObject meta(const QString &requestId)
{
    return QJsonObject{{u"requestId"_s, requestId}};
}
} // namespace

Http::Response successResponse(const QString &requestId, const ApiReply &reply)
{
    if (reply.stream) {
        Http::Response response;
        response.headers = reply.streamHeaders;
        response.stream = reply.stream;
        return response;
    }
    if (!reply.contentType.isEmpty()) {
        Http::Response response;
        response.headers.append({QByteArrayLiteral("Content-Type"), reply.contentType});
        response.body = reply.rawData;
        return response;
    }
    if (!reply.rawData.isEmpty()) {
        // Request ids are "req_" + [A-Za-z0-9]: nothing to escape.
        Http::Response response;
        response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        response.body = "{\"meta\":{\"requestId\":\"" + requestId.toLatin1() + "\"},\"data\":" + reply.rawData + '}';
        return response;
    }
    QJsonObject body{{u"meta"_s, meta(requestId)}};
    if (!reply.data.isUndefined())
        body.insert(u"data"_s, reply.data);
    if (reply.pagination) {
        QJsonObject pagination{{u"hasMore"_s, reply.pagination->hasMore}};
        if (reply.pagination->hasMore && !reply.pagination->cursor.isEmpty())
            pagination.insert(u"cursor"_s, reply.pagination->cursor);
        body.insert(u"pagination"_s, pagination);
    }
    return json(200, body, QByteArrayLiteral("application/json"));
}

Http::Response errorResponse(const QString &requestId, const Core::Error &error, bool problemJson)
{
    const Core::ErrorInfo &info = Core::errorInfo(error.code);
    QJsonObject errorObject{
        {u"title"_s, QString::fromLatin1(info.title)},
        {u"detail"_s, error.detail.isEmpty() ? QString::fromLatin1(info.title) : error.detail},
        {u"status"_s, info.status},
        {u"type"_s, QString::fromLatin1(info.type)},
    };
    if (info.status == 400) {
        QJsonArray errors;
        for (const Core::FieldError &fieldError : error.fieldErrors) {
            QJsonObject item{{u"location"_s, fieldError.location}, {u"message"_s, fieldError.message}};
            if (!fieldError.fix.isEmpty())
                item.insert(u"fix"_s, fieldError.fix);
            errors.append(item);
        }
        errorObject.insert(u"errors"_s, errors);
    }
    const QJsonObject body{{u"meta"_s, meta(requestId)}, {u"error"_s, errorObject}};
    const bool problem = problemJson && error.code != Core::ErrorCode::InvalidInput;
    return json(info.status, body,
                problem ? QByteArrayLiteral("application/problem+json") : QByteArrayLiteral("application/json"));
}

} // namespace Latchkey::Api

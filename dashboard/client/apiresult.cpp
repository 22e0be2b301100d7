#include "apiresult.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {

/// The end of an error type URL (backend/core/error.cpp) and what the dashboard says for it.
struct KnownError {
    const char *typeSuffix;
    const char *text;
};
constexpr KnownError KnownErrors[] = {
    {"/unkey/authentication/key_not_found", QT_TRANSLATE_NOOP("ApiResult", "The root key is not valid (any more).")},
    {"/unkey/authentication/missing", QT_TRANSLATE_NOOP("ApiResult", "The request carried no root key.")},
    {"/unkey/authentication/malformed", QT_TRANSLATE_NOOP("ApiResult", "The root key is malformed.")},
    {"/unkey/authorization/insufficient_permissions",
     QT_TRANSLATE_NOOP("ApiResult", "This root key lacks the permission for this.")},
    {"/unkey/authorization/forbidden", QT_TRANSLATE_NOOP("ApiResult", "This root key may not do this.")},
    {"/unkey/data/key_not_found", QT_TRANSLATE_NOOP("ApiResult", "This key does not exist (any more).")},
    {"/unkey/data/api_not_found", QT_TRANSLATE_NOOP("ApiResult", "This API does not exist (any more).")},
    {"/unkey/data/identity_not_found", QT_TRANSLATE_NOOP("ApiResult", "This owner does not exist (any more).")},
    {"/unkey/data/permission_not_found", QT_TRANSLATE_NOOP("ApiResult", "This permission does not exist (any more).")},
    {"/unkey/data/role_not_found", QT_TRANSLATE_NOOP("ApiResult", "This role does not exist (any more).")},
    {"/unkey/data/ratelimit_namespace_not_found",
     QT_TRANSLATE_NOOP("ApiResult", "This namespace does not exist (any more).")},
    {"/unkey/data/ratelimit_override_not_found",
     QT_TRANSLATE_NOOP("ApiResult", "This override does not exist (any more).")},
    {"/unkey/data/identity_already_exists",
     QT_TRANSLATE_NOOP("ApiResult", "An owner with this external id already exists.")},
    {"/unkey/data/permission_already_exists", QT_TRANSLATE_NOOP("ApiResult", "A permission with this name already exists.")},
    {"/unkey/data/role_already_exists", QT_TRANSLATE_NOOP("ApiResult", "A role with this name already exists.")},
    {"/unkey/data/ratelimit_namespace_already_exists",
     QT_TRANSLATE_NOOP("ApiResult", "A namespace with this name already exists.")},
    {"/unkey/data/ratelimit_namespace_gone", QT_TRANSLATE_NOOP("ApiResult", "This namespace was deleted.")},
    {"/unkey/application/protected_resource", QT_TRANSLATE_NOOP("ApiResult", "This is protected and cannot be changed.")},
    {"/user/bad_request/request_body_too_large", QT_TRANSLATE_NOOP("ApiResult", "The request is too large for the server.")},
    {"/user/too_many_requests/workspace_rate_limited",
     QT_TRANSLATE_NOOP("ApiResult", "Too many requests; try again in a moment.")},
    {"/unkey/application/unexpected_error", QT_TRANSLATE_NOOP("ApiResult", "The server ran into an internal error.")},
    {"/unkey/application/service_unavailable", QT_TRANSLATE_NOOP("ApiResult", "The server is not available right now.")},
};

/// The titles of latchkeyd's error envelopes (backend/core/error.cpp: HTTP reason phrases), for
/// the error banner's heading in the UI's language.
constexpr const char *KnownTitles[] = {
    QT_TRANSLATE_NOOP("ApiResult", "Bad Request"),
    QT_TRANSLATE_NOOP("ApiResult", "Request Header Fields Too Large"),
    QT_TRANSLATE_NOOP("ApiResult", "Request Entity Too Large"),
    QT_TRANSLATE_NOOP("ApiResult", "Request Timeout"),
    QT_TRANSLATE_NOOP("ApiResult", "Unauthorized"),
    QT_TRANSLATE_NOOP("ApiResult", "Forbidden"),
    QT_TRANSLATE_NOOP("ApiResult", "Insufficient Permissions"),
    QT_TRANSLATE_NOOP("ApiResult", "Not Found"),
    QT_TRANSLATE_NOOP("ApiResult", "Method Not Allowed"),
    QT_TRANSLATE_NOOP("ApiResult", "Conflicting Resource"),
    QT_TRANSLATE_NOOP("ApiResult", "Resource Gone"),
    QT_TRANSLATE_NOOP("ApiResult", "Resource is protected"),
    QT_TRANSLATE_NOOP("ApiResult", "Precondition Failed"),
    QT_TRANSLATE_NOOP("ApiResult", "Unprocessable Entity"),
    QT_TRANSLATE_NOOP("ApiResult", "Too Many Requests"),
    QT_TRANSLATE_NOOP("ApiResult", "Internal Server Error"),
    QT_TRANSLATE_NOOP("ApiResult", "Service Unavailable"),
};

} // namespace

QString ApiResult::title() const
{
    for (const char *known : KnownTitles) {
        if (errorTitle == QLatin1StringView(known))
            return QCoreApplication::translate("ApiResult", known);
    }
    return errorTitle;
}

QString ApiResult::message() const
{
    const QString server = errorDetail.isEmpty() ? errorTitle : errorDetail;
    for (const KnownError &known : KnownErrors) {
        if (!errorType.endsWith(QLatin1StringView(known.typeSuffix)))
            continue;
        const QString translated = QCoreApplication::translate("ApiResult", known.text);
        return translated == QLatin1StringView(known.text) ? server : translated;
    }
    return server;
}

ApiResult ApiResult::fromHttp(int httpStatus, const QByteArray &body)
{
    ApiResult result;
    result.httpStatus = httpStatus;
    QJsonParseError parseError;
    const QJsonObject envelope = QJsonDocument::fromJson(body, &parseError).object();
    result.requestId = envelope.value(u"meta").toObject().value(u"requestId").toString();
    // A success envelope has `data`, or only `meta` where the spec answers nothing more (e.g.
    // identities.deleteIdentity): that is a success with empty data.
    const bool envelopeParsed = parseError.error == QJsonParseError::NoError;
    if (httpStatus == 200 && envelopeParsed && envelope.contains(u"data")) {
        result.data = envelope.value(u"data");
        result.pagination = envelope.value(u"pagination").toObject();
        return result;
    }
    if (httpStatus == 200 && envelopeParsed && envelope.value(u"meta").isObject() && !envelope.contains(u"error")) {
        result.data = QJsonObject();
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

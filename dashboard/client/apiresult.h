#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QString>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

/// The outcome of one API call, as C++ value and as the QML value type `apiResult`.
/// httpStatus 0 means the request never got an HTTP answer (network or TLS error; errorDetail
/// says what). A success carries the envelope's `data` (and `pagination` on lists), or an empty
/// object when the answer is only `meta` (identities.deleteIdentity); a failure carries the error
/// envelope's title, detail and type.
struct ApiResult {
    Q_GADGET
    QML_VALUE_TYPE(apiResult)
    Q_PROPERTY(bool ok READ ok)
    Q_PROPERTY(int httpStatus MEMBER httpStatus)
    Q_PROPERTY(QJsonValue data MEMBER data)
    Q_PROPERTY(QJsonObject pagination MEMBER pagination)
    Q_PROPERTY(QString cursor READ cursor)
    Q_PROPERTY(bool hasMore READ hasMore)
    Q_PROPERTY(QString requestId MEMBER requestId)
    Q_PROPERTY(QString errorTitle MEMBER errorTitle)
    Q_PROPERTY(QString errorDetail MEMBER errorDetail)
    Q_PROPERTY(QString errorType MEMBER errorType)
    Q_PROPERTY(QString message READ message)
    Q_PROPERTY(QString title READ title)

public:
    int httpStatus = 0;
    QJsonValue data;        ///< the envelope's "data"
    QJsonObject pagination; ///< {cursor?, hasMore}, or empty when the endpoint does not page
    QString requestId;
    QString errorTitle;
    QString errorDetail;
    QString errorType;      ///< the envelope's type URL, or "network" / "tls" when httpStatus is 0

    [[nodiscard]] bool ok() const { return httpStatus == 200; }
    /// What went wrong, in the UI's language: for an error type the dashboard knows (not found,
    /// already exists, permissions, ...) a translated sentence; otherwise, and in English (where
    /// the server's words say the same, more precisely), the server's detail, else its title.
    /// errorDetail keeps the server's own words.
    [[nodiscard]] QString message() const;
    /// The error's title in the UI's language (the server's titles are HTTP reason phrases the
    /// dashboard translates); a title it does not know stays the server's. errorTitle keeps it.
    [[nodiscard]] QString title() const;
    /// The cursor of the next page; empty on the last page.
    [[nodiscard]] QString cursor() const { return pagination.value(u"cursor").toString(); }
    [[nodiscard]] bool hasMore() const { return pagination.value(u"hasMore").toBool(); }

    /// Reads an HTTP answer: the success envelope on 200 (`data`, or `meta` alone), else the error
    /// envelope (or, for a non-latchkeyd answer, a title and detail made from the status and the
    /// start of the body; a 200 that is no envelope becomes status 0, type "protocol").
    [[nodiscard]] static ApiResult fromHttp(int httpStatus, const QByteArray &body);
    /// A call that got no HTTP answer (httpStatus 0).
    [[nodiscard]] static ApiResult fromTransportError(const QString &type, const QString &title, const QString &detail);
};

} // namespace Latchkey::Dashboard

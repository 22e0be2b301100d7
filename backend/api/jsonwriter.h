#pragma once

#include <QByteArray>
#include <QString>

namespace Latchkey::Api {

/// Appends @p text as a JSON string literal (quotes included) to @p out, escaped exactly as
/// QJsonDocument escapes it. For hot-path answers written directly as bytes instead of through a
/// QJsonObject (keys.verifyKey's ratelimits, ratelimit.limit), where building a document per
/// request cost more than the work it reports.
void appendJsonString(QByteArray &out, const QString &text);

/// Appends @p value as a JSON number to @p out, without the temporary QByteArray::number() makes.
void appendJsonInteger(QByteArray &out, qint64 value);

} // namespace Latchkey::Api

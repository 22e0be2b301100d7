#include "api/seriesjson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Api {

namespace {

/// A JSON string literal of @p text. Outcome names are plain ASCII, so QJsonDocument is only
/// asked for the quoting rules, not for the whole document.
QByteArray quoted(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray orNull(std::optional<qint64> value)
{
    return value ? QByteArray::number(*value) : QByteArrayLiteral("null");
}

void appendBucket(QByteArray &out, const Store::VerificationBucket &bucket, const QMap<QString, QByteArray> &names)
{
    out += "{\"latencyP50Us\":" + QByteArray::number(bucket.latencyP50Us)
        + ",\"latencyP99Us\":" + QByteArray::number(bucket.latencyP99Us) + ",\"outcomes\":{";
    QMap<QString, QByteArray> all = names; // sorted, as QJsonObject writes keys
    for (auto it = bucket.outcomes.cbegin(); it != bucket.outcomes.cend(); ++it) {
        if (!all.contains(it.key()))
            all.insert(it.key(), quoted(it.key()));
    }
    bool first = true;
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        out += (first ? "" : ",") + it.value() + ':' + QByteArray::number(bucket.outcomes.value(it.key()));
        first = false;
    }
    out += "},\"spentCredits\":" + QByteArray::number(bucket.spentCredits) + ",\"time\":"
        + QByteArray::number(bucket.timeMs) + ",\"total\":" + QByteArray::number(bucket.total) + '}';
}

} // namespace

QByteArray verificationSeriesJson(const QString &bucket, const Store::Series<Store::VerificationBucket> &series,
                                  const QStringList &outcomes)
{
    const QList<Store::VerificationBucket> &buckets = series.buckets;
    QMap<QString, QByteArray> names;
    for (const QString &outcome : outcomes)
        names.insert(outcome, quoted(outcome));
    QByteArray out;
    out.reserve(64 + buckets.size() * 260);
    out += "{\"bucket\":" + quoted(bucket) + ",\"buckets\":[";
    for (qsizetype i = 0; i < buckets.size(); ++i) {
        if (i > 0)
            out += ',';
        appendBucket(out, buckets.at(i), names);
    }
    out += "],\"latencyP50Us\":" + orNull(series.latencyP50Us) + ",\"latencyP99Us\":" + orNull(series.latencyP99Us)
        + '}';
    return out;
}

} // namespace Latchkey::Api

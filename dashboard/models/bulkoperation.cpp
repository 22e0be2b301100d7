#include "models/bulkoperation.h"

#include "client/apiclient.h"
#include "models/modelslogging.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

BulkOperation::BulkOperation(QObject *parent)
    : QObject(parent)
{
}

void BulkOperation::setClient(ApiClient *client)
{
    if (m_client == client)
        return;
    m_client = client;
    Q_EMIT clientChanged();
}

void BulkOperation::setConcurrency(int concurrency)
{
    concurrency = std::clamp(concurrency, 1, 8);
    if (m_concurrency == concurrency)
        return;
    m_concurrency = concurrency;
    Q_EMIT concurrencyChanged();
}

double BulkOperation::progress() const
{
    return m_bodies.isEmpty() ? 0.0 : double(processed()) / double(m_bodies.size());
}

bool BulkOperation::start(const QString &action, const QList<QJsonObject> &bodies)
{
    if (m_running || !m_client)
        return false;
    m_action = action;
    m_bodies = bodies;
    m_succeededKeyIds.clear();
    m_next = 0;
    m_succeeded = 0;
    m_failed = 0;
    m_cancelled = false;
    m_unreachable = false;
    m_unansweredInARow = 0;
    m_running = true;
    qCInfo(lcModels) << "bulk" << action << "of" << bodies.size();
    Q_EMIT runningChanged();
    Q_EMIT progressChanged();
    pump();
    finishIfDone();
    return true;
}

bool BulkOperation::startForKeys(const QString &action, const QStringList &keyIds, const QJsonObject &extra)
{
    QList<QJsonObject> bodies;
    bodies.reserve(keyIds.size());
    for (const QString &keyId : keyIds) {
        QJsonObject body = extra;
        body.insert(u"keyId"_s, keyId);
        bodies.append(body);
    }
    return start(action, bodies);
}

bool BulkOperation::disableKeys(const QStringList &keyIds)
{
    return startForKeys(u"keys.updateKey"_s, keyIds, {{u"enabled"_s, false}});
}

bool BulkOperation::enableKeys(const QStringList &keyIds)
{
    return startForKeys(u"keys.updateKey"_s, keyIds, {{u"enabled"_s, true}});
}

bool BulkOperation::deleteKeys(const QStringList &keyIds)
{
    return startForKeys(u"keys.deleteKey"_s, keyIds, {});
}

QStringList BulkOperation::notStartedKeyIds() const
{
    QStringList keyIds;
    for (qsizetype i = m_next; i < m_bodies.size(); ++i)
        keyIds.append(m_bodies.at(i).value(u"keyId"_s).toString());
    return keyIds;
}

void BulkOperation::cancel()
{
    if (!m_running || stopped())
        return;
    m_cancelled = true;
    Q_EMIT progressChanged();
    finishIfDone();
}

void BulkOperation::pump()
{
    while (!stopped() && m_client && m_inFlight < m_concurrency && m_next < m_bodies.size()) {
        const QJsonObject body = m_bodies.at(m_next++);
        ++m_inFlight;
        m_client->post(m_action, body, this, [this, keyId = body.value(u"keyId"_s).toString()](const ApiResult &result) {
            handle(keyId, result);
        });
    }
}

void BulkOperation::handle(const QString &keyId, const ApiResult &result)
{
    --m_inFlight;
    if (result.ok()) {
        ++m_succeeded;
        m_succeededKeyIds.append(keyId);
    } else
        ++m_failed;
    m_unansweredInARow = result.httpStatus == 0 && result.errorType == u"network"_s ? m_unansweredInARow + 1 : 0;
    if (m_unansweredInARow >= kMaxUnreachable && !m_unreachable) {
        qCWarning(lcModels) << "bulk" << m_action << "stops:" << m_unansweredInARow << "calls without an answer";
        m_unreachable = true;
    }
    Q_EMIT progressChanged();
    pump();
    finishIfDone();
}

void BulkOperation::finishIfDone()
{
    if (!m_running || m_inFlight > 0)
        return;
    // A client that went away mid-batch ends it too: nothing more can be sent.
    if (!stopped() && m_next < m_bodies.size() && m_client)
        return;
    m_running = false;
    qCInfo(lcModels) << "bulk" << m_action << "done:" << m_succeeded << "ok," << m_failed << "failed"
                     << (m_cancelled ? "(cancelled)" : "") << (m_unreachable ? "(server unreachable)" : "");
    Q_EMIT runningChanged();
    Q_EMIT finished(m_succeeded, m_failed, m_cancelled);
}

} // namespace Latchkey::Dashboard

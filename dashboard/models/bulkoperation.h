#pragma once

#include "client/apiclient.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace Latchkey::Dashboard {

/// One long-running batch of the same API call (bulk disable / enable / delete of keys), with
/// progress and cancel. At most `concurrency` requests are in flight; cancel() issues no further
/// request, lets the ones in flight finish (so `succeeded` is exact: a request already sent may
/// have taken effect) and then emits finished(). Each failure goes to the client's one error sink
/// (`ApiClient::requestFailed`) and is counted in `failed`. After kMaxUnreachable consecutive
/// calls without an answer (the server died) it stops like cancel() and sets `unreachable`,
/// rather than firing every remaining request at a dead server.
class BulkOperation : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Latchkey::Dashboard::ApiClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(int concurrency READ concurrency WRITE setConcurrency NOTIFY concurrencyChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(bool cancelled READ cancelled NOTIFY progressChanged)
    /// The batch stopped because the server stopped answering.
    Q_PROPERTY(bool unreachable READ unreachable NOTIFY progressChanged)
    Q_PROPERTY(int total READ total NOTIFY progressChanged)
    Q_PROPERTY(int processed READ processed NOTIFY progressChanged)
    Q_PROPERTY(int succeeded READ succeeded NOTIFY progressChanged)
    Q_PROPERTY(int failed READ failed NOTIFY progressChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)

public:
    /// Consecutive calls without an HTTP answer after which the batch stops.
    static constexpr int kMaxUnreachable = 3;

    explicit BulkOperation(QObject *parent = nullptr);

    ApiClient *client() const { return m_client; }
    void setClient(ApiClient *client);
    int concurrency() const { return m_concurrency; }
    /// 1..8 requests in flight (default 2): enough to hide latency, few enough not to flood.
    void setConcurrency(int concurrency);
    bool running() const { return m_running; }
    bool cancelled() const { return m_cancelled; }
    bool unreachable() const { return m_unreachable; }
    int total() const { return int(m_bodies.size()); }
    int processed() const { return m_succeeded + m_failed; }
    int succeeded() const { return m_succeeded; }
    int failed() const { return m_failed; }
    /// processed / total, 0..1.
    double progress() const;

    /// Starts `action` once per body. Returns false (and does nothing) while running or without client.
    bool start(const QString &action, const QList<QJsonObject> &bodies);
    /// `keys.updateKey {enabled:false}` for each key.
    Q_INVOKABLE bool disableKeys(const QStringList &keyIds);
    /// `keys.updateKey {enabled:true}` for each key.
    Q_INVOKABLE bool enableKeys(const QStringList &keyIds);
    /// `keys.deleteKey` for each key.
    Q_INVOKABLE bool deleteKeys(const QStringList &keyIds);
    /// Stops issuing requests; finished() follows once those in flight have answered.
    Q_INVOKABLE void cancel();
    /// The keys of the batch never sent (after cancel() or the server stopped answering): what
    /// is left to do, for the host to keep selected.
    Q_INVOKABLE QStringList notStartedKeyIds() const;
    /// The keys of the last batch whose call the server answered with success, in the order they
    /// were sent: what the host's list shows changed without reloading (KeysModel::applyBulkOutcome).
    Q_INVOKABLE QStringList succeededKeyIds() const { return m_succeededKeyIds; }

Q_SIGNALS:
    void clientChanged();
    void concurrencyChanged();
    void runningChanged();
    void progressChanged();
    /// The batch is over: every request answered, or cancelled and the in-flight ones answered.
    void finished(int succeeded, int failed, bool cancelled);

private:
    bool startForKeys(const QString &action, const QStringList &keyIds, const QJsonObject &extra);
    void pump();
    void handle(const QString &keyId, const ApiResult &result);
    void finishIfDone();
    bool stopped() const { return m_cancelled || m_unreachable; }

    QPointer<ApiClient> m_client;
    QString m_action;
    QList<QJsonObject> m_bodies;
    QStringList m_succeededKeyIds;
    int m_inFlight = 0;
    int m_next = 0;
    int m_succeeded = 0;
    int m_failed = 0;
    int m_concurrency = 2;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_unreachable = false;
    int m_unansweredInARow = 0;
};

} // namespace Latchkey::Dashboard

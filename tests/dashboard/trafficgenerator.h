#pragma once

#include "apiclient.h"

#include <QJsonObject>
#include <QTimer>

#include <functional>

namespace Latchkey::Test {

/// Steady verification traffic for screenshot tests, so the embedded console's charts (live,
/// time series, top lists, logs) have something to show: every @p intervalMs it verifies each
/// key of keys() once and makes one rate-limit check, through its own ApiClient (the window's
/// client stays idle, so "wait until the page's requests are done" keeps working). The first key
/// is verified on every beat, the others on every fourth (a mostly healthy picture). Whatever the
/// keys' limits and credits make of it (valid, rate limited, usage exceeded) is what the charts
/// stack by outcome.
class TrafficGenerator
{
public:
    TrafficGenerator(const QUrl &baseUrl, const QString &rootKey)
    {
        m_client.setConnection(baseUrl, rootKey);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }

    ~TrafficGenerator() { stop(); }

    TrafficGenerator(const TrafficGenerator &) = delete;
    TrafficGenerator &operator=(const TrafficGenerator &) = delete;

    /// Verifies @p keys (plaintexts; the first on every beat, the others on every fourth) and checks @p identifier in rate-limit @p ratelimitNamespace
    /// every @p intervalMs until stop().
    void start(const QStringList &keys, const QString &ratelimitNamespace, const QString &identifier, int intervalMs)
    {
        m_keys = keys;
        m_namespace = ratelimitNamespace;
        m_identifier = identifier;
        m_timer.start(intervalMs);
    }

    void stop()
    {
        m_timer.stop();
        m_client.cancelAll();
    }

    /// Requests answered so far (any outcome).
    [[nodiscard]] int answered() const { return m_answered; }

private:
    void tick()
    {
        // Never pile up requests on a slow (sanitizer) build: skip a beat while one is pending.
        if (m_client.busy())
            return;
        for (qsizetype i = 0; i < m_keys.size(); ++i) {
            if (i == 0 || m_beat % 4 == 0)
                post(QStringLiteral("keys.verifyKey"), {{QStringLiteral("key"), m_keys.at(i)}});
        }
        ++m_beat;
        post(QStringLiteral("ratelimit.limit"), {{QStringLiteral("namespace"), m_namespace},
                                     {QStringLiteral("identifier"), m_identifier},
                                     {QStringLiteral("limit"), 60},
                                     {QStringLiteral("duration"), 60000}});
    }

    void post(const QString &action, const QJsonObject &body)
    {
        m_client.post(action, body, nullptr, [this](const Dashboard::ApiResult &) { ++m_answered; });
    }

    Dashboard::ApiClient m_client;
    QTimer m_timer;
    QStringList m_keys;
    QString m_namespace;
    QString m_identifier;
    int m_answered = 0;
    int m_beat = 0;
};

} // namespace Latchkey::Test

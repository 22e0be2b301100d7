#pragma once

// What the in-process test server answered so far, from its own GET /metrics counters
// (`latchkey_http_requests_total{route,status}`), for the tests that count a page's requests:
// tst_gotosearch, tst_notfoundpages, tst_capabilitygates and the QML runner's `testServer`.
#include <QMap>
#include <QRegularExpression>
#include <QString>

#include "core/metrics.h"
#include "server/server.h"

namespace Latchkey::Test {

/// The server's answers so far: route (e.g. "/v2/keys.getKey") → status → how many.
inline QMap<QString, QMap<int, quint64>> answeredRequests(Latchkey::Server::Server &server)
{
    // Not a raw string: moc (6.4) misreads one in a test file and finds no class in it.
    static const QRegularExpression sample(
        QStringLiteral("^latchkey_http_requests_total\\{route=\"([^\"]*)\",status=\"(\\d+)\"\\} (\\d+)$"),
        QRegularExpression::MultilineOption);
    QMap<QString, QMap<int, quint64>> answers;
    const QString text = QString::fromUtf8(server.metrics().render());
    for (auto match = sample.globalMatch(text); match.hasNext();) {
        const QRegularExpressionMatch found = match.next();
        answers[found.captured(1)][found.captured(2).toInt()] += found.captured(3).toULongLong();
    }
    return answers;
}

/// How often the server answered @p route with @p status, or with any status for 0.
inline quint64 answered(Latchkey::Server::Server &server, const QString &route, int status = 0)
{
    const QMap<int, quint64> byStatus = answeredRequests(server).value(route);
    if (status != 0)
        return byStatus.value(status);
    quint64 count = 0;
    for (const quint64 answers : byStatus)
        count += answers;
    return count;
}

/// The routes the server answered with @p status so far, with how often.
inline QMap<QString, quint64> answeredWith(Latchkey::Server::Server &server, int status)
{
    QMap<QString, quint64> counts;
    const QMap<QString, QMap<int, quint64>> answers = answeredRequests(server);
    for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
        if (const quint64 count = it.value().value(status); count > 0)
            counts.insert(it.key(), count);
    }
    return counts;
}

} // namespace Latchkey::Test

#pragma once

#include <QObject>
#include <QTimer>

namespace Latchkey::Core {
class Clock;
} // namespace Latchkey::Core
namespace Latchkey::Store {
class Database;
} // namespace Latchkey::Store

namespace Latchkey::Server {

/// Applies credit refills at their boundary for keys nobody verifies (verification applies them
/// lazily too). Checks once a minute; a pass only does work after a 00:00 UTC boundary.
class RefillSweeper : public QObject
{
    Q_OBJECT
public:
    RefillSweeper(Store::Database &db, const Core::Clock &clock, QObject *parent = nullptr);

    /// Starts the periodic check (and runs one pass now).
    void start(int intervalMs = 60'000);
    /// One pass; returns false when the store failed (logged). Public for tests.
    bool sweep();

private:
    Store::Database &m_db;
    const Core::Clock &m_clock;
    QTimer m_timer;
    qint64 m_lastSweptDay = -1;
};

} // namespace Latchkey::Server

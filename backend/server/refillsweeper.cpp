#include "server/refillsweeper.h"

#include "core/clock.h"
#include "store/verificationstore.h"

#include <QLoggingCategory>

namespace Latchkey::Server {

Q_LOGGING_CATEGORY(lcRefill, "latchkey.refill")

RefillSweeper::RefillSweeper(Store::Database &db, const Core::Clock &clock, QObject *parent)
    : QObject(parent), m_db(db), m_clock(clock)
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // Refills fall due only at 00:00 UTC: one pass per UTC day is enough.
        const qint64 day = m_clock.nowMs() / 86'400'000;
        if (day != m_lastSweptDay && sweep())
            m_lastSweptDay = day;
    });
}

void RefillSweeper::start(int intervalMs)
{
    m_timer.start(intervalMs);
    if (sweep())
        m_lastSweptDay = m_clock.nowMs() / 86'400'000;
}

bool RefillSweeper::sweep()
{
    Store::VerificationStore store(m_db);
    const auto swept = store.refillDueKeys(m_clock.nowMs());
    if (!swept) {
        qCWarning(lcRefill) << "refill pass failed:" << swept.error().detail;
        return false;
    }
    if (*swept > 0)
        qCInfo(lcRefill) << "refill pass looked at" << *swept << "keys";
    return true;
}

} // namespace Latchkey::Server

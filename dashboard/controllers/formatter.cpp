#include "formatter.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Latchkey::Dashboard {

namespace {
constexpr std::array<qint64, 5> UnitMs{86'400'000, 3'600'000, 60'000, 1000, 1};
constexpr char16_t NoBreakSpace = u'\u00A0';
} // namespace

Formatter::Formatter(QObject *parent) : QObject(parent)
{
    using namespace std::chrono_literals;
    // Minutes are the finest unit relative() says; a quarter of one keeps it at most 15 s behind.
    m_nowStep.setInterval(15s);
    m_nowStep.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_nowStep, &QTimer::timeout, this, [this] {
        if (m_nowMs == 0)
            Q_EMIT nowChanged();
    });
    m_nowStep.start();
}

double Formatter::now() const
{
    return double(m_nowMs != 0 ? m_nowMs : QDateTime::currentMSecsSinceEpoch());
}

void Formatter::setNow(qint64 unixMs)
{
    m_nowMs = unixMs;
    Q_EMIT nowChanged();
}

void Formatter::setLocale(const QLocale &locale)
{
    if (locale == m_locale)
        return;
    m_locale = locale;
    Q_EMIT localeChanged();
}

QString Formatter::dateTime(double unixMs) const
{
    if (unixMs <= 0 || std::isnan(unixMs))
        return {};
    return m_locale.toString(QDateTime::fromMSecsSinceEpoch(qint64(unixMs)), QLocale::ShortFormat);
}

QString Formatter::date(double unixMs) const
{
    if (unixMs <= 0 || std::isnan(unixMs))
        return {};
    return m_locale.toString(QDateTime::fromMSecsSinceEpoch(qint64(unixMs)).date(), QLocale::ShortFormat);
}

QString Formatter::number(double value, int decimals) const
{
    // Grouped by hand: Qt 6.4 groups Spanish (CLDR minimum grouping 2) as "1234.567".
    QLocale plain = m_locale;
    plain.setNumberOptions(m_locale.numberOptions() | QLocale::OmitGroupSeparator);
    QString text = plain.toString(value, 'f', std::max(decimals, 0));
    const qsizetype digitsStart = text.startsWith(plain.negativeSign()) ? plain.negativeSign().size() : 0;
    qsizetype integerEnd = text.indexOf(plain.decimalPoint());
    if (integerEnd < 0)
        integerEnd = text.size();
    const int minimumGrouping = m_locale.language() == QLocale::Spanish ? 5 : 4;
    if (integerEnd - digitsStart >= minimumGrouping)
        for (qsizetype at = integerEnd - 3; at > digitsStart; at -= 3)
            text.insert(at, m_locale.groupSeparator());
    return text;
}

QString Formatter::unit(qint64 count, int unitIndex) const
{
    const QString n = m_locale.toString(count);
    switch (unitIndex) {
    case 0: return tr("%1 d", "duration in days").arg(n);
    case 1: return tr("%1 h", "duration in hours").arg(n);
    case 2: return tr("%1 min", "duration in minutes").arg(n);
    case 3: return tr("%1 s", "duration in seconds").arg(n);
    default: return tr("%1 ms", "duration in milliseconds").arg(n);
    }
}

QString Formatter::duration(double milliseconds) const
{
    qint64 rest = std::llround(std::abs(milliseconds));
    if (rest == 0)
        return unit(0, 3).replace(u' ', NoBreakSpace);
    QStringList parts;
    for (int i = 0; i < int(UnitMs.size()) && parts.size() < 2; ++i) {
        const qint64 count = rest / UnitMs.at(i);
        if (count > 0) {
            parts.append(unit(count, i));
            rest -= count * UnitMs.at(i);
        } else if (!parts.isEmpty()) {
            break; // "1 h 0 min 5 s" reads worse than "1 h"
        }
    }
    // One word for line breaking: a wrapped sentence must not leave "1 / h 30 min" (W7 J23).
    return parts.join(u' ').replace(u' ', NoBreakSpace);
}

QString Formatter::relative(double unixMs, double from) const
{
    if (unixMs <= 0 || std::isnan(unixMs))
        return {};
    const qint64 now = from > 0 ? qint64(from) : qint64(this->now());
    const qint64 delta = qint64(unixMs) - now;
    if (std::abs(delta) < 60'000)
        return tr("just now");
    // One unit is enough for "how long ago", and in words: "in 1 day", "vor 2 Tagen" (not "in 1 T").
    // Rounded to the nearest unit, not down: a key issued "in 30 days" must not read "in 29 days" a
    // second later, nor one rerolled "in 1 day" read "in 23 hours" (issue 4). Each unit is chosen
    // by the rounded count, so 59 min 40 s is "1 hour" and 23 h 40 min is "1 day".
    const double magnitude = double(std::abs(delta));
    const bool future = delta > 0;
    const auto rounded = [magnitude](int unitIndex) {
        return std::max(qint64(1), std::llround(magnitude / double(UnitMs.at(unitIndex))));
    };
    const qint64 minutes = rounded(2);
    if (minutes < 60) {
        return future ? tr("in %Ln minute(s)", "relative time in the future", int(minutes))
                      : tr("%Ln minute(s) ago", "relative time in the past", int(minutes));
    }
    const qint64 hours = rounded(1);
    if (hours < 24) {
        return future ? tr("in %Ln hour(s)", "relative time in the future", int(hours))
                      : tr("%Ln hour(s) ago", "relative time in the past", int(hours));
    }
    const int days = int(rounded(0));
    return future ? tr("in %Ln day(s)", "relative time in the future", days)
                  : tr("%Ln day(s) ago", "relative time in the past", days);
}

} // namespace Latchkey::Dashboard

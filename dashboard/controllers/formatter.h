#pragma once

#include <QLocale>
#include <QObject>
#include <QTimer>
#include <QtQmlIntegration>

#include <chrono>

namespace Latchkey::Dashboard {

/// Locale-aware formatting of what the API returns (unix-ms times, counts, millisecond
/// durations) for every page: `session.format.dateTime(key.createdAt)`.
///
/// The locale follows the language chosen in Settings. The shell rebuilds the visible page when
/// the language changes, so bindings that call these functions show the new format at once.
class Formatter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by the session")
    Q_PROPERTY(QLocale locale READ locale NOTIFY localeChanged)
    /// The time relative texts count from (unix ms): the clock's, announced anew every 15 s, so that
    /// a binding that reads it follows the time on a page left open (`format.relative(key.lastUsedAt,
    /// format.now)`): "last used 2 minutes ago", "expires in 2 hours" and "Expires …" / "Expired …"
    /// stayed as first shown for as long as the page was.
    Q_PROPERTY(double now READ now NOTIFY nowChanged)

public:
    explicit Formatter(QObject *parent = nullptr);

    [[nodiscard]] QLocale locale() const { return m_locale; }
    void setLocale(const QLocale &locale);
    [[nodiscard]] double now() const;
    /// Pins `now` at @p unixMs (tests); 0 gives it back to the clock.
    void setNow(qint64 unixMs);
    /// How often `now` is announced anew (tests shorten it).
    void setNowStep(std::chrono::milliseconds step) { m_nowStep.setInterval(step); }

    /// A unix-ms time as a short local date and time ("26.11.26, 14:05"); "" for 0 or absent.
    Q_INVOKABLE [[nodiscard]] QString dateTime(double unixMs) const;
    /// A unix-ms time as a short local date.
    Q_INVOKABLE [[nodiscard]] QString date(double unixMs) const;
    /// A count with the locale's grouping ("1,234,567" / "1.234.567").
    Q_INVOKABLE [[nodiscard]] QString number(double value, int decimals = 0) const;
    /// A millisecond duration in at most two units ("1 h 30 min", "250 ms", "2 d"), with
    /// no-break spaces: a wrapped text never breaks inside it.
    Q_INVOKABLE [[nodiscard]] QString duration(double milliseconds) const;
    /// A unix-ms time relative to @p from, `now` for 0 ("in 3 hours", "5 minutes ago", "just now").
    /// A binding passes `format.now`: it is then evaluated anew as the time goes on.
    Q_INVOKABLE [[nodiscard]] QString relative(double unixMs, double from = 0) const;

Q_SIGNALS:
    void localeChanged();
    void nowChanged();

private:
    [[nodiscard]] QString unit(qint64 count, int unitIndex) const;

    QLocale m_locale;
    qint64 m_nowMs = 0;
    QTimer m_nowStep;
};

} // namespace Latchkey::Dashboard

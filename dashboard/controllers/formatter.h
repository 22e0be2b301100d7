#pragma once

#include <QLocale>
#include <QObject>
#include <QtQmlIntegration>

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

public:
    explicit Formatter(QObject *parent = nullptr);

    [[nodiscard]] QLocale locale() const { return m_locale; }
    void setLocale(const QLocale &locale);
    /// Reference time for relative(); null = now (tests pin it).
    void setNow(qint64 unixMs) { m_nowMs = unixMs; }

    /// A unix-ms time as a short local date and time ("26.11.26, 14:05"); "" for 0 or absent.
    Q_INVOKABLE [[nodiscard]] QString dateTime(double unixMs) const;
    /// A unix-ms time as a short local date.
    Q_INVOKABLE [[nodiscard]] QString date(double unixMs) const;
    /// A count with the locale's grouping ("1,234,567" / "1.234.567").
    Q_INVOKABLE [[nodiscard]] QString number(double value, int decimals = 0) const;
    /// A millisecond duration in at most two units ("1 h 30 min", "250 ms", "2 d"), with
    /// no-break spaces: a wrapped text never breaks inside it.
    Q_INVOKABLE [[nodiscard]] QString duration(double milliseconds) const;
    /// A unix-ms time relative to now ("in 3 h", "5 min ago", "just now").
    Q_INVOKABLE [[nodiscard]] QString relative(double unixMs) const;

Q_SIGNALS:
    void localeChanged();

private:
    [[nodiscard]] QString unit(qint64 count, int unitIndex) const;

    QLocale m_locale;
    qint64 m_nowMs = 0;
};

} // namespace Latchkey::Dashboard

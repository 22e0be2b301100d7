#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace Latchkey::Dashboard {

/// Root keys in the desktop's secret service (qtkeychain: Secret Service / KWallet), one entry per
/// server URL. Where no secret service exists, writes fail and the vault says so (available()
/// turns false with a reason): the key is then not stored anywhere and the user is asked again.
/// Never falls back to a plaintext file.
class RootKeyVault : public QObject
{
    Q_OBJECT

public:
    /// @p service: the entries' service name (tests use their own).
    explicit RootKeyVault(const QString &service = QStringLiteral("latchkey-dashboard"), QObject *parent = nullptr);

    /// False after a write failed for want of a secret service, or when disabled.
    [[nodiscard]] bool available() const { return m_available; }
    /// Why keys are not stored ("" while available).
    [[nodiscard]] QString unavailableReason() const { return m_reason; }
    /// Tests and headless runs: never touch the secret service.
    void disable(const QString &reason);

    /// Stores @p rootKey for @p url; @p done(ok) on the GUI thread.
    void store(const QString &url, const QString &rootKey, QObject *context, std::function<void(bool)> done);
    /// Reads the key of @p url; @p done(key) with "" when none is stored or the vault failed.
    void read(const QString &url, QObject *context, std::function<void(const QString &)> done);
    /// Removes the key of @p url (best effort).
    void remove(const QString &url);

Q_SIGNALS:
    void availabilityChanged();

private:
    void markUnavailable(const QString &reason);

    QString m_service;
    bool m_available = true;
    QString m_reason;
};

} // namespace Latchkey::Dashboard

#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

namespace Latchkey::Dashboard {

/// Root keys in the desktop's secret service (qtkeychain: Secret Service / KWallet), one entry per
/// server URL. Where no secret service exists, or its keyring is locked, the vault says so
/// (available() turns false with a reason): no service is found by a probe at start-up (a read of
/// an entry that never exists, which prompts nobody) or at the latest when a write fails; a locked
/// keyring only when a write fails (libsecret does not unlock for it). The key is then not stored
/// anywhere and the user is asked again; a key stored before the keyring was locked reads as none.
/// Never falls back to a plaintext file.
class RootKeyVault : public QObject
{
    Q_OBJECT

public:
    /// @p service: the entries' service name (tests use their own).
    explicit RootKeyVault(const QString &service = QStringLiteral("latchkey-dashboard"), QObject *parent = nullptr);

    /// False once the start-up probe or a write found no secret service, or when disabled.
    [[nodiscard]] bool available() const { return m_available; }
    /// Why keys are not stored ("" while available), in the language of the moment it is asked:
    /// the vault keeps the reason's source text, so every later language change shows.
    [[nodiscard]] QString unavailableReason() const;
    /// The technical cause behind unavailableReason() (the secret service's error), for a tooltip
    /// or the log; empty when there is none.
    [[nodiscard]] QString unavailableDetail() const { return m_detail; }
    /// The start-up probe has answered (or the vault was disabled): available() is no guess.
    [[nodiscard]] bool probed() const { return m_probed; }
    /// Tests and headless runs: never touch the secret service.
    void disable(const QString &reason);
    /// Asks the secret service for an entry that does not exist, without prompting; availability
    /// turns false (availabilityChanged()) when none answers. Runs once by itself after
    /// construction unless disable() came first.
    void probe();

    /// Stores @p rootKey for @p url; @p done(ok) on the GUI thread.
    void store(const QString &url, const QString &rootKey, QObject *context, std::function<void(bool)> done);
    /// Reads the key of @p url; @p done(key) with "" when none is stored or the vault failed.
    void read(const QString &url, QObject *context, std::function<void(const QString &)> done);
    /// Removes the key of @p url (best effort).
    void remove(const QString &url);

Q_SIGNALS:
    void availabilityChanged();

private:
    void markUnavailable(const QString &reason, const QString &detail = {});
    static const char *noServiceReason();
    static const char *lockedReason();
    /// Until the probe answered, keeps @p job for later (true) instead of running it now.
    bool queueUntilProbed(std::function<void()> job);
    void runQueued();

    QString m_service;
    bool m_available = true;
    QString m_reason; ///< untranslated (our texts' source, or what disable() was given)
    QString m_detail;
    bool m_probing = false;
    bool m_probed = false;
    std::vector<std::function<void()>> m_queued;
};

} // namespace Latchkey::Dashboard

#include "rootkeyvault.h"

#include <qt6keychain/keychain.h>

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcVault, "latchkey.dashboard.vault")

namespace Latchkey::Dashboard {

namespace {

/// The entry the start-up probe asks for: never written, so a working secret service answers
/// EntryNotFound without any prompt.
constexpr auto kProbeKey = "latchkey-probe-entry-that-is-never-written";

} // namespace

RootKeyVault::RootKeyVault(const QString &service, QObject *parent) : QObject(parent), m_service(service)
{
    // Deferred: a disable() right after construction (tests, the self-test) wins, with no probe.
    QTimer::singleShot(0, this, &RootKeyVault::probe);
}

// The friendly status only: the secret service's error ("Failed to execute child process
// dbus-launch ...") means nothing to a user; it goes to unavailableDetail() and the log.
const char *RootKeyVault::noServiceReason()
{
    return QT_TR_NOOP("No keychain on this computer: the root key is not stored and will be asked again.");
}

// A locked keyring answers the probe (an entry that does not exist is not found either way), and
// libsecret does not offer to unlock it for a write: the write fails at once with AccessDenied
// ("Cannot create an item in a locked collection"), which deserves its own words.
const char *RootKeyVault::lockedReason()
{
    return QT_TR_NOOP("The keychain is locked: the root key is not stored and will be asked again. "
                      "Unlock the keychain to have keys remembered.");
}

QString RootKeyVault::unavailableReason() const
{
    return tr(m_reason.toUtf8().constData());
}

void RootKeyVault::probe()
{
    if (!m_available || m_probing)
        return;
    m_probing = true;
    // No parent: a vault destroyed while the probe runs must not delete a job that libsecret
    // still calls back into (it deletes itself when done; the connection dies with the vault).
    auto *job = new QKeychain::ReadPasswordJob(m_service, nullptr);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(QString::fromLatin1(kProbeKey));
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        m_probing = false;
        m_probed = true;
        const QKeychain::Error error = finished->error();
        // Found or not found: a secret service answered. Denied: one exists but is locked.
        const bool answered = error == QKeychain::NoError || error == QKeychain::EntryNotFound
            || error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser;
        if (!answered) {
            qCInfo(lcVault).noquote() << "no secret service at start-up:" << finished->errorString();
            if (m_available) // a disable() meanwhile keeps its own reason
                markUnavailable(QString::fromUtf8(noServiceReason()), finished->errorString());
        }
        runQueued();
    });
    job->start();
}

void RootKeyVault::disable(const QString &reason)
{
    m_probed = true; // nothing left to find out
    markUnavailable(reason);
    runQueued();
}

bool RootKeyVault::queueUntilProbed(std::function<void()> job)
{
    // A job beside the running probe was seen to report twice (qtkeychain, no secret service):
    // the vault's jobs wait for the probe's answer instead.
    if (m_probed)
        return false;
    m_queued.push_back(std::move(job));
    return true;
}

void RootKeyVault::runQueued()
{
    const std::vector<std::function<void()>> queued = std::exchange(m_queued, {});
    for (const auto &job : queued)
        job();
}

void RootKeyVault::markUnavailable(const QString &reason, const QString &detail)
{
    const bool changed = m_available || m_reason != reason || m_detail != detail;
    m_available = false;
    m_reason = reason;
    m_detail = detail;
    if (changed)
        Q_EMIT availabilityChanged();
}

void RootKeyVault::store(const QString &url, const QString &rootKey, QObject *context, std::function<void(bool)> done)
{
    if (queueUntilProbed([this, url, rootKey, guard = QPointer<QObject>(context), done] {
            if (guard)
                store(url, rootKey, guard, done);
        }))
        return;
    if (!m_available) {
        done(false);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file
    job->setKey(url);
    job->setTextData(rootKey);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [this, guard, done](QKeychain::Job *finished) {
        const QKeychain::Error error = finished->error();
        if (error != QKeychain::NoError) {
            qCInfo(lcVault).noquote() << "cannot store root key:" << finished->errorString() << "(error" << error << ")";
            const bool locked = error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser;
            markUnavailable(QString::fromUtf8(locked ? lockedReason() : noServiceReason()), finished->errorString());
        }
        if (guard)
            done(error == QKeychain::NoError);
    });
    job->start();
}

void RootKeyVault::read(const QString &url, QObject *context, std::function<void(const QString &)> done)
{
    if (queueUntilProbed([this, url, guard = QPointer<QObject>(context), done] {
            if (guard)
                read(url, guard, done);
        }))
        return;
    if (!m_available) {
        done({});
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(url);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [guard, done](QKeychain::Job *finished) {
        const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (finished->error() != QKeychain::NoError)
            qCInfo(lcVault).noquote() << "no stored root key:" << finished->errorString();
        if (guard)
            done(finished->error() == QKeychain::NoError ? readJob->textData() : QString());
    });
    job->start();
}

void RootKeyVault::remove(const QString &url)
{
    if (queueUntilProbed([this, url] { remove(url); }))
        return;
    if (!m_available)
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(url);
    job->start();
}

} // namespace Latchkey::Dashboard

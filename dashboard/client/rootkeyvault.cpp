#include "rootkeyvault.h"

#include <qt6keychain/keychain.h>

#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcVault, "latchkey.dashboard.vault")

namespace Latchkey::Dashboard {

RootKeyVault::RootKeyVault(const QString &service, QObject *parent) : QObject(parent), m_service(service) { }

void RootKeyVault::disable(const QString &reason)
{
    markUnavailable(reason);
}

void RootKeyVault::markUnavailable(const QString &reason)
{
    const bool changed = m_available || m_reason != reason;
    m_available = false;
    m_reason = reason;
    if (changed)
        Q_EMIT availabilityChanged();
}

void RootKeyVault::store(const QString &url, const QString &rootKey, QObject *context, std::function<void(bool)> done)
{
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
        const bool ok = finished->error() == QKeychain::NoError;
        if (!ok) {
            qCInfo(lcVault).noquote() << "cannot store root key:" << finished->errorString();
            markUnavailable(tr("No secret service is available (%1), so the root key is not stored; "
                               "you will be asked for it next time.").arg(finished->errorString()));
        }
        if (guard)
            done(ok);
    });
    job->start();
}

void RootKeyVault::read(const QString &url, QObject *context, std::function<void(const QString &)> done)
{
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
    if (!m_available)
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(url);
    job->start();
}

} // namespace Latchkey::Dashboard

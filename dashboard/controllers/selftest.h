#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

class QObject;

namespace Latchkey::Dashboard {

class DashboardApp;

/// `latchkey-dashboard --self-test`: boots the real window against an embedded server over a
/// temporary data folder with sample data, opens every page of PageRegistry.qml (light and dark,
/// English and German), and fails on any QML warning, binding loop or load error.
class SelfTest
{
public:
    /// Runs the whole check; returns the process exit code (0: clean).
    int run();

    /// Waits (processing events) until @p done() or @p timeoutMs pass; returns done().
    static bool waitUntil(const std::function<bool()> &done, int timeoutMs);
    /// Creates an API, a key owned by an identity, and a rate-limit namespace through the API;
    /// returns the sample the pages are opened with (apiId, keyId, identityId, externalId,
    /// namespaceName), empty on failure.
    static QVariantMap seedSample(DashboardApp &app);
    /// Opens every registered page of @p window (Main.qml) with @p sample; returns the pages
    /// that did not open.
    static QStringList openAllPages(QObject *window, DashboardApp &app, const QVariantMap &sample);
    /// The properties PageRegistry.qml's @p entry names, taken from @p sample (seedSample()'s keys).
    static QVariantMap pageProperties(const QVariantMap &entry, const QVariantMap &sample);
};

} // namespace Latchkey::Dashboard

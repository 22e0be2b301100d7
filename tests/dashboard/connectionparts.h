#pragma once

// The start screen's objects as DashboardApp wires them, for tests of connecting and of the
// root-key keychain (tst_connection, tst_keychain).
#include "connectioncontroller.h"
#include "rootkeyvault.h"
#include "session.h"

#include <QString>

namespace Latchkey::Test {

/// A Session, a RootKeyVault and the ConnectionController over both. One instance is one start
/// of the app: a second instance reads what the first remembered (QSettings, the keychain).
struct ConnectionParts {
    enum class Keychain { Disabled, Real };

    Dashboard::Session session;
    Dashboard::RootKeyVault vault{QStringLiteral("latchkey-dashboard-test")};
    Dashboard::ConnectionController *connection = nullptr;

    /// @p keychain Disabled: the vault never touches a secret service (as when none exists and
    /// the app knows it); Real: whatever secret service the session bus offers.
    explicit ConnectionParts(Keychain keychain = Keychain::Disabled)
    {
        if (keychain == Keychain::Disabled)
            vault.disable(QStringLiteral("no keychain in tests"));
        connection = new Dashboard::ConnectionController(&session, &vault, &session);
    }
};

} // namespace Latchkey::Test

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Latchkey::Core {

/// A freshly generated API key. The plaintext is handed to the caller once and never stored.
struct GeneratedKey {
    QString plaintext; ///< `[prefix_]base58(random bytes)`
    QString start; ///< `[prefix_]` + first 4 characters of the encoded part; safe to display
    QByteArray hash; ///< hashKey(plaintext), the stored lookup value
};

/// Generates a key the way Unkey's API does: @p byteLength bytes from the CSPRNG, base58
/// (Bitcoin alphabet) encoded, prefixed with `prefix_` when @p prefix is not empty.
/// The caller validates @p byteLength (16..255) and @p prefix (`^[a-zA-Z0-9_]{1,16}$`); this
/// function does not assert on them.
[[nodiscard]] GeneratedKey generateKey(QStringView prefix, int byteLength);

} // namespace Latchkey::Core

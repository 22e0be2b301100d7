#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Latchkey::Core {

/// The stored form of a key: `base64(SHA-256(plaintextKey))` with standard alphabet and `=`
/// padding, always 44 characters. This is the only form in which customer and root keys are
/// persisted or compared (DESIGN.md invariant 1), and it matches Unkey's stored hashes, so
/// migrated hashes verify unchanged.
[[nodiscard]] QByteArray hashKey(QByteArrayView plaintextKey);

} // namespace Latchkey::Core

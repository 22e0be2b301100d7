#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Latchkey::Core {

/// Encodes @p bytes in base58 with the Bitcoin alphabet
/// (`123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz`), the encoding Unkey uses for
/// generated keys. Every leading 0x00 byte becomes a leading '1'; an empty input gives an empty
/// result.
[[nodiscard]] QByteArray base58Encode(QByteArrayView bytes);

} // namespace Latchkey::Core

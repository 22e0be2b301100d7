#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Latchkey::Core {

/// @p count bytes from OpenSSL's CSPRNG (`RAND_bytes`). Aborts the process (qFatal) if the
/// generator fails: no key or id may ever be produced from weak randomness. A count <= 0 gives an
/// empty array.
[[nodiscard]] QByteArray secureRandomBytes(int count);

/// A new random identifier: @p prefix + "_" + 16 characters drawn uniformly (rejection sampling)
/// from `[A-Za-z0-9]`, e.g. `newId(u"key")` -> "key_3fX9aQ0b7LmN2pQr" (~95 bits of entropy).
[[nodiscard]] QString newId(QStringView prefix);

/// A new request id for the response envelope: "req_" + 16 random `[A-Za-z0-9]` characters.
/// Unique, not secret (ids are echoed and logged, and authorize nothing): drawn from a fast
/// per-thread generator (xoshiro256**) seeded with 256 bits from RAND_bytes, not from
/// RAND_bytes itself, because this runs on every request. Use newId() for anything secret.
[[nodiscard]] QString newRequestId();

} // namespace Latchkey::Core

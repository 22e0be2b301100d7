#pragma once

#include <QByteArrayView>

namespace Latchkey::Http {

/// Whether two header names are equal ignoring ASCII case. Compares the lengths first: most
/// names a lookup passes differ in length, and lookups run several times per request.
/// Engine-internal.
[[nodiscard]] inline bool headerNameEquals(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

} // namespace Latchkey::Http

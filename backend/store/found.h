#pragma once

#include "core/error.h"

#include <optional>

namespace Latchkey::Store {

/// A lookup's answer: nullopt when nothing matches, an error when the store could not read. A
/// failed read is never "not found": a client told 404 acts on it (drops what it holds, makes a
/// new owner, takes a key for unknown).
template<typename T> using Found = Core::Result<std::optional<T>>;

/// What @p found found; @p missing when it found nothing, its error when the read failed.
template<typename T> Core::Result<T> foundOr(Found<T> found, const Core::Error &missing)
{
    if (!found)
        return found.error();
    if (!*found)
        return missing;
    return std::move(**found);
}

} // namespace Latchkey::Store

#pragma once

struct sqlite3;

namespace Latchkey::Store {

/// Registers the text SQL functions on @p db (every connection of Database does, when it opens):
/// `lk_casefold(text) -> text`, QString::toCaseFolded() of its argument (NULL stays NULL). SQLite's
/// own LIKE and lower() fold only ASCII letters; this folds every letter Unicode gives a simple
/// case folding ("Ä" and "ä", "Σ" and "ς"), so a case-insensitive match works for any script.
/// False when SQLite refused (the reason is logged).
[[nodiscard]] bool registerTextFunctions(sqlite3 *db);

} // namespace Latchkey::Store

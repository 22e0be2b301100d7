#pragma once

#include <QList>
#include <QString>

namespace Latchkey::Store {

/// One schema migration: the statements that bring the schema from version-1 to version.
struct Migration {
    int version;
    QList<QString> statements;
};

/// All migrations in order. Appending is the only allowed change: released migrations are never
/// edited, so every database can be brought forward.
[[nodiscard]] const QList<Migration> &migrations();

} // namespace Latchkey::Store

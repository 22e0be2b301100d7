#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <optional>

struct sqlite3;

namespace Latchkey::Store {

/// A row of `keys` that a write changed: its id and (current) hash, the verification cache's key.
struct ChangedKey {
    QString id;
    QByteArray hash;
};

/// Which rows one write transaction changed, from SQLite's update hook, so that a write that only
/// touched rows of `keys` (and the audit log) invalidates those keys' cache entries instead of
/// every cached key (issue 6: Database::generation() was bumped by every mutation, so one
/// `keys.updateKey` made the next verification of *every* key reload it from the database).
///
/// Conservative by construction: a change to any other table, a deleted `keys` row, more than
/// maxKeys rows, or a row count the hook cannot account for (SQLite does not report some changes
/// to the hook, e.g. REPLACE conflict deletions; foreign-key actions are reported but not counted
/// in sqlite3_total_changes) all answer "not key-only", and the caller then marks every cache
/// stale as before. Relies on `keys.hash` never being updated in place (a reroll makes a new row).
///
/// Used by Database under its write lock: begin() / keyOnlyChanges() / end() on the writing
/// thread; the hook of every other connection ignores its changes. Thread-safe in that sense.
class WriteChanges
{
public:
    static constexpr int MaxKeys = 64;

    /// Per-connection hook context (owned by the connection's record in Database).
    struct Hook {
        WriteChanges *owner = nullptr;
        sqlite3 *handle = nullptr;
    };
    /// Installs the update hook on a connection; @p hook must live as long as the connection.
    static void attach(Hook &hook);

    /// Starts recording the changes of @p handle (the writer's connection).
    void begin(sqlite3 *handle);
    /// The `keys` rows changed since begin(), when nothing else was; call inside the transaction
    /// (it reads the rows' ids and hashes).
    [[nodiscard]] std::optional<QList<ChangedKey>> keyOnlyChanges();
    /// Stops recording.
    void end();

private:
    static void onUpdate(void *context, int operation, const char *database, const char *table, qint64 rowid);
    void note(int operation, const char *table, qint64 rowid);

    std::atomic<sqlite3 *> m_tracked {nullptr};
    QList<qint64> m_keyRows;
    qint64 m_reported = 0;
    qint64 m_totalBefore = 0;
    bool m_other = false;
};

} // namespace Latchkey::Store

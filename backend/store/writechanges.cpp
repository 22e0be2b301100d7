#include "store/writechanges.h"

#include <sqlite3.h>

#include <cstring>

namespace Latchkey::Store {

namespace {

// Tables whose rows no cache reads: changing them alone needs no invalidation beyond the keys.
bool cacheNeutral(const char *table)
{
    return std::strcmp(table, "audit_logs") == 0;
}

} // namespace

void WriteChanges::attach(Hook &hook)
{
    if (hook.handle)
        sqlite3_update_hook(hook.handle, &WriteChanges::onUpdate, &hook);
}

void WriteChanges::onUpdate(void *context, int operation, const char *, const char *table, qint64 rowid)
{
    const auto *hook = static_cast<const Hook *>(context);
    // Only the connection of the write being recorded counts; everyone else's changes (other
    // threads' reads never report; writes outside Database::write() are not tracked) are ignored.
    if (hook->owner->m_tracked.load(std::memory_order_acquire) == hook->handle)
        hook->owner->note(operation, table, rowid);
}

void WriteChanges::note(int operation, const char *table, qint64 rowid)
{
    ++m_reported;
    if (std::strcmp(table, "keys") == 0 && operation != SQLITE_DELETE) {
        if (!m_keyRows.contains(rowid))
            m_keyRows.append(rowid);
    } else if (!cacheNeutral(table)) {
        m_other = true;
    }
}

void WriteChanges::begin(sqlite3 *handle)
{
    m_keyRows.clear();
    m_reported = 0;
    m_other = false;
    m_totalBefore = handle ? sqlite3_total_changes64(handle) : 0;
    m_tracked.store(handle, std::memory_order_release);
}

std::optional<QList<ChangedKey>> WriteChanges::keyOnlyChanges()
{
    sqlite3 *handle = m_tracked.load(std::memory_order_acquire);
    if (!handle || m_other || m_keyRows.isEmpty() || m_keyRows.size() > MaxKeys
        || m_reported != sqlite3_total_changes64(handle) - m_totalBefore)
        return std::nullopt;
    sqlite3_stmt *select = nullptr;
    if (sqlite3_prepare_v2(handle, "SELECT id, hash FROM keys WHERE rowid = ?1", -1, &select, nullptr) != SQLITE_OK) {
        sqlite3_finalize(select);
        return std::nullopt;
    }
    QList<ChangedKey> changed;
    for (const qint64 rowid : std::as_const(m_keyRows)) {
        sqlite3_bind_int64(select, 1, rowid);
        if (sqlite3_step(select) != SQLITE_ROW)
            break;
        const auto *id = reinterpret_cast<const char *>(sqlite3_column_text(select, 0));
        const auto *hash = reinterpret_cast<const char *>(sqlite3_column_text(select, 1));
        changed.append({QString::fromUtf8(id), QByteArray(hash, sqlite3_column_bytes(select, 1))});
        sqlite3_reset(select);
    }
    sqlite3_finalize(select);
    if (changed.size() != m_keyRows.size())
        return std::nullopt; // a row we cannot name: stay on the safe side
    return changed;
}

void WriteChanges::end()
{
    m_tracked.store(nullptr, std::memory_order_release);
}

} // namespace Latchkey::Store

#pragma once

#include "store/writechanges.h"

#include <QByteArray>
#include <QHash>
#include <QReadWriteLock>

#include <array>
#include <atomic>
#include <memory>
#include <optional>

namespace Latchkey::Api {

struct VerifiableKey;

/// The verification cache: key hash -> immutable, shared VerifiableKey, or "no such key".
///
/// Entries are tagged with the Database::generation() read *before* they were loaded; a lookup
/// with a newer generation misses, so any committed mutation is seen by the very next
/// verification (invariant 7). A write that changed only rows of `keys` does not move the
/// generation: the database names the changed keys and invalidateKeys() drops just their entries
/// (negative ones included: a new key's hash may have been cached as unknown). Negative results
/// (unknown hashes) are cached like keys. A hit does no database I/O and copies one shared_ptr.
///
/// A loader that read the database before a per-key invalidation must not store what it read
/// after it: insert() takes invalidations() as read before loading and refuses the entry when an
/// invalidation came in between.
///
/// Bounded: each of ShardCount shards holds at most capacity / ShardCount entries; a full shard
/// first drops its stale entries (once per generation), then its negative entries (so a flood of
/// unknown keys does not evict the keys in use), and if that leaves it more than half full, all of
/// them (amortised O(1) per insert). Shards have their own read-write lock, so concurrent hits
/// never contend on one lock. Thread-safe.
class VerificationCache
{
public:
    using Entry = std::shared_ptr<const VerifiableKey>; ///< null: the hash is known not to exist

    explicit VerificationCache(qsizetype capacity = 200'000);
    ~VerificationCache();
    VerificationCache(const VerificationCache &) = delete;
    VerificationCache &operator=(const VerificationCache &) = delete;

    /// The entry for @p hash if it was loaded at @p generation; nullopt on a miss.
    [[nodiscard]] std::optional<Entry> find(const QByteArray &hash, quint64 generation) const;

    /// Stores @p entry (null for "not found") as loaded at @p generation; with
    /// @p invalidationsAtLoad (invalidations() read before loading), only if no per-key
    /// invalidation happened since.
    void insert(const QByteArray &hash, quint64 generation, Entry entry,
                std::optional<quint64> invalidationsAtLoad = std::nullopt);

    /// Drops the entries of these keys' hashes (per-key invalidation after a committed write).
    void invalidateKeys(const QList<Store::ChangedKey> &keys);
    /// Per-key invalidations so far (read before loading, passed to insert()).
    [[nodiscard]] quint64 invalidations() const { return m_invalidations.load(std::memory_order_acquire); }

    void clear();
    [[nodiscard]] qsizetype size() const;

    static constexpr int ShardCount = 16;

private:
    struct Slot {
        quint64 generation = 0;
        Entry entry;
    };
    struct Shard {
        mutable QReadWriteLock lock;
        QHash<QByteArray, Slot> slots;
        quint64 sweptGeneration = 0; ///< generation of the last sweep for stale entries
    };

    Shard &shardFor(const QByteArray &hash) const;
    void makeRoom(Shard &shard, quint64 generation);

    qsizetype m_shardCapacity;
    std::atomic<quint64> m_invalidations {0};
    std::array<std::unique_ptr<Shard>, ShardCount> m_shards;
};

} // namespace Latchkey::Api

#include "api/verificationcache.h"

#include "api/verifier.h"

#include <algorithm>

namespace Latchkey::Api {

VerificationCache::VerificationCache(qsizetype capacity)
    : m_shardCapacity(std::max<qsizetype>(1, capacity / ShardCount))
{
    for (auto &shard : m_shards)
        shard = std::make_unique<Shard>();
}

VerificationCache::~VerificationCache() = default;

VerificationCache::Shard &VerificationCache::shardFor(const QByteArray &hash) const
{
    // The hash is base64 of SHA-256: any of its characters is uniformly spread already.
    const uchar spread = hash.isEmpty() ? 0 : uchar(hash.at(hash.size() / 2));
    return *m_shards[spread % ShardCount];
}

std::optional<VerificationCache::Entry> VerificationCache::find(const QByteArray &hash, quint64 generation) const
{
    Shard &shard = shardFor(hash);
    QReadLocker locker(&shard.lock);
    const auto it = shard.slots.constFind(hash);
    if (it == shard.slots.constEnd() || it->generation != generation)
        return std::nullopt;
    return it->entry;
}

void VerificationCache::insert(const QByteArray &hash, quint64 generation, Entry entry,
                               std::optional<quint64> invalidationsAtLoad)
{
    Shard &shard = shardFor(hash);
    QWriteLocker locker(&shard.lock);
    // invalidateKeys() counts first, then takes the shard lock: checked under the lock, an entry
    // read before an invalidation is either refused here or removed by it.
    if (invalidationsAtLoad && *invalidationsAtLoad != m_invalidations.load(std::memory_order_acquire))
        return;
    if (shard.slots.size() >= m_shardCapacity && !shard.slots.contains(hash))
        makeRoom(shard, generation);
    Slot &slot = shard.slots[hash];
    // A slower loader that read an older generation must not replace a fresher entry.
    if (slot.generation > generation)
        return;
    slot.generation = generation;
    slot.entry = std::move(entry);
}

void VerificationCache::makeRoom(Shard &shard, quint64 generation)
{
    // Stale entries go first, but a sweep is a full scan, so it runs once per generation only;
    // when everything is current the shard starts over (amortised O(1), and a flood of unknown
    // keys cannot turn every miss into a scan).
    if (shard.sweptGeneration != generation) {
        shard.sweptGeneration = generation;
        shard.slots.removeIf(
            [generation](const QHash<QByteArray, Slot>::iterator &it) { return it->generation != generation; });
    }
    if (shard.slots.size() >= m_shardCapacity) {
        // Then the unknown keys: a flood of random keys must not evict the keys in use (each
        // eviction is a database read on that key's next verification). The scan has to free
        // at least half the shard, or the next inserts would scan again: else start over.
        shard.slots.removeIf([](const QHash<QByteArray, Slot>::iterator &it) { return !it->entry; });
        if (shard.slots.size() > m_shardCapacity / 2)
            shard.slots.clear();
    }
}

void VerificationCache::invalidateKeys(const QList<Store::ChangedKey> &keys)
{
    m_invalidations.fetch_add(1, std::memory_order_acq_rel);
    for (const Store::ChangedKey &key : keys) {
        Shard &shard = shardFor(key.hash);
        QWriteLocker locker(&shard.lock);
        shard.slots.remove(key.hash);
    }
}

void VerificationCache::clear()
{
    for (auto &shard : m_shards) {
        QWriteLocker locker(&shard->lock);
        shard->slots.clear();
    }
}

qsizetype VerificationCache::size() const
{
    qsizetype total = 0;
    for (const auto &shard : m_shards) {
        QReadLocker locker(&shard->lock);
        total += shard->slots.size();
    }
    return total;
}

} // namespace Latchkey::Api

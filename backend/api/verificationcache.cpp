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

void VerificationCache::insert(const QByteArray &hash, quint64 generation, Entry entry)
{
    Shard &shard = shardFor(hash);
    QWriteLocker locker(&shard.lock);
    if (shard.slots.size() >= m_shardCapacity && !shard.slots.contains(hash)) {
        for (auto it = shard.slots.begin(); it != shard.slots.end();)
            it = it->generation != generation ? shard.slots.erase(it) : std::next(it);
        if (shard.slots.size() >= m_shardCapacity)
            shard.slots.erase(shard.slots.begin());
    }
    Slot &slot = shard.slots[hash];
    // A slower loader that read an older generation must not replace a fresher entry.
    if (slot.generation > generation)
        return;
    slot.generation = generation;
    slot.entry = std::move(entry);
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

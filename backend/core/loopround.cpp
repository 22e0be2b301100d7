#include "core/loopround.h"

#include <utility>
#include <vector>

namespace Latchkey::Core::LoopRound {

namespace {

struct Deferred {
    const void *key = nullptr;
    std::function<void()> work;
};

struct Round {
    bool enabled = false;
    std::vector<Deferred> deferred;

    ~Round() { endRound(); } // the thread finishes: nothing deferred is lost
};

thread_local Round t_round;

} // namespace

void enableForCurrentThread()
{
    t_round.enabled = true;
}

bool isDeferred(const void *key)
{
    for (const Deferred &entry : std::as_const(t_round.deferred)) {
        if (entry.key == key)
            return true;
    }
    return false;
}

bool deferToEndOfRound(const void *key, const std::function<void()> &work)
{
    if (!t_round.enabled)
        return false;
    if (!isDeferred(key))
        t_round.deferred.push_back({key, work});
    return true;
}

void endRound()
{
    if (t_round.deferred.empty())
        return;
    // Work deferred while these run belongs to the next round.
    std::vector<Deferred> due;
    due.swap(t_round.deferred);
    for (const Deferred &entry : std::as_const(due))
        entry.work();
    due.clear();
    if (t_round.deferred.empty())
        t_round.deferred.swap(due); // keeps the capacity: no allocation per round
}

} // namespace Latchkey::Core::LoopRound

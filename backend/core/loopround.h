#pragma once

#include <functional>

namespace Latchkey::Core {

/// Work a thread defers to the end of its event loop's current round, that is until it has
/// handled everything that was ready and is about to wait for more (issue 6: the HTTP worker
/// wakes the credit commit thread once per round, not at its first spend, so the spends of all
/// the connections a round served share one transaction instead of the commit thread, woken
/// at once on the shared core, taking them one or two at a time). At low load a round is one
/// request, so nothing waits longer than before.
///
/// A thread takes part by calling enableForCurrentThread() and then endRound() whenever its
/// loop is about to block (the HTTP worker connects it to QAbstractEventDispatcher::aboutToBlock).
/// Everywhere else deferToEndOfRound() returns false and the caller does the work at once.
namespace LoopRound {

/// The calling thread ends its rounds with endRound() from now on, and runs what is still
/// deferred when it finishes.
void enableForCurrentThread();

/// Runs @p work at the end of the calling thread's current round, once per round however often
/// it is deferred with the same @p key meanwhile, and returns true; returns false (and does
/// nothing) when the calling thread has no rounds. @p work must not throw; it may defer again
/// (for the next round).
bool deferToEndOfRound(const void *key, const std::function<void()> &work);

/// Whether @p key is deferred in the calling thread's current round (saves building the work).
[[nodiscard]] bool isDeferred(const void *key);

/// Ends the calling thread's round: runs what was deferred, in the order it was deferred.
void endRound();

} // namespace LoopRound

} // namespace Latchkey::Core

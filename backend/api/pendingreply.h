#pragma once

#include "api/apicontext.h"
#include "core/error.h"

#include <functional>
#include <mutex>
#include <optional>

namespace Latchkey::Api {


/// A handler's answer that arrives later, from any thread (keys.verifyKey of a key with credits
/// answers when its group-committed spend lands). The handler returns an ApiReply whose `pending`
/// is set; the router installs the continuation that wraps the answer in the envelope, logs it
/// and hands it to the HTTP engine (Http::DeferredResponse), so the worker's event loop never
/// waits for the commit.
///
/// complete() and onComplete() may come in either order and from any threads; the continuation
/// runs exactly once, on the thread of whichever of the two came last. Thread-safe.
class PendingReply
{
public:
    using Continuation = std::function<void(Core::Result<ApiReply>)>;

    PendingReply();
    ~PendingReply();
    PendingReply(const PendingReply &) = delete;
    PendingReply &operator=(const PendingReply &) = delete;

    /// The handler's answer (first call wins).
    void complete(Core::Result<ApiReply> reply);
    /// The router's continuation (once).
    void onComplete(Continuation continuation);

private:
    std::mutex m_mutex;
    std::optional<Core::Result<ApiReply>> m_reply;
    Continuation m_continuation;
    bool m_delivered = false;
};

} // namespace Latchkey::Api

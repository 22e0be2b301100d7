#include "api/pendingreply.h"

#include "api/apicontext.h"

namespace Latchkey::Api {

PendingReply::PendingReply() = default;
PendingReply::~PendingReply() = default;

void PendingReply::complete(Core::Result<ApiReply> reply)
{
    Continuation continuation;
    {
        std::lock_guard lock(m_mutex);
        if (m_reply || m_delivered)
            return;
        if (!m_continuation) {
            m_reply.emplace(std::move(reply));
            return;
        }
        continuation = std::move(m_continuation);
        m_delivered = true;
    }
    // Outside the lock: the continuation builds and sends the response.
    continuation(std::move(reply));
}

void PendingReply::onComplete(Continuation continuation)
{
    std::optional<Core::Result<ApiReply>> ready;
    {
        std::lock_guard lock(m_mutex);
        if (!m_reply) {
            m_continuation = std::move(continuation);
            return;
        }
        ready = std::move(m_reply);
        m_reply.reset();
        m_delivered = true;
    }
    continuation(std::move(*ready));
}

} // namespace Latchkey::Api

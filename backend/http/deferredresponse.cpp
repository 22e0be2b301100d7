#include "http/deferredresponse.h"

namespace Latchkey::Http {

bool DeferredResponse::complete(Response response)
{
    std::lock_guard lock(m_mutex);
    if (m_completed || m_abandoned)
        return false;
    m_completed = true;
    m_response = std::move(response);
    if (m_wake)
        m_wake();
    m_completedChanged.notify_all();
    return true;
}

bool DeferredResponse::isAbandoned() const
{
    std::lock_guard lock(m_mutex);
    return m_abandoned;
}

bool DeferredResponse::attach(std::function<void()> wake)
{
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
    return m_completed;
}

std::optional<Response> DeferredResponse::take()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_response, std::nullopt);
}

std::optional<Response> DeferredResponse::waitAndTake(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    m_completedChanged.wait_for(lock, timeout, [this] { return m_completed; });
    return std::exchange(m_response, std::nullopt);
}

void DeferredResponse::abandon()
{
    std::lock_guard lock(m_mutex);
    m_abandoned = true;
    m_wake = nullptr;
    m_response.reset();
}

} // namespace Latchkey::Http

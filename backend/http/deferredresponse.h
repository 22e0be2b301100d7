#pragma once

#include "http/httpmessage.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

namespace Latchkey::Http {

/// A response the handler finishes later, from any thread: for work that completes elsewhere
/// (a group commit landing on another thread) without blocking the worker's event loop meanwhile.
///
/// A handler returns one in Response::deferred (the rest of that Response is ignored). The
/// connection then waits without reading further requests (pipelined ones stay queued, so
/// responses keep their order) until complete() is called, writes that response, and goes on.
/// If the client disconnects or the server shuts down first, the response is dropped; if nothing
/// completes it within the server's request timeout, the client gets a 503 and the connection
/// closes. Thread-safe.
///
/// @code
/// auto deferred = std::make_shared<Http::DeferredResponse>();
/// committer.spendAsync(cost, [deferred](bool ok) { deferred->complete(answer(ok)); });
/// Http::Response response;
/// response.deferred = deferred;
/// return response;
/// @endcode
class DeferredResponse
{
public:
    DeferredResponse() = default;
    DeferredResponse(const DeferredResponse &) = delete;
    DeferredResponse &operator=(const DeferredResponse &) = delete;

    /// Sets the response; the first call wins. Returns false when it was completed before, or
    /// the connection is gone (the response will never be sent).
    bool complete(Response response);
    /// Whether the connection that waited for this response is gone (client, shutdown, timeout).
    [[nodiscard]] bool isAbandoned() const;

    // Engine side.
    /// Installs the function that wakes the connection once complete() was called (called under
    /// the lock, from the completing thread: it must only post). Returns whether the response is
    /// already there.
    bool attach(std::function<void()> wake);
    /// Takes the completed response (once).
    [[nodiscard]] std::optional<Response> take();
    /// The connection is gone: later complete() calls return false and wake nobody.
    void abandon();

    /// For callers without an event loop (in-process tests, the callgrind driver): blocks until
    /// complete() was called, at most @p timeout, and takes the response (nullopt on timeout).
    [[nodiscard]] std::optional<Response> waitAndTake(std::chrono::milliseconds timeout);

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_completedChanged;
    std::optional<Response> m_response;
    std::function<void()> m_wake;
    bool m_completed = false;
    bool m_abandoned = false;
};

} // namespace Latchkey::Http

#pragma once

#include "core/events.h"

#include <QtGlobal>

#include <atomic>
#include <bit>
#include <cstddef>
#include <memory>
#include <new>
#include <variant>

namespace Latchkey::Analytics {

/// A bounded multi-producer queue (Dmitry Vyukov's array queue): push() and pop() are lock-free,
/// never wait and never allocate — every slot is allocated up front, and an element is moved into
/// and out of its slot. push() on a full queue fails at once; the caller counts the drop.
///
/// Any number of threads may push and pop concurrently; the analytics writer is the only popper.
template<class T> class BoundedQueue
{
public:
    /// @p capacity is rounded up to a power of two (at least 2).
    explicit BoundedQueue(std::size_t capacity)
        : m_mask(std::bit_ceil(std::max<std::size_t>(capacity, 2)) - 1)
        , m_cells(std::make_unique<Cell[]>(m_mask + 1))
    {
        for (std::size_t i = 0; i <= m_mask; ++i)
            m_cells[i].sequence.store(i, std::memory_order_relaxed);
    }

    BoundedQueue(const BoundedQueue &) = delete;
    BoundedQueue &operator=(const BoundedQueue &) = delete;

    /// Moves @p value in; false (and @p value untouched) when the queue is full.
    [[nodiscard]] bool push(T &&value)
    {
        std::size_t position = m_enqueue.load(std::memory_order_relaxed);
        Cell *cell = nullptr;
        for (;;) {
            cell = &m_cells[position & m_mask];
            const std::size_t sequence = cell->sequence.load(std::memory_order_acquire);
            const auto difference = std::ptrdiff_t(sequence) - std::ptrdiff_t(position);
            if (difference == 0) {
                if (m_enqueue.compare_exchange_weak(position, position + 1, std::memory_order_relaxed))
                    break;
            } else if (difference < 0) {
                return false;
            } else {
                position = m_enqueue.load(std::memory_order_relaxed);
            }
        }
        cell->value = std::move(value);
        cell->sequence.store(position + 1, std::memory_order_release);
        return true;
    }

    /// Moves the oldest element into @p out; false when there is none (ready).
    [[nodiscard]] bool pop(T &out)
    {
        std::size_t position = m_dequeue.load(std::memory_order_relaxed);
        Cell *cell = nullptr;
        for (;;) {
            cell = &m_cells[position & m_mask];
            const std::size_t sequence = cell->sequence.load(std::memory_order_acquire);
            const auto difference = std::ptrdiff_t(sequence) - std::ptrdiff_t(position + 1);
            if (difference == 0) {
                if (m_dequeue.compare_exchange_weak(position, position + 1, std::memory_order_relaxed))
                    break;
            } else if (difference < 0) {
                return false;
            } else {
                position = m_dequeue.load(std::memory_order_relaxed);
            }
        }
        out = std::move(cell->value);
        cell->sequence.store(position + m_mask + 1, std::memory_order_release);
        return true;
    }

    [[nodiscard]] std::size_t capacity() const { return m_mask + 1; }
    /// How many pushes have succeeded since construction.
    [[nodiscard]] std::size_t pushed() const { return m_enqueue.load(std::memory_order_acquire); }
    /// How many elements are waiting (approximate while others push or pop).
    [[nodiscard]] std::size_t size() const
    {
        const std::size_t dequeued = m_dequeue.load(std::memory_order_acquire);
        const std::size_t enqueued = m_enqueue.load(std::memory_order_acquire);
        return enqueued > dequeued ? enqueued - dequeued : 0;
    }

private:
    struct Cell {
        std::atomic<std::size_t> sequence {0};
        T value {};
    };

    const std::size_t m_mask;
    std::unique_ptr<Cell[]> m_cells;
    // Producers and the consumer each own a cache line, so they do not slow each other down.
    alignas(64) std::atomic<std::size_t> m_enqueue {0};
    alignas(64) std::atomic<std::size_t> m_dequeue {0};
};

/// One recorded event: a verification or a rate-limit decision.
using AnalyticsEvent = std::variant<Core::VerificationEvent, Core::RatelimitEvent>;

/// The queue between the request threads and the analytics writer.
using EventQueue = BoundedQueue<AnalyticsEvent>;

} // namespace Latchkey::Analytics

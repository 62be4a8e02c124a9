#pragma once

#include <atomic>

namespace techo::net {

// A cancel flag shared between a worker (which polls it) and a GUI or CLI thread (which sets it).
// Cancelling is one-way: a token stays cancelled. HttpClient polls it at least every 50 ms.
class CancelToken final {
public:
    void cancel() noexcept { m_cancelled.store(true, std::memory_order_release); }
    [[nodiscard]] bool isCancelled() const noexcept { return m_cancelled.load(std::memory_order_acquire); }

private:
    std::atomic<bool> m_cancelled {false};
};

} // namespace techo::net

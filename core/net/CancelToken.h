#pragma once

#include <atomic>
#include <chrono>

namespace techo::net {

// A cancel flag shared between a worker (which polls it) and a GUI or CLI thread (which sets it).
// Cancelling is one-way: a token stays cancelled. HttpClient polls it at least every 50 ms.
class CancelToken final {
public:
    // Async-signal-safe (one lock-free store): techo-cli calls it from its SIGINT handler. That is also
    // why waiting threads poll the flag instead of sleeping on a condition variable.
    void cancel() noexcept { m_cancelled.store(true, std::memory_order_release); }
    [[nodiscard]] bool isCancelled() const noexcept { return m_cancelled.load(std::memory_order_acquire); }

    // Sleeps for `duration` (a zero or negative one returns at once), looking at the flag every
    // kPollSlice. Returns true when the token was cancelled before or during the wait (the wait then
    // ends within one slice), false when the whole duration passed.
    [[nodiscard]] bool sleepFor(std::chrono::milliseconds duration) const;

    // The same for an optional token: without one (nullptr) it simply sleeps and returns false.
    [[nodiscard]] static bool sleepFor(const CancelToken* token, std::chrono::milliseconds duration);

    static constexpr std::chrono::milliseconds kPollSlice {20};

private:
    static_assert(std::atomic<bool>::is_always_lock_free, "cancel() must stay async-signal-safe");
    std::atomic<bool> m_cancelled {false};
};

} // namespace techo::net

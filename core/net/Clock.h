#pragma once

#include "core/net/CancelToken.h"

#include <chrono>
#include <memory>

namespace techo::net {

// Time as the network code sees it: the steady clock for deadlines, the system clock for HTTP dates
// (Retry-After) and telegram ids, and the waits between attempts and polls. It is injected through
// HttpOptions::clock so tests can record the waits the code asks for (backoff, Retry-After, polling)
// and let virtual time pass instead of spending real seconds.
class Clock {
public:
    Clock() = default;
    virtual ~Clock() = default;
    Clock(const Clock&) = delete;
    Clock& operator=(const Clock&) = delete;

    [[nodiscard]] virtual std::chrono::steady_clock::time_point now() const = 0;
    [[nodiscard]] virtual std::chrono::system_clock::time_point wallNow() const = 0;
    // Waits `duration` unless `cancel` (may be null) is or becomes cancelled. Returns true when cancelled.
    [[nodiscard]] virtual bool sleepFor(std::chrono::milliseconds duration, const CancelToken* cancel) = 0;

    // The real clocks, with CancelToken::sleepFor; one shared instance, safe from any thread.
    [[nodiscard]] static std::shared_ptr<Clock> system();
};

} // namespace techo::net

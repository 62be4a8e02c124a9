#pragma once

#include "core/net/Clock.h"

#include <chrono>
#include <functional>
#include <mutex>
#include <vector>

namespace techo::test {

// A Clock for tests: virtual time that moves only when the code under test asks to wait. It records
// every wait (so a test asserts what was asked: the Retry-After value, the backoff schedule, the poll
// interval) and lets a hook run inside each wait (to start a server, or to cancel).
class RecordingClock final : public net::Clock {
public:
    [[nodiscard]] std::chrono::steady_clock::time_point now() const override
    {
        const std::lock_guard lock(m_mutex);
        return m_steady;
    }
    [[nodiscard]] std::chrono::system_clock::time_point wallNow() const override
    {
        const std::lock_guard lock(m_mutex);
        return m_wall;
    }
    [[nodiscard]] bool sleepFor(std::chrono::milliseconds duration, const net::CancelToken* cancel) override
    {
        {
            const std::lock_guard lock(m_mutex);
            m_waits.push_back(duration);
            m_steady += duration;
            m_wall += duration;
        }
        if (onSleep)
            onSleep(duration);
        return cancel != nullptr && cancel->isCancelled();
    }

    void setWallTime(std::chrono::system_clock::time_point when)
    {
        const std::lock_guard lock(m_mutex);
        m_wall = when;
    }
    [[nodiscard]] std::vector<std::chrono::milliseconds> waits() const
    {
        const std::lock_guard lock(m_mutex);
        return m_waits;
    }

    std::function<void(std::chrono::milliseconds)> onSleep; // set before use; runs on the waiting thread

private:
    mutable std::mutex m_mutex;
    std::chrono::steady_clock::time_point m_steady {std::chrono::hours(1)};
    std::chrono::system_clock::time_point m_wall {std::chrono::system_clock::now()};
    std::vector<std::chrono::milliseconds> m_waits;
};

} // namespace techo::test

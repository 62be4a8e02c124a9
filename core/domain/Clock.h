#pragma once

#include "core/domain/Dates.h"

#include <functional>

namespace techo::domain {

// The time as core sees it. Injected wherever "now" or "today" decides something (the future-date rule,
// current medicines, import stamps), so tests and benchmarks can fix it; an empty Clock means the system clock.
struct Clock {
    std::function<Timestamp()> source;

    [[nodiscard]] Timestamp now() const { return source ? source() : nowUtc(); }
    // Today in Japan (UTC+9, no daylight saving): the calendar the records' dates are written in.
    [[nodiscard]] Date todayInJapan() const
    {
        return Date {std::chrono::floor<std::chrono::days>(now() + std::chrono::hours(9))};
    }
    // A clock stopped at one instant.
    [[nodiscard]] static Clock fixed(Timestamp at)
    {
        return Clock {[at] { return at; }};
    }
};

} // namespace techo::domain

#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace techo::domain {

// A calendar date with no time zone (a checkup day, a birth date).
using Date = std::chrono::year_month_day;
// An instant in UTC, to the second (when something was fetched, granted, revoked).
using Timestamp = std::chrono::sys_seconds;

// Strict ISO 'YYYY-MM-DD' (exactly 10 characters, a real calendar day); anything else is nullopt.
[[nodiscard]] std::optional<Date> parseDate(std::string_view text);
// 'YYYY-MM-DD'. Only meaningful for storable dates (see isStorableDate).
[[nodiscard]] std::string formatDate(Date date);
// Years 0001–9999 with a valid month and day: the range whose text form sorts like the dates do.
[[nodiscard]] bool isStorableDate(Date date) noexcept;

// Strict UTC 'YYYY-MM-DDTHH:MM:SSZ' (no offsets, no fractions, no leap second); anything else is nullopt.
[[nodiscard]] std::optional<Timestamp> parseTimestamp(std::string_view text);
// 'YYYY-MM-DDTHH:MM:SSZ'. Only meaningful for storable timestamps (see isStorableTimestamp).
[[nodiscard]] std::string formatTimestamp(Timestamp timestamp);
[[nodiscard]] bool isStorableTimestamp(Timestamp timestamp) noexcept;

// The current time, truncated to whole seconds.
[[nodiscard]] Timestamp nowUtc();

// Convenience for literals in code and tests: makeDate(2024, 4, 1).
[[nodiscard]] constexpr Date makeDate(int year, unsigned month, unsigned day) noexcept
{
    return Date {std::chrono::year {year}, std::chrono::month {month}, std::chrono::day {day}};
}

} // namespace techo::domain

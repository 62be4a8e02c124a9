#pragma once

// Calendar dates as days since 1970-01-01, with the compact (YYYYMMDD) and ISO forms the API uses.

#include <chrono>
#include <compare>
#include <cstdio>
#include <optional>
#include <string>

namespace techo::sandbox {

struct Date {
    int days = 0; // since 1970-01-01

    static Date fromYmd(int y, int m, int d)
    {
        const std::chrono::year_month_day ymd {std::chrono::year {y}, std::chrono::month {static_cast<unsigned>(m)},
            std::chrono::day {static_cast<unsigned>(d)}};
        return Date {static_cast<int>(std::chrono::sys_days {ymd}.time_since_epoch().count())};
    }
    static bool valid(int y, int m, int d)
    {
        return m >= 1 && m <= 12 && d >= 1 && d <= 31
            && std::chrono::year_month_day {std::chrono::year {y}, std::chrono::month {static_cast<unsigned>(m)},
                std::chrono::day {static_cast<unsigned>(d)}}
                   .ok();
    }
    // "YYYYMMDD" → Date; nullopt unless exactly 8 digits forming a real date.
    static std::optional<Date> parseCompact(const std::string& text)
    {
        if (text.size() != 8)
            return std::nullopt;
        for (char c : text)
            if (c < '0' || c > '9')
                return std::nullopt;
        const int y = std::stoi(text.substr(0, 4));
        const int m = std::stoi(text.substr(4, 2));
        const int d = std::stoi(text.substr(6, 2));
        if (!valid(y, m, d))
            return std::nullopt;
        return fromYmd(y, m, d);
    }

    [[nodiscard]] std::chrono::year_month_day ymd() const
    {
        return std::chrono::year_month_day {std::chrono::sys_days {std::chrono::days {days}}};
    }
    [[nodiscard]] int year() const { return static_cast<int>(ymd().year()); }
    [[nodiscard]] int month() const { return static_cast<int>(static_cast<unsigned>(ymd().month())); }
    [[nodiscard]] int day() const { return static_cast<int>(static_cast<unsigned>(ymd().day())); }
    // Day of week, 0 = Sunday.
    [[nodiscard]] int weekday() const { return (days % 7 + 11) % 7; }

    [[nodiscard]] std::string compact() const { return format("%04d%02d%02d"); }
    [[nodiscard]] std::string iso() const { return format("%04d-%02d-%02d"); }
    [[nodiscard]] std::string yearMonth() const
    {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d%02d", year(), month());
        return buf;
    }

    [[nodiscard]] Date plusDays(int n) const { return Date {days + n}; }
    // Adds calendar months, clamping the day to the end of the target month.
    [[nodiscard]] Date plusMonths(int n) const
    {
        int total = year() * 12 + (month() - 1) + n;
        const int y = total / 12;
        const int m = total % 12 + 1;
        int d = day();
        while (d > 28 && !valid(y, m, d))
            --d;
        return fromYmd(y, m, d);
    }
    [[nodiscard]] Date plusYears(int n) const { return plusMonths(12 * n); }
    // Completed years of age on date `on` for someone born on *this.
    [[nodiscard]] int ageOn(Date on) const
    {
        int age = on.year() - year();
        if (on.month() < month() || (on.month() == month() && on.day() < day()))
            --age;
        return age;
    }

    auto operator<=>(const Date&) const = default;

private:
    [[nodiscard]] std::string format(const char* pattern) const
    {
        char buf[16];
        std::snprintf(buf, sizeof buf, pattern, year(), month(), day());
        return buf;
    }
};

} // namespace techo::sandbox

#include "core/domain/Dates.h"

namespace techo::domain {
namespace {

// Reads exactly `count` ASCII digits (no sign, no spaces: std::from_chars and strtol accept too much).
bool readDigits(std::string_view text, std::size_t pos, std::size_t count, int& out)
{
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

void appendPadded(std::string& out, int value, int width)
{
    char digits[4] = {};
    for (int i = width - 1; i >= 0; --i) {
        digits[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    out.append(digits, static_cast<std::size_t>(width));
}

std::optional<Date> parseDateAt(std::string_view text)
{
    if (text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int y = 0;
    int m = 0;
    int d = 0;
    if (!readDigits(text, 0, 4, y) || !readDigits(text, 5, 2, m) || !readDigits(text, 8, 2, d))
        return std::nullopt;
    const Date date = makeDate(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    if (!isStorableDate(date))
        return std::nullopt;
    return date;
}

} // namespace

bool isStorableDate(Date date) noexcept
{
    return date.ok() && date.year() >= std::chrono::year {1} && date.year() <= std::chrono::year {9999};
}

std::optional<Date> parseDate(std::string_view text)
{
    if (text.size() != 10)
        return std::nullopt;
    return parseDateAt(text);
}

std::string formatDate(Date date)
{
    std::string out;
    out.reserve(10);
    appendPadded(out, static_cast<int>(date.year()), 4);
    out += '-';
    appendPadded(out, static_cast<int>(static_cast<unsigned>(date.month())), 2);
    out += '-';
    appendPadded(out, static_cast<int>(static_cast<unsigned>(date.day())), 2);
    return out;
}

bool isStorableTimestamp(Timestamp timestamp) noexcept
{
    return isStorableDate(Date {std::chrono::floor<std::chrono::days>(timestamp)});
}

std::optional<Timestamp> parseTimestamp(std::string_view text)
{
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
        return std::nullopt;
    const auto date = parseDateAt(text.substr(0, 10));
    int h = 0;
    int m = 0;
    int s = 0;
    if (!date || !readDigits(text, 11, 2, h) || !readDigits(text, 14, 2, m) || !readDigits(text, 17, 2, s))
        return std::nullopt;
    if (h > 23 || m > 59 || s > 59)
        return std::nullopt;
    return std::chrono::sys_days {*date} + std::chrono::hours {h} + std::chrono::minutes {m} + std::chrono::seconds {s};
}

std::string formatTimestamp(Timestamp timestamp)
{
    const auto day = std::chrono::floor<std::chrono::days>(timestamp);
    const std::chrono::hh_mm_ss time {timestamp - day};
    std::string out = formatDate(Date {day});
    out += 'T';
    appendPadded(out, static_cast<int>(time.hours().count()), 2);
    out += ':';
    appendPadded(out, static_cast<int>(time.minutes().count()), 2);
    out += ':';
    appendPadded(out, static_cast<int>(time.seconds().count()), 2);
    out += 'Z';
    return out;
}

Timestamp nowUtc()
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

} // namespace techo::domain

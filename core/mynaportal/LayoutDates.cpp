#include "core/mynaportal/LayoutDates.h"

#include "core/clinical/TextForms.h"

#include <array>
#include <charconv>
#include <string>

namespace techo::mynaportal::detail {
namespace {

bool allDigits(std::string_view s)
{
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

int toInt(std::string_view digits)
{
    int out = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return out;
}

// The 和暦 eras a living person's records can fall in, with the first day of each (JIS X 0301 letters and the
// digit the JAHIS/オン資 layouts use for G in GYYMMDD).
struct Era {
    char letter;
    char digit;
    std::string_view name;
    domain::Date first;
};
constexpr std::array kEras = {
    Era {'M', '1', "明治", domain::makeDate(1868, 1, 25)},
    Era {'T', '2', "大正", domain::makeDate(1912, 7, 30)},
    Era {'S', '3', "昭和", domain::makeDate(1926, 12, 25)},
    Era {'H', '4', "平成", domain::makeDate(1989, 1, 8)},
    Era {'R', '5', "令和", domain::makeDate(2019, 5, 1)},
};

// Year `eraYear` of era index `e`, month, day: a valid date inside that era, or Invalid.
DateParse fromEra(std::size_t e, int eraYear, int month, int day, domain::Date& out)
{
    const int year = static_cast<int>(kEras[e].first.year()) + eraYear - 1;
    const domain::Date date = domain::makeDate(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    if (eraYear < 1 || !date.ok() || date < kEras[e].first || (e + 1 < kEras.size() && date >= kEras[e + 1].first))
        return DateParse::Invalid;
    out = date;
    return DateParse::Ok;
}

} // namespace

DateParse parseLayoutDate(std::string_view raw, domain::Date& out)
{
    const auto normalised = clinical::nfkc(raw);
    if (!normalised)
        return DateParse::Form;
    const std::string_view s = *normalised;
    if (s.size() == 8 && allDigits(s)) {
        const auto parsed = domain::parseDate(
            std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" + std::string(s.substr(6, 2)));
        if (!parsed)
            return DateParse::Invalid;
        out = *parsed;
        return DateParse::Ok;
    }
    if (s.size() == 7 && allDigits(s.substr(1))) {
        for (std::size_t e = 0; e < kEras.size(); ++e)
            if (s[0] == kEras[e].letter || s[0] == kEras[e].digit)
                return fromEra(e, toInt(s.substr(1, 2)), toInt(s.substr(3, 2)), toInt(s.substr(5, 2)), out);
        return DateParse::Form;
    }
    for (std::size_t e = 0; e < kEras.size(); ++e) {
        if (!s.starts_with(kEras[e].name))
            continue;
        std::string_view rest = s.substr(kEras[e].name.size());
        // "<year>年<month>月<day>日", one or two digits each, the year also 元 (the first year of the era).
        const auto take = [&rest](std::string_view suffix, bool firstYear, int& value) {
            constexpr std::string_view kGannen = "元";
            if (firstYear && rest.starts_with(kGannen)) {
                rest.remove_prefix(kGannen.size());
                value = 1;
            } else {
                std::size_t n = 0;
                while (n < rest.size() && n < 2 && rest[n] >= '0' && rest[n] <= '9')
                    ++n;
                if (n == 0)
                    return false;
                value = toInt(rest.substr(0, n));
                rest.remove_prefix(n);
            }
            if (!rest.starts_with(suffix))
                return false;
            rest.remove_prefix(suffix.size());
            return true;
        };
        int y = 0;
        int m = 0;
        int d = 0;
        if (!take("年", true, y) || !take("月", false, m) || !take("日", false, d) || !rest.empty())
            return DateParse::Form;
        return fromEra(e, y, m, d, out);
    }
    return DateParse::Form;
}

} // namespace techo::mynaportal::detail

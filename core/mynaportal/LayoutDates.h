#pragma once

#include "core/domain/Dates.h"

#include <string_view>

namespace techo::mynaportal::detail {

enum class DateParse { Ok, Form, Invalid };

// A date of the XML layouts (YZK/TKK and the JAHIS formats): 'YYYYMMDD', 和暦 'GYYMMDD' with G = M/T/S/H/R or
// the digits 1–5 (明治 … 令和), or '令和6年4月1日' / '令和元年5月1日'; full-width digits are read (NFKC).
// Form when the text has none of these shapes; Invalid when it has one but names no real day, or a 和暦 day
// outside its era (H310501: 平成 had ended on 2019-04-30).
[[nodiscard]] DateParse parseLayoutDate(std::string_view raw, domain::Date& out);

} // namespace techo::mynaportal::detail

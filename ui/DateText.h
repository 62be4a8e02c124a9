#pragma once

#include "core/domain/Dates.h"

#include <QString>

class QDate;

namespace techo::ui {

// How the views write dates (Settings ▸ dates): 西暦 only, or 西暦 with the Japanese era (令和/平成/昭和) beside it.
enum class EraDisplay { Western, WithJapaneseEra };

// The process-wide choice (GUI thread only); the settings dialog sets it, views read it when they format.
void setEraDisplay(EraDisplay display) noexcept;
[[nodiscard]] EraDisplay eraDisplay() noexcept;

// A calendar day as the person reads it in the current UI language: "2024/04/01" (ja) or "1 Apr 2024" (en),
// followed by the era when chosen, e.g. "2024/04/01（令和6年）" or "1 Apr 2024 (Reiwa 6)".
[[nodiscard]] QString dateText(const domain::Date& date);

// The Japanese era year of a day, from ICU's Japanese calendar: "令和元年" (the first year is 元年), "平成31年",
// "昭和64年" in Japanese; "Reiwa 1", "Heisei 31", "Shōwa 64" in any other UI language (ICU's English era
// names). Eras change on the day the new one began (2019-05-01 is 令和元年, 2019-04-30 平成31年; 1989-01-07 is
// 昭和64年, 1989-01-08 平成元年). Empty for days before 1873-01-01 (明治6年): Japan used the lunisolar calendar
// until then, so a Gregorian day has no era year a person would recognise; also empty if ICU fails.
[[nodiscard]] QString japaneseEraText(const domain::Date& date);

// A QDateEdit's day as the vault's calendar day (the import's and the export's period).
[[nodiscard]] domain::Date toDomainDate(const QDate& date);
// The display format of the dialogs' date edits, as dateText writes a day (without the era): 2024/04/01 in
// Japanese, 1 Apr 2024 otherwise — never the locale's ambiguous short form (11/30/21).
[[nodiscard]] QString dateEditFormat();

} // namespace techo::ui

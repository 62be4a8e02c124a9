#pragma once

#include "core/domain/Dates.h"

#include <QString>

namespace techo::ui {

// How the views write dates (Settings ▸ dates): 西暦 only, or 西暦 with the Japanese era (令和/平成/昭和) beside it.
enum class EraDisplay { Western, WithJapaneseEra };

// The process-wide choice (GUI thread only); the settings dialog sets it, views read it when they format.
void setEraDisplay(EraDisplay display) noexcept;
[[nodiscard]] EraDisplay eraDisplay() noexcept;

// A calendar day as the person reads it in the current UI language: "2024/04/01" (ja) or "1 Apr 2024" (en),
// followed by the era when chosen, e.g. "2024/04/01（令和6年）".
[[nodiscard]] QString dateText(const domain::Date& date);

} // namespace techo::ui

#pragma once

#include "core/clinical/ItemCatalog.h"
#include "core/clinical/TrendSeries.h"

#include <QColor>
#include <QCoreApplication>
#include <QImage>
#include <QPalette>
#include <QString>

#include <optional>
#include <string_view>

namespace techo::ui {

// How the trend chart looks and speaks: colours, marker shapes and the texts of values, thresholds and bands.
// One place, so the chart, its legend and its tooltips cannot disagree (medikeep#820: trend arrows that
// disagree between views); the words, numbers and symbols themselves come from ui/CheckupText, which the
// year-by-item table uses too (○ 基準範囲内 / △ 保健指導判定値 / ▲ 受診勧奨判定値, "?" not judged), so the chart
// and the tables say the same thing.
//
// Colours are the Okabe–Ito palette (safe for the common colour-vision deficiencies): bluish green for
// 基準範囲内, orange for 保健指導判定値, vermillion for 受診勧奨判定値. Colour is never alone: every band has a
// text label and every point a shape (○ 基準範囲内, △ 保健指導, ▲ 受診勧奨 — the one filled shape —, a "?" in a square
// not judged; a bound "<5" adds an arrow and its text). Fills are translucent and texts are picked for the palette, so
// light and dark desktops both read.
class TrendChartStyle final {
    Q_DECLARE_TR_FUNCTIONS(techo::ui::TrendChartStyle)
public:
    // What a point's marker says. NotJudged: a value core could not judge although the item has judgement values
    // (sex needed, a bound across bands …): "?". Plain: the programme gives the item no judgement value (身長,
    // 体重): a plain dot, as the table shows such a value with no symbol.
    enum class Marker { Normal, Guidance, Referral, NotJudged, Plain };

    [[nodiscard]] static Marker markerFor(const clinical::Judgement& judgement);
    // "normal", "guidance", "referral", "not_judged", "plain": the series' object names use it.
    [[nodiscard]] static QString markerKey(Marker marker);

    // True when the palette's window is dark (text lighter than the background).
    [[nodiscard]] static bool isDark(const QPalette& palette);
    // The band's colour for markers and threshold lines.
    [[nodiscard]] static QColor bandColour(clinical::Band band);
    [[nodiscard]] static QColor markerColour(Marker marker);
    // A translucent fill for the band's shading.
    [[nodiscard]] static QColor bandFill(clinical::Band band, const QPalette& palette);
    // Text drawn on the band's shading, readable on it in this palette.
    [[nodiscard]] static QColor bandTextColour(clinical::Band band, const QPalette& palette);

    // The marker image of a point (square, `pixels` × `pixels`): its shape says the judgement. `bound` adds
    // an arrow pointing where the value lies (down for "<5", up for ">=500") and leaves the shape open.
    [[nodiscard]] static QImage markerImage(
        Marker marker, const QPalette& palette, std::optional<domain::Comparator> bound, int pixels);
    // The marker's size in the chart (device-independent pixels).
    [[nodiscard]] static int markerSize(Marker marker, bool bound);

    // "○ 基準範囲内" … (CheckupText's symbol and name).
    [[nodiscard]] static QString bandName(clinical::Band band);
    [[nodiscard]] static QString notJudgedText(clinical::NotJudged reason);
    // "○ 基準範囲内", "? 判定できず：…"; an item with no judgement value says so without the "?" (nothing went
    // wrong: there is nothing to judge against).
    [[nodiscard]] static QString judgementText(const clinical::Judgement& judgement);
    // "≥5.6", "<40"; with a unit: "≥5.6 %".
    [[nodiscard]] static QString thresholdText(const clinical::AppliedThreshold& threshold, std::string_view unit = {});
    // The values outside a threshold, for the 基準範囲内 band: the complement of "≥5.6" is "<5.6".
    [[nodiscard]] static QString complementText(
        const clinical::AppliedThreshold& threshold, std::string_view unit = {});
    // "<5", "≥500" (the comparator of a bound value).
    [[nodiscard]] static QString comparatorText(domain::Comparator comparator);
    // A number the way it was reported ("5.6", not "5.59999"), in the UI's locale (CheckupText).
    [[nodiscard]] static QString numberText(double value);
    // A point's value as the person reads it: "<5 U/L", "129.5 mmHg".
    [[nodiscard]] static QString valueText(const clinical::TrendPoint& point, std::string_view unit);
    // The item's name as every view titles it (CheckupText::itemName: the official Japanese name, with an English
    // gloss in the English UI).
    [[nodiscard]] static QString itemName(const clinical::LogicalItem& item);
    // The source of the judgement values, in the UI language (the Japanese title is always given).
    [[nodiscard]] static QString citation(clinical::RuleSource source);
    [[nodiscard]] static QString fromView(std::string_view text);
};

} // namespace techo::ui

#pragma once

// National reference figures for 特定健診 values (resources/sandbox/checkup_norms.json) and the
// per sex × 5-year-band distributions fitted to them. The generator draws each value as the
// distribution's quantile at a person's latent rank, so the population reproduces the national
// means and the shares beyond the 保健指導判定値 / 受診勧奨判定値 band by band.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace techo::sandbox {

inline constexpr int kBandCount = 7; // 40–44, 45–49, … 70–74
inline constexpr int kMale = 0, kFemale = 1;

// Standard normal CDF and its inverse (Acklam's rational approximation, |error| < 1.2e-9).
[[nodiscard]] double normalCdf(double z);
[[nodiscard]] double normalQuantile(double p);

// Figures of one sex and band; shares in percent. A figure the table does not give is nullopt.
struct BandFigures {
    std::optional<double> mean, guidance, referral;
    std::optional<double> sd; // items with one threshold only: the spread of the log-normal
    std::optional<double> severe; // share at or beyond ItemNorm::severeAt (SBP ≥160), a check on the tail
};

// A fitted continuous distribution, used through its quantile function.
struct Distribution {
    enum class Shape { Normal, LogNormal, RightSkew, LeftSkew };
    Shape shape = Shape::Normal;
    double c = 0, mu = 0, sigma = 1;
    // u in (0, 1): the value at that quantile.
    [[nodiscard]] double quantile(double u) const;
};

struct ItemNorm {
    std::string key, label, unit, kind; // kind: "continuous" | "coded"
    // "upper": abnormal is ≥ threshold; "lower": abnormal is < threshold; "lower_inclusive": ≤ threshold.
    std::string tail;
    double step = 1; // resolution of the reported value (the thresholds apply to rounded values)
    std::array<double, 2> guidanceAt {}, referralAt {}; // continuous items, [kMale|kFemale]
    std::array<std::string, 2> guidanceCode, referralCode; // coded items: first code at or beyond
    bool hasReferral = false;
    std::optional<std::array<double, 2>> severeAt; // a third, higher threshold some items are checked at
    std::array<std::array<BandFigures, kBandCount>, 2> bands;
    std::array<BandFigures, 2> aggregate;
    std::array<BandFigures, 2> aggregateIsNdb; // a figure present here came from NDB (not derived)
    std::array<std::array<Distribution, kBandCount>, 2> fitted;

    // The value for someone of this sex at `age` (years, fractional allowed) whose latent rank is u:
    // u near 1 lies in the abnormal tail (high for "upper", low for the lower tails). Ages between band
    // centres interpolate the neighbouring bands' quantiles; outside 40–74 the end bands apply.
    [[nodiscard]] double value(int sex, double age, double u) const;
    // Coded items: the code ("1" − … "5" +++) at rank u.
    [[nodiscard]] std::string code(int sex, double age, double u) const;
    // Whether a (rounded) value / code is at or beyond the guidance or referral threshold.
    [[nodiscard]] bool beyondGuidance(int sex, double v) const;
    [[nodiscard]] bool beyondReferral(int sex, double v) const;
    [[nodiscard]] bool beyondSevere(int sex, double v) const;
};

struct CheckupNorms {
    std::array<std::string, kBandCount> bandNames;
    std::array<double, kBandCount> bandWeights {};
    std::vector<ItemNorm> items;
    // 服薬あり share (percent) per condition ("bp", "glucose", "lipid"), sex and band.
    std::map<std::string, std::array<std::array<double, kBandCount>, 2>> treatment;

    [[nodiscard]] const ItemNorm& item(const std::string& key) const; // throws std::out_of_range
    // Share (0–1) treated for `condition` at `age`, interpolated like ItemNorm::value; below 40 it
    // decays towards 0 (fewer young people are treated), above 74 it stays at the 70–74 figure.
    [[nodiscard]] double treatedShare(const std::string& condition, int sex, double age) const;

    // 0…6 for ages 40–74, else -1.
    [[nodiscard]] static int bandOf(int age) { return age < 40 || age > 74 ? -1 : (age - 40) / 5; }
    // Reads dir/checkup_norms.json and fits every distribution; throws std::runtime_error naming the
    // file and the item when the file is malformed or a band's figures cannot be fitted.
    static CheckupNorms load(const std::string& dir);
};

} // namespace techo::sandbox

#include "CheckupNorms.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>

namespace techo::sandbox {
namespace {

using nlohmann::json;

// Interpolation position between band centres (42, 47, … 72): index of the lower band and weight of the upper.
std::pair<int, double> bandPosition(double age)
{
    const double pos = std::clamp((age - 42.0) / 5.0, 0.0, static_cast<double>(kBandCount - 1));
    const int i = std::min(static_cast<int>(pos), kBandCount - 2);
    return {i, pos - i};
}

// Fits a distribution of Y (abnormal = high Y) to its mean and the shares p1 > p2 (fractions) at or above
// a1 < a2: a shifted log-normal skewed the way the three figures require, or a normal when they are
// symmetric. Returns nullopt when the figures are contradictory.
std::optional<Distribution> fitThree(double m, double a1, double p1, double a2, double p2)
{
    if (!(p1 > p2 && p2 > 0 && p1 < 1 && a1 < a2))
        return std::nullopt;
    const double z1 = normalQuantile(1 - p1), z2 = normalQuantile(1 - p2);
    const double sd = (a2 - a1) / (z2 - z1);
    const double normalMean = a1 - sd * z1;
    Distribution d;
    const bool right = m > normalMean;
    auto build = [&](double gap) {
        Distribution r;
        const double sigma = std::log((a2 - a1 + gap) / gap) / (z2 - z1);
        r.sigma = sigma;
        if (right) {
            r.shape = Distribution::Shape::RightSkew;
            r.c = a1 - gap;
            r.mu = std::log(gap) - sigma * z1;
        } else {
            r.shape = Distribution::Shape::LeftSkew;
            r.c = a2 + gap;
            r.mu = std::log(r.c - a1) + sigma * z1;
        }
        return r;
    };
    auto meanOf = [&](const Distribution& r) {
        const double tail = std::exp(r.mu + r.sigma * r.sigma / 2);
        return right ? r.c + tail : r.c - tail;
    };
    // The mean moves monotonically from ±∞ (gap → 0) to the normal fit's mean (gap → ∞).
    double lo = std::log(sd * 1e-3), hi = std::log(sd * 1e3);
    const double far = meanOf(build(std::exp(hi)));
    if (right ? far >= m : far <= m) {
        d.shape = Distribution::Shape::Normal;
        d.mu = normalMean;
        d.sigma = sd;
        return d;
    }
    for (int i = 0; i < 100; ++i) {
        const double mid = (lo + hi) / 2;
        const double mean = meanOf(build(std::exp(mid)));
        if (right ? mean > m : mean < m)
            lo = mid;
        else
            hi = mid;
    }
    return build(std::exp((lo + hi) / 2));
}

// A log-normal with mean m and standard deviation sd (items with a single threshold: BMI, waist, HDL).
std::optional<Distribution> fitTwo(double m, double sd)
{
    if (!(m > 0 && sd > 0))
        return std::nullopt;
    Distribution d;
    d.shape = Distribution::Shape::LogNormal;
    d.sigma = std::sqrt(std::log(1 + (sd / m) * (sd / m)));
    d.mu = std::log(m) - d.sigma * d.sigma / 2;
    return d;
}

std::optional<double> optionalNumber(const json& j, const char* key)
{
    if (!j.contains(key))
        return std::nullopt;
    return j.at(key).get<double>();
}

} // namespace

double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

double normalQuantile(double p)
{
    // P. J. Acklam's algorithm; the sandbox needs no more than 1e-9 accuracy.
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static constexpr double d[]
        = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    p = std::clamp(p, 1e-12, 1 - 1e-12);
    constexpr double low = 0.02425;
    if (p < low) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
        const double q = std::sqrt(-2 * std::log(1 - p));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    const double q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

double Distribution::quantile(double u) const
{
    const double z = normalQuantile(u);
    switch (shape) {
    case Shape::Normal:
        return mu + sigma * z;
    case Shape::LogNormal:
        return std::exp(mu + sigma * z);
    case Shape::RightSkew:
        return c + std::exp(mu + sigma * z);
    case Shape::LeftSkew:
        return c - std::exp(mu - sigma * z);
    }
    return mu;
}

double ItemNorm::value(int sex, double age, double u) const
{
    const auto [i, f] = bandPosition(age);
    // Fitted distributions live in "abnormal is high" space: lower-tail items are negated (three figures)
    // or ranked from the top (two figures, log-normal of the value itself).
    auto at = [&](int band) {
        const Distribution& d = fitted[static_cast<std::size_t>(sex)][static_cast<std::size_t>(band)];
        if (tail == "upper")
            return d.quantile(u);
        if (d.shape == Distribution::Shape::LogNormal)
            return d.quantile(1 - u);
        return -d.quantile(u);
    };
    return (1 - f) * at(i) + f * at(i + 1);
}

std::string ItemNorm::code(int sex, double age, double u) const
{
    const auto [i, f] = bandPosition(age);
    const auto& b = bands[static_cast<std::size_t>(sex)];
    const double p1 = ((1 - f) * b[static_cast<std::size_t>(i)].guidance.value_or(0)
                          + f * b[static_cast<std::size_t>(i + 1)].guidance.value_or(0))
        / 100;
    const double p2 = ((1 - f) * b[static_cast<std::size_t>(i)].referral.value_or(0)
                          + f * b[static_cast<std::size_t>(i + 1)].referral.value_or(0))
        / 100;
    if (u > 1 - p2) {
        // Within the ≥+ share: + 60 %, ++ 28 %, +++ 12 % (typical dipstick proportions, an estimate).
        const double r = (1 - u) / p2;
        return r < 0.12 ? "5" : (r < 0.40 ? "4" : "3");
    }
    return u > 1 - p1 ? "2" : "1";
}

namespace {
bool beyond(const std::string& tail, double v, double t)
{
    if (tail == "upper")
        return v >= t;
    if (tail == "lower")
        return v < t;
    return v <= t;
}
} // namespace

bool ItemNorm::beyondGuidance(int sex, double v) const
{
    if (kind == "coded")
        return v >= std::stod(guidanceCode[static_cast<std::size_t>(sex)]);
    return beyond(tail, v, guidanceAt[static_cast<std::size_t>(sex)]);
}

bool ItemNorm::beyondReferral(int sex, double v) const
{
    if (!hasReferral)
        return false;
    if (kind == "coded")
        return v >= std::stod(referralCode[static_cast<std::size_t>(sex)]);
    return beyond(tail, v, referralAt[static_cast<std::size_t>(sex)]);
}

bool ItemNorm::beyondSevere(int sex, double v) const
{
    return severeAt && beyond(tail, v, (*severeAt)[static_cast<std::size_t>(sex)]);
}

const ItemNorm& CheckupNorms::item(const std::string& key) const
{
    for (const auto& i : items)
        if (i.key == key)
            return i;
    throw std::out_of_range("no checkup norm for " + key);
}

double CheckupNorms::treatedShare(const std::string& condition, int sex, double age) const
{
    const auto& table = treatment.at(condition)[static_cast<std::size_t>(sex)];
    const auto [i, f] = bandPosition(age);
    double share = (1 - f) * table[static_cast<std::size_t>(i)] + f * table[static_cast<std::size_t>(i + 1)];
    if (age < 42)
        share *= std::exp((age - 42) / 7.0);
    return share / 100;
}

CheckupNorms CheckupNorms::load(const std::string& dir)
{
    const std::string path = dir + "/checkup_norms.json";
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    CheckupNorms norms;
    std::string context = "top level";
    try {
        const json doc = json::parse(in);
        const json& bands = doc.at("bands");
        if (bands.size() != kBandCount)
            throw std::runtime_error("expected 7 age bands");
        for (std::size_t b = 0; b < kBandCount; ++b) {
            norms.bandNames[b] = bands.at(b).get<std::string>();
            norms.bandWeights[b] = doc.at("band_weights").at(norms.bandNames[b]).get<double>();
        }
        for (const json& it : doc.at("items")) {
            ItemNorm n;
            n.key = it.at("key").get<std::string>();
            context = "item " + n.key;
            n.label = it.at("label").get<std::string>();
            n.unit = it.at("unit").get<std::string>();
            n.kind = it.at("kind").get<std::string>();
            n.tail = it.at("tail").get<std::string>();
            n.step = it.at("step").get<double>();
            if (n.kind != "continuous" && n.kind != "coded")
                throw std::runtime_error("kind must be continuous or coded");
            if (n.tail != "upper" && n.tail != "lower" && n.tail != "lower_inclusive")
                throw std::runtime_error("tail must be upper, lower or lower_inclusive");
            if (!(n.step > 0))
                throw std::runtime_error("step must be positive");
            n.hasReferral = it.contains("referral");
            if (it.contains("severe"))
                n.severeAt = std::array<double, 2> {
                    it.at("severe").at("male").get<double>(), it.at("severe").at("female").get<double>()};
            for (int sex : {kMale, kFemale}) {
                const char* sexName = sex == kMale ? "male" : "female";
                const auto s = static_cast<std::size_t>(sex);
                if (n.kind == "coded") {
                    n.guidanceCode[s] = it.at("guidance").at(sexName).get<std::string>();
                    if (n.hasReferral)
                        n.referralCode[s] = it.at("referral").at(sexName).get<std::string>();
                } else {
                    n.guidanceAt[s] = it.at("guidance").at(sexName).get<double>();
                    if (n.hasReferral)
                        n.referralAt[s] = it.at("referral").at(sexName).get<double>();
                }
                const json& figures = it.at(sexName);
                for (std::size_t b = 0; b < kBandCount; ++b) {
                    const json& f = figures.at("bands").at(norms.bandNames[b]);
                    n.bands[s][b] = {optionalNumber(f, "mean"), optionalNumber(f, "guidance"),
                        optionalNumber(f, "referral"), optionalNumber(f, "sd"), optionalNumber(f, "severe")};
                }
                const json& agg = figures.at("aggregate");
                n.aggregate[s] = {optionalNumber(agg, "mean"), optionalNumber(agg, "guidance"),
                    optionalNumber(agg, "referral"), std::nullopt, optionalNumber(agg, "severe")};
                const json& src = figures.at("aggregate_source");
                auto ndb = [&](const char* key) {
                    return src.contains(key) && src.at(key) == "ndb9" ? std::optional<double>(1) : std::nullopt;
                };
                n.aggregateIsNdb[s] = {ndb("mean"), ndb("guidance"), ndb("referral"), std::nullopt, ndb("severe")};
                if (n.kind == "coded")
                    continue;
                // Thresholds apply to the reported (rounded) value: "≥ 140" starts at 139.5 on the continuous scale.
                const double half = n.step / 2;
                for (std::size_t b = 0; b < kBandCount; ++b) {
                    const BandFigures& f = n.bands[s][b];
                    if (!f.mean || !f.guidance)
                        throw std::runtime_error(norms.bandNames[b] + ": mean and guidance share are required");
                    std::optional<Distribution> d;
                    const bool upper = n.tail == "upper";
                    const double edge = n.tail == "lower_inclusive" ? half : -half;
                    if (n.hasReferral && f.referral) {
                        const double sign = upper ? 1 : -1;
                        d = fitThree(sign * *f.mean, sign * (n.guidanceAt[s] + edge), *f.guidance / 100,
                            sign * (n.referralAt[s] + edge), *f.referral / 100);
                    } else if (f.sd) {
                        d = fitTwo(*f.mean, *f.sd);
                    }
                    if (!d)
                        throw std::runtime_error(
                            std::string(sexName) + " " + norms.bandNames[b] + ": the figures cannot be fitted");
                    n.fitted[s][b] = *d;
                }
            }
            norms.items.push_back(std::move(n));
        }
        context = "treatment";
        for (const auto& [condition, table] : doc.at("treatment").items()) {
            if (condition.front() == '_')
                continue;
            auto& t = norms.treatment[condition];
            for (int sex : {kMale, kFemale})
                for (std::size_t b = 0; b < kBandCount; ++b)
                    t[static_cast<std::size_t>(sex)][b]
                        = table.at(sex == kMale ? "male" : "female").at(b).get<double>();
        }
    } catch (const json::exception& e) {
        throw std::runtime_error(path + " (" + context + "): " + e.what());
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(path + " (" + context + "): " + e.what());
    }
    return norms;
}

} // namespace techo::sandbox

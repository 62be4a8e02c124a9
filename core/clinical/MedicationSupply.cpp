#include "core/clinical/MedicationSupply.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

namespace techo::clinical {
namespace {

// Union-find over line indices.
struct Groups {
    explicit Groups(std::size_t n)
        : parent(n)
    {
        std::iota(parent.begin(), parent.end(), std::size_t {0});
    }
    std::size_t find(std::size_t i)
    {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
    void unite(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
    std::vector<std::size_t> parent;
};

// The identities a line offers, most specific to the ingredient first; rank 0 is the best group key.
std::vector<std::pair<int, std::string>> identities(const domain::MedicationLine& line)
{
    std::vector<std::pair<int, std::string>> keys;
    if (const std::string yj = yjIngredientPart(line); !yj.empty())
        keys.emplace_back(0, "yj:" + yj);
    if (line.ingredientName) {
        // By route too: a tablet and a tape of one ingredient are not the same medicine twice.
        if (const std::string name = normalizedIngredient(*line.ingredientName); !name.empty())
            keys.emplace_back(1, "ingredient:" + std::string(toString(routeOf(line))) + ":" + name);
    }
    if (!line.drugCode.empty())
        keys.emplace_back(2, "code:" + std::string(toString(line.drugCodeSystem)) + ":" + line.drugCode);
    if (const std::string name = normalizedIngredient(line.drugName); !name.empty())
        keys.emplace_back(3, "name:" + name);
    return keys;
}

} // namespace

domain::Date addDays(domain::Date date, int days)
{
    return domain::Date {std::chrono::sys_days {date} + std::chrono::days {days}};
}

Route routeOf(const domain::MedicationLine& line)
{
    if (const std::string yj = yjIngredientPart(line); !yj.empty()) {
        const std::string_view part = std::string_view(yj).substr(4, 3);
        if (part.find_first_not_of("0123456789") == std::string_view::npos) {
            const int n = std::stoi(std::string(part));
            return n < 400 ? Route::Oral : n < 700 ? Route::Injection : Route::Topical;
        }
    }
    if (line.dosageForm) {
        const std::string& f = *line.dosageForm;
        if (f == "4" || f == "注射")
            return Route::Injection;
        if (f == "5" || f == "外用")
            return Route::Topical;
        if (f == "1" || f == "2" || f == "3" || f == "6" || f == "7" || f == "内服" || f == "内滴" || f == "屯服"
            || f == "頓服" || f == "浸煎" || f == "湯")
            return Route::Oral;
    }
    if (line.claimsCategory) {
        if (*line.claimsCategory == "21" || *line.claimsCategory == "22")
            return Route::Oral;
        if (*line.claimsCategory == "23")
            return Route::Topical;
    }
    return Route::Unknown;
}

SupplyKind supplyKindOf(const domain::MedicationLine& line)
{
    if (line.dosageForm) {
        const std::string& f = *line.dosageForm;
        if (f == "3" || f == "屯服" || f == "頓服")
            return SupplyKind::AsNeeded;
        if (f == "5" || f == "外用")
            return SupplyKind::Topical;
        if (f == "1" || f == "2" || f == "6" || f == "7" || f == "内服" || f == "内滴" || f == "浸煎" || f == "湯")
            return SupplyKind::Daily;
    }
    if (line.claimsCategory) {
        if (*line.claimsCategory == "22")
            return SupplyKind::AsNeeded;
        if (*line.claimsCategory == "23")
            return SupplyKind::Topical;
        if (*line.claimsCategory == "21")
            return SupplyKind::Daily;
    }
    return line.days.value_or(0) > 0 ? SupplyKind::Daily : SupplyKind::AsNeeded;
}

SupplyPeriod supplyPeriod(
    const domain::Dispensing& dispensing, const domain::MedicationLine& line, const MedicationRules& rules)
{
    SupplyPeriod period;
    period.from = dispensing.dispensedOn;
    const int days = line.days.value_or(0);
    if (supplyKindOf(line) == SupplyKind::Daily && days > 0) {
        period.until = addDays(dispensing.dispensedOn, days - 1);
    } else {
        period.until = addDays(dispensing.dispensedOn, std::max(rules.asNeededDays, 1) - 1);
        period.estimated = true;
    }
    return period;
}

bool countsAsDispensed(const domain::Dispensing& dispensing) noexcept
{
    return !dispensing.supersededBy && dispensing.kind != domain::DispensingKind::ERxPrescription;
}

std::string yjIngredientPart(const domain::MedicationLine& line)
{
    if (line.drugCodeSystem != domain::DrugCodeSystem::Yj || line.drugCode.size() != 12)
        return {};
    return line.drugCode.substr(0, 7);
}

std::string normalizedIngredient(std::string_view name)
{
    static constexpr std::string_view kIdeographicSpace = "\u3000";
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size();) {
        if (name.substr(i).starts_with(kIdeographicSpace)) {
            i += kIdeographicSpace.size();
        } else if (name[i] == ' ' || name[i] == '\t') {
            ++i;
        } else {
            out += name[i++];
        }
    }
    return out;
}

std::vector<IngredientGroup> groupByIngredient(
    std::span<const domain::Dispensing> dispensings, const MedicationRules& rules)
{
    std::vector<SupplyLine> lines;
    for (const domain::Dispensing& d : dispensings) {
        if (!countsAsDispensed(d))
            continue;
        for (const domain::MedicationLine& line : d.lines)
            lines.push_back({&d, &line, supplyPeriod(d, line, rules)});
    }
    Groups groups(lines.size());
    std::unordered_map<std::string, std::size_t> firstWithKey;
    std::vector<std::vector<std::pair<int, std::string>>> keys(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        keys[i] = identities(*lines[i].line);
        for (const auto& [rank, key] : keys[i]) {
            const auto [it, inserted] = firstWithKey.emplace(key, i);
            if (!inserted)
                groups.unite(i, it->second);
        }
    }
    std::map<std::size_t, IngredientGroup> byRoot;
    std::map<std::size_t, std::pair<int, std::string>> bestKey;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::size_t root = groups.find(i);
        byRoot[root].lines.push_back(lines[i]);
        for (const auto& key : keys[i]) {
            auto [it, inserted] = bestKey.emplace(root, key);
            if (!inserted && key < it->second)
                it->second = key;
        }
    }
    std::vector<IngredientGroup> out;
    for (auto& [root, group] : byRoot) {
        std::stable_sort(group.lines.begin(), group.lines.end(),
            [](const SupplyLine& a, const SupplyLine& b) { return a.period.from < b.period.from; });
        const auto best = bestKey.find(root);
        group.key
            = best != bestKey.end() ? best->second.second : "line:" + std::to_string(group.lines.front().line->id);
        const domain::MedicationLine& newest = *group.lines.back().line;
        group.ingredient = newest.ingredientName ? *newest.ingredientName : newest.drugName;
        out.push_back(std::move(group));
    }
    std::sort(out.begin(), out.end(), [](const IngredientGroup& a, const IngredientGroup& b) { return a.key < b.key; });
    return out;
}

} // namespace techo::clinical

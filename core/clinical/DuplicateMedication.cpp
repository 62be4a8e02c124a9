#include "core/clinical/DuplicateMedication.h"

#include <algorithm>
#include <tuple>

namespace techo::clinical {
namespace {

std::int64_t institutionOf(const domain::Dispensing& d)
{
    return d.prescriberId.value_or(d.pharmacyId);
}

DuplicateSide sideOf(const SupplyLine& s)
{
    return DuplicateSide {s.dispensing->id, s.line->id, institutionOf(*s.dispensing), s.line->drugName, s.period};
}

} // namespace

InstitutionIdentity identityByInstitutionCode(std::map<std::int64_t, std::string> codes)
{
    return [codes = std::move(codes)](std::int64_t id) {
        const auto it = codes.find(id);
        if (it == codes.end() || it->second.empty())
            return "id:" + std::to_string(id);
        return "code:" + it->second;
    };
}

std::vector<DuplicateFinding> findDuplicateMedications(
    std::span<const domain::Dispensing> dispensings, const MedicationRules& rules, const InstitutionIdentity& identity)
{
    auto sameInstitution
        = [&](std::int64_t a, std::int64_t b) { return a == b || (identity && identity(a) == identity(b)); };
    std::vector<DuplicateFinding> out;
    for (const IngredientGroup& group : groupByIngredient(dispensings, rules)) {
        const std::vector<SupplyLine>& lines = group.lines; // ordered by period.from
        for (std::size_t i = 0; i < lines.size(); ++i) {
            for (std::size_t j = i + 1; j < lines.size() && lines[j].period.from <= lines[i].period.until; ++j) {
                if (sameInstitution(institutionOf(*lines[i].dispensing), institutionOf(*lines[j].dispensing)))
                    continue;
                DuplicateFinding f;
                f.ingredientKey = group.key;
                f.ingredient = group.ingredient;
                f.first = sideOf(lines[i]);
                f.second = sideOf(lines[j]);
                f.overlapFrom = lines[j].period.from;
                f.overlapUntil = std::min(lines[i].period.until, lines[j].period.until);
                out.push_back(std::move(f));
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const DuplicateFinding& a, const DuplicateFinding& b) {
        return std::tie(a.overlapFrom, a.ingredient, a.first.dispensingId, a.second.dispensingId, a.first.lineId,
                   a.second.lineId)
            < std::tie(b.overlapFrom, b.ingredient, b.first.dispensingId, b.second.dispensingId, b.first.lineId,
                b.second.lineId);
    });
    return out;
}

} // namespace techo::clinical

#include "core/clinical/CurrentMedicines.h"

#include <algorithm>

namespace techo::clinical {

std::vector<CurrentMedicine> currentMedicines(
    std::span<const domain::Dispensing> dispensings, domain::Date day, const MedicationRules& rules)
{
    std::vector<CurrentMedicine> out;
    for (const IngredientGroup& group : groupByIngredient(dispensings, rules)) {
        // Lines up to `day`, oldest first (groups keep that order).
        std::vector<const SupplyLine*> upToDay;
        for (const SupplyLine& s : group.lines)
            if (s.period.from <= day)
                upToDay.push_back(&s);
        const bool covered = std::any_of(upToDay.begin(), upToDay.end(),
            [&](const SupplyLine* s) { return s->period.from <= day && day <= s->period.until; });
        if (!covered)
            continue;
        // The current course: walk forward, starting a new course after a gap longer than refillGapDays.
        std::size_t courseStart = 0;
        domain::Date courseEnd = upToDay.front()->period.until;
        for (std::size_t i = 1; i < upToDay.size(); ++i) {
            if (addDays(courseEnd, rules.refillGapDays) < upToDay[i]->period.from)
                courseStart = i;
            courseEnd = (courseStart == i) ? upToDay[i]->period.until : std::max(courseEnd, upToDay[i]->period.until);
        }
        CurrentMedicine m;
        m.ingredientKey = group.key;
        m.ingredient = group.ingredient;
        m.start = upToDay[courseStart]->period.from;
        m.until = upToDay[courseStart]->period.until;
        m.untilEstimated = upToDay[courseStart]->period.estimated;
        for (std::size_t i = courseStart; i < upToDay.size(); ++i) {
            const SupplyLine& s = *upToDay[i];
            // The end is an estimate only when every line reaching it is one.
            if (s.period.until > m.until) {
                m.until = s.period.until;
                m.untilEstimated = s.period.estimated;
            } else if (s.period.until == m.until) {
                m.untilEstimated = m.untilEstimated && s.period.estimated;
            }
            if (std::find(m.dispensingIds.begin(), m.dispensingIds.end(), s.dispensing->id) == m.dispensingIds.end())
                m.dispensingIds.push_back(s.dispensing->id);
        }
        for (std::size_t i = upToDay.size(); i-- > courseStart;) {
            const std::string& name = upToDay[i]->line->drugName;
            if (std::find(m.drugNames.begin(), m.drugNames.end(), name) == m.drugNames.end())
                m.drugNames.push_back(name);
        }
        const SupplyLine& newest = *upToDay.back();
        m.lastDispensed = newest.period.from;
        m.lastLine = *newest.line;
        m.lastDispensingId = newest.dispensing->id;
        for (std::size_t i = courseStart; i < upToDay.size(); ++i) {
            const SupplyLine& s = *upToDay[i];
            if (s.period.until < day)
                continue;
            m.supplies.push_back({s.dispensing->id, s.period.from, *s.line, s.dispensing->pharmacyId,
                s.dispensing->prescriberId, s.period.until, s.period.estimated});
        }
        std::sort(m.supplies.begin(), m.supplies.end(), [](const MedicineSupply& a, const MedicineSupply& b) {
            if (a.dispensedOn != b.dispensedOn)
                return a.dispensedOn > b.dispensedOn;
            if (a.until != b.until)
                return a.until > b.until;
            return std::pair(a.dispensingId, a.line.id) < std::pair(b.dispensingId, b.line.id);
        });
        out.push_back(std::move(m));
    }
    std::stable_sort(out.begin(), out.end(), [](const CurrentMedicine& a, const CurrentMedicine& b) {
        if (a.lastDispensed != b.lastDispensed)
            return a.lastDispensed > b.lastDispensed;
        return a.ingredient < b.ingredient;
    });
    return out;
}

} // namespace techo::clinical

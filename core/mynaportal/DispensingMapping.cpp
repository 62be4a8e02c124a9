// 薬剤 (YZK): dispensings and prescriptions of the three branches, with their drug lines.
#include "core/clinical/TextForms.h"
#include "core/mynaportal/MappingFields.h"

#include <algorithm>
#include <array>

namespace techo::mynaportal::detail {
namespace {

constexpr Reason kNotPositive {"not_positive", "must be greater than zero"};
constexpr Reason kDispensingUnit {"dispensing_unit", "is not a unit a medicine is dispensed in"};
constexpr Reason kYjCodeForm {"yj_code_form", "is not a 12-character YJ code"};
constexpr Reason kReceiptCodeForm {"receipt_code_form", "is not a 9-digit receipt drug code"};
constexpr Reason kNoInstitution {"institution_missing", "is missing (the dispensing institution)"};
constexpr Reason kRepeatedLine {"duplicate_line", "repeats a line of this dispensing"};

// One field's names: in the real layout (Cz/Sh-prefixed in the 電子処方箋 branches, as OQSDrug reads them
// [C]), in the sandbox's JSON (the claims name in every branch), and another spelling seen.
struct Name {
    std::string_view real;
    std::string_view plain;
    std::string_view other = {};
};

// A branch of the YZK body and the names its elements have.
struct Branch {
    domain::DispensingKind kind;
    std::string_view prefix; // "" for claims
    Fields::Names months; // the sandbox's list, or the XML wrapper holding the month elements
    Fields::Names month; // the XML month element (or, in a wrapper, the sandbox's list of months)
    Name pharmacyCode, pharmacyName, prescriberCode, prescriberName, inOut;
    Name days, day, dispensedOn, prescribedOn, recordId, procedures;
    Name drugs, drug, rp, line, receiptCode, yjCode, drugName, ingredient, quantity, unit, usage, instruction, times,
        category;
};

const std::array<Branch, 3>& branches()
{
    static const std::array<Branch, 3> kBranches = {{
        {domain::DispensingKind::Claims, "", {"MeTrMonthInfs"}, {"MeTrMonthInf"}, {"MeTrDiHCd", "MeTrDiHCd"},
            {"MeTrDiHNm", "MeTrDiHNm"}, {"PrlsHCd", "PrlsHCd"}, {"PrlsHNm", "PrlsHNm"}, {"InOut", "InOut"},
            {"DiDateInfs", "DiDateInfs"}, {"DiDateInf", "DiDateInf"}, {"DiDate", "DiDate"}, {"PrDate", "PrDate"},
            {"RecordId", "RecordId"}, {"MeTrInfs", "MeTrInfs"}, {"DrugInfs", "DrugInfs"}, {"DrugInf", "DrugInf"},
            {"RpNo", "RpNo"}, {"LineNo", "LineNo"}, {"DrugC", "DrugC"}, {"YjCode", "YjCode"}, {"DrugN", "DrugN"},
            {"IngreN", "IngreN"}, {"Qua1", "Qua1"}, {"Unit", "Unit"}, {"UsageN", "UsageN"}, {"SpInst", "SpInst"},
            {"Times", "Times"}, {"MeTrIdCl", "MeTrIdCl"}},
        {domain::DispensingKind::ERxDispensing, "Cz", {"CzDiMonthInfs", "CzDiInf"}, {"CzDiMonthInf", "CzDiMonthInfs"},
            {"CzMeTrDiHCd", "MeTrDiHCd"}, {"CzMeTrDiHNm", "MeTrDiHNm"}, {"CzPrlsHCd", "PrlsHCd"},
            {"CzPrlsHNm", "PrlsHNm"}, {"CzPrCl", "InOut", "CzInOut"}, {"CzDiDateInfs", "DiDateInfs"},
            {"CzDiDateInf", "DiDateInf"}, {"CzDiDate", "DiDate"}, {"CzPrDate", "PrDate"}, {"CzRecordId", "RecordId"},
            {"CzMeTrInfs", "MeTrInfs"}, {"CzDrugInfs", "DrugInfs"}, {"CzDrugInf", "DrugInf"}, {"CzRpNo", "RpNo"},
            {"CzLineNo", "LineNo"}, {"CzDrugC", "DrugC"}, {"CzYjCode", "YjCode"}, {"CzDrugN", "DrugN"},
            {"CzIngreN", "IngreN"}, {"CzQua1", "Qua1"}, {"CzUnit", "Unit"}, {"CzUsageN", "UsageN"},
            {"CzSpInst", "SpInst"}, {"CzTimes", "Times"}, {"CzUsageCl", "MeTrIdCl", "CzMeTrIdCl"}},
        {domain::DispensingKind::ERxPrescription, "Sh", {"ShPrMonthInfs", "ShPrInf"}, {"ShPrMonthInf", "ShPrMonthInfs"},
            {"ShMeTrDiHCd", "MeTrDiHCd"}, {"ShMeTrDiHNm", "MeTrDiHNm"}, {"ShPrHCd", "PrlsHCd", "ShPrlsHCd"},
            {"ShPrHNm", "PrlsHNm", "ShPrlsHNm"}, {"ShPrCl", "InOut", "ShInOut"}, {"ShPrDateInfs", "DiDateInfs"},
            {"ShPrDateInf", "DiDateInf"}, {"ShPrDate", "DiDate"}, {"ShPrDate", "PrDate"}, {"ShRecordId", "RecordId"},
            {"ShMeTrInfs", "MeTrInfs"}, {"ShDrugInfs", "DrugInfs"}, {"ShDrugInf", "DrugInf"}, {"ShRpNo", "RpNo"},
            {"ShLineNo", "LineNo"}, {"ShDrugC", "DrugC"}, {"ShYjCode", "YjCode"}, {"ShDrugN", "DrugN"},
            {"ShIngreN", "IngreN"}, {"ShQua1", "Qua1"}, {"ShUnit", "Unit"}, {"ShUsageN", "UsageN"},
            {"ShSpInst", "SpInst"}, {"ShTimes", "Times"}, {"ShUsageCl", "MeTrIdCl", "ShMeTrIdCl"}},
    }};
    return kBranches;
}

// An object is in the real (prefixed) style when any of its members carries the branch prefix; its own
// style's name is read first, and names a missing field.
bool prefixed(const json& object, std::string_view prefix)
{
    if (prefix.empty())
        return false;
    return std::any_of(object.items().begin(), object.items().end(),
        [&](const auto& member) { return std::string_view(member.key()).starts_with(prefix); });
}

Fields::Names names(const Name& n, bool real)
{
    if (real || n.real == n.plain)
        return {n.real, n.other, n.plain};
    return {n.plain, n.real, n.other};
}

// Units a dispensed quantity can be counted in (the 薬価基準 units and their common spellings), compared
// after NFKC (so "ｍL" is mL).
bool isDispensingUnit(std::string_view unit)
{
    static constexpr std::string_view kUnits[]
        = {"錠", "カプセル", "包", "g", "mg", "μg", "mL", "ml", "L", "枚", "本", "個", "瓶", "袋", "管", "キット", "筒",
            "滴", "回", "単位", "枚入", "シート", "ブリスター", "容器", "バイアル", "アンプル", "kit", "T", "C"};
    const auto normalised = clinical::nfkc(unit);
    return normalised && std::find(std::begin(kUnits), std::end(kUnits), *normalised) != std::end(kUnits);
}

std::optional<domain::MedicationLine> mapDrug(const Element& element, const Branch& b, int position,
    const std::string& recordId, std::vector<domain::Rejection>& rejected)
{
    Fields f(*element.value, element.path);
    const bool real = prefixed(*element.value, b.prefix);
    domain::MedicationLine line;
    // RpNo/LineNo are the sandbox's invention: without them a line is numbered by its place in the day, RP 1.
    line.rpNumber = f.integer(names(b.rp, real), false, 1).value_or(1);
    line.lineNumber = f.integer(names(b.line, real), false, 1).value_or(position);
    const std::string_view receiptKey = f.present(names(b.receiptCode, real));
    const std::string_view yjKey = f.present(names(b.yjCode, real));
    const auto receiptCode = f.text(names(b.receiptCode, real), false);
    const auto yjCode = f.text(names(b.yjCode, real), false);
    if (yjCode && (yjCode->size() != 12))
        f.fail(yjKey, kYjCodeForm);
    if (receiptCode && (receiptCode->size() != 9 || receiptCode->find_first_not_of("0123456789") != std::string::npos))
        f.fail(receiptKey, kReceiptCodeForm);
    // The YJ code is what FHIR JP Core and most drug references key on; keep it when the source has one.
    if (yjCode) {
        line.drugCode = *yjCode;
        line.drugCodeSystem = domain::DrugCodeSystem::Yj;
    } else if (receiptCode) {
        line.drugCode = *receiptCode;
        line.drugCodeSystem = domain::DrugCodeSystem::Receipt;
    }
    line.drugName = f.text(names(b.drugName, real), true).value_or("");
    line.ingredientName = f.text(names(b.ingredient, real), false);
    line.quantity = f.decimal(names(b.quantity, real), true);
    if (line.quantity && *line.quantity <= 0)
        f.fail(f.present(names(b.quantity, real)), kNotPositive);
    line.unit = f.text(names(b.unit, real), true);
    if (line.unit && !isDispensingUnit(*line.unit))
        f.fail(f.present(names(b.unit, real)), kDispensingUnit);
    line.usageText = f.text(names(b.usage, real), false);
    line.specialInstruction = f.text(names(b.instruction, real), false);
    line.days = f.integer(names(b.times, real), false, 0);
    line.claimsCategory = f.code(names(b.category, real), false);
    if (f.failed()) {
        domain::Rejection r = reject("medication_line", recordId, f.error());
        r.childKey = std::to_string(line.rpNumber) + "/" + std::to_string(line.lineNumber);
        rejected.push_back(std::move(r));
        return std::nullopt;
    }
    return line;
}

Status mapDay(const Element& element, const Branch& b, const Fields& month, const std::optional<domain::Date>& birth,
    const MappingOptions& options, domain::RecordBatch& batch)
{
    const bool monthReal = prefixed(month.object(), b.prefix);
    Fields mf(month.object(), month.path());
    const auto pharmacyCode = mf.text(names(b.pharmacyCode, monthReal), false);
    const auto pharmacyName = mf.text(names(b.pharmacyName, monthReal), false);
    const auto prescriberCode = mf.text(names(b.prescriberCode, monthReal), false);
    const auto prescriberName = mf.text(names(b.prescriberName, monthReal), false);
    const auto inOut = mf.code(names(b.inOut, monthReal), false);

    Fields f(*element.value, element.path);
    const bool real = prefixed(*element.value, b.prefix);
    domain::DispensingRecord record;
    domain::Dispensing& disp = record.dispensing;
    disp.kind = b.kind;
    disp.provenance.sourceRecordId = f.text(names(b.recordId, real), false);
    const std::string recordId = disp.provenance.sourceRecordId.value_or("");
    const auto dispensed = f.date(names(b.dispensedOn, real), true);
    disp.prescribedOn = f.date(names(b.prescribedOn, real), false);
    checkRecordDate(f, f.present(names(b.dispensedOn, real)), dispensed, birth, options);
    checkRecordDate(f, f.present(names(b.prescribedOn, real)), disp.prescribedOn, birth, options);
    const bool hasDrugs = f.has(f.present(names(b.drugs, real)));
    const auto drugs = f.list(names(b.drugs, real), names(b.drug, real));
    if (f.failed() && f.error().wholeResponse)
        return structural(f.error());
    if (!f.failed() && drugs->empty()) {
        // A day of 診療情報 only (MeTrInfs: procedures, not stored) has nothing to import and is not a defect.
        if (!hasDrugs && f.has(f.present(names(b.procedures, real))))
            return {};
        f.fail(f.present(names(b.drugs, real)), reason::kEmpty);
    }
    if (f.failed()) {
        batch.rejections.push_back(reject("dispensing", recordId, f.error()));
        return {};
    }
    if (!pharmacyCode && !pharmacyName) {
        // The institution is a field of the month, not of the day: the path names where it is missing.
        batch.rejections.push_back(reject("dispensing", recordId,
            fieldError(at(month.path(), mf.present(names(b.pharmacyCode, monthReal))), kNoInstitution)));
        return {};
    }
    disp.dispensedOn = *dispensed;
    if (inOut == "1")
        disp.inOut = domain::InOut::Inpatient;
    else if (inOut == "2")
        disp.inOut = domain::InOut::Outpatient;
    record.pharmacy = domain::InstitutionRef {
        domain::ProviderKind::Pharmacy, pharmacyCode.value_or(""), pharmacyName.value_or(pharmacyCode.value_or(""))};
    if (prescriberCode || prescriberName)
        record.prescriber = domain::InstitutionRef {domain::ProviderKind::MedicalInstitution,
            prescriberCode.value_or(""), prescriberName.value_or(prescriberCode.value_or(""))};
    int position = 0;
    for (const Element& drug : *drugs) {
        auto line = mapDrug(drug, b, ++position, recordId, record.rejectedLines);
        if (!line)
            continue;
        const bool repeated = std::any_of(disp.lines.begin(), disp.lines.end(),
            [&](const auto& x) { return x.rpNumber == line->rpNumber && x.lineNumber == line->lineNumber; });
        if (repeated) {
            const bool drugReal = prefixed(*drug.value, b.prefix);
            domain::Rejection r = reject("medication_line", recordId,
                fieldError(
                    at(drug.path, Fields(*drug.value, drug.path).present(names(b.line, drugReal))), kRepeatedLine));
            r.childKey = std::to_string(line->rpNumber) + "/" + std::to_string(line->lineNumber);
            record.rejectedLines.push_back(std::move(r));
            continue;
        }
        disp.lines.push_back(std::move(*line));
    }
    if (disp.lines.empty()) {
        // Every line was refused: nothing left to keep. The refusals are still reported, with the batch.
        for (auto& r : record.rejectedLines)
            batch.rejections.push_back(std::move(r));
        return {};
    }
    batch.dispensings.push_back(std::move(record));
    return {};
}

} // namespace

Status mapDispensings(
    const json& data, const std::string& path, const MappingOptions& options, domain::RecordBatch& batch)
{
    TECHO_ASSIGN(const Sections sections, xmlSections(data, path));
    TECHO_TRY(mapPerson(*sections.header, sections.headerPath,
        {{"QuaInf"}, {"Name"}, {"KanaName", "KanasName"}, {"Birth"}, false, {"AdmGendCode"}}, options, batch));
    const std::optional<domain::Date> birth = batch.person ? batch.person->birthDate : std::nullopt;
    Fields root(*sections.body, sections.bodyPath);
    for (const Branch& b : branches()) {
        const auto months = root.list(b.months, b.month);
        if (root.failed())
            return structural(root.error());
        for (const Element& month : *months) {
            Fields mf(*month.value, month.path);
            const bool real = prefixed(*month.value, b.prefix);
            // Month-level fields are read again per day (mapDay); here only their form is checked.
            for (const Name* n : {&b.pharmacyCode, &b.pharmacyName, &b.prescriberCode, &b.prescriberName})
                (void)mf.text(names(*n, real), false);
            (void)mf.code(names(b.inOut, real), false);
            const auto days = mf.list(names(b.days, real), names(b.day, real));
            if (mf.failed())
                return structural(mf.error());
            for (const Element& day : *days)
                TECHO_TRY(mapDay(day, b, mf, birth, options, batch));
        }
    }
    return {};
}

} // namespace techo::mynaportal::detail

// The clinical rules as pure functions over domain values: the 特定健診 judgement at every threshold
// (令和6年度版 別紙5 and 階層化 ステップ1), sex-specific and low-side items, comparator values, the 尿蛋白
// qualitative codes; trend series that merge method variants, convert JDS HbA1c and average blood pressure
// readings; current medicines; duplicate medication. Expected values are the programme's numbers, written out.
#include "core/clinical/CurrentMedicines.h"
#include "core/clinical/DuplicateMedication.h"
#include "core/clinical/ItemCatalog.h"
#include "core/clinical/Judgement.h"
#include "core/clinical/TrendSeries.h"

#include <QTest>

#include <cmath>
#include <set>

using namespace techo;
using namespace techo::clinical;
using namespace techo::domain;

namespace {

// 17-character codes from shared/research/mynaportal.md (b1).
const char* const kHbA1cImmuno = "3D046000001906202";
const char* const kHbA1cHplc = "3D046000001920402";
const char* const kHbA1cJdsHplc = "3D045000001920402";
const char* const kSbp1 = "9A751000000000001";
const char* const kSbp2 = "9A752000000000001";
const char* const kSbpOther = "9A755000000000001";
const char* const kTgFasting = "3F015000002327101";
const char* const kTgCasual = "3F015129902327101";
const char* const kHeight = "9N001000000000001";
const char* const kUrineProtein = "1A010000000191111";
const char* const kWaistMeasured = "9N016160100000001";
const char* const kWaistSelfReported = "9N016160300000001";

QByteArray name(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

// The band as text ("normal", "guidance", "referral") or the reason it has none.
QByteArray outcome(const Judgement& j)
{
    if (j.band)
        return name(toString(*j.band));
    if (j.notJudged)
        return "not_judged:" + name(toString(*j.notJudged));
    return "neither";
}

const LogicalItem& item(std::string_view key)
{
    const LogicalItem* found = findLogicalItem(key);
    if (found == nullptr)
        qFatal("no logical item %s", std::string(key).c_str());
    return *found;
}

QByteArray judge(std::string_view key, double value, std::optional<Sex> sex = std::nullopt,
    std::optional<Comparator> comparator = std::nullopt)
{
    return outcome(judgeQuantity(ruleFor(item(key)), value, comparator, sex));
}

Observation pq(std::int64_t id, const char* code, double value, const char* unit = nullptr)
{
    Observation o;
    o.id = id;
    o.itemCode = code;
    o.itemName = "item";
    o.valueType = ValueType::PQ;
    o.valueNum = value;
    const auto variant = variantOf(code);
    if (unit != nullptr)
        o.unit = unit;
    else if (variant)
        o.unit = std::string(itemUnit(*variant->item));
    return o;
}

Observation coded(std::int64_t id, const char* code, const char* valueCode)
{
    Observation o;
    o.id = id;
    o.itemCode = code;
    o.itemName = "item";
    o.valueType = ValueType::CD;
    o.valueCode = valueCode;
    o.valueCodeSystem = "1.2.392.200119.6.2101";
    return o;
}

Checkup checkup(std::int64_t id, Date day, std::vector<Observation> observations, const char* kind = "10")
{
    Checkup c;
    c.id = id;
    c.profileId = 1;
    c.performedOn = day;
    c.kind = kind;
    c.facilityId = 100 + id;
    c.observations = std::move(observations);
    return c;
}

MedicationLine drugLine(std::int64_t id, std::string code, DrugCodeSystem system, std::string drugName,
    std::optional<std::string> ingredient, std::optional<int> days, const char* category = "21")
{
    MedicationLine m;
    m.id = id;
    m.drugCode = std::move(code);
    m.drugCodeSystem = system;
    m.drugName = std::move(drugName);
    m.ingredientName = std::move(ingredient);
    m.quantity = 1;
    m.unit = "錠";
    m.days = days;
    m.claimsCategory = category;
    return m;
}

// ノルバスク錠2.5mg / 5mg and their ingredient (resources/sandbox/drugs.json, verified YJ codes).
MedicationLine amlodipine(std::int64_t id, int days, const char* yj = "2171022F1029")
{
    return drugLine(id, yj, DrugCodeSystem::Yj, "ノルバスク錠２．５ｍｇ", "アムロジピンベシル酸塩", days);
}

Dispensing dispensing(std::int64_t id, Date day, std::int64_t pharmacy, std::optional<std::int64_t> prescriber,
    std::vector<MedicationLine> lines, DispensingKind kind = DispensingKind::Claims)
{
    Dispensing d;
    d.id = id;
    d.profileId = 1;
    d.kind = kind;
    d.dispensedOn = day;
    d.pharmacyId = pharmacy;
    d.prescriberId = prescriber;
    d.lines = std::move(lines);
    for (MedicationLine& line : d.lines)
        line.dispensingId = id;
    return d;
}

QByteArray iso(Date d)
{
    return QByteArray::fromStdString(formatDate(d));
}

} // namespace

class TestClinical final : public QObject {
    Q_OBJECT

private slots:
    // ---- the catalog ----

    void everyKnownItemCodeBelongsToALogicalItemWithItsUnit()
    {
        for (const CheckupItem& ci : checkupItems()) {
            const auto variant = variantOf(ci.code);
            QVERIFY2(variant.has_value(), std::string(ci.code).c_str());
            // JDS HbA1c joins "hba1c" (converted) whatever key CheckupItems files it under.
            const std::string_view expectedKey
                = variant->role == VariantRole::JdsHbA1c ? std::string_view("hba1c") : ci.logicalKey;
            QCOMPARE(name(variant->item->key), name(expectedKey));
            QCOMPARE(name(itemUnit(*variant->item)), name(ci.unit));
            QCOMPARE(variant->item->type, ci.type);
        }
    }

    void variantsOfOneItemShareTheirThresholds()
    {
        for (const LogicalItem& li : logicalItems()) {
            const JudgementRule rule = ruleFor(li);
            for (const ItemVariant& v : variantsOf(li)) {
                if (v.checkupItem == nullptr || v.role == VariantRole::JdsHbA1c)
                    continue;
                QVERIFY2(v.checkupItem->guidance.has_value() == rule.guidance.has_value(), v.code.data());
                QVERIFY2(v.checkupItem->referral.has_value() == rule.referral.has_value(), v.code.data());
            }
        }
    }

    void logicalItemsComeInTheOfficialGroupOrder()
    {
        std::vector<QByteArray> groups;
        for (const LogicalItem& li : logicalItems())
            if (groups.empty() || groups.back() != name(toString(li.group)))
                groups.push_back(name(toString(li.group)));
        const std::vector<QByteArray> expected {"body", "blood_pressure", "lipids", "liver", "glucose", "urine",
            "kidney", "anemia", "ecg", "fundus", "assessment", "questionnaire"};
        QCOMPARE(groups, expected);
        QCOMPARE(name(groupNameJa(ItemGroup::Lipids)), name("脂質"));
    }

    void hba1cGroupsItsNgspAndJdsCodes()
    {
        const auto ngsp = variantOf(kHbA1cImmuno);
        const auto jds = variantOf(kHbA1cJdsHplc);
        QVERIFY(ngsp && jds);
        QCOMPARE(ngsp->item, jds->item);
        QCOMPARE(jds->role, VariantRole::JdsHbA1c);
        QVERIFY(ngsp->preference < jds->preference);
        // Fasting and casual triglycerides are different items.
        QVERIFY(variantOf(kTgFasting)->item != variantOf(kTgCasual)->item);
    }

    void jdsConvertsByTheOfficialFormula()
    {
        // NGSP = 1.02 × JDS + 0.25, to 0.1 %: 5.2 → 5.554 → 5.6; 6.1 → 6.472 → 6.5; 5.0 → 5.35 → 5.4.
        QCOMPARE(convertJdsToNgsp(5.2), 5.6);
        QCOMPARE(convertJdsToNgsp(6.1), 6.5);
        QCOMPARE(convertJdsToNgsp(5.0), 5.4);
    }

    // ---- judgement ----

    void judgesAtEveryThreshold_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("sex"); // 0 male, 1 female, 2 unknown
        QTest::addColumn<QByteArray>("expected");
        auto row = [](const char* label, const char* key, double value, int sex, const char* expected) {
            QTest::newRow(label) << QByteArray(key) << value << sex << QByteArray(expected);
        };
        // 別紙5 (令和6年度版): value exactly at a judgement value is in that band, just below is not.
        row("sbp 129", "sbp", 129, 2, "normal");
        row("sbp 130", "sbp", 130, 2, "guidance");
        row("sbp 139", "sbp", 139, 2, "guidance");
        row("sbp 140", "sbp", 140, 2, "referral");
        row("dbp 84", "dbp", 84, 2, "normal");
        row("dbp 85", "dbp", 85, 2, "guidance");
        row("dbp 90", "dbp", 90, 2, "referral");
        row("tg fasting 149", "tg_fasting", 149, 2, "normal");
        row("tg fasting 150", "tg_fasting", 150, 2, "guidance");
        row("tg fasting 299", "tg_fasting", 299, 2, "guidance");
        row("tg fasting 300", "tg_fasting", 300, 2, "referral");
        row("tg casual 174", "tg_casual", 174, 2, "normal");
        row("tg casual 175", "tg_casual", 175, 2, "guidance");
        row("tg casual 300", "tg_casual", 300, 2, "referral");
        row("hdl 40", "hdl", 40, 2, "normal");
        row("hdl 39", "hdl", 39, 2, "guidance");
        row("hdl 20 (no referral value in R6)", "hdl", 20, 2, "guidance");
        row("ldl 119", "ldl", 119, 2, "normal");
        row("ldl 120", "ldl", 120, 2, "guidance");
        row("ldl 140", "ldl", 140, 2, "referral");
        row("non-hdl 149", "non_hdl", 149, 2, "normal");
        row("non-hdl 150", "non_hdl", 150, 2, "guidance");
        row("non-hdl 170", "non_hdl", 170, 2, "referral");
        row("ast 30", "ast", 30, 2, "normal");
        row("ast 31", "ast", 31, 2, "guidance");
        row("ast 51", "ast", 51, 2, "referral");
        row("alt 31", "alt", 31, 2, "guidance");
        row("alt 51", "alt", 51, 2, "referral");
        row("ggt 50", "ggt", 50, 2, "normal");
        row("ggt 51", "ggt", 51, 2, "guidance");
        row("ggt 101", "ggt", 101, 2, "referral");
        row("fpg 99", "fpg", 99, 2, "normal");
        row("fpg 100", "fpg", 100, 2, "guidance");
        row("fpg 126", "fpg", 126, 2, "referral");
        row("casual glucose 126", "casual_glucose", 126, 2, "referral");
        row("hba1c 5.5", "hba1c", 5.5, 2, "normal");
        row("hba1c 5.6", "hba1c", 5.6, 2, "guidance");
        row("hba1c 6.4", "hba1c", 6.4, 2, "guidance");
        row("hba1c 6.5", "hba1c", 6.5, 2, "referral");
        row("egfr 60", "egfr", 60, 2, "normal");
        row("egfr 59.9", "egfr", 59.9, 2, "guidance");
        row("egfr 45", "egfr", 45, 2, "guidance");
        row("egfr 44.9", "egfr", 44.9, 2, "referral");
        // 血色素量: low side, ≤, by sex.
        row("hb male 13.1", "hemoglobin", 13.1, 0, "normal");
        row("hb male 13.0", "hemoglobin", 13.0, 0, "guidance");
        row("hb male 12.1", "hemoglobin", 12.1, 0, "guidance");
        row("hb male 12.0", "hemoglobin", 12.0, 0, "referral");
        row("hb female 12.1", "hemoglobin", 12.1, 1, "normal");
        row("hb female 12.0", "hemoglobin", 12.0, 1, "guidance");
        row("hb female 11.0", "hemoglobin", 11.0, 1, "referral");
        row("hb female 13.0 (male guidance)", "hemoglobin", 13.0, 1, "normal");
        // 腹囲 (階層化 ステップ1): ≥85 men, ≥90 women.
        row("waist male 84.9", "waist", 84.9, 0, "normal");
        row("waist male 85", "waist", 85, 0, "guidance");
        row("waist female 89.9", "waist", 89.9, 1, "normal");
        row("waist female 90", "waist", 90, 1, "guidance");
        row("waist unknown sex 80 (both normal)", "waist", 80, 2, "normal");
        row("waist unknown sex 87 (sexes differ)", "waist", 87, 2, "not_judged:sex_needed");
        row("waist unknown sex 95 (both guidance)", "waist", 95, 2, "guidance");
        row("bmi 24.9", "bmi", 24.9, 2, "normal");
        row("bmi 25", "bmi", 25, 2, "guidance");
        row("height has no rule", "height", 170, 2, "not_judged:no_rule");
        row("uric acid has no rule", "uric_acid", 9.0, 2, "not_judged:no_rule");
    }

    void judgesAtEveryThreshold()
    {
        QFETCH(QByteArray, key);
        QFETCH(double, value);
        QFETCH(int, sex);
        QFETCH(QByteArray, expected);
        const std::optional<Sex> s = sex == 0 ? std::optional(Sex::Male)
            : sex == 1                        ? std::optional(Sex::Female)
                                              : std::nullopt;
        QCOMPARE(judge(key.toStdString(), value, s), expected);
    }

    // Every threshold in the table, for both sexes: at the value → its band; one step on the other side → not.
    void everyTableThresholdIsABoundary()
    {
        int checked = 0;
        for (const LogicalItem& li : logicalItems()) {
            const JudgementRule rule = ruleFor(li);
            for (const auto& [threshold, band] :
                {std::pair {rule.guidance, Band::Guidance}, std::pair {rule.referral, Band::Referral}}) {
                if (!threshold)
                    continue;
                for (const bool male : {true, false}) {
                    const double t = male ? threshold->male : threshold->female;
                    const bool upward
                        = threshold->direction == Direction::AtLeast || threshold->direction == Direction::Above;
                    const bool inclusive
                        = threshold->direction == Direction::AtLeast || threshold->direction == Direction::AtMost;
                    const double inside = inclusive ? t : (upward ? t + 0.01 : t - 0.01);
                    const double outside = inclusive ? (upward ? t - 0.01 : t + 0.01) : t;
                    const Judgement in = judgeQuantity(rule, inside, std::nullopt, male ? Sex::Male : Sex::Female);
                    const Judgement out = judgeQuantity(rule, outside, std::nullopt, male ? Sex::Male : Sex::Female);
                    const QByteArray where = name(li.key) + (male ? " male " : " female ") + QByteArray::number(t);
                    QVERIFY2(in.band == band, where.constData());
                    QVERIFY2(out.band.has_value() && *out.band < band, where.constData());
                    ++checked;
                }
            }
        }
        QVERIFY2(checked >= 40, "the table lost its thresholds");
    }

    void judgementNamesTheThresholdsAndSource()
    {
        const Judgement j = judgeQuantity(ruleFor(item("hemoglobin")), 12.5, std::nullopt, Sex::Female);
        QCOMPARE(outcome(j), QByteArray("normal"));
        QVERIFY(j.guidance && j.referral);
        QCOMPARE(j.guidance->value, 12.0);
        QCOMPARE(j.guidance->direction, Direction::AtMost);
        QCOMPARE(j.referral->value, 11.0);
        QCOMPARE(j.source, RuleSource::Besshi5);
        const Judgement hdl = judgeQuantity(ruleFor(item("hdl")), 50, std::nullopt, Sex::Male);
        QVERIFY(hdl.guidance && !hdl.referral);
        QCOMPARE(hdl.guidance->direction, Direction::Below);
        QCOMPARE(judgeQuantity(ruleFor(item("waist")), 80, std::nullopt, Sex::Male).source, RuleSource::Stratification);
        QVERIFY(!ruleCitation(RuleSource::Besshi5).empty());
    }

    void comparatorValuesAreJudgedAsBounds_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("comparator");
        QTest::addColumn<double>("bound");
        QTest::addColumn<QByteArray>("expected");
        auto row = [](const char* key, const char* cmp, double bound, const char* expected) {
            QTest::newRow((std::string(key) + " " + cmp + std::to_string(bound)).c_str())
                << QByteArray(key) << QByteArray(cmp) << bound << QByteArray(expected);
        };
        row("ggt", "<", 5, "normal"); // every value below 5 is under 51
        row("alt", ">=", 500, "referral"); // every value from 500 up is over 51
        row("alt", ">", 50, "not_judged:bound_spans_bands"); // 50.5 guidance, 60 referral
        row("ldl", ">=", 130, "not_judged:bound_spans_bands");
        row("tg_fasting", "<", 150, "normal"); // 149.99 is still normal
        row("tg_fasting", "<=", 150, "not_judged:bound_spans_bands"); // 150 itself is guidance
        row("hdl", "<", 40, "guidance"); // low side: everything below 40
        row("hdl", "<", 30, "guidance");
        row("hdl", ">=", 40, "normal");
        row("hdl", "<=", 40, "not_judged:bound_spans_bands");
        row("egfr", ">", 90, "normal");
        row("egfr", "<", 15, "referral");
        row("hba1c", ">=", 14, "referral");
    }

    void comparatorValuesAreJudgedAsBounds()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, comparator);
        QFETCH(double, bound);
        QFETCH(QByteArray, expected);
        const auto cmp = fromString<Comparator>(comparator.toStdString());
        QVERIFY(cmp.has_value());
        QCOMPARE(judge(key.toStdString(), bound, Sex::Male, cmp), expected);
    }

    void urineProteinCodesAreJudgedPerBesshi5()
    {
        const JudgementRule protein = ruleFor(item("urine_protein"));
        QCOMPARE(outcome(judgeCode(protein, "1", std::nullopt)), QByteArray("normal")); // (−)
        QCOMPARE(outcome(judgeCode(protein, "2", std::nullopt)), QByteArray("guidance")); // (±)
        QCOMPARE(outcome(judgeCode(protein, "3", std::nullopt)), QByteArray("referral")); // (+)
        QCOMPARE(outcome(judgeCode(protein, "4", std::nullopt)), QByteArray("referral")); // (++)
        QCOMPARE(outcome(judgeCode(protein, "5", std::nullopt)), QByteArray("referral")); // (+++)
        QCOMPARE(outcome(judgeCode(protein, "2", "urn:oid:1.2.392.200119.6.2101")), QByteArray("guidance"));
        QCOMPARE(outcome(judgeCode(protein, "3", "1.2.392.200119.6.2102")), QByteArray("referral")); // MHLW OID表
        QCOMPARE(outcome(judgeCode(protein, "6", std::nullopt)), QByteArray("not_judged:unknown_code"));
        QCOMPARE(outcome(judgeCode(protein, "(-)", std::nullopt)), QByteArray("not_judged:unknown_code"));
        QCOMPARE(outcome(judgeCode(protein, "1", "1.2.392.200119.6.9999")), QByteArray("not_judged:unknown_code"));
        // 尿糖 has no row in 別紙5: its codes are shown, never judged.
        QCOMPARE(
            outcome(judgeCode(ruleFor(item("urine_glucose")), "5", std::nullopt)), QByteArray("not_judged:no_rule"));
        QCOMPARE(urineQualitativeLabel("2"), std::string_view("±"));
    }

    // ---- trend series ----

    void hba1cMethodVariantsMergeIntoOneSeriesOldestFirst()
    {
        // Input deliberately newest first: the series sorts by day.
        const std::vector<Checkup> checkups {
            checkup(3, makeDate(2022, 6, 1), {pq(30, kHbA1cHplc, 6.6)}),
            checkup(2, makeDate(2018, 6, 1), {pq(20, kHbA1cImmuno, 5.5), pq(21, kHeight, 170)}),
        };
        const TrendSeries s = buildSeries(checkups, item("hba1c"), Sex::Male);
        QCOMPARE(s.points.size(), std::size_t {2});
        QCOMPARE(iso(s.points[0].date), QByteArray("2018-06-01"));
        QCOMPARE(s.points[0].value, 5.5);
        QCOMPARE(outcome(s.points[0].judgement), QByteArray("normal"));
        QCOMPARE(iso(s.points[1].date), QByteArray("2022-06-01"));
        QCOMPARE(name(s.points[1].itemCode), name(kHbA1cHplc));
        QCOMPARE(outcome(s.points[1].judgement), QByteArray("referral"));
        QCOMPARE(s.points[1].facilityId, std::optional<std::int64_t>(103));
        QCOMPARE(s.thresholds.guidance, std::optional(AppliedThreshold {Direction::AtLeast, 5.6}));
        QCOMPARE(s.thresholds.referral, std::optional(AppliedThreshold {Direction::AtLeast, 6.5}));
    }

    void seriesCarriesTheBandsForThePersonsSex()
    {
        const std::vector<Checkup> none;
        const TrendSeries woman = buildSeries(none, item("hemoglobin"), Sex::Female);
        QCOMPARE(woman.thresholds.guidance, std::optional(AppliedThreshold {Direction::AtMost, 12.0}));
        QCOMPARE(woman.thresholds.referral, std::optional(AppliedThreshold {Direction::AtMost, 11.0}));
        const TrendSeries man = buildSeries(none, item("hemoglobin"), Sex::Male);
        QCOMPARE(man.thresholds.guidance, std::optional(AppliedThreshold {Direction::AtMost, 13.0}));
        // Sex unknown: no bands rather than one sex's bands.
        const TrendSeries unknown = buildSeries(none, item("hemoglobin"), std::nullopt);
        QVERIFY(!unknown.thresholds.guidance && !unknown.thresholds.referral);
        // HDL: one low-side value, no referral band in 令和6年度版.
        const TrendSeries hdl = buildSeries(none, item("hdl"), std::nullopt);
        QCOMPARE(hdl.thresholds.guidance, std::optional(AppliedThreshold {Direction::Below, 40}));
        QVERIFY(!hdl.thresholds.referral);
        QCOMPARE(hdl.thresholds.source, RuleSource::Besshi5);
    }

    void jdsHbA1cIsConvertedAndMarked()
    {
        const std::vector<Checkup> checkups {
            checkup(1, makeDate(2011, 5, 10), {pq(10, kHbA1cJdsHplc, 5.2)}),
            checkup(2, makeDate(2014, 5, 10), {pq(20, kHbA1cHplc, 5.7)}),
        };
        const TrendSeries s = buildSeries(checkups, item("hba1c"), Sex::Female);
        QCOMPARE(s.points.size(), std::size_t {2});
        QCOMPARE(s.points[0].origin, PointOrigin::ConvertedFromJds);
        QCOMPARE(s.points[0].value, 5.6);
        QCOMPARE(s.points[0].valueAsSent, 5.2);
        // JDS 5.2 (the guidance value in JDS days) converts to NGSP 5.6: 保健指導判定値 today.
        QCOMPARE(outcome(s.points[0].judgement), QByteArray("guidance"));
        QCOMPARE(s.points[1].origin, PointOrigin::AsMeasured);
        QVERIFY(!s.points[1].valueAsSent);
    }

    void bloodPressureUsesTheMeanOfTwoReadings()
    {
        const std::vector<Checkup> checkups {
            checkup(1, makeDate(2020, 4, 1), {pq(10, kSbp1, 134), pq(11, kSbp2, 125)}), // mean 129.5: normal
            checkup(2, makeDate(2021, 4, 1), {pq(20, kSbpOther, 142), pq(21, kSbp1, 128)}), // その他 first
            checkup(3, makeDate(2022, 4, 1), {pq(30, kSbp2, 131)}), // the only reading
        };
        const TrendSeries s = buildSeries(checkups, item("sbp"), Sex::Male);
        QCOMPARE(s.points.size(), std::size_t {3});
        QCOMPARE(s.points[0].value, 129.5);
        QCOMPARE(s.points[0].origin, PointOrigin::MeanOfReadings);
        QCOMPARE(s.points[0].observationIds, (std::vector<std::int64_t> {10, 11}));
        QCOMPARE(outcome(s.points[0].judgement), QByteArray("normal")); // 134 alone would be guidance
        QCOMPARE(s.points[1].value, 142.0);
        QCOMPARE(outcome(s.points[1].judgement), QByteArray("referral"));
        QCOMPARE(s.points[2].value, 131.0);
        QCOMPARE(outcome(s.points[2].judgement), QByteArray("guidance"));
    }

    void fastingAndCasualTriglyceridesAreSeparateSeries()
    {
        const std::vector<Checkup> checkups {
            checkup(1, makeDate(2020, 4, 1), {pq(10, kTgFasting, 160)}),
            checkup(2, makeDate(2021, 4, 1), {pq(20, kTgCasual, 160)}),
        };
        const TrendSeries fasting = buildSeries(checkups, item("tg_fasting"), Sex::Male);
        const TrendSeries casual = buildSeries(checkups, item("tg_casual"), Sex::Male);
        QCOMPARE(fasting.points.size(), std::size_t {1});
        QCOMPARE(casual.points.size(), std::size_t {1});
        QCOMPARE(outcome(fasting.points[0].judgement), QByteArray("guidance")); // ≥150
        QCOMPARE(outcome(casual.points[0].judgement), QByteArray("normal")); // <175
    }

    void waistPrefersTheMeasuredValue()
    {
        const std::vector<Checkup> checkups {
            checkup(1, makeDate(2020, 4, 1), {pq(10, kWaistSelfReported, 80), pq(11, kWaistMeasured, 86)}),
        };
        const TrendSeries s = buildSeries(checkups, item("waist"), Sex::Male);
        QCOMPARE(s.points.size(), std::size_t {1});
        QCOMPARE(s.points[0].value, 86.0);
        QCOMPARE(outcome(s.points[0].judgement), QByteArray("guidance"));
    }

    void unitSpellingsJoinAndOtherUnitsAreSetAside()
    {
        const std::vector<Checkup> checkups {
            checkup(1, makeDate(2019, 4, 1), {pq(10, kTgFasting, 120, "mg/dl")}),
            checkup(2, makeDate(2020, 4, 1), {pq(20, kTgFasting, 1.5, "mmol/L")}),
        };
        const TrendSeries s = buildSeries(checkups, item("tg_fasting"), Sex::Male);
        QCOMPARE(s.points.size(), std::size_t {1});
        QCOMPARE(s.points[0].value, 120.0);
        QCOMPARE(s.excluded.size(), std::size_t {1});
        QCOMPARE(s.excluded[0].observationId, std::int64_t {20});
        QCOMPARE(s.excluded[0].reason, ExcludedObservation::Reason::UnitMismatch);
    }

    void oneDayWithTwoCheckupsGivesOnePointFromTheSpecificHealthCheckup()
    {
        const std::vector<Checkup> checkups {
            checkup(1, makeDate(2020, 4, 1), {pq(10, kHbA1cImmuno, 6.0)}, "41"),
            checkup(2, makeDate(2020, 4, 1), {pq(20, kHbA1cImmuno, 5.4)}, "10"),
        };
        const TrendSeries s = buildSeries(checkups, item("hba1c"), Sex::Male);
        QCOMPARE(s.points.size(), std::size_t {1});
        QCOMPARE(s.points[0].checkupId, std::int64_t {2});
        QCOMPARE(s.points[0].value, 5.4);
    }

    void qualitativeAndComparatorPoints()
    {
        Observation ggt = pq(11, "3B090000002327101", 5);
        ggt.comparator = Comparator::Less;
        const std::vector<Checkup> checkups {
            checkup(1, makeDate(2020, 4, 1), {coded(10, kUrineProtein, "2"), ggt}),
        };
        const TrendSeries protein = buildSeries(checkups, item("urine_protein"), Sex::Male);
        QCOMPARE(protein.points.size(), std::size_t {1});
        QCOMPARE(protein.points[0].code, std::optional<std::string>("2"));
        QCOMPARE(protein.points[0].label, std::optional<std::string>("±"));
        QCOMPARE(outcome(protein.points[0].judgement), QByteArray("guidance"));
        const TrendSeries g = buildSeries(checkups, item("ggt"), Sex::Male);
        QCOMPARE(g.points[0].comparator, std::optional(Comparator::Less));
        QCOMPARE(outcome(g.points[0].judgement), QByteArray("normal"));
    }

    void allSeriesComeInTheOfficialOrder()
    {
        const std::vector<Checkup> checkups {
            checkup(1, makeDate(2020, 4, 1),
                {coded(10, kUrineProtein, "1"), pq(11, kHbA1cImmuno, 5.0), pq(12, kSbp1, 120), pq(13, kHeight, 170),
                    pq(14, kTgFasting, 100)}),
        };
        std::vector<QByteArray> keys;
        for (const TrendSeries& s : buildAllSeries(checkups, Sex::Male))
            keys.push_back(name(s.item->key));
        QCOMPARE(keys, (std::vector<QByteArray> {"height", "sbp", "tg_fasting", "hba1c", "urine_protein"}));
    }

    void latestCheckupShowsTheChangeSinceThePreviousDay()
    {
        const std::vector<Checkup> checkups {
            checkup(1, makeDate(2019, 4, 1), {pq(10, kHbA1cImmuno, 5.2), pq(11, kTgFasting, 140)}),
            checkup(2, makeDate(2021, 4, 1), {pq(20, kHbA1cImmuno, 5.7)}),
            checkup(3, makeDate(2023, 4, 1), {pq(30, kHbA1cHplc, 6.0), pq(31, kTgFasting, 180)}),
        };
        const auto summary = summarizeLatestCheckup(checkups, Sex::Male);
        QVERIFY(summary.has_value());
        QCOMPARE(iso(summary->date), QByteArray("2023-04-01"));
        QCOMPARE(iso(*summary->previousDate), QByteArray("2021-04-01"));
        QCOMPARE(summary->items.size(), std::size_t {2});
        const ItemChange& tg = summary->items[0]; // 脂質 before 血糖
        QCOMPARE(name(tg.item->key), QByteArray("tg_fasting"));
        QVERIFY(!tg.previous); // not measured on 2021-04-01
        QVERIFY(!tg.delta);
        const ItemChange& a1c = summary->items[1];
        QCOMPARE(name(a1c.item->key), QByteArray("hba1c"));
        QCOMPARE(outcome(a1c.latest.judgement), QByteArray("guidance"));
        QVERIFY(a1c.previous && a1c.delta);
        QVERIFY(std::abs(*a1c.delta - 0.3) < 1e-9);
        QVERIFY(!summarizeLatestCheckup({}, Sex::Male));
    }

    // ---- current medicines ----

    void dailyMedicineIsCurrentForItsDays()
    {
        const std::vector<Dispensing> ds {dispensing(1, makeDate(2024, 4, 1), 50, 60, {amlodipine(11, 28)})};
        QCOMPARE(currentMedicines(ds, makeDate(2024, 3, 31)).size(), std::size_t {0});
        QCOMPARE(currentMedicines(ds, makeDate(2024, 4, 1)).size(), std::size_t {1});
        const auto last = currentMedicines(ds, makeDate(2024, 4, 28));
        QCOMPARE(last.size(), std::size_t {1});
        QCOMPARE(iso(last[0].until), QByteArray("2024-04-28"));
        QVERIFY(!last[0].untilEstimated);
        QCOMPARE(currentMedicines(ds, makeDate(2024, 4, 29)).size(), std::size_t {0});
    }

    void asNeededAndTopicalMedicinesUseTheEstimatedWindow()
    {
        // 屯服 10 回分 and 外用 1 調剤: neither number is days.
        MedicationLine calonal
            = drugLine(11, "1141007F1063", DrugCodeSystem::Yj, "カロナール錠２００", "アセトアミノフェン", 10, "22");
        MedicationLine tape
            = drugLine(12, "2259707S1037", DrugCodeSystem::Yj, "ツロブテロールテープ２ｍｇ", "ツロブテロール", 1, "23");
        const std::vector<Dispensing> ds {dispensing(1, makeDate(2024, 4, 1), 50, 60, {calonal, tape})};
        const auto onDay30 = currentMedicines(ds, makeDate(2024, 4, 30));
        QCOMPARE(onDay30.size(), std::size_t {2});
        for (const CurrentMedicine& m : onDay30) {
            QVERIFY(m.untilEstimated);
            QCOMPARE(iso(m.until), QByteArray("2024-04-30"));
        }
        QCOMPARE(currentMedicines(ds, makeDate(2024, 5, 1)).size(), std::size_t {0});
        MedicationRules shorter;
        shorter.asNeededDays = 14;
        QCOMPARE(currentMedicines(ds, makeDate(2024, 4, 15), shorter).size(), std::size_t {0});
    }

    void supersededClaimsRowIsCountedOnce()
    {
        Dispensing claims = dispensing(1, makeDate(2024, 4, 1), 50, 60, {amlodipine(11, 28)});
        claims.supersededBy = 2;
        const Dispensing erx
            = dispensing(2, makeDate(2024, 4, 1), 50, 60, {amlodipine(21, 28)}, DispensingKind::ERxDispensing);
        const Dispensing prescription
            = dispensing(3, makeDate(2024, 4, 1), 60, 60, {amlodipine(31, 28)}, DispensingKind::ERxPrescription);
        const std::vector<Dispensing> ds {claims, erx, prescription};
        const auto current = currentMedicines(ds, makeDate(2024, 4, 10));
        QCOMPARE(current.size(), std::size_t {1});
        QCOMPARE(current[0].dispensingIds, (std::vector<std::int64_t> {2}));
        QCOMPARE(current[0].lastLine.id, std::int64_t {21});
        QVERIFY(findDuplicateMedications(ds).empty());
    }

    void strengthsOfOneIngredientAreOneMedicineWithItsCourse()
    {
        // 2.5 mg from 1 April (28 days), 5 mg from 27 April (28 days): one course; a gap; then again from 1 June.
        const std::vector<Dispensing> ds {
            dispensing(1, makeDate(2024, 4, 1), 50, 60, {amlodipine(11, 28)}),
            dispensing(2, makeDate(2024, 4, 27), 50, 60, {amlodipine(21, 28, "2171022F2025")}),
            dispensing(3, makeDate(2024, 6, 1), 50, 60, {amlodipine(31, 28)}),
        };
        const auto inMay = currentMedicines(ds, makeDate(2024, 5, 20));
        QCOMPARE(inMay.size(), std::size_t {1});
        QCOMPARE(name(inMay[0].ingredientKey), QByteArray("yj:2171022"));
        QCOMPARE(iso(inMay[0].start), QByteArray("2024-04-01"));
        QCOMPARE(iso(inMay[0].lastDispensed), QByteArray("2024-04-27"));
        QCOMPARE(iso(inMay[0].until), QByteArray("2024-05-24"));
        QCOMPARE(inMay[0].dispensingIds, (std::vector<std::int64_t> {1, 2}));
        // 24 May ran out, 1 June is 8 days later: a new course.
        const auto inJune = currentMedicines(ds, makeDate(2024, 6, 10));
        QCOMPARE(inJune.size(), std::size_t {1});
        QCOMPARE(iso(inJune[0].start), QByteArray("2024-06-01"));
        QCOMPARE(inJune[0].dispensingIds, (std::vector<std::int64_t> {3}));
        QCOMPARE(currentMedicines(ds, makeDate(2024, 5, 28)).size(), std::size_t {0});
    }

    void claimsLinesWithoutYjJoinByIngredientName()
    {
        MedicationLine receipt = drugLine(
            11, "612170709", DrugCodeSystem::Receipt, "ノルバスク錠２．５ｍｇ", "アムロジピンベシル酸塩", 28);
        MedicationLine generic = amlodipine(21, 28);
        generic.drugName = "アムロジピン錠５ｍｇ「サワイ」";
        generic.ingredientName = "アムロジピン ベシル酸塩"; // spacing differs
        const std::vector<Dispensing> ds {
            dispensing(1, makeDate(2024, 4, 1), 50, 60, {receipt}),
            dispensing(2, makeDate(2024, 4, 20), 50, 60, {generic}),
        };
        const auto current = currentMedicines(ds, makeDate(2024, 4, 25));
        QCOMPARE(current.size(), std::size_t {1});
        QCOMPARE(name(current[0].ingredientKey), QByteArray("yj:2171022"));
        QCOMPARE(current[0].drugNames.size(), std::size_t {2});
    }

    void eachSupplyNamesItsOwnPrescriberAndEnd()
    {
        // The demo's 藤田 剛 on 2026-07-23: one pharmacy (50) dispenses カルボシステイン twice the same day, 7 days
        // prescribed by clinic 61 and 5 days by clinic 60 (stored second, so it is "the newest dispensing").
        MedicationLine sevenDays = drugLine(11, "2233002F1020", DrugCodeSystem::Yj,
            "カルボシステイン錠５００ｍｇ「サワイ」", "Ｌ－カルボシステイン", 7);
        MedicationLine fiveDays = sevenDays;
        fiveDays.id = 21;
        fiveDays.days = 5;
        fiveDays.drugName = "ムコダイン錠５００ｍｇ";
        const std::vector<Dispensing> ds {
            dispensing(1, makeDate(2026, 7, 23), 50, 61, {sevenDays}),
            dispensing(2, makeDate(2026, 7, 23), 50, 60, {fiveDays}),
        };
        const auto current = currentMedicines(ds, makeDate(2026, 7, 25));
        QCOMPARE(current.size(), std::size_t {1});
        const CurrentMedicine& m = current[0];
        QCOMPARE(iso(m.until), QByteArray("2026-07-29"));
        QCOMPARE(m.drugNames.size(), std::size_t {2});
        // Both supplies, each with its own product, prescriber and end; the one lasting longer first.
        QCOMPARE(m.supplies.size(), std::size_t {2});
        QCOMPARE(m.supplies[0].dispensingId, std::int64_t {1});
        QCOMPARE(m.supplies[0].prescriberId, std::optional<std::int64_t> {61});
        QCOMPARE(m.supplies[0].pharmacyId, std::int64_t {50});
        QCOMPARE(iso(m.supplies[0].until), QByteArray("2026-07-29"));
        QCOMPARE(name(m.supplies[0].line.drugName), name("カルボシステイン錠５００ｍｇ「サワイ」"));
        QCOMPARE(m.supplies[1].dispensingId, std::int64_t {2});
        QCOMPARE(m.supplies[1].prescriberId, std::optional<std::int64_t> {60});
        QCOMPARE(iso(m.supplies[1].until), QByteArray("2026-07-27"));
        QCOMPARE(*m.supplies[1].line.days, 5);
        QCOMPARE(name(m.supplies[1].line.drugName), name("ムコダイン錠５００ｍｇ"));
        // On the 28th only clinic 61's supply still covers the day.
        const auto later = currentMedicines(ds, makeDate(2026, 7, 28));
        QCOMPARE(later.size(), std::size_t {1});
        QCOMPARE(later[0].supplies.size(), std::size_t {1});
        QCOMPARE(later[0].supplies[0].prescriberId, std::optional<std::int64_t> {61});
    }

    // ---- duplicate medication ----

    void sameIngredientFromTwoClinicsOverlappingIsADuplicate()
    {
        // One pharmacy (50), two prescribing clinics (60, 61): the case of issue 9.
        const std::vector<Dispensing> ds {
            dispensing(1, makeDate(2024, 4, 1), 50, 60, {amlodipine(11, 28)}),
            dispensing(2, makeDate(2024, 4, 10), 50, 61, {amlodipine(21, 28, "2171022F2025")}),
        };
        const auto findings = findDuplicateMedications(ds);
        QCOMPARE(findings.size(), std::size_t {1});
        const DuplicateFinding& f = findings[0];
        QCOMPARE(name(f.ingredientKey), QByteArray("yj:2171022"));
        QCOMPARE(name(f.ingredient), name("アムロジピンベシル酸塩"));
        QCOMPARE(f.first.dispensingId, std::int64_t {1});
        QCOMPARE(f.first.lineId, std::int64_t {11});
        QCOMPARE(f.first.institutionId, std::int64_t {60});
        QCOMPARE(f.second.dispensingId, std::int64_t {2});
        QCOMPARE(f.second.institutionId, std::int64_t {61});
        QCOMPARE(iso(f.overlapFrom), QByteArray("2024-04-10"));
        QCOMPARE(iso(f.overlapUntil), QByteArray("2024-04-28"));
    }

    void touchingOnOneDayIsAnOverlapTheNextDayIsNot()
    {
        const auto a = dispensing(1, makeDate(2024, 4, 1), 50, 60, {amlodipine(11, 28)}); // to 28 April
        const std::vector<Dispensing> sameDay {a, dispensing(2, makeDate(2024, 4, 28), 50, 61, {amlodipine(21, 28)})};
        const auto f = findDuplicateMedications(sameDay);
        QCOMPARE(f.size(), std::size_t {1});
        QCOMPARE(iso(f[0].overlapFrom), QByteArray("2024-04-28"));
        QCOMPARE(iso(f[0].overlapUntil), QByteArray("2024-04-28"));
        const std::vector<Dispensing> nextDay {a, dispensing(2, makeDate(2024, 4, 29), 50, 61, {amlodipine(21, 28)})};
        QVERIFY(findDuplicateMedications(nextDay).empty());
    }

    void sameInstitutionOrOtherIngredientIsNoDuplicate()
    {
        // One prescriber, early refill at another pharmacy: a refill, not a duplicate.
        const std::vector<Dispensing> refill {
            dispensing(1, makeDate(2024, 4, 1), 50, 60, {amlodipine(11, 28)}),
            dispensing(2, makeDate(2024, 4, 20), 51, 60, {amlodipine(21, 28)}),
        };
        QVERIFY(findDuplicateMedications(refill).empty());
        // Two lines of one ingredient in one dispensing (2.5 mg + 5 mg).
        const std::vector<Dispensing> oneVisit {
            dispensing(1, makeDate(2024, 4, 1), 50, 60, {amlodipine(11, 28), amlodipine(12, 28, "2171022F2025")}),
        };
        QVERIFY(findDuplicateMedications(oneVisit).empty());
        // Two clinics, different ingredients.
        const std::vector<Dispensing> different {
            dispensing(1, makeDate(2024, 4, 1), 50, 60, {amlodipine(11, 28)}),
            dispensing(2, makeDate(2024, 4, 10), 50, 61,
                {drugLine(21, "2189017F1022", DrugCodeSystem::Yj, "クレストール錠２．５ｍｇ",
                    "ロスバスタチンカルシウム", 28)}),
        };
        QVERIFY(findDuplicateMedications(different).empty());
    }

    void ingredientNamesJoinWithinOneRouteOnly()
    {
        // Receipt-coded claims lines (shape-valid codes) known only by IngreN: two clinics' oral loxoprofen is a
        // duplicate; one clinic's tablets and another's tape (診療識別 23 外用) are not.
        const auto tablet = [](std::int64_t id, const char* code) {
            return drugLine(id, code, DrugCodeSystem::Receipt, "ロキソプロフェンＮａ錠６０ｍｇ",
                "ロキソプロフェンナトリウム水和物", 14, "21");
        };
        const MedicationLine tape = drugLine(31, "629900003", DrugCodeSystem::Receipt,
            "ロキソプロフェンＮａテープ１００ｍｇ", "ロキソプロフェンナトリウム水和物", 1, "23");
        const std::vector<Dispensing> oral {
            dispensing(1, makeDate(2024, 4, 1), 50, 60, {tablet(11, "629900001")}),
            dispensing(2, makeDate(2024, 4, 5), 50, 61, {tablet(21, "629900002")}),
        };
        const auto found = findDuplicateMedications(oral);
        QCOMPARE(found.size(), std::size_t {1});
        QCOMPARE(name(found[0].ingredientKey), name("ingredient:oral:ロキソプロフェンナトリウム水和物"));
        const std::vector<Dispensing> tabletAndTape {
            dispensing(1, makeDate(2024, 4, 1), 50, 60, {tablet(11, "629900001")}),
            dispensing(3, makeDate(2024, 4, 5), 51, 62, {tape}),
        };
        QVERIFY(findDuplicateMedications(tabletAndTape).empty());
        QCOMPARE(currentMedicines(tabletAndTape, makeDate(2024, 4, 6)).size(), std::size_t {2});
        // The YJ code's route part decides when there is one: 001–399 oral, 700–999 topical.
        QCOMPARE(routeOf(amlodipine(1, 28)), Route::Oral);
        QCOMPARE(routeOf(tape), Route::Topical);
    }

    void institutionsCompareByIdentity()
    {
        // 院内処方 at clinic 70 (no prescriber: the clinic is the dispensing institution) and a prescription of
        // the same clinic stored under another provider row (71) with the same 医療機関等コード.
        const std::vector<Dispensing> ds {
            dispensing(1, makeDate(2024, 4, 1), 70, std::nullopt, {amlodipine(11, 28)}),
            dispensing(2, makeDate(2024, 4, 10), 50, 71, {amlodipine(21, 28)}),
        };
        QCOMPARE(findDuplicateMedications(ds).size(), std::size_t {1});
        const InstitutionIdentity byCode
            = [](std::int64_t id) { return std::string(id == 70 || id == 71 ? "1310000001" : "other"); };
        QVERIFY(findDuplicateMedications(ds, {}, byCode).empty());
    }
};

QTEST_APPLESS_MAIN(TestClinical)
#include "TestClinical.moc"

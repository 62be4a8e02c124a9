// The mapping rules of issue 9 (faults 5, 6, 7: coded values, impossible dates, units and comparators) and
// the real API shapes of issue 10 (KanasName, the Cz/Sh 電子処方箋 branches, MessageHeader/MessageBody,
// ResultCode, basicFiveInfo, 和暦 dates, absent invented fields), each on a small input.
#include "core/clinical/CheckupItems.h"
#include "core/clinical/CodeSystems.h"
#include "core/clinical/Units.h"
#include "core/domain/Dates.h"
#include "core/mynaportal/ResultMapping.h"
#include "tests/support/TestSupport.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

using namespace techo;
using mynaportal::InfoKind;
using mynaportal::MappingOptions;
using mynaportal::parseResultPart;
using nlohmann::ordered_json;

Q_DECLARE_METATYPE(std::string)

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QString q(const std::optional<std::string>& s)
{
    return s ? QString::fromStdString(*s) : QStringLiteral("<none>");
}

QString q(const domain::Date& d)
{
    return QString::fromStdString(domain::formatDate(d));
}

QString q(const std::optional<domain::Date>& d)
{
    return d ? q(*d) : QStringLiteral("<none>");
}

std::string fixture(const QString& name)
{
    return test::readAll(test::sourcePath(QStringLiteral("tests/data/api/") + name)).toStdString();
}

// Today is 2026-10-01 in Japan (noon JST) for every test here.
MappingOptions fixedToday()
{
    const auto at = domain::parseTimestamp("2026-10-01T03:00:00Z");
    return MappingOptions {domain::Clock::fixed(*at)};
}

Result<mynaportal::ResultPart> parse(const std::string& body)
{
    return parseResultPart(body, std::nullopt, fixedToday());
}

QString describe(const Error& e)
{
    return QString::fromStdString(std::string(errorCodeName(e.code)) + ": " + e.message);
}

// A TKK body with one checkup (2025-06-12, person born 1968-07-12) holding the given result items.
std::string checkup(const ordered_json& items, const char* effectiveTime = "20250612")
{
    ordered_json body = ordered_json::parse(fixture(QStringLiteral("cases/01-comparator-value.json")));
    auto& record = body["medicalInsuranceInfoProvisionInfo"]["data"]["SpecificHealthCheckupInfos"][0];
    record["EffectiveTime"] = effectiveTime;
    record["HealthCheckupResultAndQuestionInfos"] = items;
    return body.dump();
}

ordered_json item(
    const char* code, const char* type, const std::string& value, const char* unit = "", const char* oid = "")
{
    return {
        {"ItemCode", code}, {"ItemName", "x"}, {"DataType", type}, {"DataValue", value}, {"Unit", unit}, {"Oid", oid}};
}

const char* const kUrineProtein = "1A010000000191111";
const char* const kFastingTime = "9N141000000000011";
const char* const kHeight = "9N001000000000001";

// The one observation of a one-item checkup, or a failure message.
const domain::Observation* only(const Result<mynaportal::ResultPart>& r)
{
    if (!r.ok() || r->batch.checkups.size() != 1 || r->batch.checkups[0].checkup.observations.size() != 1)
        return nullptr;
    return &r->batch.checkups[0].checkup.observations[0];
}

// The one rejection of a part, wherever it is filed (batch or a record's children).
std::optional<domain::Rejection> oneRejection(const mynaportal::ResultPart& part)
{
    std::vector<domain::Rejection> all = part.batch.rejections;
    for (const auto& c : part.batch.checkups)
        all.insert(all.end(), c.rejectedObservations.begin(), c.rejectedObservations.end());
    for (const auto& d : part.batch.dispensings)
        all.insert(all.end(), d.rejectedLines.begin(), d.rejectedLines.end());
    if (all.size() != 1)
        return std::nullopt;
    return all.front();
}

QString param(const domain::Rejection& r, const char* name)
{
    for (const auto& [n, v] : r.params)
        if (n == name)
            return q(v);
    return QStringLiteral("<none>");
}

} // namespace

class TestMappingRules : public QObject {
    Q_OBJECT

private slots:
    // fault 7: comparators and units
    void keepsValuesWithAComparator();
    void readsEachComparatorSpelling_data();
    void readsEachComparatorSpelling();
    void normalisesUnitSpellingsAndKeepsWhatWasSent();
    void normalisesEachUnitSpellingToTheItemsUnit_data();
    void normalisesEachUnitSpellingToTheItemsUnit();
    void readsFullWidthDigits();
    // fault 5: coded values
    void mapsDipstickTextToItsCode();
    void readsEachQualitativeSpelling_data();
    void readsEachQualitativeSpelling();
    void interpretsACodeInTheSystemItNames();
    // empty values
    void skipsAnEmptyValueAsNotMeasured();
    // fault 6: impossible dates
    void refusesARecordDatedInTheFuture_data();
    void refusesARecordDatedInTheFuture();
    void refusesARecordBeforeThePersonsBirth_data();
    void refusesARecordBeforeThePersonsBirth();
    // 和暦
    void readsJapaneseEraDates_data();
    void readsJapaneseEraDates();
    // real shapes
    void mapsTheRealCheckupShapeWithoutInventedFields();
    void mapsTheRealDispensingShapeWithoutInventedFields();
    void mapsTheSandboxsWrappedERxBranches();
    void mapsTheRealVaccinationShape();
    void readsTheSandboxsKanaNameToo();
    void reportsAResultCodeOtherThanOneAsTheSourcesError();
    void filesARefusedChildOnItsRecordWithAKey();
    void everyItemHasTheTablesItsRulesNeed();
};

void TestMappingRules::keepsValuesWithAComparator()
{
    // shared case 01: γ-GT "<5" and ALT ">=500" are bounds, not the numbers 5 and 500, and not dropped.
    const auto r = parse(fixture(QStringLiteral("cases/01-comparator-value.json")));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QVERIFY(!oneRejection(*r) && r->batch.rejections.empty());
    const auto& obs = r->batch.checkups.at(0).checkup.observations;
    QCOMPARE(obs.size(), std::size_t(3));
    QVERIFY(!obs[0].comparator);
    QCOMPARE(q(obs[1].itemCode), QStringLiteral("3B090000002327101"));
    QCOMPARE(obs[1].valueNum.value_or(-1), 5.0);
    QVERIFY(obs[1].comparator == domain::Comparator::Less);
    QCOMPARE(q(obs[2].itemCode), QStringLiteral("3B045000002327201"));
    QCOMPARE(obs[2].valueNum.value_or(-1), 500.0);
    QVERIFY(obs[2].comparator == domain::Comparator::GreaterOrEqual);
}

void TestMappingRules::readsEachComparatorSpelling_data()
{
    QTest::addColumn<std::string>("value");
    QTest::addColumn<int>("comparator"); // -1: none; -2: refused
    QTest::addColumn<double>("number");
    const auto less = static_cast<int>(domain::Comparator::Less);
    const auto lessEq = static_cast<int>(domain::Comparator::LessOrEqual);
    const auto greaterEq = static_cast<int>(domain::Comparator::GreaterOrEqual);
    const auto greater = static_cast<int>(domain::Comparator::Greater);
    QTest::newRow("<") << std::string("<5") << less << 5.0;
    QTest::newRow("<=") << std::string("<=5") << lessEq << 5.0;
    QTest::newRow("> with a space") << std::string("> 300") << greater << 300.0;
    QTest::newRow("full-width ＜５") << std::string("＜５") << less << 5.0;
    QTest::newRow("≦") << std::string("≦5") << lessEq << 5.0;
    QTest::newRow("≧") << std::string("≧500") << greaterEq << 500.0;
    QTest::newRow("以下") << std::string("5以下") << lessEq << 5.0;
    QTest::newRow("以上") << std::string("500以上") << greaterEq << 500.0;
    QTest::newRow("未満") << std::string("5未満") << less << 5.0;
    QTest::newRow("plain") << std::string("42.5") << -1 << 42.5;
    QTest::newRow("two comparators") << std::string("<<5") << -2 << 0.0;
    QTest::newRow("comparator alone") << std::string("<") << -2 << 0.0;
    QTest::newRow("comparator after the number") << std::string("5<") << -2 << 0.0;
    QTest::newRow("prefix and suffix") << std::string("<5以下") << -2 << 0.0;
}

void TestMappingRules::readsEachComparatorSpelling()
{
    QFETCH(std::string, value);
    QFETCH(int, comparator);
    QFETCH(double, number);
    const auto r = parse(checkup(ordered_json::array({item("3B090000002327101", "PQ", value, "U/L")})));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    if (comparator == -2) {
        const auto rej = oneRejection(*r);
        QVERIFY(rej.has_value());
        QCOMPARE(q(rej->reason), QStringLiteral("is not a number"));
        QCOMPARE(param(*rej, "field"), QStringLiteral("DataValue"));
        QVERIFY(!q(rej->reason).contains(q(value)) && !q(rej->jsonPath).contains(q(value)));
        return;
    }
    const domain::Observation* o = only(r);
    QVERIFY(o != nullptr);
    QCOMPARE(o->valueNum.value_or(-1), number);
    QCOMPARE(o->comparator ? static_cast<int>(*o->comparator) : -1, comparator);
}

void TestMappingRules::normalisesUnitSpellingsAndKeepsWhatWasSent()
{
    // shared case 05: mg/dl, MG/DL and full-width ％ become the items' canonical units; values unchanged.
    const auto r = parse(fixture(QStringLiteral("cases/05-unit-case.json")));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QVERIFY(!oneRejection(*r) && r->batch.rejections.empty());
    const auto& obs = r->batch.checkups.at(0).checkup.observations;
    QCOMPARE(obs.size(), std::size_t(4));
    QCOMPARE(q(obs[1].unit), QStringLiteral("mg/dL"));
    QCOMPARE(q(obs[1].unitAsSent), QStringLiteral("mg/dl"));
    QCOMPARE(obs[1].valueNum.value_or(-1), 58.0);
    QCOMPARE(q(obs[2].unit), QStringLiteral("mg/dL"));
    QCOMPARE(q(obs[2].unitAsSent), QStringLiteral("MG/DL"));
    QCOMPARE(obs[2].valueNum.value_or(-1), 132.0);
    QCOMPARE(q(obs[3].unit), QStringLiteral("%"));
    QCOMPARE(q(obs[3].unitAsSent), QStringLiteral("％"));
    QCOMPARE(obs[3].valueNum.value_or(-1), 5.6);
}

void TestMappingRules::normalisesEachUnitSpellingToTheItemsUnit_data()
{
    QTest::addColumn<std::string>("code");
    QTest::addColumn<std::string>("unit");
    QTest::addColumn<QString>("canonical"); // empty: refused
    QTest::addColumn<std::string>("value");
    QTest::newRow("IU/l for AST") << std::string("3B035000002327201") << std::string("IU/l") << "U/L"
                                  << std::string("60");
    QTest::newRow("mmhg") << std::string("9A751000000000001") << std::string("mmhg") << "mmHg" << std::string("60");
    QTest::newRow("full-width ＫＧ") << std::string("9N006000000000001") << std::string("ＫＧ") << "kg"
                                     << std::string("60");
    QTest::newRow("kg/m²") << std::string("9N011000000000001") << std::string("kg/m²") << "kg/m2" << std::string("60");
    QTest::newRow("ml/min/1.73m²") << std::string("8A065000002391901") << std::string("ml/min/1.73m²")
                                   << "mL/min/1.73m2" << std::string("60");
    QTest::newRow("万/µL (micro sign)") << std::string("2A020000001930101") << std::string("万/µL") << "10^4/uL"
                                        << std::string("60");
    QTest::newRow("g/dl") << std::string("2A030000001930101") << std::string("g/dl") << "g/dL" << std::string("13.5");
    QTest::newRow("mg/L is another quantity")
        << std::string("3F077000002327101") << std::string("mg/L") << "" << std::string("60");
    QTest::newRow("mmol/L is refused, not converted")
        << std::string("3D010000001926101") << std::string("mmol/L") << "" << std::string("60");
}

void TestMappingRules::normalisesEachUnitSpellingToTheItemsUnit()
{
    QFETCH(std::string, code);
    QFETCH(std::string, unit);
    QFETCH(QString, canonical);
    QFETCH(std::string, value);
    const clinical::CheckupItem* known = clinical::findCheckupItem(code);
    QVERIFY(known != nullptr);
    QCOMPARE(clinical::isAcceptedUnit(*known, unit), !canonical.isEmpty());
    const auto r = parse(checkup(ordered_json::array({item(code.c_str(), "PQ", value, unit.c_str())})));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    if (canonical.isEmpty()) {
        const auto rej = oneRejection(*r);
        QVERIFY(rej.has_value());
        QCOMPARE(q(rej->reasonKey), QStringLiteral("unit_not_allowed"));
        QCOMPARE(param(*rej, "field"), QStringLiteral("Unit"));
        return;
    }
    const domain::Observation* o = only(r);
    QVERIFY(o != nullptr);
    QCOMPARE(q(o->unit), canonical);
    QCOMPARE(q(o->unitAsSent), q(unit));
    QCOMPARE(o->valueNum.value_or(-1), std::stod(value)); // only the spelling changes
}

void TestMappingRules::readsFullWidthDigits()
{
    const auto r = parse(checkup(ordered_json::array({item(kHeight, "PQ", "１７１．２", "ｃｍ")})));
    const domain::Observation* o = only(r);
    QVERIFY(o != nullptr);
    QCOMPARE(o->valueNum.value_or(-1), 171.2);
    QCOMPARE(q(o->unit), QStringLiteral("cm"));
}

void TestMappingRules::mapsDipstickTextToItsCode()
{
    // shared case 02: 尿蛋白 "(-)" and 尿糖 "1+" are codes 1 and 3 of 1.2.392.200119.6.2101, never the text.
    const auto r = parse(fixture(QStringLiteral("cases/02-dipstick-text.json")));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QVERIFY(!oneRejection(*r) && r->batch.rejections.empty());
    const auto& obs = r->batch.checkups.at(0).checkup.observations;
    QCOMPARE(obs.size(), std::size_t(3));
    QCOMPARE(q(obs[1].valueCode), QStringLiteral("1"));
    QCOMPARE(q(obs[1].valueCodeSystem), QStringLiteral("1.2.392.200119.6.2101"));
    QCOMPARE(q(obs[1].valueLabel), QStringLiteral("陰性")); // the source's own label is kept
    QCOMPARE(q(obs[2].valueCode), QStringLiteral("3"));
    QCOMPARE(q(obs[2].valueCodeSystem), QStringLiteral("1.2.392.200119.6.2101"));
}

void TestMappingRules::readsEachQualitativeSpelling_data()
{
    QTest::addColumn<std::string>("value");
    QTest::addColumn<QString>("code"); // empty: refused naming DataValue
    const std::pair<const char*, const char*> rows[] = {{"1", "1"}, {"5", "5"}, {"(-)", "1"}, {"−", "1"}, {"-", "1"},
        {"－", "1"}, {"（－）", "1"}, {"陰性", "1"}, {"±", "2"}, {"(±)", "2"}, {"+-", "2"}, {"+", "3"}, {"1+", "3"},
        {"(+)", "3"}, {"＋", "3"}, {"++", "4"}, {"2+", "4"}, {"＋＋", "4"}, {"+++", "5"}, {"3+", "5"}, {"(2+)", "4"},
        {"３＋", "5"}, {"(3+)", "5"}, {"陽性", ""}, {"4+", ""}, {"6", ""}, {"0", ""}, {"trace", ""}, {"()", ""}};
    for (const auto& [value, code] : rows)
        QTest::newRow(value) << std::string(value) << QString::fromUtf8(code);
}

void TestMappingRules::readsEachQualitativeSpelling()
{
    QFETCH(std::string, value);
    QFETCH(QString, code);
    const auto r = parse(checkup(ordered_json::array(
        {item(kHeight, "PQ", "170", "cm"), item(kUrineProtein, "CD", value, "", "1.2.392.200119.6.2101")})));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    const auto& record = r->batch.checkups.at(0);
    if (code.isEmpty()) {
        QCOMPARE(record.checkup.observations.size(), std::size_t(1));
        QCOMPARE(record.rejectedObservations.size(), std::size_t(1));
        const domain::Rejection& rej = record.rejectedObservations[0];
        QCOMPARE(q(rej.reasonKey), QStringLiteral("code_not_in_system"));
        QCOMPARE(param(rej, "field"), QStringLiteral("DataValue"));
        QCOMPARE(q(rej.childKey), QString::fromUtf8(kUrineProtein));
        QVERIFY(q(rej.jsonPath).endsWith(QStringLiteral("[1].DataValue")));
        QVERIFY(!q(rej.reason).contains(q(value)));
        return;
    }
    QCOMPARE(record.checkup.observations.size(), std::size_t(2));
    QCOMPARE(q(record.checkup.observations[1].valueCode), code);
}

void TestMappingRules::interpretsACodeInTheSystemItNames()
{
    // 採血時間: the sandbox's system numbers 1–3, the MHLW table's 食後時間区分 2–4. A code is read in the
    // system named; an OID the item does not use is refused naming Oid.
    const auto mapped = [](const char* value, const char* oid) {
        return parse(checkup(ordered_json::array({item(kFastingTime, "CD", value, "", oid)})));
    };
    const auto mhlw = mapped("4", "1.2.392.200119.6.2202");
    QVERIFY(only(mhlw) != nullptr);
    QCOMPARE(q(only(mhlw)->valueCode), QStringLiteral("4"));
    QCOMPARE(q(only(mhlw)->valueLabel), QStringLiteral("食後3.5時間未満"));
    const auto defaulted = mapped("3", "");
    QVERIFY(only(defaulted) != nullptr);
    QCOMPARE(q(only(defaulted)->valueCodeSystem), QStringLiteral("1.2.392.200119.6.2112"));
    const auto outside = mapped("4", "");
    QVERIFY(outside.ok() && oneRejection(*outside).has_value());
    QCOMPARE(param(*oneRejection(*outside), "field"), QStringLiteral("DataValue"));
    const auto foreign = mapped("1", "1.2.392.200119.6.2101");
    QVERIFY(foreign.ok() && oneRejection(*foreign).has_value());
    QCOMPARE(q(oneRejection(*foreign)->reasonKey), QStringLiteral("code_system_not_allowed"));
    QCOMPARE(param(*oneRejection(*foreign), "field"), QStringLiteral("Oid"));
}

void TestMappingRules::skipsAnEmptyValueAsNotMeasured()
{
    const auto r = parse(
        checkup(ordered_json::array({item(kHeight, "PQ", "170", "cm"), item("3D010000001926101", "PQ", "", "mg/dL"),
            item(kUrineProtein, "CD", "　", "", ""), item("9N511000000000049", "ST", "")})));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QVERIFY(!oneRejection(*r) && r->batch.rejections.empty() && r->batch.checkups.at(0).rejectedObservations.empty());
    QCOMPARE(r->batch.checkups.at(0).checkup.observations.size(), std::size_t(1));
}

void TestMappingRules::refusesARecordDatedInTheFuture_data()
{
    // today is 2026-10-01 in Japan; one day is allowed for time zones.
    QTest::addColumn<std::string>("body");
    QTest::addColumn<QString>("field"); // empty: accepted
    const auto yzk = [](const char* field, const char* value) {
        ordered_json body = ordered_json::parse(fixture(QStringLiteral("yzk-valid.json")));
        body["medicalInsuranceInfoProvisionInfo"]["data"]["MeTrMonthInfs"][0]["DiDateInfs"][0][field] = value;
        return body.dump();
    };
    const auto pmh = [](const char* value) {
        ordered_json body = ordered_json::parse(fixture(QStringLiteral("pmh-valid.json")));
        body["medicalInsuranceInfoProvisionInfo"]["data"]["immunizations"][0]["vaccinationDate"] = value;
        return body.dump();
    };
    const auto one = ordered_json::array({item(kHeight, "PQ", "170", "cm")});
    QTest::newRow("checkup tomorrow (time zones)") << checkup(one, "20261002") << QString();
    QTest::newRow("checkup in two days") << checkup(one, "20261003") << "EffectiveTime";
    QTest::newRow("checkup next year") << checkup(one, "20270401") << "EffectiveTime";
    QTest::newRow("dispensing in the future") << yzk("DiDate", "20261101") << "DiDate";
    QTest::newRow("prescription in the future") << yzk("PrDate", "20261101") << "PrDate";
    QTest::newRow("vaccination in the future") << pmh("2026-12-01") << "vaccinationDate";
    QTest::newRow("vaccination today") << pmh("2026-10-01") << QString();
}

void TestMappingRules::refusesARecordDatedInTheFuture()
{
    QFETCH(std::string, body);
    QFETCH(QString, field);
    const auto r = parse(body);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    if (field.isEmpty()) {
        QVERIFY(r->batch.rejections.empty());
        return;
    }
    QCOMPARE(r->batch.rejections.size(), std::size_t(1));
    const domain::Rejection& rej = r->batch.rejections[0];
    QCOMPARE(q(rej.reasonKey), QStringLiteral("date_in_future"));
    QCOMPARE(q(rej.reason), QStringLiteral("is in the future"));
    QCOMPARE(param(rej, "field"), field);
    QVERIFY(q(rej.jsonPath).endsWith(QLatin1Char('.') + field));
}

void TestMappingRules::refusesARecordBeforeThePersonsBirth_data()
{
    QTest::addColumn<std::string>("body");
    QTest::addColumn<QString>("field");
    const auto one = ordered_json::array({item(kHeight, "PQ", "170", "cm")});
    QTest::newRow("checkup before birth (1968-07-12)") << checkup(one, "19680711") << "EffectiveTime";
    ordered_json yzk = ordered_json::parse(fixture(QStringLiteral("yzk-valid.json"))); // born 1971-01-28
    yzk["medicalInsuranceInfoProvisionInfo"]["data"]["MeTrMonthInfs"][0]["DiDateInfs"][0]["DiDate"] = "19700101";
    QTest::newRow("dispensing before birth") << yzk.dump() << "DiDate";
    ordered_json pmh = ordered_json::parse(fixture(QStringLiteral("pmh-real-shape.json"))); // born 2014-02-11
    pmh["medicalInsuranceInfoProvisionInfo"]["data"]["immunizations"][0]["vaccinationDate"] = "2014-02-10";
    QTest::newRow("vaccination before birth") << pmh.dump() << "vaccinationDate";
}

void TestMappingRules::refusesARecordBeforeThePersonsBirth()
{
    QFETCH(std::string, body);
    QFETCH(QString, field);
    const auto r = parse(body);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QCOMPARE(r->batch.rejections.size(), std::size_t(1));
    const domain::Rejection& rej = r->batch.rejections[0];
    QCOMPARE(q(rej.reasonKey), QStringLiteral("date_before_birth"));
    QCOMPARE(param(rej, "field"), field);
}

void TestMappingRules::readsJapaneseEraDates_data()
{
    QTest::addColumn<std::string>("value");
    QTest::addColumn<QString>("date"); // empty: refused
    QTest::newRow("R060401") << std::string("R060401") << "2024-04-01";
    QTest::newRow("5060401") << std::string("5060401") << "2024-04-01";
    QTest::newRow("H240615") << std::string("H240615") << "2012-06-15";
    QTest::newRow("令和6年4月1日") << std::string("令和6年4月1日") << "2024-04-01";
    QTest::newRow("令和元年5月1日") << std::string("令和元年5月1日") << "2019-05-01";
    QTest::newRow("平成３１年４月３０日 (full-width)") << std::string("平成３１年４月３０日") << "2019-04-30";
    QTest::newRow("H310501 (平成 had ended)") << std::string("H310501") << "";
    QTest::newRow("R010430 (令和 had not begun)") << std::string("R010430") << "";
    QTest::newRow("X060401 (no such era)") << std::string("X060401") << "";
    QTest::newRow("令和6年13月1日") << std::string("令和6年13月1日") << "";
}

void TestMappingRules::readsJapaneseEraDates()
{
    QFETCH(std::string, value);
    QFETCH(QString, date);
    const auto r = parse(checkup(ordered_json::array({item(kHeight, "PQ", "170", "cm")}), value.c_str()));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    if (date.isEmpty()) {
        QCOMPARE(r->batch.rejections.size(), std::size_t(1));
        QCOMPARE(param(r->batch.rejections[0], "field"), QStringLiteral("EffectiveTime"));
        return;
    }
    QCOMPARE(r->batch.checkups.size(), std::size_t(1));
    QCOMPARE(q(r->batch.checkups[0].checkup.performedOn), date);
}

void TestMappingRules::mapsTheRealCheckupShapeWithoutInventedFields()
{
    // MessageHeader/MessageBody, KanasName, SpecificHealthCheckupInfo + HealthCheckupResultAndQuestionInfo as
    // repeated XML elements, no RecordId/CheckupKind/InsurerNumber/Institution*/OutOfRangeFlag; method
    // variants (2nd BP, HPLC HbA1c, self-measured waist), an empty value, ST text, full-width ＋, a 和暦 date
    // and an old JDS HbA1c code.
    const auto r = parse(fixture(QStringLiteral("tkk-real-shape.json")));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QVERIFY(!oneRejection(*r) && r->batch.rejections.empty());
    QVERIFY(r->batch.person.has_value());
    QCOMPARE(q(r->batch.person->kana), QStringLiteral("カクウ　イチロウ"));
    QCOMPARE(q(r->batch.person->birthDate), QStringLiteral("1968-07-12"));
    QCOMPARE(r->batch.checkups.size(), std::size_t(2));
    const auto& c = r->batch.checkups[0].checkup;
    QCOMPARE(q(c.kind), QStringLiteral("10"));
    QVERIFY(!c.provenance.sourceRecordId && !c.insurerNumber && !r->batch.checkups[0].facility);
    QStringList codes;
    for (const auto& o : c.observations)
        codes << q(o.itemCode);
    QCOMPARE(codes.join(QLatin1Char(' ')),
        QStringLiteral("9N001000000000001 9N016160200000001 9A751000000000001 9A752000000000001 "
                       "3D046000001920402 1A010000000191111 1A020000000191111 9N511000000000049"));
    QCOMPARE(q(c.observations[5].valueCode), QStringLiteral("1"));
    QCOMPARE(q(c.observations[6].valueCode), QStringLiteral("3"));
    QCOMPARE(q(c.observations[6].valueLabel), QStringLiteral("+"));
    QCOMPARE(q(c.observations[7].valueText), QStringLiteral("特記すべき所見なし"));
    const auto& old = r->batch.checkups[1].checkup;
    QCOMPARE(q(old.performedOn), QStringLiteral("2012-06-15"));
    QCOMPARE(old.observations.size(), std::size_t(1));
    QCOMPARE(q(old.observations[0].itemCode), QStringLiteral("3D045000001927102"));
    QCOMPARE(old.observations[0].valueNum.value_or(-1), 5.4); // JDS: a different item, never converted
}

void TestMappingRules::mapsTheRealDispensingShapeWithoutInventedFields()
{
    // The claims branch as MeTrMonthInf elements, the 電子処方箋 調剤 branch as CzDiInf/CzDiMonthInf with Cz names,
    // the 処方 branch as ShPrInf/ShPrMonthInf with Sh names; DiOrg, PrIsOrg and MeTrInfs (procedures, not
    // stored) are ignored; no RecordId, YjCode, RpNo or LineNo; decimal and full-width units.
    const auto r = parse(fixture(QStringLiteral("yzk-real-shape.json")));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QVERIFY(!oneRejection(*r) && r->batch.rejections.empty());
    QCOMPARE(q(r->batch.person->birthDate), QStringLiteral("1968-07-12")); // S430712
    QCOMPARE(r->batch.dispensings.size(), std::size_t(3)); // the procedures-only day is not a dispensing
    const auto& claims = r->batch.dispensings[0];
    QVERIFY(claims.dispensing.kind == domain::DispensingKind::Claims);
    QVERIFY(!claims.dispensing.provenance.sourceRecordId);
    QCOMPARE(claims.dispensing.lines.size(), std::size_t(2));
    QCOMPARE(claims.dispensing.lines[0].rpNumber, 1);
    QCOMPARE(claims.dispensing.lines[0].lineNumber, 1);
    QCOMPARE(claims.dispensing.lines[1].rpNumber, 1);
    QCOMPARE(claims.dispensing.lines[1].lineNumber, 2);
    QVERIFY(claims.dispensing.lines[0].drugCodeSystem == domain::DrugCodeSystem::Receipt);
    QCOMPARE(q(claims.dispensing.lines[0].drugCode), QStringLiteral("610411058"));
    QCOMPARE(claims.dispensing.lines[1].quantity.value_or(-1), 0.5);

    const auto& erx = r->batch.dispensings[1];
    QVERIFY(erx.dispensing.kind == domain::DispensingKind::ERxDispensing);
    QCOMPARE(q(erx.dispensing.dispensedOn), QStringLiteral("2025-09-02"));
    QCOMPARE(q(erx.dispensing.prescribedOn), QStringLiteral("2025-09-02"));
    QCOMPARE(q(erx.pharmacy.code), QStringLiteral("1340608088"));
    QCOMPARE(q(erx.pharmacy.name), QStringLiteral("ゆうひ調剤薬局"));
    QCOMPARE(q(erx.prescriber->code), QStringLiteral("1310110016"));
    QVERIFY(erx.dispensing.inOut == domain::InOut::Outpatient);
    QCOMPARE(erx.dispensing.lines.size(), std::size_t(1));
    const auto& line = erx.dispensing.lines[0];
    QCOMPARE(q(line.drugCode), QStringLiteral("622224901"));
    QCOMPARE(q(line.drugName), QStringLiteral("アムロジピン錠５ｍｇ「サワイ」"));
    QCOMPARE(q(line.unit), QStringLiteral("錠"));
    QCOMPARE(line.days.value_or(-1), 28);
    QCOMPARE(q(line.claimsCategory), QStringLiteral("21"));

    const auto& prescription = r->batch.dispensings[2];
    QVERIFY(prescription.dispensing.kind == domain::DispensingKind::ERxPrescription);
    QCOMPARE(q(prescription.dispensing.dispensedOn), QStringLiteral("2025-09-02"));
    QCOMPARE(q(prescription.prescriber->name), QStringLiteral("ひまわり内科クリニック"));
    QCOMPARE(prescription.dispensing.lines.size(), std::size_t(1));
    QCOMPARE(prescription.dispensing.lines[0].quantity.value_or(-1), 1.0);
}

void TestMappingRules::mapsTheSandboxsWrappedERxBranches()
{
    // The sandbox's rendition: the XML wrapper holding a JSON array of months (CzDiInf.CzDiMonthInfs[]),
    // Cz/Sh names inside, and its own RecordId/RpNo/LineNo/YjCode unprefixed beside them.
    const auto drug = [](const char* p) {
        const std::string x(p);
        return ordered_json {{"RpNo", "1"}, {"LineNo", "2"}, {x + "DrugC", "622224901"}, {"YjCode", "2171022F1029"},
            {x + "DrugN", "アムロジピン錠５ｍｇ"}, {x + "Qua1", "1"}, {x + "Unit", "錠"}, {x + "Times", "28"}};
    };
    ordered_json body = ordered_json::parse(fixture(QStringLiteral("yzk-valid.json")));
    auto& data = body["medicalInsuranceInfoProvisionInfo"]["data"];
    data.erase("MeTrMonthInfs");
    data.erase("CzDiMonthInfs");
    data.erase("ShPrMonthInfs");
    data["CzDiInf"]["CzDiMonthInfs"]
        = ordered_json::array({{{"CzMeTrDiHCd", "1340608088"}, {"CzMeTrDiHNm", "ゆうひ調剤薬局"}, {"CzPrCl", "2"},
            {"CzDiDateInfs",
                ordered_json::array({{{"RecordId", "P0001-YZK-1"}, {"CzDiDate", "20250902"}, {"CzPrDate", "20250901"},
                    {"CzDrugInfs", ordered_json::array({drug("Cz")})}}})}}});
    data["ShPrInf"]["ShPrMonthInfs"] = ordered_json::array({{{"ShMeTrDiHCd", "1340608088"}, {"ShPrHCd", "1310110016"},
        {"ShPrDateInfs",
            ordered_json::array({{{"ShPrDate", "20250901"}, {"ShDrugInfs", ordered_json::array({drug("Sh")})}}})}}});
    const auto r = parse(body.dump());
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QVERIFY(!oneRejection(*r) && r->batch.rejections.empty());
    QCOMPARE(r->batch.dispensings.size(), std::size_t(2));
    const auto& erx = r->batch.dispensings[0];
    QVERIFY(erx.dispensing.kind == domain::DispensingKind::ERxDispensing);
    QCOMPARE(q(erx.dispensing.provenance.sourceRecordId), QStringLiteral("P0001-YZK-1"));
    QCOMPARE(q(erx.dispensing.prescribedOn), QStringLiteral("2025-09-01"));
    QCOMPARE(erx.dispensing.lines.at(0).lineNumber, 2);
    QCOMPARE(q(erx.dispensing.lines.at(0).drugCode), QStringLiteral("2171022F1029"));
    const auto& rx = r->batch.dispensings[1];
    QVERIFY(rx.dispensing.kind == domain::DispensingKind::ERxPrescription);
    QCOMPARE(q(rx.dispensing.dispensedOn), QStringLiteral("2025-09-01"));
    QCOMPARE(q(rx.prescriber->code), QStringLiteral("1310110016"));
}

void TestMappingRules::mapsTheRealVaccinationShape()
{
    // basicFiveInfo (with an address, which is not kept), sex as a code, modificationSeg, no vaccine code.
    const auto r = parse(fixture(QStringLiteral("pmh-real-shape.json")));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QVERIFY(r->batch.rejections.empty());
    QVERIFY(r->batch.person.has_value());
    QCOMPARE(q(r->batch.person->name), QStringLiteral("架空　さくら"));
    QCOMPARE(q(r->batch.person->kana), QStringLiteral("カクウ　サクラ"));
    QCOMPARE(q(r->batch.person->birthDate), QStringLiteral("2014-02-11"));
    QVERIFY(r->batch.person->sex == domain::Sex::Female);
    QCOMPARE(r->batch.vaccinations.size(), std::size_t(2));
    QCOMPARE(q(r->batch.vaccinations[1].vaccination.vaccineName), QStringLiteral("アクトヒブ"));
    QCOMPARE(q(r->batch.vaccinations[1].vaccination.provenance.sourceRecordId), QStringLiteral("H-0002"));
}

void TestMappingRules::readsTheSandboxsKanaNameToo()
{
    for (const char* key : {"KanasName", "KanaName"}) {
        ordered_json body = ordered_json::parse(fixture(QStringLiteral("tkk-valid.json")));
        auto& header = body["medicalInsuranceInfoProvisionInfo"]["data"]["QualificationsInfo"];
        header.erase("KanaName");
        header[key] = "フジタ　ツヨシ";
        const auto r = parse(body.dump());
        QVERIFY2(r.ok() && r->batch.person, key);
        QCOMPARE(q(r->batch.person->kana), QStringLiteral("フジタ　ツヨシ"));
    }
}

void TestMappingRules::reportsAResultCodeOtherThanOneAsTheSourcesError()
{
    ordered_json body = ordered_json::parse(fixture(QStringLiteral("yzk-real-shape.json")));
    auto& header = body["medicalInsuranceInfoProvisionInfo"]["data"]["MessageHeader"];
    header["ResultCode"] = "2";
    header["MessageContents"] = "該当する資格情報がありません";
    const auto r = parse(body.dump());
    QVERIFY(!r.ok());
    QVERIFY(r.error().code == ErrorCode::Network);
    QCOMPARE(q(r.error().message),
        QStringLiteral("the data source refused the request (ResultCode 2): 該当する資格情報がありません"));
    QCOMPARE(q(r.error().key), QStringLiteral("import.api_refused"));
    QCOMPARE(q(r.error().param("code")), QStringLiteral("2"));
}

void TestMappingRules::filesARefusedChildOnItsRecordWithAKey()
{
    ordered_json body = ordered_json::parse(fixture(QStringLiteral("yzk-valid.json")));
    body["medicalInsuranceInfoProvisionInfo"]["data"]["MeTrMonthInfs"][0]["DiDateInfs"][0]["DrugInfs"][1]["Unit"]
        = "mmHg";
    const auto r = parse(body.dump());
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QVERIFY(r->batch.rejections.empty()); // not a whole-record rejection
    const auto& record = r->batch.dispensings.at(0);
    QCOMPARE(record.dispensing.lines.size(), std::size_t(1));
    QCOMPARE(record.rejectedLines.size(), std::size_t(1));
    const domain::Rejection& rej = record.rejectedLines[0];
    QCOMPARE(q(rej.childKey), QStringLiteral("2/1"));
    QCOMPARE(q(rej.recordKind), QStringLiteral("medication_line"));
    QCOMPARE(q(rej.reasonKey), QStringLiteral("dispensing_unit"));
    QCOMPARE(param(rej, "field"), QStringLiteral("Unit"));
}

void TestMappingRules::everyItemHasTheTablesItsRulesNeed()
{
    // A coded item whose code system has no table would be refused whatever it sent; a numeric item whose
    // canonical unit is not a spelling of itself would refuse every value.
    int coded = 0;
    for (const clinical::CheckupItem& item : clinical::checkupItems()) {
        const QString code = QString::fromUtf8(item.code.data(), static_cast<qsizetype>(item.code.size()));
        if (item.type == domain::ValueType::CD) {
            ++coded;
            QVERIFY2(clinical::findCodeSystem(item.codeSystem) != nullptr, qPrintable(code));
            QVERIFY2(item.otherCodeSystem.empty() || clinical::findCodeSystem(item.otherCodeSystem), qPrintable(code));
        }
        if (item.type == domain::ValueType::PQ)
            QVERIFY2(clinical::canonicalUnit(item, item.unit) == item.unit, qPrintable(code));
    }
    QVERIFY(coded >= 19);
}

QTEST_GUILESS_MAIN(TestMappingRules)
#include "TestMappingRules.moc"

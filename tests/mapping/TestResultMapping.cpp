// Strict mapping of the API's /result bodies (TKK, YZK, PMH_VAC) into domain records: every field of every
// kind, every envelope/structure error with its exact JSON path, and record-level defects that are skipped
// and listed without quoting the offending value.
#include "core/domain/Dates.h"
#include "core/mynaportal/ResultMapping.h"
#include "tests/support/TestSupport.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

using namespace techo;
using mynaportal::InfoKind;
using mynaportal::parseResultPart;
using nlohmann::ordered_json;

Q_DECLARE_METATYPE(std::string)

namespace {

constexpr int kNoKind = -1;
const std::string kInfo = "$.medicalInsuranceInfoProvisionInfo";
const std::string kData = kInfo + ".data";
const char* const kRemove = "<remove>";

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QString q(const std::optional<std::string>& s)
{
    return s ? QString::fromStdString(*s) : QStringLiteral("<none>");
}

QString q(const std::optional<domain::Date>& d)
{
    return d ? QString::fromStdString(domain::formatDate(*d)) : QStringLiteral("<none>");
}

QString q(const domain::Date& d)
{
    return QString::fromStdString(domain::formatDate(d));
}

double num(const std::optional<double>& d)
{
    return d.value_or(-12345.0);
}

int num(const std::optional<int>& i)
{
    return i.value_or(-12345);
}

std::string fixture(const char* name)
{
    return test::readAll(test::sourcePath(QStringLiteral("tests/data/api/") + QLatin1String(name))).toStdString();
}

// A fixture with one change at a JSON pointer: a JSON value, or kRemove to delete the member.
std::string mutated(const char* name, const std::string& pointer, const std::string& replacement)
{
    ordered_json body = ordered_json::parse(fixture(name));
    const ordered_json::json_pointer at(pointer);
    if (replacement == kRemove)
        body.at(at.parent_pointer()).erase(at.back());
    else
        body[at] = ordered_json::parse(replacement);
    return body.dump();
}

std::optional<InfoKind> kindOf(int value)
{
    if (value == kNoKind)
        return std::nullopt;
    return static_cast<InfoKind>(value);
}

QString describe(const Error& e)
{
    return QString::fromStdString(std::string(errorCodeName(e.code)) + ": " + e.message);
}

// Records kept, and their child rows (observations, medication lines; 0 for vaccinations).
std::pair<int, int> keptCounts(const mynaportal::ResultPart& part)
{
    const auto& b = part.batch;
    int children = 0;
    switch (part.kind) {
    case InfoKind::Checkups:
        for (const auto& c : b.checkups)
            children += static_cast<int>(c.checkup.observations.size());
        return {static_cast<int>(b.checkups.size()), children};
    case InfoKind::Dispensings:
        for (const auto& d : b.dispensings)
            children += static_cast<int>(d.dispensing.lines.size());
        return {static_cast<int>(b.dispensings.size()), children};
    case InfoKind::Vaccinations:
        return {static_cast<int>(b.vaccinations.size()), 0};
    }
    return {-1, -1};
}

// Every rejection of a part: the batch's (whole records) and each kept record's refused children
// (rejectedObservations / rejectedLines), in the order of their JSON paths (document order for these fixtures).
std::vector<domain::Rejection> allRejections(const mynaportal::ResultPart& part)
{
    std::vector<domain::Rejection> all = part.batch.rejections;
    for (const auto& c : part.batch.checkups)
        all.insert(all.end(), c.rejectedObservations.begin(), c.rejectedObservations.end());
    for (const auto& d : part.batch.dispensings)
        all.insert(all.end(), d.rejectedLines.begin(), d.rejectedLines.end());
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.jsonPath < b.jsonPath; });
    return all;
}

QString rejectionText(const domain::Rejection& r)
{
    return q(r.recordKind + "|" + r.sourceRecordId + "|" + r.jsonPath + "|" + r.reason);
}

// A JSON pointer below medicalInsuranceInfoProvisionInfo.data and the JSON path the mapper names for it.
struct Where {
    std::string pointer;
    std::string path;
};

Where in(std::initializer_list<std::string_view> segments)
{
    Where w {"/medicalInsuranceInfoProvisionInfo/data", kData};
    for (const std::string_view s : segments) {
        w.pointer += "/" + std::string(s);
        const bool index = !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
        w.path += index ? "[" + std::string(s) + "]" : "." + std::string(s);
    }
    return w;
}

} // namespace

class TestResultMapping : public QObject {
    Q_OBJECT

private slots:
    void mapsEveryCheckupFieldAndThePersonHeader();
    void mapsEveryDispensingFieldOfTheClaimsAndERxBranches();
    void mapsEveryVaccinationFieldAndDeletedAsEnteredInError();
    void mapsSexCodesOfEachHeader_data();
    void mapsSexCodesOfEachHeader();
    void acceptsABodyWithoutListsAsAnEmptyBatch();
    void refusesABadEnvelopeOrStructureNamingThePath_data();
    void refusesABadEnvelopeOrStructureNamingThePath();
    void reportsAnApiErrorCodeAsANetworkError_data();
    void reportsAnApiErrorCodeAsANetworkError();
    void skipsADefectiveRecordAndKeepsTheRest_data();
    void skipsADefectiveRecordAndKeepsTheRest();
    void dropsACheckupWhoseEveryObservationIsRejected();
    void dropsADispensingWhoseEveryLineIsRejected();
    void reportsEveryDefectOfOneResponseSeparately();
    void recognisesEachRecordTheSandboxInjectsAsInvalid_data();
    void recognisesEachRecordTheSandboxInjectsAsInvalid();
};

void TestResultMapping::mapsEveryCheckupFieldAndThePersonHeader()
{
    const auto r = parseResultPart(fixture("tkk-valid.json"), InfoKind::Checkups);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QVERIFY(r->kind == InfoKind::Checkups);
    QCOMPARE(r->partNumber, 2);
    QCOMPARE(r->totalParts, 3);
    const domain::RecordBatch& b = r->batch;
    QCOMPARE(q(b.sourcePersonId), QStringLiteral("P0001"));
    QVERIFY(b.rejections.empty());
    QVERIFY(b.dispensings.empty());
    QVERIFY(b.vaccinations.empty());

    QVERIFY(b.person.has_value());
    QCOMPARE(q(b.person->name), QStringLiteral("藤田　剛"));
    QCOMPARE(q(b.person->kana), QStringLiteral("フジタ　ツヨシ"));
    QCOMPARE(q(b.person->birthDate), QStringLiteral("1971-01-28"));
    QVERIFY(b.person->sex == domain::Sex::Male);

    QCOMPARE(b.checkups.size(), std::size_t(2));
    const auto& first = b.checkups[0];
    const domain::Checkup& c = first.checkup;
    QCOMPARE(q(c.performedOn), QStringLiteral("2023-11-20"));
    QCOMPARE(q(c.kind), QStringLiteral("10"));
    QCOMPARE(q(c.insurerNumber), QStringLiteral("06139982"));
    QCOMPARE(q(c.provenance.sourceRecordId), QStringLiteral("P0001-TKK-20231120-10"));
    QVERIFY(first.facility.has_value());
    QVERIFY(first.facility->kind == domain::ProviderKind::CheckupFacility);
    QCOMPARE(q(first.facility->code), QStringLiteral("1310391025"));
    QCOMPARE(q(first.facility->name), QStringLiteral("あさひ健康管理クリニック"));

    QCOMPARE(c.observations.size(), std::size_t(7));
    const auto& height = c.observations[0];
    QCOMPARE(q(height.itemCode), QStringLiteral("9N001000000000001"));
    QCOMPARE(q(height.itemName), QStringLiteral("身長"));
    QVERIFY(height.valueType == domain::ValueType::PQ);
    QCOMPARE(num(height.valueNum), 168.0);
    QCOMPARE(q(height.unit), QStringLiteral("cm"));
    QVERIFY(!height.valueCode && !height.valueCodeSystem && !height.valueLabel && !height.valueText);
    QVERIFY(!height.rangeFlag); // "" in the source means no flag

    const auto& bmi = c.observations[1]; // a known alternative spelling of the unit is accepted as written
    QCOMPARE(q(bmi.itemCode), QStringLiteral("9N011000000000001"));
    QCOMPARE(num(bmi.valueNum), 19.7);
    // issue 9 fault 7 changed this rule: the canonical unit is stored, the spelling sent is kept beside it
    QCOMPARE(q(bmi.unit), QStringLiteral("kg/m2"));
    QCOMPARE(q(bmi.unitAsSent), QStringLiteral("kg/m²"));

    const auto& ldl = c.observations[2];
    QCOMPARE(q(ldl.itemCode), QStringLiteral("3F077000002327101"));
    QCOMPARE(num(ldl.valueNum), 145.0);
    QCOMPARE(q(ldl.unit), QStringLiteral("mg/dL"));
    QVERIFY(ldl.rangeFlag == domain::RangeFlag::High);

    const auto& hba1c = c.observations[3]; // a JSON number instead of the usual decimal string
    QCOMPARE(q(hba1c.itemCode), QStringLiteral("3D046000001906202"));
    QCOMPARE(num(hba1c.valueNum), 5.8);
    QCOMPARE(q(hba1c.unit), QStringLiteral("%"));

    const auto& timing = c.observations[4];
    QCOMPARE(q(timing.itemCode), QStringLiteral("9N141000000000011"));
    QCOMPARE(q(timing.itemName), QStringLiteral("採血時間（食後）"));
    QVERIFY(timing.valueType == domain::ValueType::CD);
    QCOMPARE(q(timing.valueCode), QStringLiteral("1"));
    QCOMPARE(q(timing.valueCodeSystem), QStringLiteral("1.2.392.200119.6.2112"));
    QCOMPARE(q(timing.valueLabel), QStringLiteral("食後10時間以上"));
    QVERIFY(!timing.valueNum && !timing.unit && !timing.valueText);

    const auto& protein = c.observations[5]; // a coded item may come as an ordinal (CO)
    QCOMPARE(q(protein.itemCode), QStringLiteral("1A010000000191111"));
    QVERIFY(protein.valueType == domain::ValueType::CO);
    QCOMPARE(q(protein.valueCode), QStringLiteral("2"));
    QCOMPARE(q(protein.valueCodeSystem), QStringLiteral("1.2.392.200119.6.2101"));
    QCOMPARE(q(protein.valueLabel), QStringLiteral("±"));

    const auto& judgement = c.observations[6];
    QCOMPARE(q(judgement.itemCode), QStringLiteral("9N511000000000049"));
    QVERIFY(judgement.valueType == domain::ValueType::ST);
    QCOMPARE(q(judgement.valueText), QStringLiteral("特記事項なし"));
    QVERIFY(!judgement.valueNum && !judgement.valueCode && !judgement.unit);

    const auto& second = b.checkups[1];
    QCOMPARE(q(second.checkup.performedOn), QStringLiteral("2024-11-15"));
    QCOMPARE(q(second.checkup.kind), QStringLiteral("41"));
    QVERIFY(!second.checkup.insurerNumber);
    QCOMPARE(q(second.checkup.provenance.sourceRecordId), QStringLiteral("P0001-TKK-20241115-41"));
    QVERIFY(!second.facility);
    QCOMPARE(second.checkup.observations.size(), std::size_t(1));
    QCOMPARE(q(second.checkup.observations[0].itemCode), QStringLiteral("9N006000000000001"));
    QCOMPARE(num(second.checkup.observations[0].valueNum), 56.2);
    QCOMPARE(q(second.checkup.observations[0].unit), QStringLiteral("kg"));
}

void TestResultMapping::mapsEveryDispensingFieldOfTheClaimsAndERxBranches()
{
    const auto r = parseResultPart(fixture("yzk-valid.json"), InfoKind::Dispensings);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QVERIFY(r->kind == InfoKind::Dispensings);
    QCOMPARE(r->partNumber, 1);
    QCOMPARE(r->totalParts, 1);
    const domain::RecordBatch& b = r->batch;
    QCOMPARE(q(b.sourcePersonId), QStringLiteral("P0001"));
    QVERIFY(b.rejections.empty());
    QVERIFY(b.checkups.empty());
    QVERIFY(b.person.has_value());
    QCOMPARE(q(b.person->name), QStringLiteral("藤田　剛"));
    QCOMPARE(q(b.person->kana), QStringLiteral("フジタ　ツヨシ"));
    QCOMPARE(q(b.person->birthDate), QStringLiteral("1971-01-28"));
    QVERIFY(b.person->sex == domain::Sex::Male);

    QCOMPARE(b.dispensings.size(), std::size_t(4));
    const auto& claims = b.dispensings[0];
    const domain::Dispensing& d = claims.dispensing;
    QVERIFY(d.kind == domain::DispensingKind::Claims);
    QCOMPARE(q(d.dispensedOn), QStringLiteral("2023-10-05"));
    QCOMPARE(q(d.prescribedOn), QStringLiteral("2023-10-04"));
    QVERIFY(d.inOut == domain::InOut::Outpatient);
    QCOMPARE(q(d.provenance.sourceRecordId), QStringLiteral("P0001-YZK-1340201141-20231005"));
    QVERIFY(claims.pharmacy.kind == domain::ProviderKind::Pharmacy);
    QCOMPARE(q(claims.pharmacy.code), QStringLiteral("1340201141"));
    QCOMPARE(q(claims.pharmacy.name), QStringLiteral("ひかり薬局 中央通り店"));
    QVERIFY(claims.prescriber.has_value());
    QVERIFY(claims.prescriber->kind == domain::ProviderKind::MedicalInstitution);
    QCOMPARE(q(claims.prescriber->code), QStringLiteral("1310200883"));
    QCOMPARE(q(claims.prescriber->name), QStringLiteral("はなみずき総合病院"));

    QCOMPARE(d.lines.size(), std::size_t(2));
    const auto& yj = d.lines[0]; // both codes given: the YJ code is kept
    QCOMPARE(yj.rpNumber, 1);
    QCOMPARE(yj.lineNumber, 1);
    QCOMPARE(q(yj.drugCode), QStringLiteral("6132999F9920"));
    QVERIFY(yj.drugCodeSystem == domain::DrugCodeSystem::Yj);
    QCOMPARE(q(yj.drugName), QStringLiteral("フロモックス錠１００ｍｇ"));
    QCOMPARE(q(yj.ingredientName), QStringLiteral("セフカペン　ピボキシル塩酸塩水和物"));
    QCOMPARE(num(yj.quantity), 3.0);
    QCOMPARE(q(yj.unit), QStringLiteral("錠"));
    QCOMPARE(q(yj.usageText), QStringLiteral("1日3回毎食後"));
    QVERIFY(!yj.specialInstruction); // "" in the source
    QCOMPARE(num(yj.days), 5);
    QCOMPARE(q(yj.claimsCategory), QStringLiteral("21"));

    const auto& receipt = d.lines[1]; // only a receipt code; Times as a JSON number
    QCOMPARE(receipt.rpNumber, 2);
    QCOMPARE(receipt.lineNumber, 1);
    QCOMPARE(q(receipt.drugCode), QStringLiteral("620000519"));
    QVERIFY(receipt.drugCodeSystem == domain::DrugCodeSystem::Receipt);
    QCOMPARE(q(receipt.drugName), QStringLiteral("カロナール細粒２０％"));
    QCOMPARE(num(receipt.quantity), 1.5);
    QCOMPARE(q(receipt.unit), QStringLiteral("g"));
    QCOMPARE(q(receipt.usageText), QStringLiteral("発熱時頓用"));
    QCOMPARE(q(receipt.specialInstruction), QStringLiteral("38.5℃以上"));
    QCOMPARE(num(receipt.days), 10);
    QCOMPARE(q(receipt.claimsCategory), QStringLiteral("22"));

    const auto& inpatient = b.dispensings[1]; // hospital pharmacy named only, no prescriber, no PrDate
    QVERIFY(inpatient.dispensing.kind == domain::DispensingKind::Claims);
    QCOMPARE(q(inpatient.dispensing.dispensedOn), QStringLiteral("2023-11-10"));
    QVERIFY(!inpatient.dispensing.prescribedOn);
    QVERIFY(inpatient.dispensing.inOut == domain::InOut::Inpatient);
    QCOMPARE(q(inpatient.pharmacy.code), QString());
    QCOMPARE(q(inpatient.pharmacy.name), QStringLiteral("はなみずき総合病院 院内薬局"));
    QVERIFY(!inpatient.prescriber);
    QCOMPARE(inpatient.dispensing.lines.size(), std::size_t(1));
    QCOMPARE(num(inpatient.dispensing.lines[0].days), 7);

    const auto& erx = b.dispensings[2];
    QVERIFY(erx.dispensing.kind == domain::DispensingKind::ERxDispensing);
    QCOMPARE(q(erx.dispensing.dispensedOn), QStringLiteral("2024-02-02"));
    QCOMPARE(q(erx.dispensing.provenance.sourceRecordId), QStringLiteral("P0001-YZK-1340608088-20240202"));
    QCOMPARE(q(erx.pharmacy.code), QStringLiteral("1340608088"));
    QCOMPARE(q(erx.prescriber->name), QStringLiteral("ひまわり内科クリニック"));
    QCOMPARE(q(erx.dispensing.lines.at(0).drugCode), QStringLiteral("2149040F1020"));
    QCOMPARE(num(erx.dispensing.lines.at(0).days), 28);

    const auto& prescription = b.dispensings[3];
    QVERIFY(prescription.dispensing.kind == domain::DispensingKind::ERxPrescription);
    QCOMPARE(q(prescription.dispensing.dispensedOn), QStringLiteral("2024-03-01"));
    QCOMPARE(q(prescription.dispensing.provenance.sourceRecordId), QStringLiteral("P0001-YZK-RX-20240301"));
    QVERIFY(prescription.dispensing.lines.at(0).drugCodeSystem == domain::DrugCodeSystem::Yj);
    QCOMPARE(num(prescription.dispensing.lines.at(0).days), 56);
}

void TestResultMapping::mapsEveryVaccinationFieldAndDeletedAsEnteredInError()
{
    const auto r = parseResultPart(fixture("pmh-valid.json"), InfoKind::Vaccinations);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QVERIFY(r->kind == InfoKind::Vaccinations);
    const domain::RecordBatch& b = r->batch;
    QCOMPARE(q(b.sourcePersonId), QStringLiteral("P0001"));
    QVERIFY(b.rejections.empty());
    QVERIFY(b.person.has_value());
    QCOMPARE(q(b.person->name), QStringLiteral("藤田　剛"));
    QCOMPARE(q(b.person->kana), QStringLiteral("フジタ　ツヨシ"));
    QCOMPARE(q(b.person->birthDate), QStringLiteral("1971-01-28"));
    QVERIFY(b.person->sex == domain::Sex::Male);

    QCOMPARE(b.vaccinations.size(), std::size_t(3));
    const auto& flu = b.vaccinations[0];
    const domain::Vaccination& v = flu.vaccination;
    QCOMPARE(q(v.occurredOn), QStringLiteral("2023-12-04"));
    QCOMPARE(q(v.vaccineName), QStringLiteral("インフルエンザＨＡワクチン「ＫＭＢ」"));
    QCOMPARE(q(v.vaccineCode), QStringLiteral("FLU-HA-KMB"));
    QCOMPARE(q(v.vaccineCodeSystem), QStringLiteral("urn:techo:sandbox:vaccine"));
    QCOMPARE(q(v.targetDisease), QStringLiteral("インフルエンザ"));
    QCOMPARE(num(v.doseNumber), 1);
    QCOMPARE(q(v.lotNumber), QStringLiteral("KH5129"));
    QCOMPARE(q(v.manufacturer), QStringLiteral("KMバイオロジクス"));
    QCOMPARE(q(v.municipalityCode), QStringLiteral("131032"));
    QVERIFY(v.status == domain::VaccinationStatus::Completed);
    QCOMPARE(q(v.provenance.sourceRecordId), QStringLiteral("P0001-VAC-20231204-FLU-HA-KMB-1"));
    QVERIFY(flu.facility.has_value());
    QVERIFY(flu.facility->kind == domain::ProviderKind::MedicalInstitution);
    QCOMPARE(q(flu.facility->code), QStringLiteral("1310110016"));
    QCOMPARE(q(flu.facility->name), QStringLiteral("ひまわり内科クリニック"));

    const auto& deleted = b.vaccinations[1]; // isDeleted: kept, marked entered-in-error; dose as a string
    QCOMPARE(q(deleted.vaccination.occurredOn), QStringLiteral("2024-04-15"));
    QVERIFY(deleted.vaccination.status == domain::VaccinationStatus::EnteredInError);
    QCOMPARE(q(deleted.vaccination.vaccineCodeSystem), QStringLiteral("urn:oid:1.2.392.100495.20.2.75"));
    QCOMPARE(q(deleted.vaccination.vaccineCode), QStringLiteral("1234567890123"));
    QCOMPARE(num(deleted.vaccination.doseNumber), 3);
    QCOMPARE(q(deleted.facility->code), QString());
    QCOMPARE(q(deleted.facility->name), QStringLiteral("さくら内科"));

    const auto& minimal = b.vaccinations[2];
    QCOMPARE(q(minimal.vaccination.occurredOn), QStringLiteral("2025-01-20"));
    QCOMPARE(q(minimal.vaccination.vaccineName), QStringLiteral("肺炎球菌ワクチン"));
    QCOMPARE(q(minimal.vaccination.vaccineCode), QString());
    QVERIFY(!minimal.vaccination.vaccineCodeSystem);
    QVERIFY(!minimal.vaccination.doseNumber);
    QVERIFY(!minimal.vaccination.provenance.sourceRecordId);
    QVERIFY(minimal.vaccination.status == domain::VaccinationStatus::Completed);
    QVERIFY(!minimal.facility);
}

void TestResultMapping::mapsSexCodesOfEachHeader_data()
{
    QTest::addColumn<std::string>("body");
    QTest::addColumn<int>("expected"); // domain::Sex, or -1 for none
    const auto add = [](const char* row, const char* file, const char* pointer, const char* value, int sex) {
        QTest::newRow(row) << mutated(file, pointer, value) << sex;
    };
    const auto male = static_cast<int>(domain::Sex::Male);
    const auto female = static_cast<int>(domain::Sex::Female);
    const auto unknown = static_cast<int>(domain::Sex::Unknown);
    const char* tkk = "/medicalInsuranceInfoProvisionInfo/data/QualificationsInfo/AdministrativeGenderCode";
    add("TKK 1 is male", "tkk-valid.json", tkk, R"("1")", male);
    add("TKK 2 is female", "tkk-valid.json", tkk, R"("2")", female);
    add("TKK another code is unknown", "tkk-valid.json", tkk, R"("9")", unknown);
    add("TKK no code is none", "tkk-valid.json", tkk, kRemove, -1);
    add("YZK 2 is female", "yzk-valid.json", "/medicalInsuranceInfoProvisionInfo/data/QuaInf/AdmGendCode", R"("2")",
        female);
    add("PMH female", "pmh-valid.json", "/medicalInsuranceInfoProvisionInfo/data/basicInfo/sex", R"("female")", female);
    add("PMH unknown word", "pmh-valid.json", "/medicalInsuranceInfoProvisionInfo/data/basicInfo/sex", R"("other")",
        unknown);
}

void TestResultMapping::mapsSexCodesOfEachHeader()
{
    QFETCH(std::string, body);
    QFETCH(int, expected);
    const auto r = parseResultPart(body);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QVERIFY(r->batch.person.has_value());
    const auto& sex = r->batch.person->sex;
    QCOMPARE(sex ? static_cast<int>(*sex) : -1, expected);
}

void TestResultMapping::acceptsABodyWithoutListsAsAnEmptyBatch()
{
    for (const char* file : {"tkk-valid.json", "yzk-valid.json", "pmh-valid.json"}) {
        const auto r = parseResultPart(mutated(file, "/medicalInsuranceInfoProvisionInfo/data", "{}"));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
        QVERIFY(!r->batch.person);
        QVERIFY(r->batch.checkups.empty() && r->batch.dispensings.empty() && r->batch.vaccinations.empty());
        QVERIFY(r->batch.rejections.empty());
        QCOMPARE(q(r->batch.sourcePersonId), QStringLiteral("P0001"));
    }
}

void TestResultMapping::refusesABadEnvelopeOrStructureNamingThePath_data()
{
    QTest::addColumn<std::string>("body");
    QTest::addColumn<int>("expectedKind");
    QTest::addColumn<QString>("message"); // the whole message, or for structure errors "<path> <reason>"
    QTest::addColumn<QString>("badText"); // must not be echoed in the message

    const QString notJson = QStringLiteral("the response is not valid JSON (it may have been cut off)");
    const std::string tkk = fixture("tkk-valid.json");
    const auto raw = [&](const char* row, std::string body, const QString& message) {
        QTest::newRow(row) << std::move(body) << kNoKind << message << QString();
    };
    raw("empty body", "", notJson);
    raw("HTML error page", "<html><body>502 Bad Gateway</body></html>", notJson);
    raw("truncated response", fixture("tkk-truncated.json"), notJson);
    raw("sandbox malformed-json fault", fixture("yzk-malformed.json"), notJson);
    raw("trailing garbage after the object", tkk + "}", notJson);
    raw("two concatenated objects", tkk + tkk, notJson);
    raw("invalid UTF-8 in a string", R"({"commonHeader":{"errorCode":")" + std::string("\xff\xfe") + R"("}})", notJson);
    raw("number too large for a double", R"({"commonHeader":{},"x":1e999})", notJson);
    raw("root is an array", "[]", QStringLiteral("$ must be an object"));
    raw("root is a string", R"("TKK")", QStringLiteral("$ must be an object"));
    raw("root is null", "null", QStringLiteral("$ must be an object"));
    raw("root is a number", "42", QStringLiteral("$ must be an object"));

    struct Case {
        const char* row;
        const char* file;
        std::string pointer;
        std::string replacement;
        int expectedKind;
        std::string path;
        std::string reason;
        const char* badText;
    };
    const int checkups = static_cast<int>(InfoKind::Checkups);
    const int dispensings = static_cast<int>(InfoKind::Dispensings);
    const int vaccinations = static_cast<int>(InfoKind::Vaccinations);
    const Where tkkList = in({"SpecificHealthCheckupInfos"});
    const Case cases[] = {
        {"commonHeader missing", "tkk-valid.json", "/commonHeader", kRemove, kNoKind, "$.commonHeader", "is missing",
            ""},
        {"commonHeader null", "tkk-valid.json", "/commonHeader", "null", kNoKind, "$.commonHeader", "is missing", ""},
        {"commonHeader an array", "tkk-valid.json", "/commonHeader", "[]", kNoKind, "$.commonHeader",
            "must be an object", ""},
        {"errorCode a number", "tkk-valid.json", "/commonHeader/errorCode", "500", kNoKind, "$.commonHeader.errorCode",
            "must be a string", ""},
        {"provision info missing", "tkk-valid.json", "/medicalInsuranceInfoProvisionInfo", kRemove, kNoKind, kInfo,
            "is missing", ""},
        {"provision info a string", "tkk-valid.json", "/medicalInsuranceInfoProvisionInfo", R"("TKK")", kNoKind, kInfo,
            "must be an object", ""},
        {"infoKind missing", "tkk-valid.json", "/medicalInsuranceInfoProvisionInfo/infoKind", kRemove, kNoKind,
            kInfo + ".infoKind", "is missing", ""},
        {"infoKind unknown", "tkk-valid.json", "/medicalInsuranceInfoProvisionInfo/infoKind", R"("XQZ")", kNoKind,
            kInfo + ".infoKind", "is not TKK, YZK or PMH_VAC", "XQZ"},
        {"infoKind in lower case", "tkk-valid.json", "/medicalInsuranceInfoProvisionInfo/infoKind", R"("tkk")",
            checkups, kInfo + ".infoKind", "is not TKK, YZK or PMH_VAC", ""},
        {"infoKind a number", "tkk-valid.json", "/medicalInsuranceInfoProvisionInfo/infoKind", "1", kNoKind,
            kInfo + ".infoKind", "must be a string", ""},
        {"personId missing", "pmh-valid.json", "/medicalInsuranceInfoProvisionInfo/personId", kRemove, vaccinations,
            kInfo + ".personId", "is missing", ""},
        {"partNumber zero", "tkk-valid.json", "/medicalInsuranceInfoProvisionInfo/partNumber", "0", checkups,
            kInfo + ".partNumber", "is out of range", ""},
        {"partNumber beyond totalParts", "tkk-valid.json", "/medicalInsuranceInfoProvisionInfo/partNumber", "4",
            checkups, kInfo + ".partNumber", "is larger than totalParts", ""},
        {"totalParts not a number", "tkk-valid.json", "/medicalInsuranceInfoProvisionInfo/totalParts", R"("many")",
            checkups, kInfo + ".totalParts", "is not a whole number", "many"},
        {"data missing", "yzk-valid.json", "/medicalInsuranceInfoProvisionInfo/data", kRemove, dispensings,
            kInfo + ".data", "is missing", ""},
        {"data an array", "tkk-valid.json", "/medicalInsuranceInfoProvisionInfo/data", "[]", checkups, kData,
            "must be an object", ""},
        {"data a string", "pmh-valid.json", "/medicalInsuranceInfoProvisionInfo/data", R"("none")", vaccinations, kData,
            "must be an object", ""},
        // the kind that was asked for must be the kind that came back
        {"TKK when YZK was requested", "tkk-valid.json", "/commonHeader/mode", R"("1")", dispensings,
            kInfo + ".infoKind", "is not the kind that was requested", ""},
        {"YZK when PMH_VAC was requested", "yzk-valid.json", "/commonHeader/mode", R"("1")", vaccinations,
            kInfo + ".infoKind", "is not the kind that was requested", ""},
        {"PMH_VAC when TKK was requested", "pmh-valid.json", "/commonHeader/mode", R"("1")", checkups,
            kInfo + ".infoKind", "is not the kind that was requested", ""},
        // TKK structure
        {"TKK list not an array", "tkk-valid.json", tkkList.pointer, "{}", checkups, tkkList.path, "must be an array",
            ""},
        {"TKK list element not an object", "tkk-valid.json", in({"SpecificHealthCheckupInfos", "1"}).pointer,
            R"("P0001-TKK")", checkups, in({"SpecificHealthCheckupInfos", "1"}).path, "must be an object", ""},
        {"TKK result element not an object", "tkk-valid.json",
            in({"SpecificHealthCheckupInfos", "0", "HealthCheckupResultAndQuestionInfos", "3"}).pointer, "5.8",
            checkups, in({"SpecificHealthCheckupInfos", "0", "HealthCheckupResultAndQuestionInfos", "3"}).path,
            "must be an object", ""},
        {"TKK person header not an object", "tkk-valid.json", in({"QualificationsInfo"}).pointer, "[]", checkups,
            in({"QualificationsInfo"}).path, "must be an object", ""},
        {"TKK person birthday impossible", "tkk-valid.json", in({"QualificationsInfo", "Birthday"}).pointer,
            R"("19710230")", checkups, in({"QualificationsInfo", "Birthday"}).path, "is not a valid calendar date",
            "19710230"},
        {"TKK person name a number", "tkk-valid.json", in({"QualificationsInfo", "Name"}).pointer, "7", checkups,
            in({"QualificationsInfo", "Name"}).path, "must be a string", ""},
        // YZK structure
        {"YZK claims list not an array", "yzk-valid.json", in({"MeTrMonthInfs"}).pointer, R"("x")", dispensings,
            in({"MeTrMonthInfs"}).path, "must be an array", ""},
        {"YZK eRx dispensing list not an array", "yzk-valid.json", in({"CzDiMonthInfs"}).pointer, "{}", dispensings,
            in({"CzDiMonthInfs"}).path, "must be an array", ""},
        {"YZK eRx prescription list not an array", "yzk-valid.json", in({"ShPrMonthInfs"}).pointer, "1", dispensings,
            in({"ShPrMonthInfs"}).path, "must be an array", ""},
        {"YZK month not an object", "yzk-valid.json", in({"MeTrMonthInfs", "1"}).pointer, "[]", dispensings,
            in({"MeTrMonthInfs", "1"}).path, "must be an object", ""},
        {"YZK days not an array", "yzk-valid.json", in({"MeTrMonthInfs", "0", "DiDateInfs"}).pointer, "{}", dispensings,
            in({"MeTrMonthInfs", "0", "DiDateInfs"}).path, "must be an array", ""},
        {"YZK day not an object", "yzk-valid.json", in({"CzDiMonthInfs", "0", "DiDateInfs", "0"}).pointer, "null",
            dispensings, in({"CzDiMonthInfs", "0", "DiDateInfs", "0"}).path, "must be an object", ""},
        {"YZK drug not an object", "yzk-valid.json",
            in({"ShPrMonthInfs", "0", "DiDateInfs", "0", "DrugInfs", "0"}).pointer, R"("アムロジピン")", dispensings,
            in({"ShPrMonthInfs", "0", "DiDateInfs", "0", "DrugInfs", "0"}).path, "must be an object", "アムロジピン"},
        {"YZK month pharmacy code a number", "yzk-valid.json", in({"MeTrMonthInfs", "0", "MeTrDiHCd"}).pointer,
            "1340201141", dispensings, in({"MeTrMonthInfs", "0", "MeTrDiHCd"}).path, "must be a string", "1340201141"},
        {"YZK person birth with dashes", "yzk-valid.json", in({"QuaInf", "Birth"}).pointer, R"("1971-01-28")",
            dispensings, in({"QuaInf", "Birth"}).path, "is not a date of the form YYYYMMDD", "1971-01-28"},
        // PMH structure
        {"PMH list not an array", "pmh-valid.json", in({"immunizations"}).pointer, "{}", vaccinations,
            in({"immunizations"}).path, "must be an array", ""},
        {"PMH element not an object", "pmh-valid.json", in({"immunizations", "2"}).pointer, "[]", vaccinations,
            in({"immunizations", "2"}).path, "must be an object", ""},
        {"PMH person header not an object", "pmh-valid.json", in({"basicInfo"}).pointer, R"("藤田")", vaccinations,
            in({"basicInfo"}).path, "must be an object", "藤田"},
        {"PMH birth date without dashes", "pmh-valid.json", in({"basicInfo", "dateOfBirth"}).pointer, R"("19710128")",
            vaccinations, in({"basicInfo", "dateOfBirth"}).path, "is not a valid date of the form YYYY-MM-DD",
            "19710128"},
    };
    for (const Case& c : cases)
        QTest::newRow(c.row) << mutated(c.file, c.pointer, c.replacement) << c.expectedKind
                             << q(c.path + " " + c.reason) << QString::fromUtf8(c.badText);
}

void TestResultMapping::refusesABadEnvelopeOrStructureNamingThePath()
{
    QFETCH(std::string, body);
    QFETCH(int, expectedKind);
    QFETCH(QString, message);
    QFETCH(QString, badText);
    const auto r = parseResultPart(body, kindOf(expectedKind));
    QVERIFY2(!r.ok(), "a broken response must not map");
    QCOMPARE(q(std::string(errorCodeName(r.error().code))), q(std::string(errorCodeName(ErrorCode::InvalidData))));
    const QString actual = q(r.error().message);
    const QString prefix = QStringLiteral("the response is not in the expected form: ");
    QCOMPARE(actual.startsWith(prefix) ? actual.mid(prefix.size()) : actual, message);
    if (!badText.isEmpty())
        QVERIFY2(!actual.contains(badText), qPrintable(actual));
}

void TestResultMapping::reportsAnApiErrorCodeAsANetworkError_data()
{
    QTest::addColumn<std::string>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("consent revoked (sandbox telegram)")
        << fixture("api-error.json") << QStringLiteral("the API refused the request (E-CONSENT): consent revoked");
    QTest::newRow("error code without a message") << mutated("api-error.json", "/commonHeader/errorMessage", kRemove)
                                                  << QStringLiteral("the API refused the request (E-CONSENT)");
    // An error code wins over any data in the same telegram: nothing of it may be imported.
    QTest::newRow("error code beside data") << mutated("tkk-valid.json", "/commonHeader/errorCode", R"("E-SYSTEM")")
                                            << QStringLiteral("the API refused the request (E-SYSTEM)");
    QTest::newRow("error code beside a broken structure")
        << mutated("api-error.json", "/medicalInsuranceInfoProvisionInfo", "[]")
        << QStringLiteral("the API refused the request (E-CONSENT): consent revoked");
}

void TestResultMapping::reportsAnApiErrorCodeAsANetworkError()
{
    QFETCH(std::string, body);
    QFETCH(QString, message);
    for (const std::optional<InfoKind> expected : {std::optional<InfoKind>(), std::optional(InfoKind::Checkups)}) {
        const auto r = parseResultPart(body, expected);
        QVERIFY(!r.ok());
        QCOMPARE(q(std::string(errorCodeName(r.error().code))), q(std::string(errorCodeName(ErrorCode::Network))));
        QCOMPARE(q(r.error().message), message);
    }
}

void TestResultMapping::skipsADefectiveRecordAndKeepsTheRest_data()
{
    QTest::addColumn<std::string>("body");
    QTest::addColumn<QString>("recordKind");
    QTest::addColumn<QString>("recordId");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("badText"); // the offending value: no rejection field may contain it
    QTest::addColumn<int>("keptRecords");
    QTest::addColumn<int>("keptChildren");

    const auto add = [](const char* row, const char* file, const Where& where, const std::string& replacement,
                         const char* kind, const char* id, const char* reason, const char* badText, int kept,
                         int children, const std::string& pathOverride = {}) {
        QTest::newRow(row) << mutated(file, where.pointer, replacement) << QString::fromUtf8(kind)
                           << QString::fromUtf8(id) << q(pathOverride.empty() ? where.path : pathOverride)
                           << QString::fromUtf8(reason) << QString::fromUtf8(badText) << kept << children;
    };
    // tkk-valid.json: 2 checkups with 7 + 1 observations.
    const char* tkk = "tkk-valid.json";
    const char* c0 = "P0001-TKK-20231120-10";
    const char* c1 = "P0001-TKK-20241115-41";
    const auto checkup = [](const char* index, const char* field) {
        return in({"SpecificHealthCheckupInfos", index, field});
    };
    const auto item = [](const char* index, const char* field) {
        return in({"SpecificHealthCheckupInfos", "0", "HealthCheckupResultAndQuestionInfos", index, field});
    };
    add("checkup date missing", tkk, checkup("1", "EffectiveTime"), kRemove, "checkup", c1, "is missing", "", 1, 7);
    add("checkup date empty", tkk, checkup("1", "EffectiveTime"), R"("")", "checkup", c1, "is missing", "", 1, 7);
    add("checkup date impossible (Feb 30)", tkk, checkup("1", "EffectiveTime"), R"("20260230")", "checkup", c1,
        "is not a valid calendar date", "20260230", 1, 7);
    add("checkup date month 13", tkk, checkup("1", "EffectiveTime"), R"("20241315")", "checkup", c1,
        "is not a valid calendar date", "20241315", 1, 7);
    add("checkup date with dashes", tkk, checkup("0", "EffectiveTime"), R"("2023-11-20")", "checkup", c0,
        "is not a date of the form YYYYMMDD", "2023-11-20", 1, 1);
    add("checkup date a number", tkk, checkup("0", "EffectiveTime"), "20231120", "checkup", c0, "must be a string",
        "20231120", 1, 1);
    add("checkup record id a number", tkk, checkup("0", "RecordId"), "42", "checkup", "", "must be a string", "", 1, 1);
    add("checkup results not an array", tkk, checkup("1", "HealthCheckupResultAndQuestionInfos"), R"("none")",
        "checkup", c1, "must be an array", "", 1, 7);
    add("PQ value not numeric", tkk, item("0", "DataValue"), R"("12x.5")", "observation", c0, "is not a number",
        "12x.5", 2, 7);
    add("PQ value in exponent form", tkk, item("0", "DataValue"), R"("1.7e2")", "observation", c0, "is not a number",
        "1.7e2", 2, 7);
    add("PQ value with a leading plus", tkk, item("0", "DataValue"), R"("+168")", "observation", c0, "is not a number",
        "+168", 2, 7);
    add("PQ value with a unit in it", tkk, item("0", "DataValue"), R"("168cm")", "observation", c0, "is not a number",
        "168cm", 2, 7);
    add("PQ value a boolean", tkk, item("0", "DataValue"), "true", "observation", c0, "is not a number", "", 2, 7);
    add("PQ value missing", tkk, item("0", "DataValue"), kRemove, "observation", c0, "is missing", "", 2, 7);
    add("PQ value impossible for the item", tkk, item("0", "DataValue"), R"("999")", "observation", c0,
        "is outside the possible range for this item", "999", 2, 7);
    add("PQ value negative", tkk, item("3", "DataValue"), "-5.8", "observation", c0,
        "is outside the possible range for this item", "-5.8", 2, 7);
    add("item code unknown", tkk, item("0", "ItemCode"), R"("9Z999000000000001")", "observation", c0,
        "is an unknown item code", "9Z999000000000001", 2, 7);
    add("item code too short", tkk, item("0", "ItemCode"), R"("9N001")", "observation", c0,
        "is not a 17-character item code", "9N001", 2, 7);
    add("item code missing", tkk, item("0", "ItemCode"), kRemove, "observation", c0, "is missing", "", 2, 7);
    add("item name missing", tkk, item("1", "ItemName"), kRemove, "observation", c0, "is missing", "", 2, 7);
    add("unit wrong for the item", tkk, item("0", "Unit"), R"("mmHg")", "observation", c0,
        "is not a unit this item can have", "mmHg", 2, 7);
    add("unit of another item", tkk, item("2", "Unit"), R"("mg/L")", "observation", c0,
        "is not a unit this item can have", "mg/L", 2, 7);
    add("unit missing", tkk, item("0", "Unit"), kRemove, "observation", c0, "is missing", "", 2, 7);
    add("numeric item sent as coded", tkk, item("0", "DataType"), R"("CD")", "observation", c0,
        "does not match the item's data type", "", 2, 7);
    add("text item sent as numeric", tkk, item("6", "DataType"), R"("PQ")", "observation", c0,
        "does not match the item's data type", "", 2, 7);
    add("data type unknown", tkk, item("0", "DataType"), R"("NUM")", "observation", c0, "must be PQ, CD, CO or ST",
        "NUM", 2, 7);
    add("coded value missing", tkk, item("4", "DataValue"), kRemove, "observation", c0, "is missing", "", 2, 7);
    add("text value an object", tkk, item("6", "DataValue"), R"({"v":"特記事項なし"})", "observation", c0,
        "must be a string", "特記事項なし", 2, 7);
    add("range flag not H or L", tkk, item("2", "OutOfRangeFlag"), R"("HH")", "observation", c0, "must be H or L", "HH",
        2, 7);
    add("item code repeated in one checkup", tkk,
        in({"SpecificHealthCheckupInfos", "0", "HealthCheckupResultAndQuestionInfos", "1"}),
        R"({"ItemCode":"9N001000000000001","ItemName":"身長","DataType":"PQ","DataValue":"170.2","Unit":"cm"})",
        "observation", c0, "repeats an item of this checkup", "170.2", 2, 7, item("1", "ItemCode").path);

    // yzk-valid.json: 4 dispensings with 2 + 1 + 1 + 1 lines.
    const char* yzk = "yzk-valid.json";
    const char* d0 = "P0001-YZK-1340201141-20231005";
    const auto day = [](const char* field) { return in({"MeTrMonthInfs", "0", "DiDateInfs", "0", field}); };
    const auto drug = [](const char* index, const char* field) {
        return in({"MeTrMonthInfs", "0", "DiDateInfs", "0", "DrugInfs", index, field});
    };
    add("dispensing date missing", yzk, day("DiDate"), kRemove, "dispensing", d0, "is missing", "", 3, 3);
    add("dispensing date impossible (Sep 31)", yzk, day("DiDate"), R"("20230931")", "dispensing", d0,
        "is not a valid calendar date", "20230931", 3, 3);
    // issue 10 (和暦 GYYMMDD) changed this rule: seven digits are a 和暦 date, here 大正2年31月0日
    add("prescription date of seven digits", yzk, day("PrDate"), R"("2023100")", "dispensing", d0,
        "is not a valid calendar date", "2023100", 3, 3);
    add("prescription date too short", yzk, day("PrDate"), R"("202310")", "dispensing", d0,
        "is not a date of the form YYYYMMDD", "202310", 3, 3);
    add("dispensing without drugs", yzk, day("DrugInfs"), "[]", "dispensing", d0, "is empty", "", 3, 3);
    add("dispensing drug list missing", yzk, day("DrugInfs"), kRemove, "dispensing", d0, "is empty", "", 3, 3);
    add("dispensing drug list an object", yzk, day("DrugInfs"), "{}", "dispensing", d0, "must be an array", "", 3, 3);
    add("dispensing without an institution", yzk, in({"MeTrMonthInfs", "1", "MeTrDiHNm"}), kRemove, "dispensing",
        "P0001-YZK-HOSP-20231110", "is missing (the dispensing institution)", "", 3, 4,
        in({"MeTrMonthInfs", "1", "MeTrDiHCd"}).path);
    add("Qua1 not numeric", yzk, drug("0", "Qua1"), R"("3錠")", "medication_line", d0, "is not a number", "3錠", 4, 4);
    add("Qua1 zero", yzk, drug("0", "Qua1"), R"("0")", "medication_line", d0, "must be greater than zero", "", 4, 4);
    add("Qua1 negative", yzk, drug("1", "Qua1"), "-1.5", "medication_line", d0, "must be greater than zero", "-1.5", 4,
        4);
    add("Qua1 missing", yzk, drug("0", "Qua1"), kRemove, "medication_line", d0, "is missing", "", 4, 4);
    add("unit not a dispensing unit", yzk, drug("0", "Unit"), R"("mmHg")", "medication_line", d0,
        "is not a unit a medicine is dispensed in", "mmHg", 4, 4);
    add("unit missing", yzk, drug("0", "Unit"), kRemove, "medication_line", d0, "is missing", "", 4, 4);
    add("YJ code too short", yzk, drug("0", "YjCode"), R"("UNKNOWN")", "medication_line", d0,
        "is not a 12-character YJ code", "UNKNOWN", 4, 4);
    add("receipt code too short", yzk, drug("1", "DrugC"), R"("12345")", "medication_line", d0,
        "is not a 9-digit receipt drug code", "12345", 4, 4);
    add("receipt code with a letter", yzk, drug("1", "DrugC"), R"("62000051X")", "medication_line", d0,
        "is not a 9-digit receipt drug code", "62000051X", 4, 4);
    add("RpNo a word", yzk, drug("0", "RpNo"), R"("first")", "medication_line", d0, "is not a whole number", "first", 4,
        4);
    add("RpNo zero", yzk, drug("0", "RpNo"), R"("0")", "medication_line", d0, "is out of range", "", 4, 4);
    // issue 10 changed this rule: LineNo is the sandbox's invention and may be absent (see realShapes…)
    add("LineNo a word", yzk, drug("0", "LineNo"), R"("one")", "medication_line", d0, "is not a whole number", "one", 4,
        4);
    add("Times negative", yzk, drug("0", "Times"), R"("-1")", "medication_line", d0, "is out of range", "", 4, 4);
    add("Times a fraction", yzk, drug("0", "Times"), R"("5.5")", "medication_line", d0, "is not a whole number", "5.5",
        4, 4);
    add("drug name missing", yzk, drug("0", "DrugN"), kRemove, "medication_line", d0, "is missing", "", 4, 4);
    add("line repeated in one dispensing", yzk, drug("1", "RpNo"), R"("1")", "medication_line", d0,
        "repeats a line of this dispensing", "", 4, 4, drug("1", "LineNo").path);
    add("eRx line with a bad unit drops its dispensing", yzk,
        in({"CzDiMonthInfs", "0", "DiDateInfs", "0", "DrugInfs", "0", "Unit"}), R"("袋x")", "medication_line",
        "P0001-YZK-1340608088-20240202", "is not a unit a medicine is dispensed in", "袋x", 3, 4);

    // pmh-valid.json: 3 vaccinations.
    const char* pmh = "pmh-valid.json";
    const char* v0 = "P0001-VAC-20231204-FLU-HA-KMB-1";
    const auto vac = [](const char* field) { return in({"immunizations", "0", field}); };
    add("vaccination date missing", pmh, vac("vaccinationDate"), kRemove, "vaccination", v0, "is missing", "", 2, 0);
    add("vaccination date impossible (Feb 30)", pmh, vac("vaccinationDate"), R"("2026-02-30")", "vaccination", v0,
        "is not a valid date of the form YYYY-MM-DD", "2026-02-30", 2, 0);
    add("vaccination date without dashes", pmh, vac("vaccinationDate"), R"("20231204")", "vaccination", v0,
        "is not a valid date of the form YYYY-MM-DD", "20231204", 2, 0);
    add("vaccination date of an unkeyed record", pmh, in({"immunizations", "2", "vaccinationDate"}), R"("2025-13-01")",
        "vaccination", "", "is not a valid date of the form YYYY-MM-DD", "2025-13-01", 2, 0);
    add("dose number a word", pmh, vac("doseNumber"), R"("first")", "vaccination", v0, "is not a whole number", "first",
        2, 0);
    add("dose number zero", pmh, vac("doseNumber"), "0", "vaccination", v0, "is out of range", "", 2, 0);
    add("dose number a fraction", pmh, vac("doseNumber"), "1.5", "vaccination", v0, "is not a whole number", "1.5", 2,
        0);
    add("vaccine code system unknown", pmh, in({"immunizations", "0", "vaccineCode", "system"}),
        R"("urn:example:unknown")", "vaccination", v0, "is not a known vaccine code system", "urn:example:unknown", 2,
        0);
    add("vaccine code a number", pmh, in({"immunizations", "0", "vaccineCode", "code"}), "123", "vaccination", v0,
        "must be a string", "", 2, 0);
    add("vaccine code not an object", pmh, vac("vaccineCode"), R"("FLU-HA-KMB")", "vaccination", v0,
        "must be an object", "FLU-HA-KMB", 2, 0);
    add("vaccine name missing", pmh, vac("vaccineName"), kRemove, "vaccination", v0, "is missing", "", 2, 0);
    add("deletion flag not a boolean", pmh, vac("isDeleted"), R"("yes")", "vaccination", v0, "must be true or false",
        "yes", 2, 0);
    add("lot number a number", pmh, vac("lotNumber"), "5129", "vaccination", v0, "must be a string", "5129", 2, 0);
}

void TestResultMapping::skipsADefectiveRecordAndKeepsTheRest()
{
    QFETCH(std::string, body);
    QFETCH(QString, recordKind);
    QFETCH(QString, recordId);
    QFETCH(QString, path);
    QFETCH(QString, reason);
    QFETCH(QString, badText);
    QFETCH(int, keptRecords);
    QFETCH(int, keptChildren);

    const auto r = parseResultPart(body);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    const auto rejections = allRejections(*r);
    QCOMPARE(rejections.size(), std::size_t(1));
    const domain::Rejection& rej = rejections.front();
    QCOMPARE(q(rej.recordKind), recordKind);
    QCOMPARE(q(rej.sourceRecordId), recordId);
    QCOMPARE(q(rej.jsonPath), path);
    QCOMPARE(q(rej.reason), reason);
    if (!badText.isEmpty()) {
        QVERIFY2(!q(rej.jsonPath).contains(badText), qPrintable(rejectionText(rej)));
        QVERIFY2(!q(rej.reason).contains(badText), qPrintable(rejectionText(rej)));
        QVERIFY2(!q(rej.recordKind).contains(badText), qPrintable(rejectionText(rej)));
    }
    const auto [records, children] = keptCounts(*r);
    QCOMPARE(records, keptRecords);
    QCOMPARE(children, keptChildren);
}

void TestResultMapping::dropsACheckupWhoseEveryObservationIsRejected()
{
    // The second checkup has one observation; with it rejected nothing of that checkup is kept.
    const Where weight = in({"SpecificHealthCheckupInfos", "1", "HealthCheckupResultAndQuestionInfos", "0", "Unit"});
    const auto r = parseResultPart(mutated("tkk-valid.json", weight.pointer, R"("lb")"));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QCOMPARE(r->batch.checkups.size(), std::size_t(1));
    QCOMPARE(q(r->batch.checkups[0].checkup.provenance.sourceRecordId), QStringLiteral("P0001-TKK-20231120-10"));
    QCOMPARE(r->batch.rejections.size(), std::size_t(1)); // the dropped checkup's child, listed at batch level
    QCOMPARE(q(r->batch.rejections[0].recordKind), QStringLiteral("observation"));
    QCOMPARE(q(r->batch.rejections[0].sourceRecordId), QStringLiteral("P0001-TKK-20241115-41"));
    QCOMPARE(q(r->batch.rejections[0].jsonPath), q(weight.path));
}

void TestResultMapping::dropsADispensingWhoseEveryLineIsRejected()
{
    ordered_json body = ordered_json::parse(fixture("yzk-valid.json"));
    auto& drugs
        = body.at(ordered_json::json_pointer(in({"MeTrMonthInfs", "0", "DiDateInfs", "0", "DrugInfs"}).pointer));
    drugs.at(0)["Qua1"] = "x";
    drugs.at(1)["Unit"] = "mmHg";
    const auto r = parseResultPart(body.dump());
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QCOMPARE(r->batch.dispensings.size(), std::size_t(3));
    for (const auto& d : r->batch.dispensings)
        QVERIFY(d.dispensing.provenance.sourceRecordId != "P0001-YZK-1340201141-20231005");
    QCOMPARE(allRejections(*r).size(), std::size_t(2));
    for (const auto& rej : allRejections(*r)) {
        QCOMPARE(q(rej.recordKind), QStringLiteral("medication_line"));
        QCOMPARE(q(rej.sourceRecordId), QStringLiteral("P0001-YZK-1340201141-20231005"));
    }
}

void TestResultMapping::reportsEveryDefectOfOneResponseSeparately()
{
    // Three defects in three records of one checkup response: three rejections, in document order, and the
    // remaining observations of the first checkup are kept.
    ordered_json body = ordered_json::parse(fixture("tkk-valid.json"));
    auto& list = body.at(ordered_json::json_pointer(in({"SpecificHealthCheckupInfos"}).pointer));
    list.at(0)["HealthCheckupResultAndQuestionInfos"].at(0)["DataValue"] = "abc";
    list.at(0)["HealthCheckupResultAndQuestionInfos"].at(5)["DataType"] = "ST";
    list.at(1)["EffectiveTime"] = "20240231";
    const auto r = parseResultPart(body.dump(), InfoKind::Checkups);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    // Rejected results stay with their checkup (the importer needs them there), so compare as sets.
    QStringList got;
    for (const auto& rej : allRejections(*r))
        got << rejectionText(rej);
    got.sort();
    const std::string items = in({"SpecificHealthCheckupInfos", "0", "HealthCheckupResultAndQuestionInfos"}).path;
    const QStringList expected {
        q("observation|P0001-TKK-20231120-10|" + items + "[0].DataValue|is not a number"),
        q("observation|P0001-TKK-20231120-10|" + items + "[5].DataType|does not match the item's data type"),
        q("checkup|P0001-TKK-20241115-41|" + in({"SpecificHealthCheckupInfos", "1", "EffectiveTime"}).path
            + "|is not a valid calendar date"),
    };
    QStringList sortedExpected = expected;
    sortedExpected.sort();
    QCOMPARE(got, sortedExpected);
    QCOMPARE(r->batch.checkups.size(), std::size_t(1));
    QCOMPARE(r->batch.checkups[0].checkup.observations.size(), std::size_t(5));
}

void TestResultMapping::recognisesEachRecordTheSandboxInjectsAsInvalid_data()
{
    // Bodies captured from `techo-sandbox --fault invalid-records` (trimmed): one genuine record, then the four
    // records the sandbox injects (missing date, non-numeric value, unknown code, impossible unit).
    QTest::addColumn<std::string>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("children"); // observations / medication lines of the genuine record
    // "kind|id|path|reason" with the path below medicalInsuranceInfoProvisionInfo.data.
    const auto rejected = [](const char* kind, const char* id, const std::string& path, const char* reason) {
        return q(std::string(kind) + "|" + id + "|" + kData + path + "|" + reason);
    };
    const std::string tkk = ".SpecificHealthCheckupInfos";
    const std::string item = ".HealthCheckupResultAndQuestionInfos[0]";
    QTest::newRow("TKK") << fixture("tkk-sandbox-invalid-records.json") << static_cast<int>(InfoKind::Checkups)
                         << QStringList {
                                rejected("checkup", "P0001-TKK-INVALID-1", tkk + "[1].EffectiveTime", "is missing"),
                                rejected("observation", "P0001-TKK-INVALID-2", tkk + "[2]" + item + ".DataValue",
                                    "is not a number"),
                                rejected("observation", "P0001-TKK-INVALID-3", tkk + "[3]" + item + ".ItemCode",
                                    "is an unknown item code"),
                                rejected("observation", "P0001-TKK-INVALID-4", tkk + "[4]" + item + ".Unit",
                                    "is not a unit this item can have"),
                            }
                         << 2;
    const std::string days = ".CzDiMonthInfs[0].DiDateInfs";
    QTest::newRow("YZK") << fixture("yzk-sandbox-invalid-records.json") << static_cast<int>(InfoKind::Dispensings)
                         << QStringList {
                                rejected("dispensing", "P0001-YZK-INVALID-1", days + "[0].DiDate", "is missing"),
                                rejected("medication_line", "P0001-YZK-INVALID-2", days + "[1].DrugInfs[0].Qua1",
                                    "is not a number"),
                                rejected("medication_line", "P0001-YZK-INVALID-3", days + "[2].DrugInfs[0].YjCode",
                                    "is not a 12-character YJ code"),
                                rejected("medication_line", "P0001-YZK-INVALID-4", days + "[3].DrugInfs[0].Unit",
                                    "is not a unit a medicine is dispensed in"),
                            }
                         << 1;
    const std::string vac = ".immunizations";
    QTest::newRow("PMH_VAC") << fixture("pmh-sandbox-invalid-records.json") << static_cast<int>(InfoKind::Vaccinations)
                             << QStringList {
                                    rejected("vaccination", "P0001-VAC-INVALID-1", vac + "[1].vaccinationDate",
                                        "is missing"),
                                    rejected("vaccination", "P0001-VAC-INVALID-2", vac + "[2].doseNumber",
                                        "is not a whole number"),
                                    rejected("vaccination", "P0001-VAC-INVALID-3", vac + "[3].vaccineCode.system",
                                        "is not a known vaccine code system"),
                                    rejected("vaccination", "P0001-VAC-INVALID-4", vac + "[4].vaccinationDate",
                                        "is not a valid date of the form YYYY-MM-DD"),
                                }
                             << 0;
}

void TestResultMapping::recognisesEachRecordTheSandboxInjectsAsInvalid()
{
    QFETCH(std::string, body);
    QFETCH(int, kind);
    QFETCH(QStringList, expected);
    QFETCH(int, children);
    const auto r = parseResultPart(body, kindOf(kind));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(describe(r.error())));
    QStringList got;
    for (const auto& rej : allRejections(*r))
        got << rejectionText(rej);
    got.sort();
    QStringList sortedExpected = expected;
    sortedExpected.sort();
    QCOMPARE(got, sortedExpected);
    const auto [records, keptChildren] = keptCounts(*r);
    QCOMPARE(records, 1); // the genuine record
    QCOMPARE(keptChildren, children);
    for (const auto& rej : allRejections(*r)) { // the values the sandbox planted are never echoed
        for (const char* planted : {"abc", "9Z999", "mmHg", "UNKNOWN", "12345", "first", "urn:example", "2026-02-30"}) {
            QVERIFY2(!q(rej.reason).contains(QString::fromUtf8(planted)), qPrintable(rejectionText(rej)));
            QVERIFY2(!q(rej.jsonPath).contains(QString::fromUtf8(planted)), qPrintable(rejectionText(rej)));
        }
    }
}

QTEST_GUILESS_MAIN(TestResultMapping)
#include "TestResultMapping.moc"

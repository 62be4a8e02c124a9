// Record identity (issue 9): no record is ever silently lost, merged into another or relabelled.
// Real-world shapes (tests/data/api/cases, from ../shared/cases) go through the file import; the rules that
// do not depend on a wire format are driven through the Importer with records built here.
#include "core/import/ImportJobs.h"
#include "core/import/Importer.h"
#include "core/vault/CheckupRepository.h"
#include "core/vault/DispensingRepository.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/ProviderRepository.h"
#include "core/vault/VaccinationRepository.h"
#include "core/vault/Vault.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace techo;
using domain::makeDate;

namespace {

QString casePath(const char* name)
{
    return test::sourcePath(QStringLiteral("tests/data/api/cases/") + QString::fromUtf8(name));
}

QJsonObject loadCase(const char* name)
{
    QFile file(casePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The records array of a result body (SpecificHealthCheckupInfos, MeTrMonthInfs, immunizations).
QJsonArray records(const QJsonObject& body, const char* key)
{
    return body[QStringLiteral("medicalInsuranceInfoProvisionInfo")]
        .toObject()[QStringLiteral("data")]
        .toObject()[QString::fromUtf8(key)]
        .toArray();
}

QJsonObject withRecords(QJsonObject body, const char* key, const QJsonArray& array)
{
    QJsonObject info = body[QStringLiteral("medicalInsuranceInfoProvisionInfo")].toObject();
    QJsonObject data = info[QStringLiteral("data")].toObject();
    data[QString::fromUtf8(key)] = array;
    info[QStringLiteral("data")] = data;
    info[QStringLiteral("recordCount")] = array.size();
    body[QStringLiteral("medicalInsuranceInfoProvisionInfo")] = info;
    return body;
}

QJsonArray reversed(const QJsonArray& array)
{
    QJsonArray out;
    for (auto it = array.end(); it != array.begin();)
        out.append(*--it);
    return out;
}

std::string rejectionText(const std::vector<domain::Rejection>& rejections)
{
    std::string text;
    for (const auto& r : rejections)
        text += r.recordKind + " " + r.childKey + " " + r.jsonPath + ": " + r.reason + "\n";
    return text;
}

domain::PersonInfo ichiro()
{
    domain::PersonInfo p;
    p.sourcePersonId = "P0001";
    p.name = "架空　一郎";
    p.birthDate = makeDate(1968, 7, 12);
    p.sex = domain::Sex::Male;
    return p;
}

domain::Observation pq(const char* code, const char* name, double value, const char* unit)
{
    domain::Observation o;
    o.itemCode = code;
    o.itemName = name;
    o.valueType = domain::ValueType::PQ;
    o.valueNum = value;
    o.unit = std::string(unit);
    o.unitAsSent = std::string(unit);
    return o;
}

domain::MedicationLine line(int rp, int number, const char* code, const char* name)
{
    domain::MedicationLine l;
    l.rpNumber = rp;
    l.lineNumber = number;
    l.drugCode = code;
    l.drugCodeSystem = domain::DrugCodeSystem::Yj;
    l.drugName = name;
    l.quantity = 1;
    l.unit = std::string("錠");
    l.days = 28;
    return l;
}

domain::VaccinationRecord vaccination(domain::Date day, const char* code, const char* name,
    std::optional<std::string> historyKey, bool deleted = false, const char* lot = "AB1")
{
    domain::VaccinationRecord r;
    r.vaccination.occurredOn = day;
    r.vaccination.vaccineCode = code;
    r.vaccination.vaccineName = name;
    r.vaccination.doseNumber = 1;
    r.vaccination.lotNumber = std::string(lot);
    r.vaccination.provenance.sourceRecordId = std::move(historyKey);
    r.vaccination.status = deleted ? domain::VaccinationStatus::EnteredInError : domain::VaccinationStatus::Completed;
    return r;
}

} // namespace

class TestRecordIdentity : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<vault::Vault> m_vault;
    int m_files = 0;

    vault::Database& db() { return m_vault->database(); }

    std::string digest()
    {
        auto d = m_vault->contentDigest();
        return d.ok() ? d.value() : "error: " + d.error().message;
    }

    QString writeBody(const QJsonObject& body)
    {
        const QString path = m_dir.filePath(QStringLiteral("body-%1.json").arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QJsonDocument(body).toJson());
        return path;
    }

    Result<import::ImportReport> importBody(const QJsonObject& body, const import::ImportPolicy& policy = {})
    {
        return import::importFromFile(db(), writeBody(body).toStdString(), {}, nullptr, policy);
    }

    Result<import::ImportReport> importCase(const char* name, const import::ImportPolicy& policy = {})
    {
        return import::importFromFile(db(), casePath(name).toStdString(), {}, nullptr, policy);
    }

    // Applies records built here through the Importer, as one import of one person.
    Result<import::ImportReport> importBatch(domain::RecordBatch batch, const import::ImportPolicy& policy = {})
    {
        import::ImportOptions options;
        options.origin = "test";
        options.policy = policy;
        TECHO_ASSIGN(auto importer, import::Importer::begin(db(), options));
        if (batch.sourcePersonId.empty())
            batch.sourcePersonId = "P0001";
        if (!batch.person)
            batch.person = ichiro();
        TECHO_TRY(importer->applyForPerson(batch));
        return importer->commit();
    }

    std::vector<domain::Checkup> checkups()
    {
        auto list = vault::CheckupRepository(db()).listByProfile(1);
        return list.ok() ? list.value() : std::vector<domain::Checkup> {};
    }

    std::vector<domain::Dispensing> dispensings()
    {
        auto list = vault::DispensingRepository(db()).listByProfile(1);
        return list.ok() ? list.value() : std::vector<domain::Dispensing> {};
    }

    std::vector<domain::Vaccination> vaccinations(std::int64_t profile = 1)
    {
        auto list = vault::VaccinationRepository(db()).listByProfile(profile);
        return list.ok() ? list.value() : std::vector<domain::Vaccination> {};
    }

    static std::vector<std::string> itemCodes(const domain::Checkup& c)
    {
        std::vector<std::string> codes;
        for (const auto& o : c.observations)
            codes.push_back(o.itemCode);
        std::sort(codes.begin(), codes.end());
        return codes;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_vault = test::createTestVault(m_dir.filePath(QStringLiteral("v%1.techo").arg(++m_files)));
        QVERIFY(m_vault);
    }

    void cleanup() { m_vault.reset(); }

    // Case 06: one checkup day and kind in two records (A: 身長/体重, B: HbA1c/LDL) → all four kept.
    void sameDayCheckupInTwoRecords_keepsEveryResult_andReimportIsUnchanged()
    {
        auto first = importCase("06-duplicate-checkup-same-day.json");
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().message.c_str());
        QCOMPARE(first->counts.added, 1);
        QCOMPARE(first->counts.rejected, 0);
        const auto stored = checkups();
        QCOMPARE(stored.size(), std::size_t {1});
        const std::vector<std::string> expected
            = {"3D046000001906202", "3F077000002327101", "9N001000000000001", "9N006000000000001"};
        QCOMPARE(itemCodes(stored.front()), expected);

        for (int run = 0; run < 2; ++run) {
            auto again = importCase("06-duplicate-checkup-same-day.json");
            QVERIFY(again.ok());
            QCOMPARE(again->counts.unchanged, 1);
            QCOMPARE(again->counts.updated, 0);
            QCOMPARE(again->counts.added, 0);
        }
        // Ids are stable: the same observations, not re-created copies.
        QCOMPARE(checkups().front().observations, stored.front().observations);
    }

    // The order of the two records must not decide anything.
    void sameDayCheckupInTwoRecords_orderDoesNotMatter()
    {
        const QJsonObject body = loadCase("06-duplicate-checkup-same-day.json");
        const QJsonArray infos = records(body, "SpecificHealthCheckupInfos");
        QCOMPARE(infos.size(), 2);
        QVERIFY(importBody(withRecords(body, "SpecificHealthCheckupInfos", reversed(infos))).ok());
        const auto stored = checkups();
        QCOMPARE(stored.size(), std::size_t {1});
        QCOMPARE(itemCodes(stored.front()).size(), std::size_t {4});
        QCOMPARE(stored.front().provenance.sourceRecordId, std::optional<std::string>("K0001-TKK-20250612-10-A"));
    }

    // Two records of one checkup that disagree on an item: that item is rejected in both, whatever the order;
    // the items they agree on or only one of them has are kept.
    void sameDayCheckupWithConflictingItem_rejectsItInEveryOrder()
    {
        const QJsonObject body = loadCase("06-duplicate-checkup-same-day.json");
        QJsonArray infos = records(body, "SpecificHealthCheckupInfos");
        QJsonObject a = infos[0].toObject();
        QJsonArray items = a[QStringLiteral("HealthCheckupResultAndQuestionInfos")].toArray();
        QJsonObject hba1c
            = infos[1].toObject()[QStringLiteral("HealthCheckupResultAndQuestionInfos")].toArray()[0].toObject();
        hba1c[QStringLiteral("DataValue")] = QStringLiteral("6.4"); // B says 6.1
        items.append(hba1c);
        a[QStringLiteral("HealthCheckupResultAndQuestionInfos")] = items;
        infos[0] = a;
        for (const QJsonArray& order : {infos, reversed(infos)}) {
            m_vault.reset();
            m_vault = test::createTestVault(m_dir.filePath(QStringLiteral("c%1.techo").arg(++m_files)));
            auto result = importBody(withRecords(body, "SpecificHealthCheckupInfos", order));
            QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
            QCOMPARE(result->counts.rejected, 1);
            QCOMPARE(result->rejections.front().childKey, std::string("3D046000001906202"));
            QCOMPARE(result->rejections.front().reasonKey, std::string("conflicting_duplicate"));
            QVERIFY(!result->rejections.front().storedValueKept);
            const auto stored = checkups();
            QCOMPARE(stored.size(), std::size_t {1});
            const std::vector<std::string> expected = {"3F077000002327101", "9N001000000000001", "9N006000000000001"};
            QCOMPARE(itemCodes(stored.front()), expected);
        }
    }

    // "Today" comes from the import's injected clock: seen from 2025-06-01, a checkup of 2025-06-12 is in the
    // future and refused naming its date field; seen from 2025-06-13 it is imported.
    void futureDates_areJudgedByTheInjectedClock()
    {
        import::ImportPolicy early;
        early.clock = domain::Clock::fixed(domain::Timestamp {std::chrono::sys_days {makeDate(2025, 6, 1)}});
        auto refused = importCase("06-duplicate-checkup-same-day.json", early);
        QVERIFY2(refused.ok(), refused.ok() ? "" : refused.error().message.c_str());
        QCOMPARE(refused->counts.added, 0);
        QCOMPARE(refused->counts.rejected, 2);
        QVERIFY2(refused->rejections.front().jsonPath.find("EffectiveTime") != std::string::npos,
            rejectionText(refused->rejections).c_str());
        import::ImportPolicy later;
        later.clock = domain::Clock::fixed(domain::Timestamp {std::chrono::sys_days {makeDate(2025, 6, 13)}});
        auto imported = importCase("06-duplicate-checkup-same-day.json", later);
        QVERIFY(imported.ok());
        QCOMPARE(imported->counts.added, 1);
    }

    // Case 07: one pharmacy, one day, two clinics' prescriptions → 2 dispensings, 3 lines.
    void samePharmacySameDayTwoPrescribers_keepsBoth()
    {
        auto first = importCase("07-same-day-two-prescribers.json");
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().message.c_str());
        QCOMPARE(first->counts.added, 2);
        const auto stored = dispensings();
        QCOMPARE(stored.size(), std::size_t {2});
        QCOMPARE(stored[0].lines.size() + stored[1].lines.size(), std::size_t {3});
        QCOMPARE(stored[0].pharmacyId, stored[1].pharmacyId);
        QVERIFY(stored[0].prescriberId != stored[1].prescriberId);
        const bool amlodipineKept = std::any_of(stored.begin(), stored.end(), [](const domain::Dispensing& d) {
            return d.lines.size() == 1 && d.lines.front().drugCode == "2171022F1029";
        });
        QVERIFY(amlodipineKept);

        auto again = importCase("07-same-day-two-prescribers.json");
        QVERIFY(again.ok());
        QCOMPARE(again->counts.unchanged, 2);
        QCOMPARE(again->counts.updated, 0);
        QCOMPARE(dispensings(), stored);
    }

    // The real layouts have no RecordId, YjCode or RpNo/LineNo (lines are numbered by position): the same
    // dispensings sent that way — lines in another order, with receipt codes — change nothing: no line is
    // duplicated, the stored YJ codes and record ids stay, and the re-import is unchanged.
    void sameDispensingsWithoutInventedFields_changeNothing()
    {
        QVERIFY(importCase("07-same-day-two-prescribers.json").ok());
        const auto before = dispensings();
        QJsonObject body = loadCase("07-same-day-two-prescribers.json");
        QJsonArray months = records(body, "MeTrMonthInfs");
        int receipt = 620000001;
        for (int m = 0; m < months.size(); ++m) {
            QJsonObject month = months[m].toObject();
            QJsonArray days = month[QStringLiteral("DiDateInfs")].toArray();
            for (int d = 0; d < days.size(); ++d) {
                QJsonObject day = days[d].toObject();
                day.remove(QStringLiteral("RecordId"));
                QJsonArray drugs;
                for (const auto& value : day[QStringLiteral("DrugInfs")].toArray()) {
                    QJsonObject drug = value.toObject();
                    for (const char* invented : {"YjCode", "RpNo", "LineNo"})
                        drug.remove(QString::fromUtf8(invented));
                    drug[QStringLiteral("DrugC")] = QString::number(receipt++);
                    drugs.prepend(drug); // another order than stored
                }
                day[QStringLiteral("DrugInfs")] = drugs;
                days[d] = day;
            }
            month[QStringLiteral("DiDateInfs")] = days;
            months[m] = month;
        }
        for (int run = 0; run < 2; ++run) {
            auto result = importBody(withRecords(body, "MeTrMonthInfs", months));
            QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
            QCOMPARE(result->counts.rejected, 0);
            QCOMPARE(result->counts.added, 0);
            QCOMPARE(result->counts.updated, 0);
            QCOMPARE(result->counts.unchanged, 2);
        }
        QCOMPARE(dispensings(), before);
        auto again = importCase("07-same-day-two-prescribers.json");
        QCOMPARE(again->counts.unchanged, 2);
        QCOMPARE(dispensings(), before);
    }

    // A checkup sent again without the invented RecordId/CheckupKind keeps its record id; nothing flips.
    void sameCheckupWithoutInventedFields_isUnchanged()
    {
        QVERIFY(importCase("06-duplicate-checkup-same-day.json").ok());
        const auto before = checkups();
        QJsonObject body = loadCase("06-duplicate-checkup-same-day.json");
        QJsonArray infos = records(body, "SpecificHealthCheckupInfos");
        for (int i = 0; i < infos.size(); ++i) {
            QJsonObject info = infos[i].toObject();
            info.remove(QStringLiteral("RecordId"));
            info.remove(QStringLiteral("CheckupKind"));
            infos[i] = info;
        }
        auto stripped = importBody(withRecords(body, "SpecificHealthCheckupInfos", infos));
        QVERIFY(stripped.ok());
        QCOMPARE(stripped->counts.unchanged, 1);
        auto again = importCase("06-duplicate-checkup-same-day.json");
        QCOMPARE(again->counts.unchanged, 1);
        QCOMPARE(checkups(), before);
    }

    // Case 13: P0001 now carries another person's name, sex and birth date.
    void reusedPersonId_isRefusedWithBothVersions_andTheVaultIsUnchanged()
    {
        QVERIFY(importCase("06-duplicate-checkup-same-day.json").ok());
        const std::string before = digest();
        auto result = importCase("13-person-id-reused.json");
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::InvalidData); // techo-cli exit 6
        QCOMPARE(result.error().key, std::string("import.person_conflict"));
        QCOMPARE(result.error().param("personId"), std::string("P0001"));
        QCOMPARE(result.error().param("storedBirthDate"), std::string("1968-07-12"));
        QCOMPARE(result.error().param("incomingBirthDate"), std::string("2014-02-11"));
        QCOMPARE(result.error().param("incomingSex"), std::string("female"));
        QCOMPARE(digest(), before);
        auto profile = vault::ProfileRepository(db()).get(1);
        QVERIFY(profile.ok());
        QCOMPARE(profile->displayName, std::string("架空　一郎"));
        QCOMPARE(profile->sex, std::optional(domain::Sex::Male));
        QCOMPARE(checkups().size(), std::size_t {1});
    }

    void reusedPersonId_keptApart_goesToItsOwnProfile_andStaysThere()
    {
        QVERIFY(importCase("06-duplicate-checkup-same-day.json").ok());
        import::ImportPolicy keepApart;
        keepApart.personResolutions["P0001"] = import::PersonResolution::KeepApart;
        auto result = importCase("13-person-id-reused.json", keepApart);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(result->personConflicts.size(), std::size_t {1});
        QCOMPARE(result->personConflicts.front().storedProfileId, 1);
        auto profiles = vault::ProfileRepository(db()).list();
        QVERIFY(profiles.ok());
        QCOMPARE(profiles->size(), std::size_t {2});
        const domain::Profile& sakura = profiles->at(1);
        QCOMPARE(sakura.displayName, std::string("架空　さくら"));
        QCOMPARE(sakura.sourcePersonId, std::optional<std::string>("P0001#2"));
        QCOMPARE(vaccinations(sakura.id).size(), std::size_t {1});
        QVERIFY(vaccinations(1).empty());
        QCOMPARE(checkups().size(), std::size_t {1}); // 一郎's checkup stays his

        // Next time the same file finds her profile by its demographics: no conflict, nothing new.
        auto again = importCase("13-person-id-reused.json");
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
        QCOMPARE(again->counts.unchanged, 1);
        QVERIFY(again->personConflicts.empty());
        // And 一郎's records still go to him.
        auto his = importCase("06-duplicate-checkup-same-day.json");
        QVERIFY(his.ok());
        QCOMPARE(his->counts.unchanged, 1);
    }

    void reusedPersonId_skipped_importsNothingOfTheirs()
    {
        QVERIFY(importCase("06-duplicate-checkup-same-day.json").ok());
        import::ImportPolicy skip;
        skip.personResolutions["P0001"] = import::PersonResolution::Skip;
        auto result = importCase("13-person-id-reused.json", skip);
        QVERIFY(result.ok());
        QCOMPARE(result->skippedRecords, 1);
        QCOMPARE(result->counts.added, 0);
        QVERIFY(vaccinations(1).empty());
        auto profiles = vault::ProfileRepository(db()).list();
        QCOMPARE(profiles->size(), std::size_t {1});
    }

    // A name the person chose in Techo survives every re-import; missing demographics are filled in.
    void localDisplayName_survivesReimports()
    {
        domain::RecordBatch nameless;
        nameless.person = domain::PersonInfo {};
        nameless.person->sourcePersonId = "P0001";
        QVERIFY(importBatch(nameless).ok());
        vault::ProfileRepository profiles(db());
        auto profile = profiles.get(1);
        QVERIFY(profile.ok());
        profile->localName = std::string("父");
        QVERIFY(profiles.update(*profile).ok());

        QVERIFY(importCase("06-duplicate-checkup-same-day.json").ok());
        auto after = profiles.get(1);
        QCOMPARE(after->localName, std::optional<std::string>("父"));
        QCOMPARE(after->shownName(), std::string("父"));
        QCOMPARE(after->displayName, std::string("架空　一郎")); // was only the id: filled in, not relabelled
        QCOMPARE(after->birthDate, std::optional(makeDate(1968, 7, 12)));
    }

    // Fault 4: a re-import where one value is now invalid must not delete the stored, valid value.
    void partlyRejectedReimport_keepsTheStoredValue_andSaysSo()
    {
        QJsonObject body = loadCase("06-duplicate-checkup-same-day.json");
        QVERIFY(importBody(body).ok());
        const auto before = checkups().front();
        QJsonArray infos = records(body, "SpecificHealthCheckupInfos");
        QJsonObject b = infos[1].toObject();
        QJsonArray items = b[QStringLiteral("HealthCheckupResultAndQuestionInfos")].toArray();
        QJsonObject ldl = items[1].toObject();
        QCOMPARE(ldl[QStringLiteral("ItemCode")].toString(), QStringLiteral("3F077000002327101"));
        ldl[QStringLiteral("DataValue")] = QStringLiteral("not a number");
        items[1] = ldl;
        b[QStringLiteral("HealthCheckupResultAndQuestionInfos")] = items;
        infos[1] = b;
        auto result = importBody(withRecords(body, "SpecificHealthCheckupInfos", infos));
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(result->counts.rejected, 1);
        QVERIFY2(result->rejections.front().storedValueKept, rejectionText(result->rejections).c_str());
        QVERIFY(result->rejections.front().reason.find("kept") != std::string::npos);
        QCOMPARE(result->counts.unchanged, 1);
        QCOMPARE(checkups().front().observations, before.observations);
    }

    // Fault 2: a pharmacy spelt differently in the claims and the 電子処方箋 branch is one institution, and
    // the claims row is linked to the eRx row of that visit.
    void institutionIsIdentifiedByCode_andClaimsRowIsSuperseded()
    {
        domain::RecordBatch batch;
        domain::DispensingRecord claims;
        claims.dispensing.kind = domain::DispensingKind::Claims;
        claims.dispensing.dispensedOn = makeDate(2025, 7, 7);
        claims.pharmacy = {domain::ProviderKind::Pharmacy, "1349990022", "こもれび薬局"};
        claims.prescriber
            = domain::InstitutionRef {domain::ProviderKind::MedicalInstitution, "1319990033", "やまびこ内科"};
        claims.dispensing.lines = {line(1, 1, "2171022F1029", "アムロジピン錠５ｍｇ")};
        domain::DispensingRecord erx = claims;
        erx.dispensing.kind = domain::DispensingKind::ERxDispensing;
        erx.pharmacy.name = "株式会社こもれび　こもれび薬局";
        erx.prescriber->name = "医療法人 やまびこ内科クリニック";
        batch.dispensings = {claims, erx};
        auto result = importBatch(batch);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        auto pharmacies = vault::ProviderRepository(db()).listByKind(domain::ProviderKind::Pharmacy);
        QCOMPARE(pharmacies->size(), std::size_t {1});
        QCOMPARE(pharmacies->front().name, std::string("こもれび薬局"));
        auto clinics = vault::ProviderRepository(db()).listByKind(domain::ProviderKind::MedicalInstitution);
        QCOMPARE(clinics->size(), std::size_t {1});
        const auto stored = dispensings();
        QCOMPARE(stored.size(), std::size_t {2});
        const auto& claimsRow = stored[0].kind == domain::DispensingKind::Claims ? stored[0] : stored[1];
        const auto& erxRow = stored[0].kind == domain::DispensingKind::Claims ? stored[1] : stored[0];
        QCOMPARE(claimsRow.supersededBy, std::optional(erxRow.id));
        QCOMPARE(erxRow.supersededBy, std::optional<std::int64_t>());

        auto again = importBatch(batch);
        QVERIFY(again.ok());
        QCOMPARE(again->counts.unchanged, 2);
    }

    // A child's 予防接種 day: several vaccines at one visit, two of them without a vaccine code.
    void infantVisit_severalVaccinesOneDay_includingCodelessOnes_allKept()
    {
        domain::RecordBatch batch;
        const auto day = makeDate(2024, 6, 3);
        batch.vaccinations
            = {vaccination(day, "HIB", "ヒブ", std::nullopt), vaccination(day, "PCV15", "小児用肺炎球菌", std::nullopt),
                vaccination(day, "", "ロタウイルス（ロタリックス）", std::nullopt),
                vaccination(day, "", "五種混合（ゴービック）", std::nullopt)};
        auto result = importBatch(batch);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(result->counts.added, 4);
        QCOMPARE(vaccinations().size(), std::size_t {4});
        auto again = importBatch(batch);
        QCOMPARE(again->counts.unchanged, 4);
        QCOMPARE(vaccinations().size(), std::size_t {4});
    }

    // A corrected vaccination arrives with its isDeleted original in one response: the order must not decide.
    void correctionWithDeletedOriginal_sameResultInEitherOrder()
    {
        const auto day = makeDate(2023, 11, 5);
        const auto original = vaccination(day, "FLU-HA", "インフルエンザＨＡ", "H-1", true, "WRONG1");
        const auto correction = vaccination(day, "FLU-HA", "インフルエンザＨＡ", "H-2", false, "KH3301");
        std::vector<std::vector<domain::Vaccination>> outcomes;
        for (const auto& order : {std::vector {original, correction}, std::vector {correction, original}}) {
            m_vault.reset();
            m_vault = test::createTestVault(m_dir.filePath(QStringLiteral("vac%1.techo").arg(++m_files)));
            domain::RecordBatch batch;
            batch.vaccinations = order;
            QVERIFY(importBatch(batch).ok());
            auto stored = vaccinations();
            std::sort(stored.begin(), stored.end(),
                [](const auto& a, const auto& b) { return a.provenance.sourceRecordId < b.provenance.sourceRecordId; });
            QCOMPARE(stored.size(), std::size_t {2});
            QCOMPARE(stored[0].status, domain::VaccinationStatus::EnteredInError);
            QCOMPARE(stored[1].status, domain::VaccinationStatus::Completed);
            QCOMPARE(stored[1].lotNumber, std::optional<std::string>("KH3301"));
            outcomes.push_back(stored);
        }
    }

    // The same historyKey twice in one response, once deleted: deleted, in either order; and a deletion is
    // final — an older copy imported later does not bring the record back.
    void deletionIsFinal_inOneResponseAndAcrossImports()
    {
        const auto day = makeDate(2023, 11, 5);
        const auto live = vaccination(day, "FLU-HA", "インフルエンザＨＡ", "H-1", false);
        const auto deleted = vaccination(day, "FLU-HA", "インフルエンザＨＡ", "H-1", true);
        for (const auto& order : {std::vector {live, deleted}, std::vector {deleted, live}}) {
            m_vault.reset();
            m_vault = test::createTestVault(m_dir.filePath(QStringLiteral("del%1.techo").arg(++m_files)));
            domain::RecordBatch batch;
            batch.vaccinations = order;
            auto result = importBatch(batch);
            QVERIFY(result.ok());
            QCOMPARE(result->counts.added, 1);
            QCOMPARE(vaccinations().size(), std::size_t {1});
            QCOMPARE(vaccinations().front().status, domain::VaccinationStatus::EnteredInError);
        }
        domain::RecordBatch older;
        older.vaccinations = {live};
        auto later = importBatch(older);
        QVERIFY(later.ok());
        QCOMPARE(later->counts.unchanged, 1);
        QCOMPARE(vaccinations().front().status, domain::VaccinationStatus::EnteredInError);
    }

    // A checkup the source later corrects keeps its observation ids (exports and shares refer to them).
    void correctedValue_isUpdatedInPlace_withStableIds()
    {
        domain::RecordBatch batch;
        domain::CheckupRecord c;
        c.checkup.performedOn = makeDate(2024, 6, 1);
        c.checkup.observations
            = {pq("3D046000001906202", "HbA1c", 6.1, "%"), pq("9N006000000000001", "体重", 70, "kg")};
        batch.checkups = {c};
        QVERIFY(importBatch(batch).ok());
        const auto before = checkups().front();
        batch.checkups.front().checkup.observations[0].valueNum = 6.3;
        auto result = importBatch(batch);
        QVERIFY(result.ok());
        QCOMPARE(result->counts.updated, 1);
        const auto after = checkups().front();
        QCOMPARE(after.id, before.id);
        QCOMPARE(after.observations.size(), std::size_t {2});
        QCOMPARE(after.observations[0].id, before.observations[0].id);
        QCOMPARE(after.observations[0].valueNum, std::optional(6.3));
        QCOMPARE(after.observations[1], before.observations[1]);
    }
};

// The same rules through techo-cli: exit 6 naming the conflict, the decision flags, and list --json with every
// stored field.
class TestRecordIdentityCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    test::ProcessResult cli(const QStringList& args)
    {
        const QStringList env {QStringLiteral("TECHO_PASSPHRASE=") + QString::fromUtf8(test::kTestPassphrase)};
        return test::runTool(test::builtTool(QStringLiteral("techo-cli")),
            QStringList {QStringLiteral("--vault"), m_dir.filePath(QStringLiteral("cli.techo"))} + args, env);
    }

    QJsonArray list(const char* kind)
    {
        const auto r = cli({QStringLiteral("list"), QString::fromUtf8(kind), QStringLiteral("--json")});
        return QJsonDocument::fromJson(r.out).array();
    }

private slots:
    void personConflict_exit6_thenKeepApart_andListShowsEveryField()
    {
        QCOMPARE(cli({QStringLiteral("--insecure-fast-kdf"), QStringLiteral("init")}).exitCode, 0);
        QCOMPARE(
            cli({QStringLiteral("import"), QStringLiteral("--file"), casePath("06-duplicate-checkup-same-day.json")})
                .exitCode,
            0);
        const auto refused
            = cli({QStringLiteral("import"), QStringLiteral("--file"), casePath("13-person-id-reused.json")});
        QCOMPARE(refused.exitCode, 6);
        const QString err = QString::fromUtf8(refused.err);
        QVERIFY2(err.contains(QStringLiteral("P0001")) && err.contains(QStringLiteral("1968-07-12"))
                && err.contains(QStringLiteral("2014-02-11")) && err.contains(QStringLiteral("--keep-apart")),
            refused.err.constData());
        QCOMPARE(list("profiles").size(), 1);
        QCOMPARE(list("vaccinations").size(), 0);

        const auto kept = cli({QStringLiteral("import"), QStringLiteral("--file"), casePath("13-person-id-reused.json"),
            QStringLiteral("--keep-apart"), QStringLiteral("P0001")});
        QVERIFY2(kept.exitCode == 0, kept.err.constData());
        const QJsonArray profiles = list("profiles");
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles[1].toObject()[QStringLiteral("source_person_id")].toString(), QStringLiteral("P0001#2"));

        QCOMPARE(
            cli({QStringLiteral("profile"), QStringLiteral("rename"), QStringLiteral("1"), QString::fromUtf8("父")})
                .exitCode,
            0);
        QCOMPARE(list("profiles")[0].toObject()[QStringLiteral("name")].toString(), QString::fromUtf8("父"));

        const QJsonObject observation = list("observations")[0].toObject();
        for (const char* field : {"id", "checkup_id", "item_code", "comparator", "unit", "unit_as_sent", "value"})
            QVERIFY2(observation.contains(QString::fromUtf8(field)), field);
        const QJsonObject checkup = list("checkups")[0].toObject();
        QCOMPARE(checkup[QStringLiteral("facility")].toObject()[QStringLiteral("code")].toString(),
            QStringLiteral("1319990011"));
        QCOMPARE(checkup[QStringLiteral("provenance")].toObject()[QStringLiteral("source_record_id")].toString(),
            QStringLiteral("K0001-TKK-20250612-10-A"));
    }
};

int main(int argc, char** argv)
{
    int status = 0;
    {
        TestRecordIdentity identity;
        status |= QTest::qExec(&identity, argc, argv);
    }
    {
        TestRecordIdentityCli cli;
        status |= QTest::qExec(&cli, argc, argv);
    }
    return status;
}
#include "TestRecordIdentity.moc"

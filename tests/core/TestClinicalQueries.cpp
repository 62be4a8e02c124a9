// The read-side service over a real encrypted vault: what the desktop app's dashboard, checkup table and
// trend chart get from core without holding a Database& — series across method variants of different
// years, the latest checkup with its change, current medicines counting a superseded claims row once,
// duplicate medication with institutions compared by code, the latest vaccinations, the last import.
#include "core/domain/Dates.h"
#include "core/import/ImportJobs.h"
#include "core/query/HealthRecordQueries.h"
#include "core/session/VaultSession.h"
#include "core/vault/CheckupRepository.h"
#include "core/vault/DispensingRepository.h"
#include "core/vault/ImportRunRepository.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/ProviderRepository.h"
#include "core/vault/VaccinationRepository.h"
#include "core/vault/Vault.h"
#include "tests/support/TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace techo;
using namespace techo::domain;

using test::iso;
using test::text;
using test::ts;

namespace {

Observation pq(const char* code, double value, const char* unit)
{
    Observation o;
    o.itemCode = code;
    o.itemName = "item";
    o.valueType = ValueType::PQ;
    o.valueNum = value;
    o.unit = unit;
    o.unitAsSent = unit;
    return o;
}

MedicationLine amlodipine(int days)
{
    MedicationLine m;
    m.drugCode = "2171022F1029";
    m.drugCodeSystem = DrugCodeSystem::Yj;
    m.drugName = "ノルバスク錠２．５ｍｇ";
    m.ingredientName = "アムロジピンベシル酸塩";
    m.quantity = 1;
    m.unit = "錠";
    m.days = days;
    m.claimsCategory = "21";
    return m;
}

} // namespace

class TestClinicalQueries final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<vault::Vault> m_vault;
    std::int64_t m_person = 0; // male
    std::int64_t m_other = 0; // another family member, whose records must never show up
    std::int64_t m_facility = 0;
    std::int64_t m_pharmacy = 0;
    std::int64_t m_clinicA = 0;
    std::int64_t m_clinicB = 0;
    std::int64_t m_clinicAAsDispenser = 0; // clinic A's own 院内処方 row: Pharmacy kind, same code

    vault::Database& db() { return m_vault->database(); }

    std::int64_t addProfile(const char* name, Sex sex)
    {
        Profile p;
        p.displayName = name;
        p.sex = sex;
        p.createdAt = ts("2024-01-01T00:00:00Z");
        auto id = vault::ProfileRepository(db()).insert(p);
        return id.ok() ? id.value() : 0;
    }

    std::int64_t addProvider(ProviderKind kind, const char* code, const char* name)
    {
        auto provider = vault::ProviderRepository(db()).findOrCreate(kind, code, name);
        return provider.ok() ? provider->id : 0;
    }

    std::int64_t addCheckup(std::int64_t profile, Date day, std::vector<Observation> observations)
    {
        Checkup c;
        c.profileId = profile;
        c.performedOn = day;
        c.facilityId = m_facility;
        c.observations = std::move(observations);
        auto id = vault::CheckupRepository(db()).insert(c);
        return id.ok() ? id.value() : 0;
    }

    std::int64_t addDispensing(Date day, std::int64_t pharmacy, std::optional<std::int64_t> prescriber,
        DispensingKind kind = DispensingKind::Claims)
    {
        Dispensing d;
        d.profileId = m_person;
        d.kind = kind;
        d.dispensedOn = day;
        d.pharmacyId = pharmacy;
        d.prescriberId = prescriber;
        d.lines = {amlodipine(28)};
        auto id = vault::DispensingRepository(db()).insert(d);
        return id.ok() ? id.value() : 0;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_vault = test::createTestVault(m_dir->filePath(QStringLiteral("clinical.techo")));
        QVERIFY(m_vault);
        m_person = addProfile("架空 一郎", Sex::Male);
        m_other = addProfile("架空 さくら", Sex::Female);
        m_facility = addProvider(ProviderKind::CheckupFacility, "1312345678", "東京健診センター");
        m_pharmacy = addProvider(ProviderKind::Pharmacy, "1340000001", "さくら薬局");
        m_clinicA = addProvider(ProviderKind::MedicalInstitution, "1310000001", "架空内科クリニック");
        m_clinicB = addProvider(ProviderKind::MedicalInstitution, "1310000002", "架空循環器クリニック");
        m_clinicAAsDispenser = addProvider(ProviderKind::Pharmacy, "1310000001", "架空内科クリニック");
        QVERIFY(m_person && m_other && m_facility && m_pharmacy && m_clinicA && m_clinicB && m_clinicAAsDispenser);
    }

    void cleanup()
    {
        m_vault.reset();
        m_dir.reset();
    }

    void seriesJoinsHbA1cCodesOfDifferentYears()
    {
        QVERIFY(addCheckup(m_person, makeDate(2011, 6, 1), {pq("3D045000001920402", 5.2, "%")})); // JDS, HPLC
        QVERIFY(addCheckup(m_person, makeDate(2018, 6, 1), {pq("3D046000001906202", 5.5, "%")})); // NGSP, immuno
        QVERIFY(addCheckup(m_person, makeDate(2022, 6, 1),
            {pq("3D046000001920402", 6.6, "%"), pq("9N001000000000001", 170, "cm")})); // NGSP, HPLC
        QVERIFY(addCheckup(m_other, makeDate(2020, 6, 1), {pq("3D046000001906202", 9.9, "%")}));

        query::HealthRecordQueries queries(*m_vault);
        ASSIGN_OK(const clinical::TrendSeries series, queries.series(m_person, "hba1c"));
        QCOMPARE(series.points.size(), std::size_t {3});
        QCOMPARE(iso(series.points[0].date), QByteArray("2011-06-01"));
        QCOMPARE(series.points[0].value, 5.6);
        QCOMPARE(series.points[0].origin, clinical::PointOrigin::ConvertedFromJds);
        QCOMPARE(series.points[0].judgement.band, std::optional(clinical::Band::Guidance));
        QCOMPARE(series.points[1].value, 5.5);
        QCOMPARE(series.points[1].judgement.band, std::optional(clinical::Band::Normal));
        QCOMPARE(iso(series.points[2].date), QByteArray("2022-06-01"));
        QCOMPARE(series.points[2].judgement.band, std::optional(clinical::Band::Referral));
        QCOMPARE(series.points[2].facilityId, std::optional(m_facility));

        ASSIGN_OK(const auto facilities, queries.providers(std::vector<std::int64_t> {m_facility, 9999}));
        QCOMPARE(facilities.size(), std::size_t {1});
        QCOMPARE(text(facilities.at(m_facility).name), text("東京健診センター"));
    }

    void seriesIsJudgedForTheProfilesSex()
    {
        // 血色素量 12.5: normal for a woman (≤12.0), 保健指導判定値 for a man (≤13.0).
        QVERIFY(addCheckup(m_person, makeDate(2023, 6, 1), {pq("2A030000001930101", 12.5, "g/dL")}));
        QVERIFY(addCheckup(m_other, makeDate(2023, 6, 1), {pq("2A030000001930101", 12.5, "g/dL")}));
        query::HealthRecordQueries queries(*m_vault);
        ASSIGN_OK(const auto his, queries.series(m_person, "hemoglobin"));
        ASSIGN_OK(const auto hers, queries.series(m_other, "hemoglobin"));
        QCOMPARE(his.points.at(0).judgement.band, std::optional(clinical::Band::Guidance));
        QCOMPARE(hers.points.at(0).judgement.band, std::optional(clinical::Band::Normal));
    }

    void latestCheckupAndTheTable()
    {
        QVERIFY(addCheckup(m_person, makeDate(2019, 6, 1), {pq("3D046000001906202", 5.0, "%")}));
        QVERIFY(addCheckup(
            m_person, makeDate(2021, 6, 1), {pq("3D046000001906202", 5.4, "%"), pq("9A751000000000001", 128, "mmHg")}));
        QVERIFY(addCheckup(m_person, makeDate(2023, 6, 1),
            {pq("3D046000001927102", 5.8, "%"), pq("9A751000000000001", 146, "mmHg"),
                pq("9A752000000000001", 138, "mmHg")}));
        query::HealthRecordQueries queries(*m_vault);
        ASSIGN_OK(const auto summary, queries.latestCheckup(m_person));
        QVERIFY(summary.has_value());
        QCOMPARE(iso(summary->date), QByteArray("2023-06-01"));
        QCOMPARE(iso(*summary->previousDate), QByteArray("2021-06-01"));
        QCOMPARE(summary->items.size(), std::size_t {2});
        QCOMPARE(text(summary->items[0].item->key), QByteArray("sbp"));
        QCOMPARE(summary->items[0].latest.value, 142.0); // mean of 146 and 138
        QCOMPARE(summary->items[0].latest.judgement.band, std::optional(clinical::Band::Referral));
        QVERIFY(summary->items[0].delta && std::abs(*summary->items[0].delta - 14.0) < 1e-9);
        QCOMPARE(text(summary->items[1].item->key), QByteArray("hba1c"));
        QVERIFY(summary->items[1].delta && std::abs(*summary->items[1].delta - 0.4) < 1e-9);

        ASSIGN_OK(const auto table, queries.checkupTable(m_person));
        QCOMPARE(table.size(), std::size_t {2});
        QCOMPARE(text(table[0].item->key), QByteArray("sbp"));
        QCOMPARE(table[1].points.size(), std::size_t {3});

        ASSIGN_OK(const auto none, queries.latestCheckup(m_other));
        QVERIFY(!none.has_value());
    }

    void supersededClaimsRowCountsOnceAndTodayComesFromTheClock()
    {
        const std::int64_t claims = addDispensing(makeDate(2024, 4, 1), m_pharmacy, m_clinicA);
        const std::int64_t erx
            = addDispensing(makeDate(2024, 4, 1), m_pharmacy, m_clinicA, DispensingKind::ERxDispensing);
        QVERIFY(claims && erx);
        QVERIFY(vault::DispensingRepository(db()).setSupersededBy(claims, erx).ok());
        // 2024-04-10 09:30 in Japan.
        query::HealthRecordQueries queries(*m_vault, Clock::fixed(ts("2024-04-10T00:30:00Z")));
        ASSIGN_OK(const auto current, queries.currentMedicines(m_person));
        QCOMPARE(current.size(), std::size_t {1});
        QCOMPARE(current[0].dispensingIds, (std::vector<std::int64_t> {erx}));
        QCOMPARE(iso(current[0].until), QByteArray("2024-04-28"));
        ASSIGN_OK(const auto later, queries.currentMedicines(m_person, makeDate(2024, 4, 29)));
        QVERIFY(later.empty());
        ASSIGN_OK(const auto duplicates, queries.duplicateMedications(m_person));
        QVERIFY(duplicates.empty());
    }

    void duplicateFromTwoClinicsAtOnePharmacy()
    {
        const std::int64_t fromA = addDispensing(makeDate(2024, 4, 1), m_pharmacy, m_clinicA);
        const std::int64_t fromB = addDispensing(makeDate(2024, 4, 10), m_pharmacy, m_clinicB);
        // Clinic A's own 院内処方 (no prescriber, the clinic dispensed it): the same institution as A.
        const std::int64_t inHouse = addDispensing(makeDate(2024, 3, 20), m_clinicAAsDispenser, std::nullopt);
        QVERIFY(fromA && fromB && inHouse);
        query::HealthRecordQueries queries(*m_vault);
        ASSIGN_OK(const auto all, queries.duplicateMedications(m_person));
        // B overlaps A (10–28 April) and the in-house supply (20 March – 16 April); A and in-house do not count.
        QCOMPARE(all.size(), std::size_t {2});
        for (const clinical::DuplicateFinding& f : all) {
            QCOMPARE(f.second.dispensingId, fromB);
            QCOMPARE(f.second.institutionId, m_clinicB);
            QVERIFY(f.first.dispensingId == fromA || f.first.dispensingId == inHouse);
            QCOMPARE(text(f.ingredient), text("アムロジピンベシル酸塩"));
        }
        ASSIGN_OK(const auto onMay1, queries.duplicateMedications(m_person, makeDate(2024, 5, 1)));
        QVERIFY(onMay1.empty());
        ASSIGN_OK(const auto onApril20, queries.duplicateMedications(m_person, makeDate(2024, 4, 20)));
        QCOMPARE(onApril20.size(), std::size_t {1});
        QCOMPARE(onApril20[0].first.dispensingId, fromA);
        QCOMPARE(iso(onApril20[0].overlapUntil), QByteArray("2024-04-28"));
    }

    void latestVaccinationsAndLastImport()
    {
        vault::VaccinationRepository vaccinations(db());
        auto add = [&](Date day, const char* name, VaccinationStatus status) {
            Vaccination v;
            v.profileId = m_person;
            v.occurredOn = day;
            v.vaccineName = name;
            v.vaccineCode = name;
            v.status = status;
            return vaccinations.insert(v).ok();
        };
        QVERIFY(add(makeDate(2021, 10, 1), "インフルエンザHA", VaccinationStatus::Completed));
        QVERIFY(add(makeDate(2022, 10, 1), "インフルエンザHA 2022", VaccinationStatus::Completed));
        QVERIFY(add(makeDate(2023, 10, 1), "コミナティ", VaccinationStatus::Completed));
        QVERIFY(add(makeDate(2024, 1, 5), "誤登録", VaccinationStatus::EnteredInError));
        query::HealthRecordQueries queries(*m_vault);
        ASSIGN_OK(const auto latest, queries.latestVaccinations(m_person, 2));
        QCOMPARE(latest.size(), std::size_t {2});
        QCOMPARE(text(latest[0].vaccineName), text("コミナティ"));
        QCOMPARE(text(latest[1].vaccineName), text("インフルエンザHA 2022"));

        ASSIGN_OK(const auto before, queries.lastImport());
        QVERIFY(!before.has_value());
        vault::ImportRunRepository runs(db());
        ASSIGN_OK(
            const ImportRun first, runs.begin("mynaportal", "https://127.0.0.1:8443", ts("2024-06-01T03:00:00Z")));
        QVERIFY(runs.finish(first.id, ts("2024-06-01T03:01:00Z"), ImportCounts {3, 0, 0, 0}).ok());
        ASSIGN_OK(const ImportRun second, runs.begin("file", "result.json", ts("2024-06-02T03:00:00Z")));
        QVERIFY(runs.finish(second.id, ts("2024-06-02T03:00:05Z"), ImportCounts {0, 1, 2, 0}).ok());
        ASSIGN_OK(const ImportRun unfinished, runs.begin("mynaportal", "https://x", ts("2024-06-03T03:00:00Z")));
        Q_UNUSED(unfinished);
        ASSIGN_OK(const auto last, queries.lastImport());
        QVERIFY(last.has_value());
        QCOMPARE(last->id, second.id);
        QCOMPARE(text(last->origin), QByteArray("result.json"));
    }

    // The importer's own output, from a real-world shape in tests/data/api/cases (README there).
    void importedDispensingsEndToEnd()
    {
        const std::string path
            = test::sourcePath(QStringLiteral("tests/data/api/cases/07-same-day-two-prescribers.json")).toStdString();
        const auto report = import::importFromFile(db(), path);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        query::HealthRecordQueries queries(*m_vault);
        ASSIGN_OK(const std::vector<Profile> people, queries.profiles());
        const auto imported
            = std::find_if(people.begin(), people.end(), [](const Profile& p) { return p.sourcePersonId == "P0001"; });
        QVERIFY(imported != people.end());
        // Two clinics at one pharmacy on one day, different ingredients: three current medicines, no duplicate.
        ASSIGN_OK(const auto current, queries.currentMedicines(imported->id, makeDate(2025, 7, 10)));
        QCOMPARE(current.size(), std::size_t {3});
        ASSIGN_OK(const auto duplicates, queries.duplicateMedications(imported->id));
        QVERIFY(duplicates.empty());
        ASSIGN_OK(const auto lastWeek, queries.currentMedicines(imported->id, makeDate(2025, 7, 20)));
        QCOMPARE(lastWeek.size(), std::size_t {1}); // the 7-day loxoprofen and rebamipide have run out
        QCOMPARE(text(lastWeek[0].ingredient), text("アムロジピンベシル酸塩"));
    }

    // What the GUI holds is a VaultSession: the service comes from it, with no Vault or Database& in sight.
    void theSessionHandsOutTheService()
    {
        const QString path = m_dir->filePath(QStringLiteral("session.techo"));
        auto created = session::VaultSession::create(
            path.toStdString(), test::secret(test::kTestPassphrase), crypto::KdfParams::insecureForTestsOnly());
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        std::unique_ptr<session::VaultSession> vaultSession = std::move(created).value();
        query::HealthRecordQueries& records = vaultSession->healthRecords();
        QCOMPARE(&records, &vaultSession->healthRecords());
        ASSIGN_OK(const auto people, records.profiles());
        QVERIFY(people.empty());
        QCOMPARE(records.latestCheckup(1).error().code, ErrorCode::NotFound);
        vaultSession->lock();
        QCOMPARE(text(records.profiles().error().key), QByteArray("query.vault_locked"));
    }

    void errorsAreValues()
    {
        query::HealthRecordQueries queries(*m_vault);
        const auto unknownProfile = queries.series(9999, "hba1c");
        QVERIFY(!unknownProfile.ok());
        QCOMPARE(unknownProfile.error().code, ErrorCode::NotFound);
        const auto unknownItem = queries.series(m_person, "no_such_item");
        QVERIFY(!unknownItem.ok());
        QCOMPARE(unknownItem.error().code, ErrorCode::Usage);
        QCOMPARE(text(unknownItem.error().param("item")), QByteArray("no_such_item"));
        QCOMPARE(queries.latestVaccinations(m_person, 0).error().code, ErrorCode::Usage);
        m_vault->lock();
        const auto locked = queries.currentMedicines(m_person);
        QVERIFY(!locked.ok());
        QCOMPARE(text(locked.error().key), QByteArray("query.vault_locked"));
    }
};

QTEST_GUILESS_MAIN(TestClinicalQueries)
#include "TestClinicalQueries.moc"

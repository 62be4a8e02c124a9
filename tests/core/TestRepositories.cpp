// The repositories over a real encrypted vault: every record kind survives lock and reopen field for field,
// constraint violations come back as errors, multi-row writes are atomic under the transaction rule of
// core/vault/Savepoint.h, deleting a profile takes its records with it, and consents are active exactly when
// they should be.
#include "core/domain/Dates.h"
#include "core/vault/AuditRepository.h"
#include "core/vault/CheckupRepository.h"
#include "core/vault/ConsentRepository.h"
#include "core/vault/DispensingRepository.h"
#include "core/vault/ImportRunRepository.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/ProviderRepository.h"
#include "core/vault/ShareRepository.h"
#include "core/vault/Statement.h"
#include "core/vault/Transaction.h"
#include "core/vault/VaccinationRepository.h"
#include "core/vault/Vault.h"
#include "tests/support/TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace techo;
using namespace techo::domain;
using namespace std::chrono_literals;

#define VERIFY_OK(expr)                                                                                                \
    do {                                                                                                               \
        const auto& okStatus_ = (expr);                                                                                \
        QVERIFY2(okStatus_.ok(), okStatus_.ok() ? "" : okStatus_.error().message.c_str());                             \
    } while (false)
// Fails unless expr is an error with the given ErrorCode.
#define VERIFY_ERROR(expr, expectedCode)                                                                               \
    do {                                                                                                               \
        const auto& errStatus_ = (expr);                                                                               \
        QVERIFY2(!errStatus_.ok(), "expected an error, got success");                                                  \
        QCOMPARE(codeName(errStatus_.error().code), codeName(expectedCode));                                           \
    } while (false)
// Runs a field-by-field comparison helper and stops the test at its first failure.
#define COMPARE_RECORD(fn, actual, expected)                                                                           \
    do {                                                                                                               \
        fn(actual, expected);                                                                                          \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
        QVERIFY2((actual) == (expected), "a field not compared above differs");                                        \
    } while (false)

using test::ts;

namespace {

QByteArray codeName(ErrorCode code)
{
    const std::string_view name = errorCodeName(code);
    return QByteArray(name.data(), static_cast<qsizetype>(name.size()));
}

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

// 17-character JLAC10 codes from shared/research/mynaportal.md (b1).
const std::string kHbA1c = "3D046000001906202";
const std::string kTriglycerides = "3F015000002327101";
const std::string kUrineGlucose = "1A020000000191111";
const std::string kGuidanceLevel = "9N506000000000011";
const std::string kDoctorsOpinion = "9N511000000000049";

const char* const kAsciiMarker = "TECHO-REPO-MARKER-5b1e";
const char* const kJapaneseMarker = "秘密のマーカー山田花子";

// ---- field-by-field comparisons (the final == in COMPARE_RECORD catches fields added later) ----

void compareProfile(const Profile& a, const Profile& e)
{
    QCOMPARE(a.id, e.id);
    QCOMPARE(q(a.displayName), q(e.displayName));
    QCOMPARE(a.kanaName, e.kanaName);
    QCOMPARE(a.birthDate, e.birthDate);
    QCOMPARE(a.sex, e.sex);
    QCOMPARE(a.relationship, e.relationship);
    QCOMPARE(q(a.source), q(e.source));
    QCOMPARE(a.sourcePersonId, e.sourcePersonId);
    QCOMPARE(q(formatTimestamp(a.createdAt)), q(formatTimestamp(e.createdAt)));
}

void compareProvenance(const Provenance& a, const Provenance& e)
{
    QCOMPARE(q(a.source), q(e.source));
    QCOMPARE(a.sourceRecordId, e.sourceRecordId);
    QCOMPARE(a.fetchedAt, e.fetchedAt);
    QCOMPARE(a.importRunId, e.importRunId);
}

void compareObservation(const Observation& a, const Observation& e)
{
    QCOMPARE(a.id, e.id);
    QCOMPARE(a.checkupId, e.checkupId);
    QCOMPARE(q(a.itemCode), q(e.itemCode));
    QCOMPARE(q(a.itemName), q(e.itemName));
    QCOMPARE(a.valueType, e.valueType);
    QCOMPARE(a.valueNum, e.valueNum);
    QCOMPARE(a.unit, e.unit);
    QCOMPARE(a.valueCode, e.valueCode);
    QCOMPARE(a.valueCodeSystem, e.valueCodeSystem);
    QCOMPARE(a.valueLabel, e.valueLabel);
    QCOMPARE(a.valueText, e.valueText);
    QCOMPARE(a.rangeFlag, e.rangeFlag);
}

void compareCheckup(const Checkup& a, const Checkup& e)
{
    QCOMPARE(a.id, e.id);
    QCOMPARE(a.profileId, e.profileId);
    QCOMPARE(q(formatDate(a.performedOn)), q(formatDate(e.performedOn)));
    QCOMPARE(q(a.kind), q(e.kind));
    QCOMPARE(a.facilityId, e.facilityId);
    QCOMPARE(a.insurerNumber, e.insurerNumber);
    compareProvenance(a.provenance, e.provenance);
    QCOMPARE(a.observations.size(), e.observations.size());
    for (std::size_t i = 0; i < a.observations.size(); ++i)
        compareObservation(a.observations[i], e.observations[i]);
}

void compareVaccination(const Vaccination& a, const Vaccination& e)
{
    QCOMPARE(a.id, e.id);
    QCOMPARE(a.profileId, e.profileId);
    QCOMPARE(q(formatDate(a.occurredOn)), q(formatDate(e.occurredOn)));
    QCOMPARE(q(a.vaccineName), q(e.vaccineName));
    QCOMPARE(q(a.vaccineCode), q(e.vaccineCode));
    QCOMPARE(a.vaccineCodeSystem, e.vaccineCodeSystem);
    QCOMPARE(a.targetDisease, e.targetDisease);
    QCOMPARE(a.doseNumber, e.doseNumber);
    QCOMPARE(a.lotNumber, e.lotNumber);
    QCOMPARE(a.manufacturer, e.manufacturer);
    QCOMPARE(a.facilityId, e.facilityId);
    QCOMPARE(a.municipalityCode, e.municipalityCode);
    QCOMPARE(a.site, e.site);
    QCOMPARE(a.status, e.status);
    compareProvenance(a.provenance, e.provenance);
}

void compareLine(const MedicationLine& a, const MedicationLine& e)
{
    QCOMPARE(a.id, e.id);
    QCOMPARE(a.dispensingId, e.dispensingId);
    QCOMPARE(a.rpNumber, e.rpNumber);
    QCOMPARE(a.lineNumber, e.lineNumber);
    QCOMPARE(q(a.drugCode), q(e.drugCode));
    QCOMPARE(a.drugCodeSystem, e.drugCodeSystem);
    QCOMPARE(q(a.drugName), q(e.drugName));
    QCOMPARE(a.ingredientName, e.ingredientName);
    QCOMPARE(a.quantity, e.quantity);
    QCOMPARE(a.unit, e.unit);
    QCOMPARE(a.usageText, e.usageText);
    QCOMPARE(a.specialInstruction, e.specialInstruction);
    QCOMPARE(a.days, e.days);
    QCOMPARE(a.dosageForm, e.dosageForm);
    QCOMPARE(a.claimsCategory, e.claimsCategory);
}

void compareDispensing(const Dispensing& a, const Dispensing& e)
{
    QCOMPARE(a.id, e.id);
    QCOMPARE(a.profileId, e.profileId);
    QCOMPARE(a.kind, e.kind);
    QCOMPARE(q(formatDate(a.dispensedOn)), q(formatDate(e.dispensedOn)));
    QCOMPARE(a.prescribedOn, e.prescribedOn);
    QCOMPARE(a.pharmacyId, e.pharmacyId);
    QCOMPARE(a.prescriberId, e.prescriberId);
    QCOMPARE(a.inOut, e.inOut);
    QCOMPARE(a.supersededBy, e.supersededBy);
    compareProvenance(a.provenance, e.provenance);
    QCOMPARE(a.lines.size(), e.lines.size());
    for (std::size_t i = 0; i < a.lines.size(); ++i)
        compareLine(a.lines[i], e.lines[i]);
}

void compareConsent(const Consent& a, const Consent& e)
{
    QCOMPARE(a.id, e.id);
    QCOMPARE(a.providerId, e.providerId);
    QCOMPARE(a.profileId, e.profileId);
    QCOMPARE(q(a.categories.toString()), q(e.categories.toString()));
    QCOMPARE(q(a.purpose), q(e.purpose));
    QCOMPARE(a.dataFrom, e.dataFrom);
    QCOMPARE(a.dataTo, e.dataTo);
    QCOMPARE(a.grantedAt, e.grantedAt);
    QCOMPARE(a.expiresAt, e.expiresAt);
    QCOMPARE(a.revokedAt, e.revokedAt);
}

void compareShare(const ShareRecord& a, const ShareRecord& e)
{
    QCOMPARE(a.id, e.id);
    QCOMPARE(a.consentId, e.consentId);
    QCOMPARE(a.providerId, e.providerId);
    QCOMPARE(a.sharedAt, e.sharedAt);
    QCOMPARE(a.status, e.status);
    QCOMPARE(a.packageSha256, e.packageSha256);
    QCOMPARE(a.recordCount, e.recordCount);
    QCOMPARE(a.detail, e.detail);
    QCOMPARE(a.items.size(), e.items.size());
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        QCOMPARE(a.items[i].category, e.items[i].category);
        QCOMPARE(a.items[i].recordId, e.items[i].recordId);
    }
}

void compareAudit(const AuditEvent& a, const AuditEvent& e)
{
    QCOMPARE(a.id, e.id);
    QCOMPARE(a.occurredAt, e.occurredAt);
    QCOMPARE(q(a.action), q(e.action));
    QCOMPARE(a.subjectKind, e.subjectKind);
    QCOMPARE(a.subjectId, e.subjectId);
    QCOMPARE(a.detail, e.detail);
}

// ---- sample records ----

Observation pq(const std::string& code, const char* name, double value, const char* unit)
{
    Observation o;
    o.itemCode = code;
    o.itemName = name;
    o.valueType = ValueType::PQ;
    o.valueNum = value;
    o.unit = std::string(unit);
    return o;
}

// Every optional field set, Japanese text throughout, each value type present.
Checkup fullCheckup(std::int64_t profileId, std::int64_t facilityId, std::int64_t runId)
{
    Checkup c;
    c.profileId = profileId;
    c.performedOn = makeDate(2024, 6, 1);
    c.kind = checkup_kind::kSpecificHealthCheckup;
    c.facilityId = facilityId;
    c.insurerNumber = std::string("06139999");
    c.provenance = {"mynaportal", std::string("TKK-2024-0001"), ts("2024-06-20T03:04:05Z"), runId};
    c.observations.push_back(pq(kHbA1c, "HbA1c（NGSP）", 5.8, "%"));
    Observation tg = pq(kTriglycerides, "中性脂肪（空腹時）", 180.5, "mg/dL");
    tg.rangeFlag = RangeFlag::High;
    c.observations.push_back(tg);
    Observation urine;
    urine.itemCode = kUrineGlucose;
    urine.itemName = "尿糖";
    urine.valueType = ValueType::CD;
    urine.valueCode = std::string("1");
    urine.valueCodeSystem = std::string("1.2.392.200119.6.2101");
    urine.valueLabel = std::string("－");
    c.observations.push_back(urine);
    Observation level;
    level.itemCode = kGuidanceLevel;
    level.itemName = "保健指導レベル";
    level.valueType = ValueType::CO;
    level.valueCode = std::string("2");
    level.valueLabel = std::string("動機付け支援");
    c.observations.push_back(level);
    Observation opinion;
    opinion.itemCode = kDoctorsOpinion;
    opinion.itemName = "医師の判断";
    opinion.valueType = ValueType::ST;
    opinion.valueText = std::string("特記すべき所見なし。経過観察。");
    c.observations.push_back(opinion);
    return c;
}

// Every optional field empty.
Checkup minimalCheckup(std::int64_t profileId, Date day)
{
    Checkup c;
    c.profileId = profileId;
    c.performedOn = day;
    c.kind = checkup_kind::kEmployer;
    return c;
}

Dispensing minimalDispensing(std::int64_t profileId, std::int64_t pharmacyId, Date day)
{
    Dispensing d;
    d.profileId = profileId;
    d.kind = DispensingKind::Claims;
    d.dispensedOn = day;
    d.pharmacyId = pharmacyId;
    return d;
}

MedicationLine line(int rp, int number, const char* name)
{
    MedicationLine m;
    m.rpNumber = rp;
    m.lineNumber = number;
    m.drugName = name;
    return m;
}

} // namespace

class TestRepositories : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<vault::Vault> m_vault;

    vault::Database& db() { return m_vault->database(); }

    // Locks the vault (closing the connection) and opens the file again with the passphrase.
    void reopen()
    {
        m_vault->lock();
        m_vault.reset();
        auto opened = vault::Vault::open(m_path.toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        m_vault = std::move(opened).value();
    }

    std::int64_t count(const char* kind)
    {
        auto counts = m_vault->counts();
        return counts.ok() ? counts->at(kind) : -1;
    }

    // A stored profile, or 0 (with the test failed).
    std::int64_t addProfile(const char* name)
    {
        Profile p;
        p.displayName = name;
        p.createdAt = ts("2024-01-01T00:00:00Z");
        auto id = vault::ProfileRepository(db()).insert(p);
        return id.ok() ? id.value() : 0;
    }

    std::int64_t addProvider(ProviderKind kind, const char* name)
    {
        auto provider = vault::ProviderRepository(db()).findOrCreate(kind, "", name);
        return provider.ok() ? provider->id : 0;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("repositories.techo"));
        m_vault = test::createTestVault(m_path);
        QVERIFY(m_vault);
    }

    void cleanup()
    {
        m_vault.reset();
        m_dir.reset();
    }

    // ---- dates ----

    void dates_parseOnlyStrictIsoAndFormatBack_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "2024-06-01" << true;
        QTest::newRow("leap day") << "2024-02-29" << true;
        QTest::newRow("first storable") << "0001-01-01" << true;
        QTest::newRow("no leap day") << "2023-02-29" << false;
        QTest::newRow("month 13") << "2024-13-01" << false;
        QTest::newRow("year 0") << "0000-06-01" << false;
        QTest::newRow("no padding") << "2024-6-1" << false;
        QTest::newRow("slashes") << "2024/06/01" << false;
        QTest::newRow("trailing") << "2024-06-01Z" << false;
        QTest::newRow("sign") << "+024-06-01" << false;
        QTest::newRow("empty") << "" << false;
    }
    void dates_parseOnlyStrictIsoAndFormatBack()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto date = parseDate(text.toStdString());
        QCOMPARE(date.has_value(), valid);
        if (date)
            QCOMPARE(q(formatDate(*date)), text);
    }

    void timestamps_parseOnlyStrictUtcAndFormatBack_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "2024-06-01T09:08:07Z" << true;
        QTest::newRow("end of day") << "2024-12-31T23:59:59Z" << true;
        QTest::newRow("offset") << "2024-06-01T09:08:07+09:00" << false;
        QTest::newRow("no zone") << "2024-06-01T09:08:07" << false;
        QTest::newRow("fraction") << "2024-06-01T09:08:07.5Z" << false;
        QTest::newRow("hour 24") << "2024-06-01T24:00:00Z" << false;
        QTest::newRow("leap second") << "2024-06-30T23:59:60Z" << false;
        QTest::newRow("space") << "2024-06-01 09:08:07Z" << false;
        QTest::newRow("bad date") << "2024-02-30T00:00:00Z" << false;
    }
    void timestamps_parseOnlyStrictUtcAndFormatBack()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto parsed = parseTimestamp(text.toStdString());
        QCOMPARE(parsed.has_value(), valid);
        if (parsed)
            QCOMPARE(q(formatTimestamp(*parsed)), text);
    }

    void timestamps_countSecondsSinceTheUnixEpoch()
    {
        QCOMPARE(ts("1970-01-02T00:00:01Z").time_since_epoch().count(), 86401);
        QCOMPARE(q(formatTimestamp(Timestamp {1717232887s})), QStringLiteral("2024-06-01T09:08:07Z"));
    }

    void enums_mapToTheSchemaStringsBothWays()
    {
        QCOMPARE(toString(ProviderKind::PhrService), std::string_view("phr_service"));
        QCOMPARE(toString(DispensingKind::ERxPrescription), std::string_view("eRx_prescription"));
        QCOMPARE(toString(VaccinationStatus::EnteredInError), std::string_view("entered-in-error"));
        QCOMPARE(toString(RangeFlag::Low), std::string_view("L"));
        QCOMPARE(fromString<DispensingKind>("eRx_dispensing"), std::optional(DispensingKind::ERxDispensing));
        QCOMPARE(fromString<Sex>("Female"), std::optional<Sex>()); // exact case only
        QCOMPARE(fromString<ValueType>("pq"), std::optional<ValueType>());
    }

    void categorySets_haveOneTextFormAndRejectUnknownNames()
    {
        const RecordCategorySet set {RecordCategory::Dispensing, RecordCategory::Checkup};
        QCOMPARE(q(set.toString()), QStringLiteral("checkup,dispensing"));
        QCOMPARE(RecordCategorySet::parse("dispensing,checkup"), std::optional(set));
        QCOMPARE(RecordCategorySet::parse(""), std::optional(RecordCategorySet {}));
        QVERIFY(!RecordCategorySet::parse("checkups"));
        QVERIFY(!RecordCategorySet::parse("checkup,checkup"));
        QVERIFY(!RecordCategorySet::parse("checkup,"));
        QVERIFY(!RecordCategorySet::parse(",checkup"));
    }

    // Every string of every EnumNames table satisfies the schema's CHECK, and reads back as the same enumerator.
    void everyEnumerator_isAcceptedByTheSchemaAndReadsBack()
    {
        std::int64_t profile = 0;
        for (const auto& [sex, name] : EnumNames<Sex>::kValues) {
            for (const auto& [relationship, relName] : EnumNames<Relationship>::kValues) {
                Profile p;
                p.displayName = std::string(name) + "/" + std::string(relName);
                p.sex = sex;
                p.relationship = relationship;
                p.createdAt = ts("2024-01-01T00:00:00Z");
                VERIFY_OK(vault::ProfileRepository(db()).insert(p));
                ASSIGN_OK(const Profile read, vault::ProfileRepository(db()).get(p.id));
                QCOMPARE(read.sex, std::optional(sex));
                QCOMPARE(read.relationship, relationship);
                profile = p.id;
            }
        }
        std::int64_t pharmacy = 0;
        for (const auto& [kind, name] : EnumNames<ProviderKind>::kValues) {
            ASSIGN_OK(const Provider provider, vault::ProviderRepository(db()).findOrCreate(kind, "", name));
            ASSIGN_OK(const Provider read, vault::ProviderRepository(db()).get(provider.id));
            QCOMPARE(read.kind, kind);
            pharmacy = provider.id;
        }
        int day = 1;
        for (const auto& [kind, kindName] : EnumNames<DispensingKind>::kValues) {
            for (const auto& [inOut, inOutName] : EnumNames<InOut>::kValues) {
                Dispensing d = minimalDispensing(profile, pharmacy, makeDate(2024, 1, static_cast<unsigned>(day++)));
                d.kind = kind;
                d.inOut = inOut;
                int lineNumber = 1;
                for (const auto& [system, systemName] : EnumNames<DrugCodeSystem>::kValues) {
                    MedicationLine m = line(1, lineNumber++, "薬");
                    m.drugCodeSystem = system;
                    d.lines.push_back(m);
                }
                VERIFY_OK(vault::DispensingRepository(db()).insert(d));
                ASSIGN_OK(const Dispensing read, vault::DispensingRepository(db()).get(d.id));
                COMPARE_RECORD(compareDispensing, read, d);
            }
        }
        for (const auto& [status, name] : EnumNames<VaccinationStatus>::kValues) {
            Vaccination v;
            v.profileId = profile;
            v.occurredOn = makeDate(2024, 1, static_cast<unsigned>(day++));
            v.vaccineName = name;
            v.status = status;
            VERIFY_OK(vault::VaccinationRepository(db()).insert(v));
            ASSIGN_OK(const Vaccination read, vault::VaccinationRepository(db()).get(v.id));
            QCOMPARE(read.status, status);
        }
        Checkup checkup = minimalCheckup(profile, makeDate(2024, 2, 1));
        for (const auto& [flag, name] : EnumNames<RangeFlag>::kValues) {
            Observation o = pq(flag == RangeFlag::High ? kHbA1c : kTriglycerides, "項目", 1.0, "mg/dL");
            o.rangeFlag = flag;
            checkup.observations.push_back(o);
        }
        VERIFY_OK(vault::CheckupRepository(db()).insert(checkup));
        ASSIGN_OK(const Checkup read, vault::CheckupRepository(db()).get(checkup.id));
        COMPARE_RECORD(compareCheckup, read, checkup);
    }

    // ---- round trips through lock and reopen ----

    void profile_roundTripsWithAllFieldsSetOrEmpty()
    {
        Profile full;
        full.displayName = "山田 花子";
        full.kanaName = std::string("ヤマダ ハナコ");
        full.birthDate = makeDate(1980, 2, 29);
        full.sex = Sex::Female;
        full.relationship = Relationship::Family;
        full.source = "mynaportal";
        full.sourcePersonId = std::string("P-0001");
        full.createdAt = ts("2024-04-01T09:30:15Z");
        Profile minimal;
        minimal.displayName = "本人";
        minimal.createdAt = ts("2024-04-02T00:00:00Z");
        vault::ProfileRepository profiles(db());
        VERIFY_OK(profiles.insert(full));
        VERIFY_OK(profiles.insert(minimal));
        QVERIFY(full.id != 0 && minimal.id != 0 && full.id != minimal.id);

        reopen();
        vault::ProfileRepository reopened(db());
        ASSIGN_OK(const Profile readFull, reopened.get(full.id));
        COMPARE_RECORD(compareProfile, readFull, full);
        ASSIGN_OK(const Profile readMinimal, reopened.get(minimal.id));
        COMPARE_RECORD(compareProfile, readMinimal, minimal);
        ASSIGN_OK(const auto bySource, reopened.findBySourcePerson("mynaportal", "P-0001"));
        QVERIFY(bySource.has_value());
        QCOMPARE(bySource->id, full.id);
        ASSIGN_OK(const auto all, reopened.list());
        QCOMPARE(all.size(), std::size_t {2});
    }

    void profile_updateChangesStoredFieldsAndUnknownIdIsNotFound()
    {
        Profile p;
        p.displayName = "山田";
        p.createdAt = ts("2024-04-01T00:00:00Z");
        vault::ProfileRepository profiles(db());
        VERIFY_OK(profiles.insert(p));
        p.displayName = "山田 太郎";
        p.sex = Sex::Male;
        p.birthDate = makeDate(1975, 12, 31);
        VERIFY_OK(profiles.update(p));
        ASSIGN_OK(const Profile read, profiles.get(p.id));
        COMPARE_RECORD(compareProfile, read, p);

        Profile ghost = p;
        ghost.id = p.id + 100;
        VERIFY_ERROR(profiles.update(ghost), ErrorCode::NotFound);
        VERIFY_ERROR(profiles.get(ghost.id), ErrorCode::NotFound);
        VERIFY_ERROR(profiles.remove(ghost.id), ErrorCode::NotFound);
    }

    void provider_roundTripsAndFindOrCreateReusesTheSameRow()
    {
        Provider phr;
        phr.kind = ProviderKind::PhrService;
        phr.name = "けんこうPHR";
        phr.endpointUrl = std::string("https://phr.example.jp/receive");
        phr.address = std::string("東京都千代田区1-1");
        vault::ProviderRepository providers(db());
        VERIFY_OK(providers.insert(phr));
        ASSIGN_OK(const Provider created,
            providers.findOrCreate(ProviderKind::CheckupFacility, "1312345678", "東京健診センター"));
        QVERIFY(created.id != 0);
        QVERIFY(!created.address && !created.endpointUrl);

        reopen();
        vault::ProviderRepository reopened(db());
        ASSIGN_OK(const Provider readPhr, reopened.get(phr.id));
        QCOMPARE(readPhr.kind, phr.kind);
        QCOMPARE(q(readPhr.code), QString());
        QCOMPARE(q(readPhr.name), q(phr.name));
        QCOMPARE(readPhr.address, phr.address);
        QCOMPARE(readPhr.endpointUrl, phr.endpointUrl);
        QVERIFY(readPhr == phr);

        ASSIGN_OK(const Provider again,
            reopened.findOrCreate(ProviderKind::CheckupFacility, "1312345678", "東京健診センター"));
        QCOMPARE(again.id, created.id);
        ASSIGN_OK(const Provider otherKind,
            reopened.findOrCreate(ProviderKind::MedicalInstitution, "1312345678", "東京健診センター"));
        QVERIFY(otherKind.id != created.id);
        QCOMPARE(count("providers"), 3);
        VERIFY_ERROR(reopened.insert(phr), ErrorCode::InvalidData); // same (kind, code, name)
        ASSIGN_OK(const auto facilities, reopened.listByKind(ProviderKind::CheckupFacility));
        QCOMPARE(facilities.size(), std::size_t {1});
    }

    void checkup_roundTripsWithObservationsOfEveryValueType()
    {
        const std::int64_t profile = addProfile("山田 花子");
        const std::int64_t facility = addProvider(ProviderKind::CheckupFacility, "東京健診センター");
        ASSIGN_OK(const ImportRun run,
            vault::ImportRunRepository(db()).begin("mynaportal", "https://sandbox", ts("2024-06-20T03:00:00Z")));
        Checkup full = fullCheckup(profile, facility, run.id);
        Checkup minimal = minimalCheckup(profile, makeDate(2023, 5, 10));
        vault::CheckupRepository checkups(db());
        VERIFY_OK(checkups.insert(full));
        VERIFY_OK(checkups.insert(minimal));
        QVERIFY(full.id != 0);
        for (const Observation& o : full.observations) {
            QVERIFY(o.id != 0);
            QCOMPARE(o.checkupId, full.id);
        }

        reopen();
        vault::CheckupRepository reopened(db());
        ASSIGN_OK(const Checkup readFull, reopened.get(full.id));
        COMPARE_RECORD(compareCheckup, readFull, full);
        ASSIGN_OK(const Checkup readMinimal, reopened.get(minimal.id));
        COMPARE_RECORD(compareCheckup, readMinimal, minimal);
        QCOMPARE(count("observations"), 5);
    }

    void vaccination_roundTripsWithAllFieldsSetOrEmpty()
    {
        const std::int64_t profile = addProfile("山田 花子");
        const std::int64_t facility = addProvider(ProviderKind::MedicalInstitution, "さくらクリニック");
        Vaccination full;
        full.profileId = profile;
        full.occurredOn = makeDate(2021, 6, 15);
        full.vaccineName = "コミナティ筋注";
        full.vaccineCode = "631341";
        full.vaccineCodeSystem = std::string("urn:oid:1.2.392.100495.20.2.75");
        full.targetDisease = std::string("新型コロナウイルス感染症");
        full.doseNumber = 2;
        full.lotNumber = std::string("FA5765");
        full.manufacturer = std::string("ファイザー");
        full.facilityId = facility;
        full.municipalityCode = std::string("131016");
        full.site = std::string("74L");
        full.status = VaccinationStatus::EnteredInError;
        full.provenance = {"mynaportal", std::string("PMH-77"), ts("2024-01-02T03:04:05Z"), std::nullopt};
        Vaccination minimal;
        minimal.profileId = profile;
        minimal.occurredOn = makeDate(1981, 4, 1);
        minimal.vaccineName = "BCG";
        minimal.status = VaccinationStatus::NotDone;
        vault::VaccinationRepository vaccinations(db());
        VERIFY_OK(vaccinations.insert(full));
        VERIFY_OK(vaccinations.insert(minimal));

        reopen();
        vault::VaccinationRepository reopened(db());
        ASSIGN_OK(const Vaccination readFull, reopened.get(full.id));
        COMPARE_RECORD(compareVaccination, readFull, full);
        ASSIGN_OK(const Vaccination readMinimal, reopened.get(minimal.id));
        COMPARE_RECORD(compareVaccination, readMinimal, minimal);

        ASSIGN_OK(const auto byKey, reopened.findByNaturalKey(profile, makeDate(1981, 4, 1), "", "BCG", std::nullopt));
        QVERIFY(byKey.has_value());
        QCOMPARE(byKey->id, minimal.id);
        ASSIGN_OK(const auto otherDose,
            reopened.findByNaturalKey(profile, makeDate(2021, 6, 15), "631341", full.vaccineName, 1));
        QVERIFY(!otherDose.has_value());
        // Without a code, the name tells two vaccines of one day apart.
        ASSIGN_OK(
            const auto otherName, reopened.findByNaturalKey(profile, makeDate(1981, 4, 1), "", "MR", std::nullopt));
        QVERIFY(!otherName.has_value());
        // A record the source identifies by its own id is found by it, not by its fields.
        ASSIGN_OK(const auto bySourceId, reopened.findBySourceRecordId(profile, "mynaportal", "PMH-77"));
        QVERIFY(bySourceId.has_value());
        QCOMPARE(bySourceId->id, full.id);
        ASSIGN_OK(const auto listed, reopened.listByProfile(profile));
        QCOMPARE(listed.size(), std::size_t {2});
        QCOMPARE(listed.front().id, minimal.id); // 1981 before 2021
    }

    void dispensing_roundTripsWithLinesInRpOrder()
    {
        const std::int64_t profile = addProfile("山田 花子");
        const std::int64_t pharmacy = addProvider(ProviderKind::Pharmacy, "あおば薬局");
        const std::int64_t clinic = addProvider(ProviderKind::MedicalInstitution, "さくらクリニック");
        vault::DispensingRepository dispensings(db());
        Dispensing claims = minimalDispensing(profile, pharmacy, makeDate(2024, 7, 2));
        VERIFY_OK(dispensings.insert(claims));

        Dispensing full;
        full.profileId = profile;
        full.kind = DispensingKind::ERxDispensing;
        full.dispensedOn = makeDate(2024, 7, 2);
        full.prescribedOn = makeDate(2024, 7, 1);
        full.pharmacyId = pharmacy;
        full.prescriberId = clinic;
        full.inOut = InOut::Outpatient;
        full.provenance = {"mynaportal", std::string("YZK-9"), ts("2024-07-03T00:00:00Z"), std::nullopt};
        MedicationLine amlodipine = line(1, 1, "アムロジピン錠５ｍｇ「サワイ」");
        amlodipine.drugCode = "2171022F1020";
        amlodipine.drugCodeSystem = DrugCodeSystem::Yj;
        amlodipine.ingredientName = std::string("アムロジピンベシル酸塩");
        amlodipine.quantity = 1.0;
        amlodipine.unit = std::string("錠");
        amlodipine.usageText = std::string("1日1回朝食後");
        amlodipine.specialInstruction = std::string("グレープフルーツジュースを避ける");
        amlodipine.days = 28;
        amlodipine.dosageForm = std::string("1");
        amlodipine.claimsCategory = std::string("21");
        MedicationLine second = line(1, 2, "ロスバスタチン錠2.5mg");
        second.drugCode = "620008601";
        second.drugCodeSystem = DrugCodeSystem::Receipt;
        second.quantity = 0.5;
        MedicationLine topical = line(2, 1, "ロキソニンテープ50mg");
        topical.days = 0;
        full.lines = {amlodipine, second, topical};
        VERIFY_OK(dispensings.insert(full));
        claims.supersededBy = full.id;
        VERIFY_OK(dispensings.update(claims));

        reopen();
        vault::DispensingRepository reopened(db());
        ASSIGN_OK(const Dispensing readFull, reopened.get(full.id));
        COMPARE_RECORD(compareDispensing, readFull, full);
        ASSIGN_OK(const Dispensing readClaims, reopened.get(claims.id));
        COMPARE_RECORD(compareDispensing, readClaims, claims);
        ASSIGN_OK(const auto byKey,
            reopened.findByNaturalKey(
                profile, DispensingKind::ERxDispensing, makeDate(2024, 7, 2), pharmacy, full.prescriberId));
        QVERIFY(byKey.has_value());
        QCOMPARE(byKey->id, full.id);
        QCOMPARE(byKey->lines.size(), std::size_t {3});
        ASSIGN_OK(const auto otherPharmacy,
            reopened.findByNaturalKey(
                profile, DispensingKind::ERxDispensing, makeDate(2024, 7, 2), clinic, full.prescriberId));
        QVERIFY(!otherPharmacy.has_value());
    }

    void consent_roundTripsWithAllFieldsSetOrEmpty()
    {
        const std::int64_t profile = addProfile("山田 花子");
        const std::int64_t phr = addProvider(ProviderKind::PhrService, "けんこうPHR");
        Consent full;
        full.providerId = phr;
        full.profileId = profile;
        full.categories = {RecordCategory::Checkup, RecordCategory::Dispensing};
        full.purpose = "かかりつけ医との情報共有";
        full.dataFrom = makeDate(2020, 4, 1);
        full.dataTo = makeDate(2025, 3, 31);
        full.grantedAt = ts("2024-04-01T00:00:00Z");
        full.expiresAt = ts("2024-06-30T00:00:00Z");
        full.revokedAt = ts("2024-05-01T12:00:00Z");
        Consent minimal;
        minimal.providerId = phr;
        minimal.profileId = profile;
        minimal.categories = {RecordCategory::Vaccination};
        minimal.purpose = "予防接種記録の保管";
        minimal.grantedAt = ts("2024-05-01T00:00:00Z");
        vault::ConsentRepository consents(db());
        VERIFY_OK(consents.insert(full));
        VERIFY_OK(consents.insert(minimal));

        reopen();
        vault::ConsentRepository reopened(db());
        ASSIGN_OK(const Consent readFull, reopened.get(full.id));
        COMPARE_RECORD(compareConsent, readFull, full);
        ASSIGN_OK(const Consent readMinimal, reopened.get(minimal.id));
        COMPARE_RECORD(compareConsent, readMinimal, minimal);
        ASSIGN_OK(const auto listed, reopened.listByProfile(profile));
        QCOMPARE(listed.size(), std::size_t {2});
        QCOMPARE(listed.front().id, minimal.id); // newest grant first
    }

    void share_roundTripsWithItsItems()
    {
        const std::int64_t profile = addProfile("山田 花子");
        const std::int64_t phr = addProvider(ProviderKind::PhrService, "けんこうPHR");
        Consent consent;
        consent.providerId = phr;
        consent.profileId = profile;
        consent.categories = {RecordCategory::Checkup};
        consent.purpose = "共有";
        consent.grantedAt = ts("2024-04-01T00:00:00Z");
        VERIFY_OK(vault::ConsentRepository(db()).insert(consent));
        ShareRecord sent;
        sent.consentId = consent.id;
        sent.providerId = phr;
        sent.sharedAt = ts("2024-04-02T10:00:00Z");
        sent.status = ShareStatus::Sent;
        sent.packageSha256 = std::string(64, 'a');
        sent.recordCount = 3;
        sent.detail = std::string("3 records");
        // In the order they read back: kind name, then id.
        sent.items = {{RecordCategory::Checkup, 7}, {RecordCategory::Checkup, 12}, {RecordCategory::Dispensing, 3},
            {RecordCategory::Vaccination, 1}};
        ShareRecord failed;
        failed.consentId = consent.id;
        failed.providerId = phr;
        failed.sharedAt = ts("2024-04-03T10:00:00Z");
        failed.status = ShareStatus::Failed;
        vault::ShareRepository shares(db());
        VERIFY_OK(shares.insert(sent));
        VERIFY_OK(shares.insert(failed));

        reopen();
        vault::ShareRepository reopened(db());
        ASSIGN_OK(const ShareRecord readSent, reopened.get(sent.id));
        COMPARE_RECORD(compareShare, readSent, sent);
        ASSIGN_OK(const ShareRecord readFailed, reopened.get(failed.id));
        COMPARE_RECORD(compareShare, readFailed, failed);
        ASSIGN_OK(const auto byConsent, reopened.listByConsent(consent.id));
        QCOMPARE(byConsent.size(), std::size_t {2});
        QCOMPARE(byConsent.front().id, failed.id); // newest first
        QCOMPARE(byConsent.back().items, sent.items);
        ASSIGN_OK(const auto recent, reopened.listRecent(1));
        QCOMPARE(recent.size(), std::size_t {1});
        QCOMPARE(recent.front().id, failed.id);
    }

    void share_withARepeatedItemIsRejectedAndStoresNothing()
    {
        const std::int64_t profile = addProfile("山田 花子");
        const std::int64_t phr = addProvider(ProviderKind::PhrService, "けんこうPHR");
        Consent consent;
        consent.providerId = phr;
        consent.profileId = profile;
        consent.categories = {RecordCategory::Checkup};
        consent.purpose = "共有";
        consent.grantedAt = ts("2024-04-01T00:00:00Z");
        VERIFY_OK(vault::ConsentRepository(db()).insert(consent));
        ShareRecord share;
        share.consentId = consent.id;
        share.providerId = phr;
        share.sharedAt = ts("2024-04-02T10:00:00Z");
        share.items = {{RecordCategory::Checkup, 7}, {RecordCategory::Checkup, 7}};
        VERIFY_ERROR(vault::ShareRepository(db()).insert(share), ErrorCode::InvalidData);
        QCOMPARE(share.id, std::int64_t {0});
        QCOMPARE(count("share_records"), 0);
    }

    void audit_roundTripsAndListsNewestFirstWithinLimit()
    {
        AuditEvent full;
        full.occurredAt = ts("2024-04-01T10:00:00Z");
        full.action = "consent.granted";
        full.subjectKind = std::string("consent");
        full.subjectId = 42;
        full.detail = std::string("categories=checkup");
        AuditEvent minimal;
        minimal.occurredAt = ts("2024-04-01T12:00:00Z");
        minimal.action = "vault.unlocked";
        AuditEvent middle;
        middle.occurredAt = ts("2024-04-01T11:00:00Z");
        middle.action = "import";
        vault::AuditRepository audit(db());
        VERIFY_OK(audit.append(full));
        VERIFY_OK(audit.append(minimal));
        VERIFY_OK(audit.append(middle));

        reopen();
        vault::AuditRepository reopened(db());
        ASSIGN_OK(const auto all, reopened.listRecent(10));
        QCOMPARE(all.size(), std::size_t {3});
        COMPARE_RECORD(compareAudit, all[0], minimal);
        COMPARE_RECORD(compareAudit, all[1], middle);
        COMPARE_RECORD(compareAudit, all[2], full);
        ASSIGN_OK(const auto two, reopened.listRecent(2));
        QCOMPARE(two.size(), std::size_t {2});
        QCOMPARE(two.back().id, middle.id);
        VERIFY_ERROR(reopened.listRecent(0), ErrorCode::Usage);
    }

    void importRun_beginsUnfinishedAndFinishRecordsCounts()
    {
        vault::ImportRunRepository runs(db());
        ASSIGN_OK(
            const ImportRun started, runs.begin("mynaportal", "https://127.0.0.1:8443", ts("2024-06-20T03:00:00Z")));
        QVERIFY(started.id != 0);
        QVERIFY(!started.finishedAt);

        reopen();
        vault::ImportRunRepository reopened(db());
        ASSIGN_OK(ImportRun read, reopened.get(started.id));
        QVERIFY(read == started);
        const ImportCounts counts {5, 2, 7, 1};
        VERIFY_OK(reopened.finish(started.id, ts("2024-06-20T03:01:30Z"), counts));
        ASSIGN_OK(read, reopened.get(started.id));
        QCOMPARE(read.finishedAt, std::optional(ts("2024-06-20T03:01:30Z")));
        QCOMPARE(read.counts.added, 5);
        QCOMPARE(read.counts.updated, 2);
        QCOMPARE(read.counts.unchanged, 7);
        QCOMPARE(read.counts.rejected, 1);
        QCOMPARE(q(read.source), QStringLiteral("mynaportal"));
        QCOMPARE(q(read.origin), QStringLiteral("https://127.0.0.1:8443"));
        VERIFY_ERROR(reopened.finish(started.id + 1, ts("2024-06-20T03:01:30Z"), counts), ErrorCode::NotFound);
        ASSIGN_OK(const auto recent, reopened.listRecent(5));
        QCOMPARE(recent.size(), std::size_t {1});
    }

    // ---- queries ----

    void checkups_listInDateOrderWithinAnInclusiveRange()
    {
        const std::int64_t profile = addProfile("山田 花子");
        const std::int64_t other = addProfile("山田 太郎");
        vault::CheckupRepository checkups(db());
        Checkup late = minimalCheckup(profile, makeDate(2024, 6, 1));
        late.observations = {pq(kHbA1c, "HbA1c", 6.1, "%")};
        Checkup early = minimalCheckup(profile, makeDate(2022, 5, 1));
        early.observations = {pq(kHbA1c, "HbA1c", 5.6, "%"), pq(kTriglycerides, "中性脂肪", 120, "mg/dL")};
        Checkup middle = minimalCheckup(profile, makeDate(2023, 5, 10));
        middle.observations = {pq(kHbA1c, "HbA1c", 5.9, "%")};
        Checkup someoneElse = minimalCheckup(other, makeDate(2023, 1, 1));
        someoneElse.observations = {pq(kHbA1c, "HbA1c", 9.9, "%")};
        for (Checkup* c : {&late, &early, &middle, &someoneElse})
            VERIFY_OK(checkups.insert(*c));

        ASSIGN_OK(const auto all, checkups.listByProfile(profile));
        QCOMPARE(all.size(), std::size_t {3});
        COMPARE_RECORD(compareCheckup, all[0], early);
        COMPARE_RECORD(compareCheckup, all[1], middle);
        COMPARE_RECORD(compareCheckup, all[2], late);

        ASSIGN_OK(const auto ranged, checkups.listByProfile(profile, makeDate(2023, 1, 1), makeDate(2024, 6, 1)));
        QCOMPARE(ranged.size(), std::size_t {2});
        QCOMPARE(ranged[0].id, middle.id);
        QCOMPARE(ranged[1].id, late.id);
        ASSIGN_OK(const auto openEnded, checkups.listByProfile(profile, std::nullopt, makeDate(2023, 5, 9)));
        QCOMPARE(openEnded.size(), std::size_t {1});
        QCOMPARE(openEnded[0].id, early.id);
        ASSIGN_OK(const auto none, checkups.listByProfile(profile, makeDate(2025, 1, 1)));
        QVERIFY(none.empty());
    }

    void checkups_seriesFollowsOneItemAcrossCheckupsOldestFirst()
    {
        const std::int64_t profile = addProfile("山田 花子");
        const std::int64_t other = addProfile("山田 太郎");
        vault::CheckupRepository checkups(db());
        Checkup y2024 = minimalCheckup(profile, makeDate(2024, 6, 1));
        y2024.observations = {pq(kHbA1c, "HbA1c", 6.1, "%"), pq(kTriglycerides, "中性脂肪", 180, "mg/dL")};
        Checkup y2022 = minimalCheckup(profile, makeDate(2022, 6, 1));
        y2022.observations = {pq(kHbA1c, "HbA1c", 5.6, "%")};
        Checkup noHbA1c = minimalCheckup(profile, makeDate(2023, 6, 1));
        noHbA1c.observations = {pq(kTriglycerides, "中性脂肪", 150, "mg/dL")};
        Checkup otherPerson = minimalCheckup(other, makeDate(2023, 6, 1));
        otherPerson.observations = {pq(kHbA1c, "HbA1c", 9.9, "%")};
        for (Checkup* c : {&y2024, &y2022, &noHbA1c, &otherPerson})
            VERIFY_OK(checkups.insert(*c));

        ASSIGN_OK(const auto series, checkups.series(profile, kHbA1c));
        QCOMPARE(series.size(), std::size_t {2});
        QCOMPARE(series[0].checkupId, y2022.id);
        QCOMPARE(series[0].performedOn, makeDate(2022, 6, 1));
        QCOMPARE(series[0].observation.valueNum, std::optional(5.6));
        QCOMPARE(series[1].checkupId, y2024.id);
        QCOMPARE(series[1].observation, y2024.observations[0]);
    }

    void checkups_findByNaturalKeyAndReplaceObservations()
    {
        const std::int64_t profile = addProfile("山田 花子");
        vault::CheckupRepository checkups(db());
        Checkup checkup = minimalCheckup(profile, makeDate(2024, 6, 1));
        checkup.kind = checkup_kind::kSpecificHealthCheckup;
        checkup.observations = {pq(kHbA1c, "HbA1c", 6.1, "%"), pq(kTriglycerides, "中性脂肪", 180, "mg/dL")};
        VERIFY_OK(checkups.insert(checkup));

        ASSIGN_OK(const auto found, checkups.findByNaturalKey(profile, makeDate(2024, 6, 1), "10", std::nullopt));
        QVERIFY(found.has_value());
        COMPARE_RECORD(compareCheckup, *found, checkup);
        ASSIGN_OK(const auto otherKind, checkups.findByNaturalKey(profile, makeDate(2024, 6, 1), "41", std::nullopt));
        QVERIFY(!otherKind.has_value());

        std::vector<Observation> replacement = {pq(kHbA1c, "HbA1c", 6.3, "%")};
        VERIFY_OK(checkups.replaceObservations(checkup.id, replacement));
        QVERIFY(replacement[0].id != 0);
        ASSIGN_OK(const Checkup read, checkups.get(checkup.id));
        QCOMPARE(read.observations, replacement);
        QCOMPARE(count("observations"), 1);
        VERIFY_ERROR(checkups.replaceObservations(checkup.id + 1, replacement), ErrorCode::NotFound);

        // update() merges: the changed item is rewritten under its id, a new one is added, and a stored item
        // the update does not mention is kept (an update never deletes a value).
        const std::int64_t hba1cId = replacement[0].id;
        checkup.insurerNumber = std::string("01234567");
        checkup.observations = {pq(kTriglycerides, "中性脂肪", 140, "mg/dL"), pq(kHbA1c, "HbA1c", 6.4, "%")};
        VERIFY_OK(checkups.update(checkup));
        ASSIGN_OK(const Checkup updated, checkups.get(checkup.id));
        QCOMPARE(updated.insurerNumber, checkup.insurerNumber);
        QCOMPARE(updated.observations.size(), std::size_t {2});
        QCOMPARE(updated.observations[0].id, hba1cId);
        QCOMPARE(updated.observations[0].valueNum, std::optional(6.4));
        QCOMPARE(updated.observations[1].itemCode, std::string(kTriglycerides));
        QCOMPARE(updated.observations[1].valueNum, std::optional(140.0));
        checkup.observations = {pq(kTriglycerides, "中性脂肪", 150, "mg/dL")};
        VERIFY_OK(checkups.update(checkup));
        ASSIGN_OK(const Checkup merged, checkups.get(checkup.id));
        QCOMPARE(merged.observations.size(), std::size_t {2});
        QCOMPARE(merged.observations[0].valueNum, std::optional(6.4));
        QCOMPARE(merged.observations[1].id, updated.observations[1].id);
        QCOMPARE(merged.observations[1].valueNum, std::optional(150.0));
    }

    // ---- constraints come back as errors ----

    void checkup_withDuplicateNaturalKeyIsInvalidDataAndLeavesTheFirst()
    {
        const std::int64_t profile = addProfile("山田 花子");
        vault::CheckupRepository checkups(db());
        Checkup first = minimalCheckup(profile, makeDate(2024, 6, 1));
        first.observations = {pq(kHbA1c, "HbA1c", 6.1, "%")};
        VERIFY_OK(checkups.insert(first));
        Checkup duplicate = minimalCheckup(profile, makeDate(2024, 6, 1));
        duplicate.observations = {pq(kTriglycerides, "中性脂肪", 99, "mg/dL")};
        VERIFY_ERROR(checkups.insert(duplicate), ErrorCode::InvalidData);
        QCOMPARE(duplicate.id, std::int64_t {0});
        QCOMPARE(duplicate.observations[0].id, std::int64_t {0});
        QCOMPARE(count("checkups"), 1);
        QCOMPARE(count("observations"), 1);
        ASSIGN_OK(const Checkup read, checkups.get(first.id));
        COMPARE_RECORD(compareCheckup, read, first);
    }

    void observation_quantityWithoutValueIsInvalidData()
    {
        const std::int64_t profile = addProfile("山田 花子");
        Checkup checkup = minimalCheckup(profile, makeDate(2024, 6, 1));
        Observation noValue = pq(kHbA1c, "HbA1c", 0, "%");
        noValue.valueNum.reset();
        checkup.observations = {noValue};
        VERIFY_ERROR(vault::CheckupRepository(db()).insert(checkup), ErrorCode::InvalidData);
        QCOMPARE(count("checkups"), 0);
    }

    void observation_itemCodeOfWrongLengthIsInvalidData_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("16 characters") << QStringLiteral("3D04600000190620");
        QTest::newRow("18 characters") << QStringLiteral("3D0460000019062021");
        QTest::newRow("empty") << QString();
    }
    void observation_itemCodeOfWrongLengthIsInvalidData()
    {
        QFETCH(QString, code);
        const std::int64_t profile = addProfile("山田 花子");
        Checkup checkup = minimalCheckup(profile, makeDate(2024, 6, 1));
        checkup.observations = {pq(code.toStdString(), "HbA1c", 6.0, "%")};
        VERIFY_ERROR(vault::CheckupRepository(db()).insert(checkup), ErrorCode::InvalidData);
        QCOMPARE(count("checkups"), 0);
    }

    void dispensing_withDuplicateNaturalKeyIsInvalidData()
    {
        const std::int64_t profile = addProfile("山田 花子");
        const std::int64_t pharmacy = addProvider(ProviderKind::Pharmacy, "あおば薬局");
        vault::DispensingRepository dispensings(db());
        Dispensing first = minimalDispensing(profile, pharmacy, makeDate(2024, 7, 2));
        first.lines = {line(1, 1, "薬A")};
        VERIFY_OK(dispensings.insert(first));
        Dispensing duplicate = minimalDispensing(profile, pharmacy, makeDate(2024, 7, 2));
        duplicate.lines = {line(1, 1, "薬B")};
        VERIFY_ERROR(dispensings.insert(duplicate), ErrorCode::InvalidData);
        QCOMPARE(count("dispensings"), 1);
        QCOMPARE(count("medication_lines"), 1);
    }

    void dispensing_withRepeatedLineNumberStoresNothing()
    {
        const std::int64_t profile = addProfile("山田 花子");
        const std::int64_t pharmacy = addProvider(ProviderKind::Pharmacy, "あおば薬局");
        Dispensing dispensing = minimalDispensing(profile, pharmacy, makeDate(2024, 7, 2));
        dispensing.lines = {line(1, 1, "薬A"), line(1, 1, "薬B")};
        VERIFY_ERROR(vault::DispensingRepository(db()).insert(dispensing), ErrorCode::InvalidData);
        QCOMPARE(count("dispensings"), 0);
        QCOMPARE(count("medication_lines"), 0);
    }

    void records_ofAMissingProfileAreInvalidData()
    {
        Checkup orphan = minimalCheckup(12345, makeDate(2024, 6, 1));
        VERIFY_ERROR(vault::CheckupRepository(db()).insert(orphan), ErrorCode::InvalidData);
        Vaccination v;
        v.profileId = 12345;
        v.occurredOn = makeDate(2024, 6, 1);
        v.vaccineName = "BCG";
        VERIFY_ERROR(vault::VaccinationRepository(db()).insert(v), ErrorCode::InvalidData);
    }

    void vaccination_doseNumberZeroIsInvalidData()
    {
        Vaccination v;
        v.profileId = addProfile("山田 花子");
        v.occurredOn = makeDate(2024, 6, 1);
        v.vaccineName = "BCG";
        v.doseNumber = 0;
        VERIFY_ERROR(vault::VaccinationRepository(db()).insert(v), ErrorCode::InvalidData);
        QCOMPARE(count("vaccinations"), 0);
    }

    void dates_outsideTheStorableRangeAreInvalidData()
    {
        Checkup checkup = minimalCheckup(addProfile("山田 花子"), makeDate(2024, 2, 30));
        VERIFY_ERROR(vault::CheckupRepository(db()).insert(checkup), ErrorCode::InvalidData);
        checkup.performedOn = makeDate(10000, 1, 1);
        VERIFY_ERROR(vault::CheckupRepository(db()).insert(checkup), ErrorCode::InvalidData);
        QCOMPARE(count("checkups"), 0);
    }

    void malformedStoredDate_readsAsDamagedNotAsADefault()
    {
        Checkup checkup = minimalCheckup(addProfile("山田 花子"), makeDate(2024, 6, 1));
        VERIFY_OK(vault::CheckupRepository(db()).insert(checkup));
        {
            // Simulates a vault written by something else: the repositories never write such text.
            auto stmt = db().prepare("UPDATE checkups SET performed_on = '2024/06/01' WHERE id = ?");
            QVERIFY(stmt.ok());
            stmt->bind(1, checkup.id);
            VERIFY_OK(stmt->run());
        }
        VERIFY_ERROR(vault::CheckupRepository(db()).get(checkup.id), ErrorCode::Damaged);
        VERIFY_ERROR(vault::CheckupRepository(db()).listByProfile(checkup.profileId), ErrorCode::Damaged);
    }

    void consent_withNoCategoryIsInvalidData()
    {
        Consent consent;
        consent.providerId = addProvider(ProviderKind::PhrService, "けんこうPHR");
        consent.profileId = addProfile("山田 花子");
        consent.purpose = "共有";
        consent.grantedAt = ts("2024-04-01T00:00:00Z");
        VERIFY_ERROR(vault::ConsentRepository(db()).insert(consent), ErrorCode::InvalidData);
        QCOMPARE(count("consents"), 0);
    }

    // ---- the transaction rule (core/vault/Savepoint.h) ----

    void multiRowWrite_withoutCallerTransaction_isAllOrNothingAndLeavesNoTransactionOpen()
    {
        const std::int64_t profile = addProfile("山田 花子");
        Checkup checkup = minimalCheckup(profile, makeDate(2024, 6, 1));
        Observation bad = pq(kTriglycerides, "中性脂肪", 0, "mg/dL");
        bad.valueNum.reset();
        checkup.observations = {pq(kHbA1c, "HbA1c", 6.1, "%"), bad}; // the second fails after the first went in
        VERIFY_ERROR(vault::CheckupRepository(db()).insert(checkup), ErrorCode::InvalidData);
        QCOMPARE(count("checkups"), 0);
        QCOMPARE(count("observations"), 0);
        // BEGIN fails inside an open transaction: this proves the failed write ended its own.
        ASSIGN_OK(vault::Transaction tx, vault::Transaction::begin(db()));
        tx.rollback();
    }

    void failedWriteInsideCallerTransaction_isUndoneAloneAndTheRestCommits()
    {
        const std::int64_t profile = addProfile("山田 花子");
        vault::CheckupRepository checkups(db());
        Checkup good = minimalCheckup(profile, makeDate(2024, 6, 1));
        good.observations = {pq(kHbA1c, "HbA1c", 6.1, "%")};
        Checkup bad = minimalCheckup(profile, makeDate(2024, 6, 2));
        Observation noValue = pq(kTriglycerides, "中性脂肪", 0, "mg/dL");
        noValue.valueNum.reset();
        bad.observations = {pq(kHbA1c, "HbA1c", 7.0, "%"), noValue};
        Checkup after = minimalCheckup(profile, makeDate(2024, 6, 3));
        {
            ASSIGN_OK(vault::Transaction tx, vault::Transaction::begin(db()));
            VERIFY_OK(checkups.insert(good));
            VERIFY_ERROR(checkups.insert(bad), ErrorCode::InvalidData);
            VERIFY_OK(checkups.insert(after)); // the caller's transaction is still usable
            VERIFY_OK(tx.commit());
        }
        reopen();
        QCOMPARE(count("checkups"), 2);
        QCOMPARE(count("observations"), 1);
        vault::CheckupRepository reopened(db());
        ASSIGN_OK(const Checkup read, reopened.get(good.id));
        COMPARE_RECORD(compareCheckup, read, good);
        ASSIGN_OK(const auto missing, reopened.findByNaturalKey(profile, makeDate(2024, 6, 2), bad.kind, std::nullopt));
        QVERIFY(!missing.has_value());
    }

    // Bulk transactions (imports) skip savepoints for speed; a failed multi-row write must then make
    // the whole transaction impossible to commit, so a half-written checkup can never be stored.
    void failedWriteInsideBulkTransaction_blocksTheCommit()
    {
        const std::int64_t profile = addProfile("山田 花子");
        vault::CheckupRepository checkups(db());
        Checkup good = minimalCheckup(profile, makeDate(2024, 6, 1));
        good.observations = {pq(kHbA1c, "HbA1c", 6.1, "%")};
        Checkup bad = minimalCheckup(profile, makeDate(2024, 6, 2));
        Observation noValue = pq(kTriglycerides, "中性脂肪", 0, "mg/dL");
        noValue.valueNum.reset();
        bad.observations = {pq(kHbA1c, "HbA1c", 7.0, "%"), noValue};
        {
            ASSIGN_OK(vault::Transaction tx, vault::Transaction::beginBulk(db()));
            QVERIFY(db().inBulkTransaction());
            VERIFY_OK(checkups.insert(good));
            VERIFY_ERROR(checkups.insert(bad), ErrorCode::InvalidData);
            QVERIFY(db().bulkTransactionFailed());
            QVERIFY(!tx.commit().ok());
        }
        QVERIFY(!db().inBulkTransaction());
        reopen();
        QCOMPARE(count("checkups"), 0);
        QCOMPARE(count("observations"), 0);
        // A later bulk transaction starts clean and commits.
        ASSIGN_OK(vault::Transaction tx, vault::Transaction::beginBulk(db()));
        Checkup again = minimalCheckup(profile, makeDate(2024, 6, 1));
        again.observations = {pq(kHbA1c, "HbA1c", 6.1, "%")};
        VERIFY_OK(vault::CheckupRepository(db()).insert(again));
        VERIFY_OK(tx.commit());
        QCOMPARE(count("checkups"), 1);
    }

    void callerRollback_discardsWritesTheRepositoriesReportedAsDone()
    {
        const std::int64_t profile = addProfile("山田 花子");
        {
            ASSIGN_OK(vault::Transaction tx, vault::Transaction::begin(db()));
            Checkup checkup = minimalCheckup(profile, makeDate(2024, 6, 1));
            checkup.observations = {pq(kHbA1c, "HbA1c", 6.1, "%")};
            VERIFY_OK(vault::CheckupRepository(db()).insert(checkup));
            Dispensing dispensing
                = minimalDispensing(profile, addProvider(ProviderKind::Pharmacy, "あおば薬局"), makeDate(2024, 7, 2));
            dispensing.lines = {line(1, 1, "薬A")};
            VERIFY_OK(vault::DispensingRepository(db()).insert(dispensing));
            QCOMPARE(count("checkups"), 1);
            tx.rollback();
        }
        reopen();
        QCOMPARE(count("checkups"), 0);
        QCOMPARE(count("observations"), 0);
        QCOMPARE(count("dispensings"), 0);
        QCOMPARE(count("providers"), 0);
        QCOMPARE(count("profiles"), 1);
    }

    // ---- deletion ----

    void deletingAProfile_removesItsRecordsConsentsAndSharesButNotOthers()
    {
        const std::int64_t doomed = addProfile("削除される人");
        const std::int64_t kept = addProfile("残る人");
        const std::int64_t pharmacy = addProvider(ProviderKind::Pharmacy, "あおば薬局");
        const std::int64_t phr = addProvider(ProviderKind::PhrService, "けんこうPHR");
        for (const std::int64_t profile : {doomed, kept}) {
            Checkup checkup = minimalCheckup(profile, makeDate(2024, 6, 1));
            checkup.observations = {pq(kHbA1c, "HbA1c", 6.1, "%"), pq(kTriglycerides, "中性脂肪", 100, "mg/dL")};
            VERIFY_OK(vault::CheckupRepository(db()).insert(checkup));
            Vaccination v;
            v.profileId = profile;
            v.occurredOn = makeDate(2021, 6, 15);
            v.vaccineName = "コミナティ筋注";
            VERIFY_OK(vault::VaccinationRepository(db()).insert(v));
            Dispensing d = minimalDispensing(profile, pharmacy, makeDate(2024, 7, 2));
            d.lines = {line(1, 1, "薬A"), line(1, 2, "薬B"), line(2, 1, "薬C")};
            VERIFY_OK(vault::DispensingRepository(db()).insert(d));
            Consent consent;
            consent.providerId = phr;
            consent.profileId = profile;
            consent.categories = {RecordCategory::Checkup};
            consent.purpose = "共有";
            consent.grantedAt = ts("2024-04-01T00:00:00Z");
            VERIFY_OK(vault::ConsentRepository(db()).insert(consent));
            ShareRecord share;
            share.consentId = consent.id;
            share.providerId = phr;
            share.sharedAt = ts("2024-04-02T00:00:00Z");
            share.items = {{RecordCategory::Checkup, checkup.id}};
            VERIFY_OK(vault::ShareRepository(db()).insert(share));
        }
        QCOMPARE(count("observations"), 4);

        VERIFY_OK(vault::ProfileRepository(db()).remove(doomed));
        reopen();
        QCOMPARE(count("profiles"), 1);
        QCOMPARE(count("checkups"), 1);
        QCOMPARE(count("observations"), 2);
        QCOMPARE(count("vaccinations"), 1);
        QCOMPARE(count("dispensings"), 1);
        QCOMPARE(count("medication_lines"), 3);
        QCOMPARE(count("consents"), 1);
        QCOMPARE(count("share_records"), 1);
        QCOMPARE(count("providers"), 2); // providers are shared, never cascaded
        ASSIGN_OK(const auto remaining, vault::CheckupRepository(db()).listByProfile(kept));
        QCOMPARE(remaining.size(), std::size_t {1});
        VERIFY_ERROR(vault::ProfileRepository(db()).get(doomed), ErrorCode::NotFound);
    }

    // ---- consent activity ----

    void consent_isActiveFromGrantUntilExpiryOrRevocation_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<bool>("revoked");
        QTest::addColumn<bool>("active");
        // Granted 2024-04-01T00:00:00Z, expires 2024-06-30T00:00:00Z, revoked (when so) 2024-05-01T12:00:00Z.
        QTest::newRow("before grant") << "2024-03-31T23:59:59Z" << false << false;
        QTest::newRow("at grant") << "2024-04-01T00:00:00Z" << false << true;
        QTest::newRow("last second") << "2024-06-29T23:59:59Z" << false << true;
        QTest::newRow("at expiry") << "2024-06-30T00:00:00Z" << false << false;
        QTest::newRow("before revocation") << "2024-05-01T11:59:59Z" << true << true;
        QTest::newRow("at revocation") << "2024-05-01T12:00:00Z" << true << false;
        QTest::newRow("after revocation, before expiry") << "2024-06-01T00:00:00Z" << true << false;
    }
    void consent_isActiveFromGrantUntilExpiryOrRevocation()
    {
        QFETCH(QString, at);
        QFETCH(bool, revoked);
        QFETCH(bool, active);
        Consent consent;
        consent.grantedAt = ts("2024-04-01T00:00:00Z");
        consent.expiresAt = ts("2024-06-30T00:00:00Z");
        if (revoked)
            consent.revokedAt = ts("2024-05-01T12:00:00Z");
        QCOMPARE(consent.isActiveAt(ts(at.toStdString().c_str())), active);
    }

    void consent_withoutExpiryStaysActive()
    {
        Consent consent;
        consent.grantedAt = ts("2024-04-01T00:00:00Z");
        QVERIFY(consent.isActiveAt(ts("9999-12-31T23:59:59Z")));
        QVERIFY(!consent.isActiveAt(ts("2024-03-31T23:59:59Z")));
    }

    void consent_coversOnlyItsCategoriesWithinItsDataWindow()
    {
        Consent consent;
        consent.categories = {RecordCategory::Checkup, RecordCategory::Vaccination};
        consent.dataFrom = makeDate(2020, 4, 1);
        consent.dataTo = makeDate(2024, 3, 31);
        QVERIFY(consent.covers(RecordCategory::Checkup, makeDate(2020, 4, 1)));
        QVERIFY(consent.covers(RecordCategory::Vaccination, makeDate(2024, 3, 31)));
        QVERIFY(!consent.covers(RecordCategory::Checkup, makeDate(2020, 3, 31)));
        QVERIFY(!consent.covers(RecordCategory::Checkup, makeDate(2024, 4, 1)));
        QVERIFY(!consent.covers(RecordCategory::Dispensing, makeDate(2022, 1, 1)));
        consent.dataFrom.reset();
        consent.dataTo.reset();
        QVERIFY(consent.covers(RecordCategory::Checkup, makeDate(1900, 1, 1)));
    }

    void consents_activeAtFollowsRevocationAndExpiryInTheVault()
    {
        const std::int64_t profile = addProfile("山田 花子");
        const std::int64_t phr = addProvider(ProviderKind::PhrService, "けんこうPHR");
        auto make = [&](const char* purpose, const char* granted, std::optional<Timestamp> expires) {
            Consent c;
            c.providerId = phr;
            c.profileId = profile;
            c.categories = {RecordCategory::Checkup};
            c.purpose = purpose;
            c.grantedAt = ts(granted);
            c.expiresAt = expires;
            return c;
        };
        Consent open = make("無期限", "2024-01-01T00:00:00Z", std::nullopt);
        Consent expiring = make("期限付き", "2024-01-01T00:00:00Z", ts("2024-03-01T00:00:00Z"));
        Consent revocable = make("撤回予定", "2024-02-01T00:00:00Z", std::nullopt);
        vault::ConsentRepository consents(db());
        for (Consent* c : {&open, &expiring, &revocable})
            VERIFY_OK(consents.insert(*c));

        const Timestamp feb15 = ts("2024-02-15T00:00:00Z");
        ASSIGN_OK(auto active, consents.activeAt(profile, feb15));
        QCOMPARE(active.size(), std::size_t {3});

        const Timestamp revokedAt = ts("2024-02-20T08:00:00Z");
        VERIFY_OK(consents.revoke(revocable.id, revokedAt));
        VERIFY_OK(consents.revoke(revocable.id, ts("2024-02-21T00:00:00Z"))); // idempotent
        reopen();
        vault::ConsentRepository reopened(db());
        ASSIGN_OK(const Consent read, reopened.get(revocable.id));
        QCOMPARE(read.revokedAt, std::optional(revokedAt)); // the first revocation stands

        ASSIGN_OK(active, reopened.activeAt(profile, ts("2024-02-20T07:59:59Z")));
        QCOMPARE(active.size(), std::size_t {3});
        ASSIGN_OK(active, reopened.activeAt(profile, revokedAt));
        QCOMPARE(active.size(), std::size_t {2});
        ASSIGN_OK(active, reopened.activeAt(profile, ts("2024-03-01T00:00:00Z")));
        QCOMPARE(active.size(), std::size_t {1});
        QCOMPARE(active.front().id, open.id);
        ASSIGN_OK(active, reopened.activeAt(profile, ts("2023-12-31T23:59:59Z")));
        QVERIFY(active.empty());
        VERIFY_ERROR(reopened.revoke(revocable.id + 100, revokedAt), ErrorCode::NotFound);
    }

    // ---- encryption at rest ----

    void vaultFile_holdsNoneOfTheInsertedTextInPlain()
    {
        const std::string ascii = kAsciiMarker;
        const std::string japanese = kJapaneseMarker;
        Profile p;
        p.displayName = japanese;
        p.kanaName = ascii;
        p.createdAt = ts("2024-04-01T00:00:00Z");
        VERIFY_OK(vault::ProfileRepository(db()).insert(p));
        Checkup checkup = minimalCheckup(p.id, makeDate(2024, 6, 1));
        Observation opinion;
        opinion.itemCode = kDoctorsOpinion;
        opinion.itemName = "医師の判断";
        opinion.valueType = ValueType::ST;
        opinion.valueText = japanese + " " + ascii;
        checkup.observations = {opinion};
        VERIFY_OK(vault::CheckupRepository(db()).insert(checkup));
        AuditEvent event;
        event.occurredAt = ts("2024-04-01T00:00:00Z");
        event.action = ascii;
        VERIFY_OK(vault::AuditRepository(db()).append(event));

        reopen(); // the markers really are in the vault…
        ASSIGN_OK(const Checkup read, vault::CheckupRepository(db()).get(checkup.id));
        QCOMPARE(read.observations.at(0).valueText, opinion.valueText);
        m_vault->lock();

        const QByteArray bytes = test::readAll(m_path); // …and not in its file
        QVERIFY(bytes.size() > 4096);
        QVERIFY(!bytes.contains(QByteArray::fromStdString(ascii)));
        QVERIFY(!bytes.contains(QByteArray::fromStdString(japanese)));
        QVERIFY(!bytes.contains(QByteArray::fromStdString(std::string("医師の判断"))));
        QVERIFY(!bytes.contains(QByteArray::fromStdString(kDoctorsOpinion)));
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "TestRepositories.moc"

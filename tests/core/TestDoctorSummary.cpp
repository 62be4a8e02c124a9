// The content of the PDF summary for a doctor (core/export/DoctorSummary), over a real encrypted vault filled by a
// real import of saved API responses: one person's checkups, dispensings and vaccinations
// (tests/data/api/{tkk,yzk,pmh}-valid.json, 藤田 剛). What is checked are values written down from those files and
// the MHLW judgement table: the official item order, the judgements and thresholds, the side-by-side days, the
// six-month window of dispensings (its first day included), current medicines, vaccinations without the deleted
// one, the sources footer, and the one-person rule; then the PDF branch of exportRecords (atomic write, audit).
#include "core/domain/Dates.h"
#include "core/export/DoctorSummary.h"
#include "core/export/ExportJobs.h"
#include "core/import/ImportJobs.h"
#include "core/net/CancelToken.h"
#include "core/vault/AuditRepository.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/Vault.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace techo;
using namespace techo::domain;

using test::iso;
using test::text;
using test::ts;

namespace {

const exports::SummaryItemRow* row(const exports::DoctorSummary& s, std::string_view key)
{
    for (const auto& r : s.latestCheckups.rows)
        if (r.item && r.item->key == key)
            return &r;
    return nullptr;
}

} // namespace

class TestDoctorSummary final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<vault::Vault> m_one; // one person: 藤田 剛
    std::unique_ptr<vault::Vault> m_family; // two persons: 架空 一郎, 架空 花子

    void importInto(vault::Vault& vault, const char* file)
    {
        auto report
            = import::importFromFile(vault.database(), test::sourcePath(QString::fromLatin1(file)).toStdString());
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    }

    static exports::ExportRequest request(const char* now)
    {
        exports::ExportRequest r;
        r.format = exports::ExportFormat::Pdf;
        r.now = ts(now);
        return r;
    }

private slots:
    void initTestCase()
    {
        m_one = test::createTestVault(m_dir.filePath(QStringLiteral("one.techo")));
        QVERIFY(m_one);
        for (const char* file :
            {"tests/data/api/tkk-valid.json", "tests/data/api/yzk-valid.json", "tests/data/api/pmh-valid.json"})
            importInto(*m_one, file);
        m_family = test::createTestVault(m_dir.filePath(QStringLiteral("family.techo")));
        QVERIFY(m_family);
        for (const char* file : {"tests/data/api/tkk-trend-male.json", "tests/data/api/tkk-trend-female.json"})
            importInto(*m_family, file);
    }

    void person_header()
    {
        // 2024-05-09T20:00Z is already 10 May in Japan: the day made and the age are Japan's.
        ASSIGN_OK(const exports::DoctorSummary s,
            exports::buildDoctorSummary(m_one->database(), request("2024-05-09T20:00:00Z")));
        QCOMPARE(text(s.name), QByteArray("藤田　剛"));
        QVERIFY(s.kana);
        QCOMPARE(text(*s.kana), QByteArray("フジタ　ツヨシ"));
        QVERIFY(s.birthDate);
        QCOMPARE(iso(*s.birthDate), QByteArray("1971-01-28"));
        QCOMPARE(s.age, std::optional<int>(53));
        QCOMPARE(s.sex, std::optional<Sex>(Sex::Male));
        QCOMPARE(iso(s.madeOn), QByteArray("2024-05-10"));
        // An open period spans the records shown: the first checkup to the last vaccination.
        QVERIFY(s.periodFrom && s.periodTo);
        QCOMPARE(iso(*s.periodFrom), QByteArray("2023-11-10"));
        QCOMPARE(iso(*s.periodTo), QByteArray("2025-01-20"));
    }

    void age_countsTheBirthday()
    {
        // The day before the 54th birthday (28 Jan 2025, in Japan) the person is still 53; on it, 54.
        ASSIGN_OK(const exports::DoctorSummary before,
            exports::buildDoctorSummary(m_one->database(), request("2025-01-27T03:00:00Z")));
        QCOMPARE(before.age, std::optional<int>(53));
        ASSIGN_OK(const exports::DoctorSummary on,
            exports::buildDoctorSummary(m_one->database(), request("2025-01-27T15:00:00Z")));
        QCOMPARE(on.age, std::optional<int>(54));
    }

    void latestCheckups_officialOrder_judgements_thresholds()
    {
        ASSIGN_OK(const exports::DoctorSummary s,
            exports::buildDoctorSummary(m_one->database(), request("2025-02-01T03:00:00Z")));
        QVERIFY(s.sections.latestCheckups);
        QCOMPARE(s.latestCheckups.days.size(), std::size_t(2));
        QCOMPARE(iso(s.latestCheckups.days[0].date), QByteArray("2023-11-20"));
        QCOMPARE(iso(s.latestCheckups.days[1].date), QByteArray("2024-11-15"));
        QCOMPARE(text(s.latestCheckups.days[0].facility), QByteArray("あさひ健康管理クリニック"));
        // Rows in the official order (身体計測, 脂質, 血糖, 尿 …), not in the order the file lists them (身長, BMI,
        // LDL, HbA1c, 採血時間, 尿蛋白, 医師の判断 and, on the second day, 体重).
        QStringList keys;
        for (const auto& r : s.latestCheckups.rows)
            keys << QString::fromUtf8(text(r.item->key));
        QCOMPARE(keys,
            QStringList({QStringLiteral("height"), QStringLiteral("weight"), QStringLiteral("bmi"),
                QStringLiteral("ldl"), QStringLiteral("hba1c"), QStringLiteral("urine_protein"),
                QStringLiteral("doctor_judgement"), QStringLiteral("blood_draw_timing")}));
        // LDL 145 mg/dL: ≥140 is the 受診勧奨判定値 (≥120 保健指導).
        const exports::SummaryItemRow* ldl = row(s, "ldl");
        QVERIFY(ldl);
        QCOMPARE(text(ldl->unit), QByteArray("mg/dL"));
        QVERIFY(ldl->values[0] && !ldl->values[1]);
        QCOMPARE(ldl->values[0]->value, std::optional<double>(145));
        QCOMPARE(ldl->values[0]->judgement.band, std::optional<clinical::Band>(clinical::Band::Referral));
        QVERIFY(ldl->thresholds.guidance && ldl->thresholds.referral);
        QCOMPARE(ldl->thresholds.guidance->value, 120.0);
        QCOMPARE(ldl->thresholds.referral->value, 140.0);
        // HbA1c 5.8 %: 保健指導判定値 (≥5.6; ≥6.5 受診勧奨).
        const exports::SummaryItemRow* hba1c = row(s, "hba1c");
        QVERIFY(hba1c && hba1c->values[0]);
        QCOMPARE(hba1c->values[0]->judgement.band, std::optional<clinical::Band>(clinical::Band::Guidance));
        QCOMPARE(hba1c->thresholds.guidance->value, 5.6);
        QCOMPARE(hba1c->thresholds.referral->value, 6.5);
        // 尿蛋白 (±): 保健指導判定値 by the qualitative rule.
        const exports::SummaryItemRow* protein = row(s, "urine_protein");
        QVERIFY(protein && protein->values[0]);
        QCOMPARE(protein->values[0]->judgement.band, std::optional<clinical::Band>(clinical::Band::Guidance));
        // 体重 was measured only on the second day.
        const exports::SummaryItemRow* weight = row(s, "weight");
        QVERIFY(weight && !weight->values[0] && weight->values[1]);
        QCOMPARE(weight->values[1]->value, std::optional<double>(56.2));
    }

    void latestCheckups_keepsTheNewestDays()
    {
        exports::ExportRequest r = request("2025-02-01T03:00:00Z");
        r.summary.maxCheckups = 1;
        ASSIGN_OK(const exports::DoctorSummary s, exports::buildDoctorSummary(m_one->database(), r));
        QCOMPARE(s.latestCheckups.days.size(), std::size_t(1));
        QCOMPARE(iso(s.latestCheckups.days[0].date), QByteArray("2024-11-15"));
        QCOMPARE(s.latestCheckups.rows.size(), std::size_t(1));
        QCOMPARE(text(s.latestCheckups.rows[0].item->key), QByteArray("weight"));

        r.summary.maxCheckups = 6;
        const auto refused = exports::buildDoctorSummary(m_one->database(), r);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Usage);
        QCOMPARE(text(refused.error().key), QByteArray("export.bad_checkup_count"));
    }

    void trends_keyItemsWithBands()
    {
        ASSIGN_OK(const exports::DoctorSummary s,
            exports::buildDoctorSummary(m_one->database(), request("2025-02-01T03:00:00Z")));
        // No blood pressure and no eGFR in the file: those charts are left out; HbA1c stands for glucose.
        QStringList charts;
        for (const auto& t : s.trends)
            charts << QString::fromStdString(t.key);
        QCOMPARE(charts, QStringList({QStringLiteral("glucose"), QStringLiteral("lipids"), QStringLiteral("body")}));
        QCOMPARE(s.trends[0].series.size(), std::size_t(1));
        QCOMPARE(text(s.trends[0].series[0].item->key), QByteArray("hba1c"));
        QVERIFY(s.trends[0].series[0].thresholds.guidance);
        QCOMPARE(s.trends[0].series[0].thresholds.guidance->value, 5.6);
        QCOMPARE(s.trends[2].series.size(), std::size_t(2)); // 体重 and BMI
    }

    void medicines_sixMonthWindow_includesItsFirstDay()
    {
        // Made on 10 May 2024: the window starts on 10 Nov 2023, the day of the hospital's 院内処方 (included);
        // the 5 Oct 2023 dispensing is a month too old; the 処方情報 of 1 Mar 2024 is not a dispensing.
        ASSIGN_OK(const exports::DoctorSummary s,
            exports::buildDoctorSummary(m_one->database(), request("2024-05-10T03:00:00Z")));
        QCOMPARE(iso(s.dispensingsFrom), QByteArray("2023-11-10"));
        QStringList lines;
        for (const auto& d : s.recentDispensings)
            lines << QString::fromLatin1(iso(d.dispensedOn)) + QLatin1Char(' ')
                    + QString::fromStdString(d.line.drugName);
        QCOMPARE(lines,
            QStringList({QString::fromUtf8("2024-02-02 アムロジピン錠５ｍｇ「サワイ」"),
                QString::fromUtf8("2023-11-10 ロキソニン錠６０ｍｇ")}));
        const auto& amlodipine = s.recentDispensings[0];
        QCOMPARE(text(amlodipine.line.usageText.value_or("")), QByteArray("1日1回朝食後"));
        QCOMPARE(amlodipine.line.days, std::optional<int>(28));
        QCOMPARE(text(amlodipine.pharmacy), QByteArray("ゆうひ調剤薬局"));
        QCOMPARE(text(amlodipine.prescriber), QByteArray("ひまわり内科クリニック"));
        // 28 days from 2 Feb: nothing is current on 10 May.
        QVERIFY(s.currentMedicines.empty());
    }

    void medicines_currentOnTheEndOfThePeriod()
    {
        // A period ending 20 Feb 2024: the amlodipine of 2 Feb (28 days) is current then, and the window reaches
        // back to 20 Aug 2023, so the antibiotic of 5 Oct 2023 is in it.
        exports::ExportRequest r = request("2024-05-10T03:00:00Z");
        r.selection.to = makeDate(2024, 2, 20);
        ASSIGN_OK(const exports::DoctorSummary s, exports::buildDoctorSummary(m_one->database(), r));
        QCOMPARE(iso(s.referenceDay), QByteArray("2024-02-20"));
        QCOMPARE(iso(s.dispensingsFrom), QByteArray("2023-08-20"));
        QCOMPARE(s.currentMedicines.size(), std::size_t(1));
        QCOMPARE(text(s.currentMedicines[0].medicine.ingredient), QByteArray("アムロジピンベシル酸塩"));
        QCOMPARE(iso(s.currentMedicines[0].medicine.until), QByteArray("2024-02-29"));
        QCOMPARE(s.currentMedicines[0].supplies.size(), std::size_t(1));
        QCOMPARE(text(s.currentMedicines[0].supplies[0].pharmacy), QByteArray("ゆうひ調剤薬局"));
        QCOMPARE(s.recentDispensings.size(), std::size_t(4));
        QCOMPARE(iso(s.recentDispensings.back().dispensedOn), QByteArray("2023-10-05"));
        // The period's end also ends the checkups and vaccinations: the 2024-11-15 checkup and the 2025
        // vaccination are after it.
        QCOMPARE(s.latestCheckups.days.size(), std::size_t(1));
        QCOMPARE(s.vaccinations.size(), std::size_t(1));
    }

    void vaccinations_newestFirst_withoutDeleted()
    {
        ASSIGN_OK(const exports::DoctorSummary s,
            exports::buildDoctorSummary(m_one->database(), request("2025-02-01T03:00:00Z")));
        QStringList shown;
        for (const auto& v : s.vaccinations)
            shown << QString::fromLatin1(iso(v.vaccination.occurredOn)) + QLatin1Char(' ')
                    + QString::fromStdString(v.vaccination.vaccineName);
        // The COVID dose of 2024-04-15 was deleted at the source (entered in error): not shown.
        QCOMPARE(shown,
            QStringList({QString::fromUtf8("2025-01-20 肺炎球菌ワクチン"),
                QString::fromUtf8("2023-12-04 インフルエンザＨＡワクチン「ＫＭＢ」")}));
        QCOMPARE(text(s.vaccinations[1].facility), QByteArray("ひまわり内科クリニック"));
    }

    void sections_followTheChoiceAndTheCategories()
    {
        exports::ExportRequest r = request("2025-02-01T03:00:00Z");
        r.summary.trends = false;
        r.selection.categories.vaccinations = false;
        ASSIGN_OK(const exports::DoctorSummary s, exports::buildDoctorSummary(m_one->database(), r));
        QVERIFY(!s.sections.trends && s.trends.empty());
        QVERIFY(!s.sections.vaccinations && s.vaccinations.empty());
        QVERIFY(s.sections.latestCheckups && !s.latestCheckups.rows.empty());
        QVERIFY(s.sections.medicines);
    }

    void emptySummary_isRefused_beforeAnythingIsLaidOut()
    {
        // Only the checkup table, but only vaccinations selected: no section can be shown.
        exports::ExportRequest r = request("2025-02-01T03:00:00Z");
        r.summary = {true, false, false, false};
        r.selection.categories = {false, true, false, false};
        auto none = exports::buildDoctorSummary(m_one->database(), r);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, ErrorCode::Usage);
        QCOMPARE(text(none.error().key), QByteArray("export.summary_empty"));
        // Vaccinations only, in a period without any: nothing either.
        exports::ExportRequest later = request("2025-02-01T03:00:00Z");
        later.summary = {false, false, false, true};
        later.selection.from = makeDate(2025, 1, 21);
        auto empty = exports::buildDoctorSummary(m_one->database(), later);
        QVERIFY(!empty.ok());
        QCOMPARE(text(empty.error().key), QByteArray("export.summary_empty"));
        // The PDF branch of the export stops there too: nothing written, the renderer never called.
        const QString out = m_dir.filePath(QStringLiteral("empty.pdf"));
        later.format = exports::ExportFormat::Pdf;
        later.outPath = out.toStdString();
        bool rendered = false;
        later.renderPdf = [&](const exports::DoctorSummary&) -> Result<std::string> {
            rendered = true;
            return std::string("%PDF-");
        };
        auto report = exports::exportRecords(m_one->database(), later);
        QVERIFY(!report.ok());
        QCOMPARE(text(report.error().key), QByteArray("export.summary_empty"));
        QVERIFY(!rendered);
        QVERIFY(!QFile::exists(out));
        // One day earlier the 2025-01-20 vaccination is in the period: a summary.
        later.selection.from = makeDate(2025, 1, 20);
        ASSIGN_OK(const exports::DoctorSummary one, exports::buildDoctorSummary(m_one->database(), later));
        QCOMPARE(one.vaccinations.size(), std::size_t(1));
    }

    void sources_theImportRunsOfWhatIsShown()
    {
        ASSIGN_OK(const exports::DoctorSummary s,
            exports::buildDoctorSummary(m_one->database(), request("2024-05-10T03:00:00Z")));
        // Three imports of saved API responses wrote what is shown: the checkups, the dispensings, the
        // vaccinations; each names its file.
        QCOMPARE(s.sources.size(), std::size_t(3));
        const char* files[] = {"tkk-valid.json", "yzk-valid.json", "pmh-valid.json"};
        for (std::size_t i = 0; i < s.sources.size(); ++i) {
            const auto& source = s.sources[i];
            QCOMPARE(text(source.source), QByteArray("mynaportal"));
            QVERIFY2(source.origin.ends_with(files[i]), source.origin.c_str());
            QVERIFY(source.fetchedAt);
            QVERIFY(source.records > 0);
        }
        QCOMPARE(s.sources[0].records, std::int64_t(2)); // two checkups
        QCOMPARE(s.sources[1].records, std::int64_t(2)); // the dispensings of 10 Nov 2023 and 2 Feb 2024
        QCOMPARE(s.sources[2].records, std::int64_t(2)); // two vaccinations shown (the deleted one is not)
    }

    void onePerson_needsAProfileInAFamilyVault()
    {
        const auto refused = exports::buildDoctorSummary(m_family->database(), request("2026-01-10T03:00:00Z"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Usage);
        QCOMPARE(text(refused.error().key), QByteArray("export.summary_needs_profile"));

        ASSIGN_OK(const auto profiles, vault::ProfileRepository(m_family->database()).list());
        QCOMPARE(profiles.size(), std::size_t(2));
        for (const Profile& p : profiles) {
            exports::ExportRequest r = request("2026-01-10T03:00:00Z");
            r.selection.profileId = p.id;
            ASSIGN_OK(const exports::DoctorSummary s, exports::buildDoctorSummary(m_family->database(), r));
            QCOMPARE(text(s.name), text(p.displayName));
            // Only this person's values: a woman's 血色素量 thresholds are hers (≤12.0 / ≤11.0).
            const exports::SummaryItemRow* hb = row(s, "hemoglobin");
            if (p.sex == Sex::Female) {
                QVERIFY(hb && hb->thresholds.guidance);
                QCOMPARE(hb->thresholds.guidance->value, 12.0);
            }
        }
    }

    void export_writesTheRenderedBytes_andAnAuditEvent()
    {
        const std::string path = m_dir.filePath(QStringLiteral("summary.pdf")).toStdString();
        exports::ExportRequest r = request("2024-05-10T03:00:00Z");
        r.outPath = path;
        int calls = 0;
        std::string seenName;
        r.renderPdf = [&](const exports::DoctorSummary& s) -> Result<std::string> {
            ++calls;
            seenName = s.name;
            return std::string("%PDF-1.4 test bytes");
        };
        ASSIGN_OK(const exports::ExportReport report, exports::exportRecords(m_one->database(), r));
        QCOMPARE(calls, 1);
        QCOMPARE(text(seenName), QByteArray("藤田　剛"));
        QCOMPARE(test::readAll(QString::fromStdString(path)), QByteArray("%PDF-1.4 test bytes"));
        QCOMPARE(report.counts.at("dispensing_lines"), std::int64_t(2));
        QCOMPARE(report.counts.at("vaccinations"), std::int64_t(2));
        // The event is dated request.now, before the imports: look for it among them.
        ASSIGN_OK(const auto events, vault::AuditRepository(m_one->database()).listRecent(50));
        const auto exported = std::find_if(
            events.begin(), events.end(), [](const AuditEvent& e) { return e.action == "export.completed"; });
        QVERIFY(exported != events.end());
        QCOMPARE(exported->id, report.auditEventId);
        const std::string detail = exported->detail.value_or("");
        QVERIFY(detail.find("format=pdf") != std::string::npos);
        QVERIFY(detail.find("dispensing_lines=2") != std::string::npos);
        QVERIFY(detail.find("sha256=" + report.sha256) != std::string::npos);
        // No name or value in the event.
        QVERIFY(detail.find("藤田") == std::string::npos);

        // The target exists: refused before anything is built or rendered.
        calls = 0;
        const auto again = exports::exportRecords(m_one->database(), r);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(calls, 0);
    }

    void export_cancel_and_progress()
    {
        const QString path = m_dir.filePath(QStringLiteral("cancelled.pdf"));
        exports::ExportRequest r = request("2024-05-10T03:00:00Z");
        r.outPath = path.toStdString();
        net::CancelToken cancel;
        r.cancel = &cancel;
        std::vector<std::string> kinds;
        r.progress = [&](const exports::ExportProgress& p) { kinds.push_back(p.kind); };
        // Cancelled while the layout runs (the renderer cannot be interrupted): noticed after it, nothing written.
        r.renderPdf = [&](const exports::DoctorSummary&) -> Result<std::string> {
            cancel.cancel();
            return std::string("%PDF-1.4 late");
        };
        auto refused = exports::exportRecords(m_one->database(), r);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Cancelled);
        QCOMPARE(text(refused.error().key), QByteArray("export.cancelled"));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(
            QDir(m_dir.path()).entryList({QStringLiteral(".cancelled.pdf*")}, QDir::Hidden | QDir::Files).size(), 0);
        // The records read were reported, then the layout.
        QVERIFY(std::find(kinds.begin(), kinds.end(), "checkups") != kinds.end());
        QCOMPARE(kinds.back(), std::string("rendering"));
        // Cancelled before: the renderer is never called.
        int calls = 0;
        r.renderPdf = [&](const exports::DoctorSummary&) -> Result<std::string> {
            ++calls;
            return std::string("x");
        };
        refused = exports::exportRecords(m_one->database(), r);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Cancelled);
        QCOMPARE(calls, 0);
        QVERIFY(!QFile::exists(path));
    }

    void export_failures_leaveNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("failed.pdf"));
        exports::ExportRequest r = request("2024-05-10T03:00:00Z");
        r.outPath = path.toStdString();
        // No renderer (a program built without the GUI).
        auto refused = exports::exportRecords(m_one->database(), r);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Usage);
        QCOMPARE(text(refused.error().key), QByteArray("export.pdf_unavailable"));
        // A renderer that fails: its error, and no file, no staging copy.
        r.renderPdf = [](const exports::DoctorSummary&) -> Result<std::string> {
            return makeError(ErrorCode::Internal, "layout failed");
        };
        refused = exports::exportRecords(m_one->database(), r);
        QVERIFY(!refused.ok());
        QCOMPARE(text(refused.error().message), QByteArray("layout failed"));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral(".failed.pdf*")}, QDir::Hidden | QDir::Files).size(), 0);
        // A family vault without a profile: the one-person rule, and no file.
        r.renderPdf = [](const exports::DoctorSummary&) -> Result<std::string> { return std::string("x"); };
        refused = exports::exportRecords(m_family->database(), r);
        QVERIFY(!refused.ok());
        QCOMPARE(text(refused.error().key), QByteArray("export.summary_needs_profile"));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestDoctorSummary)
#include "TestDoctorSummary.moc"

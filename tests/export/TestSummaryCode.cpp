// The machine-readable copy of the doctor's summary (core/export/SummaryCode, the payload of the QR code on the PDF's
// last page) over a real vault filled from the real techo-sandbox over HTTPS. The payload is read back with Qt's JSON
// parser (not the nlohmann code that wrote it) and compared with what core's read side (query::HealthRecordQueries)
// says for the same vault; the fitting rules are checked at every limit from "all fits" down to "nothing fits".
#include "core/clinical/ItemCatalog.h"
#include "core/export/SummaryCode.h"
#include "core/import/ImportJobs.h"
#include "core/query/HealthRecordQueries.h"
#include "core/vault/Vault.h"
#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <limits>
#include <map>
#include <memory>

using namespace techo;

namespace {

// The sandbox's fixed "today" (docs/sandbox-api.md): every record lies before it.
constexpr domain::Date kSandboxToday = domain::makeDate(2026, 10, 1);
// A day the sandbox's P0001 has medicines at hand (test_dashboard uses the same day).
constexpr domain::Date kMedicineDay = domain::makeDate(2026, 7, 24);

QJsonObject parse(const std::string& payload)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(payload), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("payload is not JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

QString q(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString letter(const clinical::Judgement& judgement)
{
    if (!judgement.band)
        return QString();
    switch (*judgement.band) {
    case clinical::Band::Normal:
        return QStringLiteral("N");
    case clinical::Band::Guidance:
        return QStringLiteral("G");
    case clinical::Band::Referral:
        return QStringLiteral("R");
    }
    return QString();
}

bool isExaminedGroup(clinical::ItemGroup group)
{
    using G = clinical::ItemGroup;
    return group != G::Ecg && group != G::Fundus && group != G::Assessment && group != G::Questionnaire;
}

} // namespace

class TestSummaryCode : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<vault::Vault> m_vault;
    std::vector<domain::Profile> m_profiles;

    exports::SummaryCode build(std::int64_t profileId, domain::Date asOf, exports::SummarySections sections = {},
        std::size_t maxBytes = exports::kSummaryCodeMaxBytes)
    {
        exports::SummaryCodeRequest request;
        request.profileId = profileId;
        request.asOf = asOf;
        request.sections = sections;
        request.maxBytes = maxBytes;
        auto code = exports::buildSummaryCode(m_vault->database(), request);
        if (!code.ok()) {
            qWarning("buildSummaryCode: %s", code.error().message.c_str());
            return {};
        }
        return std::move(code).value();
    }

private slots:
    void initTestCase()
    {
        test::SandboxProcess sandbox;
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        m_vault = test::createTestVault(m_dir.filePath(QStringLiteral("family.techo")));
        QVERIFY(m_vault);
        import::ApiImportRequest request;
        request.client.baseUrl = sandbox.baseUrl().toStdString();
        request.client.http.caFile = sandbox.caFile().toStdString();
        request.client.pollInterval = std::chrono::milliseconds(10);
        const auto report = import::importFromApi(m_vault->database(), request);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        auto profiles = query::HealthRecordQueries(*m_vault).profiles();
        QVERIFY(profiles.ok());
        m_profiles = std::move(profiles).value();
        QCOMPARE(m_profiles.size(), std::size_t {3});
    }

    // Every member of the payload, read back by Qt's parser, against HealthRecordQueries for each person of the family,
    // on the sandbox's today and on a day with medicines at hand.
    void payloadEqualsCoreQueries_forEachPersonOfTheFamily()
    {
        query::HealthRecordQueries records(*m_vault);
        int judgedGuidance = 0, codedRows = 0, medicineRows = 0, vaccinationRows = 0, truncatedCodes = 0;
        bool childWithoutCheckup = false;
        for (const domain::Profile& person : m_profiles) {
            for (const domain::Date day : {kSandboxToday, kMedicineDay}) {
                const exports::SummaryCode code = build(person.id, day);
                QVERIFY(!code.payload.empty());
                QVERIFY(code.payload.size() <= exports::kSummaryCodeMaxBytes);
                const QJsonObject doc = parse(code.payload);
                QCOMPARE(doc[QStringLiteral("fmt")].toString(), QStringLiteral("techo-summary"));
                QCOMPARE(doc[QStringLiteral("v")].toInt(), 1);
                QCOMPARE(doc[QStringLiteral("made")].toString(), q(domain::formatDate(day)));

                const QJsonObject pt = doc[QStringLiteral("pt")].toObject();
                QCOMPARE(pt[QStringLiteral("name")].toString(), q(person.displayName));
                QCOMPARE(pt[QStringLiteral("kana")].toString(), q(person.kanaName.value_or("")));
                QCOMPARE(pt[QStringLiteral("birth")].toString(), q(domain::formatDate(*person.birthDate)));
                QCOMPARE(pt[QStringLiteral("sex")].toString(), q(toString(*person.sex)));
                QCOMPARE(doc[QStringLiteral("trunc")].toBool(), code.truncated);
                if (code.truncated)
                    ++truncatedCodes;
                const QJsonObject omit = doc[QStringLiteral("omit")].toObject();
                QCOMPARE(omit.isEmpty(), !code.truncated);

                // The checkup: the latest day's measured items, each as core judged it.
                const auto latest = records.latestCheckup(person.id);
                QVERIFY(latest.ok());
                if (!*latest) {
                    QVERIFY(doc[QStringLiteral("ck")].isNull());
                    childWithoutCheckup = true;
                } else {
                    const clinical::CheckupSummary& summary = **latest;
                    QVERIFY(summary.date <= day);
                    const QJsonObject ck = doc[QStringLiteral("ck")].toObject();
                    QCOMPARE(ck[QStringLiteral("date")].toString(), q(domain::formatDate(summary.date)));
                    std::map<QString, const clinical::ItemChange*> expected;
                    for (const clinical::ItemChange& change : summary.items)
                        if (isExaminedGroup(change.item->group))
                            expected.emplace(q(change.latest.itemCode), &change);
                    const QJsonArray rows = ck[QStringLiteral("items")].toArray();
                    QCOMPARE(rows.size() + omit[QStringLiteral("ck")].toInt(), static_cast<qsizetype>(expected.size()));
                    for (const QJsonValue& value : rows) {
                        const QJsonArray row = value.toArray();
                        QCOMPARE(row.size(), 5);
                        const auto it = expected.find(row[0].toString());
                        QVERIFY2(it != expected.end(), qPrintable(row[0].toString()));
                        const clinical::TrendPoint& p = it->second->latest;
                        QCOMPARE(p.origin, clinical::PointOrigin::AsMeasured); // the sandbox sends one reading
                        if (p.valueType == domain::ValueType::PQ) {
                            QVERIFY(row[1].isDouble());
                            QCOMPARE(row[1].toDouble(), *p.value);
                            QCOMPARE(row[2].toString(), q(clinical::itemUnit(*it->second->item)));
                            QVERIFY(!row[2].toString().isEmpty());
                        } else {
                            QCOMPARE(row[1].toString(), q(*p.code));
                            QCOMPARE(row[2].toString(), QString());
                            ++codedRows;
                        }
                        QCOMPARE(row[3].toString(), p.comparator ? q(toString(*p.comparator)) : QString());
                        QCOMPARE(row[4].toString(), letter(p.judgement));
                        if (p.judgement.band == clinical::Band::Guidance)
                            ++judgedGuidance;
                        expected.erase(it); // each item once
                    }
                }

                // Medicines current on the day, newest dispensed first, as core computes them.
                const auto medicines = records.currentMedicines(person.id, day);
                QVERIFY(medicines.ok());
                const QJsonArray rx = doc[QStringLiteral("rx")].toArray();
                QCOMPARE(rx.size() + omit[QStringLiteral("rx")].toInt(), static_cast<qsizetype>(medicines->size()));
                for (qsizetype i = 0; i < rx.size(); ++i) {
                    const QJsonArray row = rx[i].toArray();
                    const clinical::CurrentMedicine& m = (*medicines)[static_cast<std::size_t>(i)];
                    QCOMPARE(row.size(), 7);
                    QCOMPARE(row[0].toString(), q(toString(m.lastLine.drugCodeSystem)));
                    QCOMPARE(row[1].toString(), q(m.lastLine.drugCode));
                    QCOMPARE(row[2].toString(), q(m.lastLine.drugName));
                    QCOMPARE(row[3].toDouble(), *m.lastLine.quantity);
                    QCOMPARE(row[4].toString(), q(m.lastLine.unit.value_or("")));
                    QCOMPARE(row[5].toString(), q(m.lastLine.usageText.value_or("")));
                    QVERIFY(!row[5].toString().isEmpty());
                    QCOMPARE(row[6].toString(), q(domain::formatDate(m.lastDispensed)));
                    ++medicineRows;
                }

                // The newest given doses on or before the day.
                const auto vaccinations = records.latestVaccinations(person.id, 1000);
                QVERIFY(vaccinations.ok());
                std::vector<domain::Vaccination> given;
                for (const domain::Vaccination& v : *vaccinations)
                    if (v.occurredOn <= day && v.status == domain::VaccinationStatus::Completed && given.size() < 5)
                        given.push_back(v);
                const QJsonArray vx = doc[QStringLiteral("vx")].toArray();
                QCOMPARE(vx.size() + omit[QStringLiteral("vx")].toInt(), static_cast<qsizetype>(given.size()));
                for (qsizetype i = 0; i < vx.size(); ++i) {
                    const QJsonArray row = vx[i].toArray();
                    const domain::Vaccination& v = given[static_cast<std::size_t>(i)];
                    QCOMPARE(row.size(), 5);
                    QCOMPARE(row[0].toString(), q(domain::formatDate(v.occurredOn)));
                    QCOMPARE(row[1].toString(), q(v.vaccineName));
                    QCOMPARE(row[3].toString(), q(v.vaccineCode));
                    QCOMPARE(row[4].toInt(), *v.doseNumber);
                    ++vaccinationRows;
                }
            }
        }
        // The family exercises every kind of row, and a code that had to leave something out.
        QVERIFY(childWithoutCheckup);
        QVERIFY(judgedGuidance > 0);
        QVERIFY(codedRows > 0);
        QVERIFY(medicineRows > 0);
        QVERIFY(vaccinationRows > 0);
        QVERIFY(truncatedCodes > 0);
    }

    // A summary made for a past day carries the checkup and vaccinations of that day, not later ones.
    void pastDay_andPeriodStart_bound_theCheckupAndVaccinations()
    {
        query::HealthRecordQueries records(*m_vault);
        const domain::Profile& person = m_profiles.front();
        const auto latest = records.latestCheckup(person.id);
        QVERIFY(latest.ok() && *latest && (*latest)->previousDate);
        const domain::Date day {std::chrono::sys_days {(*latest)->date} - std::chrono::days {1}};
        const QJsonObject doc = parse(build(person.id, day).payload);
        QCOMPARE(doc[QStringLiteral("ck")][QStringLiteral("date")].toString(),
            q(domain::formatDate(*(*latest)->previousDate)));
        const QJsonArray vx = doc[QStringLiteral("vx")].toArray();
        QVERIFY(!vx.isEmpty());
        for (const QJsonValue& row : vx)
            QVERIFY(row[0].toString() <= q(domain::formatDate(day)));

        // A period that starts after the latest checkup and every vaccination carries neither.
        exports::SummaryCodeRequest request;
        request.profileId = person.id;
        request.asOf = kSandboxToday;
        request.from = domain::Date {std::chrono::sys_days {(*latest)->date} + std::chrono::days {1}};
        const auto late = exports::buildSummaryCode(m_vault->database(), request);
        QVERIFY(late.ok());
        const QJsonObject lateDoc = parse(late->payload);
        QVERIFY(lateDoc[QStringLiteral("ck")].isNull());
        for (const QJsonValue& row : lateDoc[QStringLiteral("vx")].toArray())
            QVERIFY(row[0].toString() >= q(domain::formatDate(*request.from)));
        request.from = (*latest)->date;
        QCOMPARE(parse(exports::buildSummaryCode(m_vault->database(), request)
                           ->payload)[QStringLiteral("ck")][QStringLiteral("date")]
                     .toString(),
            q(domain::formatDate((*latest)->date)));
    }

    // Sections the person left out of the PDF are left out of its code (the member is absent, not empty).
    void sectionsLeaveTheirMembersOut()
    {
        const std::int64_t id = m_profiles.front().id;
        exports::SummarySections none;
        none.latestCheckups = none.trends = none.medicines = none.vaccinations = false;
        const QJsonObject bare = parse(build(id, kMedicineDay, none).payload);
        QVERIFY(!bare.contains(QStringLiteral("ck")));
        QVERIFY(!bare.contains(QStringLiteral("rx")));
        QVERIFY(!bare.contains(QStringLiteral("vx")));
        QVERIFY(bare.contains(QStringLiteral("pt")));

        exports::SummarySections trendsOnly = none;
        trendsOnly.trends = true; // the charts show the checkup values too
        QVERIFY(parse(build(id, kMedicineDay, trendsOnly).payload)[QStringLiteral("ck")].isObject());
        exports::SummarySections medicinesOnly = none;
        medicinesOnly.medicines = true;
        const QJsonObject rxOnly = parse(build(id, kMedicineDay, medicinesOnly).payload);
        QVERIFY(!rxOnly[QStringLiteral("rx")].toArray().isEmpty());
        QVERIFY(!rxOnly.contains(QStringLiteral("ck")));
    }

    // At every limit from "everything fits" down to "nothing fits", what is kept follows the stated order: medicines
    // (newest first) outlast key items (most important first), which outlast the other items, which outlast the
    // vaccinations (newest first); `trunc` and `omit` say exactly what is missing.
    void truncationKeepsThePriorityOrder()
    {
        query::HealthRecordQueries records(*m_vault);
        const domain::Profile& person = m_profiles.front();
        exports::SummaryCodeContent content;
        content.madeOn = kMedicineDay;
        content.person = person;
        auto latest = records.latestCheckup(person.id);
        QVERIFY(latest.ok() && *latest);
        content.checkup = **latest;
        auto medicines = records.currentMedicines(person.id, kMedicineDay);
        QVERIFY(medicines.ok());
        content.medicines = *medicines;
        auto vaccinations = records.latestVaccinations(person.id, 8);
        QVERIFY(vaccinations.ok());
        content.vaccinations = *vaccinations;
        QVERIFY(content.medicines.size() >= 3 && content.vaccinations.size() >= 5);

        const auto full = exports::fitSummaryCode(content, 1'000'000);
        QVERIFY(full.ok());
        QVERIFY(!full->truncated);
        const QJsonObject all = parse(full->payload);
        const QJsonArray allItems = all[QStringLiteral("ck")][QStringLiteral("items")].toArray();
        const QJsonArray allRx = all[QStringLiteral("rx")].toArray();
        const QJsonArray allVx = all[QStringLiteral("vx")].toArray();
        QVERIFY(allItems.size() > 15);

        // The key items in the documented order, most important first, by the code the sandbox's checkup uses.
        const std::vector<std::string_view> keyOrder = {"sbp", "dbp", "hba1c", "fpg", "casual_glucose", "ldl", "hdl",
            "tg_fasting", "tg_casual", "egfr", "urine_protein", "bmi", "weight", "waist"};
        const auto keyRank = [&](const QString& code) {
            const auto variant = clinical::variantOf(code.toStdString());
            const auto it = std::find(keyOrder.begin(), keyOrder.end(), variant->item->key);
            return it == keyOrder.end() ? -1 : static_cast<int>(it - keyOrder.begin());
        };

        int previousKept = std::numeric_limits<int>::max();
        bool sawError = false, sawKeyItemsOnly = false, sawMedicinesOnly = false;
        for (std::size_t limit = full->payload.size(); limit > 0; limit -= std::min<std::size_t>(limit, 5)) {
            const auto fitted = exports::fitSummaryCode(content, limit);
            if (!fitted.ok()) {
                QCOMPARE(fitted.error().code, ErrorCode::Usage);
                QCOMPARE(fitted.error().key, std::string("export.summary_code_too_small"));
                sawError = true;
                continue;
            }
            QVERIFY(!sawError); // once nothing fits, a smaller limit never fits again
            QVERIFY(fitted->payload.size() <= limit);
            const QJsonObject doc = parse(fitted->payload);
            QCOMPARE(doc[QStringLiteral("pt")], all[QStringLiteral("pt")]);
            const QJsonArray items = doc[QStringLiteral("ck")][QStringLiteral("items")].toArray();
            const QJsonArray rx = doc[QStringLiteral("rx")].toArray();
            const QJsonArray vx = doc[QStringLiteral("vx")].toArray();
            const int kept = static_cast<int>(items.size() + rx.size() + vx.size());
            QVERIFY(kept <= previousKept);
            previousKept = kept;

            // Within a kind: newest medicines and vaccinations first, items in the official order, each as in full.
            for (qsizetype i = 0; i < rx.size(); ++i)
                QCOMPARE(rx[i], allRx[i]);
            for (qsizetype i = 0; i < vx.size(); ++i)
                QCOMPARE(vx[i], allVx[i]);
            QStringList keptCodes;
            qsizetype at = 0;
            for (const QJsonValue& row : items) {
                while (at < allItems.size() && allItems[at] != row)
                    ++at;
                QVERIFY2(at < allItems.size(), "an item row that is not in the full code, or out of order");
                keptCodes << row[0].toString();
            }
            // Among the other items: those with a judgement value outlast those without, and within each, the
            // earlier groups (official order) outlast the later ones, so the kept ones of each are a prefix.
            for (const bool judged : {true, false}) {
                bool gap = false;
                for (const QJsonValue& row : allItems) {
                    const QString itemCode = row[0].toString();
                    const auto variant = clinical::variantOf(itemCode.toStdString());
                    if (keyRank(itemCode) >= 0
                        || (clinical::ruleFor(*variant->item).source != clinical::RuleSource::None) != judged)
                        continue;
                    if (!keptCodes.contains(itemCode))
                        gap = true;
                    else
                        QVERIFY2(!gap, "a later item was kept while an earlier one was left out");
                }
                if (judged && gap) // a judged item left out: no unjudged one may be kept
                    for (const QString& itemCode : keptCodes) {
                        const auto variant = clinical::variantOf(itemCode.toStdString());
                        QVERIFY(keyRank(itemCode) >= 0
                            || clinical::ruleFor(*variant->item).source != clinical::RuleSource::None);
                    }
            }
            int keptKey = 0, keptOther = 0, omittedKey = 0, omittedOther = 0, worstKeptKeyRank = -1;
            int bestOmittedKeyRank = std::numeric_limits<int>::max();
            for (const QJsonValue& row : allItems) {
                const QString itemCode = row[0].toString();
                const int rank = keyRank(itemCode);
                const bool isKept = keptCodes.contains(itemCode);
                if (rank >= 0 && isKept) {
                    ++keptKey;
                    worstKeptKeyRank = std::max(worstKeptKeyRank, rank);
                } else if (rank >= 0) {
                    ++omittedKey;
                    bestOmittedKeyRank = std::min(bestOmittedKeyRank, rank);
                } else {
                    isKept ? ++keptOther : ++omittedOther;
                }
            }
            // Across kinds: a kind loses rows only when every kind below it has lost all of its rows.
            if (omittedOther > 0)
                QVERIFY(vx.isEmpty());
            if (omittedKey > 0) {
                QCOMPARE(keptOther, 0);
                QVERIFY(vx.isEmpty());
                QVERIFY(worstKeptKeyRank < bestOmittedKeyRank); // the least important key items went first
            }
            if (rx.size() < allRx.size())
                QCOMPARE(items.size(), 0);
            if (keptKey > 0 && keptOther == 0 && omittedKey > 0 && !rx.isEmpty())
                sawKeyItemsOnly = true;
            if (items.isEmpty() && !rx.isEmpty() && rx.size() < allRx.size())
                sawMedicinesOnly = true;

            const int omittedItems = static_cast<int>(allItems.size() - items.size());
            const int omittedRx = static_cast<int>(allRx.size() - rx.size());
            const int omittedVx = static_cast<int>(allVx.size() - vx.size());
            const bool truncated = omittedItems + omittedRx + omittedVx > 0;
            QCOMPARE(doc[QStringLiteral("trunc")].toBool(), truncated);
            QCOMPARE(fitted->truncated, truncated);
            if (truncated) {
                const QJsonObject omit = doc[QStringLiteral("omit")].toObject();
                QCOMPARE(omit[QStringLiteral("ck")].toInt(), omittedItems);
                QCOMPARE(omit[QStringLiteral("rx")].toInt(), omittedRx);
                QCOMPARE(omit[QStringLiteral("vx")].toInt(), omittedVx);
                QCOMPARE(fitted->omittedItems, omittedItems);
                QCOMPARE(fitted->omittedMedicines, omittedRx);
                QCOMPARE(fitted->omittedVaccinations, omittedVx);
            }
        }
        QVERIFY(sawKeyItemsOnly);
        QVERIFY(sawMedicinesOnly);
        QVERIFY(sawError);
    }

    // A blood pressure that is the mean of two readings is written with the その他 code (the 1st reading's code would
    // say it is one reading); a JDS HbA1c keeps its code and number, judged as its NGSP value.
    void meanAndJdsValues_keepTheirMeaning()
    {
        const clinical::LogicalItem* sbp = clinical::findLogicalItem("sbp");
        const clinical::LogicalItem* hba1c = clinical::findLogicalItem("hba1c");
        QVERIFY(sbp && hba1c);
        exports::SummaryCodeContent content;
        content.madeOn = kSandboxToday;
        content.person = m_profiles.front();
        clinical::CheckupSummary summary;
        summary.date = domain::makeDate(2012, 5, 1);
        clinical::TrendPoint mean;
        mean.itemCode = "9A751000000000001";
        mean.value = 131.5;
        mean.origin = clinical::PointOrigin::MeanOfReadings;
        mean.judgement.band = clinical::Band::Guidance;
        clinical::TrendPoint jds;
        jds.itemCode = "3D045000001906202";
        jds.value = 6.4;
        jds.valueAsSent = 6.0;
        jds.origin = clinical::PointOrigin::ConvertedFromJds;
        jds.judgement.band = clinical::Band::Guidance;
        summary.items = {{sbp, mean, std::nullopt, std::nullopt}, {hba1c, jds, std::nullopt, std::nullopt}};
        content.checkup = summary;
        const auto code = exports::fitSummaryCode(content, exports::kSummaryCodeMaxBytes);
        QVERIFY(code.ok());
        const QJsonArray items = parse(code->payload)[QStringLiteral("ck")][QStringLiteral("items")].toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0].toArray(),
            QJsonArray(
                {QStringLiteral("9A755000000000001"), 131.5, QStringLiteral("mmHg"), QString(), QStringLiteral("G")}));
        QCOMPARE(items[1].toArray(),
            QJsonArray({QStringLiteral("3D045000001906202"), 6, QStringLiteral("%"), QString(), QStringLiteral("G")}));
    }

    void unknownProfile_isNotFound_andNoDayIsRefused()
    {
        exports::SummaryCodeRequest request;
        request.profileId = 9999;
        request.asOf = kSandboxToday;
        const auto code = exports::buildSummaryCode(m_vault->database(), request);
        QVERIFY(!code.ok());
        QCOMPARE(code.error().code, ErrorCode::NotFound);

        request.profileId = m_profiles.front().id;
        request.asOf = domain::Date {}; // never set
        const auto noDay = exports::buildSummaryCode(m_vault->database(), request);
        QVERIFY(!noDay.ok());
        QCOMPARE(noDay.error().code, ErrorCode::Usage);
    }

    // What DoctorSummary::qrPayload gets: every section, the QR code's limit.
    void payloadFunction_isTheDefaultCode()
    {
        const auto payload = exports::summaryCodePayload(m_vault->database(), m_profiles.front().id, kMedicineDay);
        QVERIFY(payload.ok());
        QCOMPARE(*payload, build(m_profiles.front().id, kMedicineDay).payload);
        QVERIFY(payload->size() <= exports::kSummaryCodeMaxBytes);
    }
};

QTEST_GUILESS_MAIN(TestSummaryCode)
#include "TestSummaryCode.moc"

// The sandbox's 特定健診 population against the national figures (issue 10): per sex and 5-year band the
// mean and the shares beyond the 保健指導判定値 / 受診勧奨判定値, the era rules of the codes and programmes,
// a real calendar, realistic participation and treatment control, and internally consistent values.
// Set TECHO_REALISM_TABLE=1 to print the produced-vs-national table (docs/sandbox-realism.md).

#include <QtTest/QtTest>

#include <cstdio>
#include <memory>

#include "CheckupRealism.h"

using namespace techo::sandbox;

namespace {

// Large enough that a band's rarest figure (≈1 % of ~15,000 records of correlated people) is measured to
// within about ±15 %; the run takes a few seconds.
constexpr int kPersons = 60000;
constexpr std::uint64_t kSeed = 20261001;

QString describe(const ItemNorm& item, int sex, const std::string& band, const char* figure, double got, double want)
{
    return QStringLiteral("%1 %2 %3 %4: produced %5, national %6")
        .arg(QString::fromStdString(item.key), sex == kMale ? QStringLiteral("men") : QStringLiteral("women"),
            QString::fromStdString(band), QString::fromLatin1(figure))
        .arg(got, 0, 'f', 2)
        .arg(want, 0, 'f', 2);
}

} // namespace

class TestCheckupRealism : public QObject {
    Q_OBJECT

    std::unique_ptr<ReferenceData> m_ref;
    std::unique_ptr<CheckupGenerator> m_generator;
    realism::Measurement m_m;

    // Checks one produced figure against the national one: means within ±10 %, shares within 0.67–1.5×.
    static void check(QStringList& failures, const ItemNorm& item, int sex, const std::string& band, const char* figure,
        double got, std::optional<double> want, bool isMean)
    {
        if (!want)
            return;
        const double ratio = got / *want;
        const bool ok = isMean ? (ratio >= 0.9 && ratio <= 1.1) : (ratio >= 0.67 && ratio <= 1.5);
        if (!ok)
            failures << describe(item, sex, band, figure, got, *want);
    }

private slots:
    void initTestCase()
    {
        const QByteArray source = qgetenv("TECHO_SOURCE_DIR");
        QVERIFY2(!source.isEmpty(), "TECHO_SOURCE_DIR is not set");
        m_ref = std::make_unique<ReferenceData>(ReferenceData::load(source.toStdString() + "/resources/sandbox"));
        m_m = realism::measure(*m_ref, kSeed, kPersons);
        m_generator = std::make_unique<CheckupGenerator>(*m_ref, kSeed, Date::fromYmd(2026, 10, 1), Date {});
        if (qEnvironmentVariableIsSet("TECHO_REALISM_TABLE"))
            std::printf("%s\n", realism::markdownTable(m_generator->norms(), m_m).c_str());
        QVERIFY(m_m.checkups > 100000);
    }

    void valuesMatchTheNationalFiguresPerSexAndBand()
    {
        const CheckupNorms& norms = m_generator->norms();
        QStringList failures;
        int checked = 0;
        for (const ItemNorm& item : norms.items) {
            QVERIFY2(m_m.cells.count(item.key), item.key.c_str());
            for (int sex : {kMale, kFemale}) {
                const auto& cells = m_m.cells.at(item.key)[static_cast<std::size_t>(sex)];
                for (std::size_t b = 0; b < kBandCount; ++b) {
                    const realism::Cell& c = cells[b];
                    const BandFigures& want = item.bands[static_cast<std::size_t>(sex)][b];
                    QVERIFY(c.n > 1000);
                    if (item.kind != "coded")
                        check(failures, item, sex, norms.bandNames[b], "mean", c.mean(), want.mean, true);
                    check(
                        failures, item, sex, norms.bandNames[b], "guidance %", c.guidanceShare(), want.guidance, false);
                    check(
                        failures, item, sex, norms.bandNames[b], "referral %", c.referralShare(), want.referral, false);
                    check(failures, item, sex, norms.bandNames[b], "severe %", c.severeShare(), want.severe, false);
                    ++checked;
                }
            }
        }
        QCOMPARE(checked, 16 * 2 * kBandCount);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }

    void valuesMatchTheNationalAggregates()
    {
        const CheckupNorms& norms = m_generator->norms();
        QStringList failures;
        for (const ItemNorm& item : norms.items) {
            for (int sex : {kMale, kFemale}) {
                const auto agg = realism::standardise(norms, m_m.cells.at(item.key)[static_cast<std::size_t>(sex)]);
                const BandFigures& want = item.aggregate[static_cast<std::size_t>(sex)];
                if (item.kind != "coded")
                    check(failures, item, sex, "40-74", "mean", agg.mean, want.mean, true);
                check(failures, item, sex, "40-74", "guidance %", agg.guidance, want.guidance, false);
                check(failures, item, sex, "40-74", "referral %", agg.referral, want.referral, false);
                check(failures, item, sex, "40-74", "severe %", agg.severe, want.severe, false);
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        // The starting point: men's SBP ≥140 was 7.1 % against a national 20.3 %.
        const auto sbp = realism::standardise(norms, m_m.cells.at("sbp")[kMale]);
        QVERIFY2(sbp.referral > 15 && sbp.referral < 26, qPrintable(QString::number(sbp.referral)));
    }

    void eachEraHasItsCodesAndProgrammes()
    {
        QCOMPARE(m_m.beforeFy2008, 0L); // 特定健診 began in FY2008
        QCOMPARE(m_m.ngspBeforeFy2013, 0L); // HbA1c in NGSP from FY2013…
        QCOMPARE(m_m.jdsFromFy2013, 0L); // …and in JDS before
        QCOMPARE(m_m.casualTgBeforeFy2024, 0L); // 随時中性脂肪 from FY2024
        // Each era is present, so the rules above are not met vacuously.
        QVERIFY(m_m.jdsBeforeFy2013 > 1000);
        QVERIFY(m_m.casualTgFromFy2024 > 1000);
    }

    void theCalendarIsReal()
    {
        const double total = static_cast<double>(m_m.checkups);
        auto share = [&](int weekday) {
            return 100.0 * static_cast<double>(m_m.weekdays[static_cast<std::size_t>(weekday)]) / total;
        };
        for (int d = 1; d <= 5; ++d)
            QVERIFY2(
                share(d) > 15 && share(d) < 22, qPrintable(QStringLiteral("weekday %1: %2 %").arg(d).arg(share(d))));
        QVERIFY2(share(6) > 5 && share(6) < 13, qPrintable(QString::number(share(6)))); // Saturdays exist
        QVERIFY2(share(0) > 0 && share(0) < 2.5, qPrintable(QString::number(share(0)))); // Sundays are rare
        const double tueFri = (share(2) + share(3) + share(4) + share(5)) / 4;
        QVERIFY2(share(1) < 1.15 * tueFri, qPrintable(QString::number(share(1)))); // no pile-up on Mondays
        QVERIFY(m_m.facilities.size() >= 50); // many 健診機関, not three in the country
    }

    void participationIsRealistic()
    {
        const double rate = static_cast<double>(m_m.attendedYears) / static_cast<double>(m_m.eligibleYears);
        QVERIFY2(rate > 0.50 && rate < 0.62, qPrintable(QString::number(rate))); // national 実施率 ≈ 56 %
        // Both regular attendees and people with gaps exist.
        const double everyYear
            = static_cast<double>(m_m.personsExaminedEveryYear) / static_cast<double>(m_m.personsWithCheckups);
        QVERIFY2(everyYear > 0.05 && everyYear < 0.6, qPrintable(QString::number(everyYear)));
        // Insurer numbers change (retirement moves people to a 6-digit 国保 number).
        QVERIFY(m_m.insurerChanges > 1000);
        QVERIFY(m_m.kokuhoRecords > m_m.checkups / 10);
    }

    void treatmentHasRealisticControl()
    {
        const double uncontrolled = static_cast<double>(m_m.treatedBpAt140) / static_cast<double>(m_m.treatedBp);
        QVERIFY2(uncontrolled > 0.35 && uncontrolled < 0.65, qPrintable(QString::number(uncontrolled)));
        const double above7 = static_cast<double>(m_m.treatedGlucoseAbove7) / static_cast<double>(m_m.treatedGlucose);
        QVERIFY2(above7 > 0.15, qPrintable(QString::number(above7)));
    }

    void valuesStayConsistentAndUnclamped()
    {
        QCOMPARE(m_m.dbpNotBelowSbp, 0L);
        QCOMPARE(m_m.bmiMismatch, 0L);
        QCOMPARE(m_m.egfrMismatch, 0L);
        // A clamp piles values up at the edge of the range: no item's lowest or highest value may hold more than
        // 0.5 % of its records.
        for (const auto& [key, histogram] : m_m.histograms) {
            long n = 0;
            for (const auto& [value, count] : histogram)
                n += count;
            const double atMin = static_cast<double>(histogram.begin()->second) / static_cast<double>(n);
            const double atMax = static_cast<double>(histogram.rbegin()->second) / static_cast<double>(n);
            QVERIFY2(atMin < 0.005 && atMax < 0.005, qPrintable(QString::fromStdString(key)));
        }
    }

    void urineResultsUseEveryQualitativeCode()
    {
        for (const char* item : {"urine_protein", "urine_sugar"})
            for (const char* code : {"1", "2", "3", "4", "5"})
                QVERIFY2(m_m.urineCodes[std::string(item) + ":" + code] > 100,
                    qPrintable(QString::fromLatin1(item) + QLatin1String(code)));
    }
};

QTEST_GUILESS_MAIN(TestCheckupRealism)
#include "TestCheckupRealism.moc"

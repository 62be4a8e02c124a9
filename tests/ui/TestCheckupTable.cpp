// The 健診結果 year-by-item table over real vaults filled by real imports: saved API responses with known values
// (tests/data/api) and 40 years of one person from the real techo-sandbox over HTTPS. What a person reads off
// the table — cell texts, symbols, column dates, row order — is compared with independent expectations or with
// core's own judgement (HealthRecordQueries::series), in English and Japanese.
#include "core/clinical/ItemCatalog.h"
#include "core/import/ImportJobs.h"
#include "core/session/VaultSession.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/Vault.h"
#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"
#include "ui/CheckupGroupFilter.h"
#include "ui/CheckupResultsView.h"
#include "ui/CheckupTableModel.h"
#include "ui/CheckupText.h"
#include "ui/DateText.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTranslator>

#include <algorithm>

using namespace techo;
using M = ui::CheckupTableModel;

namespace {

std::unique_ptr<session::VaultSession> openSession(const QString& path)
{
    auto session = session::VaultSession::open(path.toStdString(), test::secret(test::kTestPassphrase));
    if (!session.ok()) {
        QTest::qFail(session.error().message.c_str(), __FILE__, __LINE__);
        return nullptr;
    }
    return std::move(*session);
}

std::int64_t firstProfile(session::VaultSession& session)
{
    auto profiles = session.healthRecords().profiles();
    return profiles.ok() && !profiles->empty() ? profiles->front().id : 0;
}

// The model column of a checkup day, -1 when the table has none.
int columnOf(const M& model, domain::Date day)
{
    for (int i = 0; i < model.checkupCount(); ++i) {
        if (model.checkupDate(i) == day)
            return M::FirstCheckupColumn + i;
    }
    return -1;
}

QString cell(const M& model, const char* key, domain::Date day)
{
    const int row = model.rowOfKey(QString::fromLatin1(key));
    const int column = columnOf(model, day);
    if (row < 0 || column < 0)
        return QStringLiteral("<no cell %1 %2>")
            .arg(QString::fromLatin1(key), QString::fromStdString(domain::formatDate(day)));
    return model.index(row, column).data().toString();
}

// Position of a key in core's official order (clinical::logicalItems()), written out independently of the model.
int officialPosition(const QString& key)
{
    const auto items = clinical::logicalItems();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (QString::fromUtf8(items[i].key.data(), qsizetype(items[i].key.size())) == key)
            return int(i);
    }
    return -1;
}

void saveScreenshot(QWidget* widget, const QString& name)
{
    QString dir = qEnvironmentVariable("TECHO_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::current().filePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestCheckupTable : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_savedVault; // tkk-valid.json: 藤田 剛 (male), 2023-11-20 特定健診 and 2024-11-15 事業者健診
    QString m_boundVault; // cases/01-comparator-value.json: γ-GT "<5", ALT ">=500"
    QString m_lifetimeVault; // the sandbox: one person, 40 years
    QString m_readingsVault; // tkk-valid.json with two blood-pressure readings and an LDL bound added

    void importFile(const QString& vaultPath, const char* file)
    {
        auto vault = test::createTestVault(vaultPath);
        QVERIFY(vault);
        auto report
            = import::importFromFile(vault->database(), test::sourcePath(QString::fromLatin1(file)).toStdString());
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QVERIFY(report->counts.added > 0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        m_savedVault = m_dir.filePath(QStringLiteral("saved.techo"));
        importFile(m_savedVault, "tests/data/api/tkk-valid.json");
        m_boundVault = m_dir.filePath(QStringLiteral("bounds.techo"));
        importFile(m_boundVault, "tests/data/api/cases/01-comparator-value.json");

        // The 2023-11-20 checkup of tkk-valid.json with 収縮期血圧 1回目 134 and 2回目 125 (mean 129.5: below the
        // 保健指導判定値 130, where the 1st reading alone is above it) and LDL reported as ">=130" (保健指導 or
        // 受診勧奨).
        {
            QJsonObject root = QJsonDocument::fromJson(
                test::readAll(test::sourcePath(QStringLiteral("tests/data/api/tkk-valid.json"))))
                                   .object();
            QJsonObject info = root[QStringLiteral("medicalInsuranceInfoProvisionInfo")].toObject();
            QJsonObject data = info[QStringLiteral("data")].toObject();
            QJsonArray checkups = data[QStringLiteral("SpecificHealthCheckupInfos")].toArray();
            QJsonObject first = checkups[0].toObject();
            QJsonArray results = first[QStringLiteral("HealthCheckupResultAndQuestionInfos")].toArray();
            auto reading = [](const char* code, const char* name, const char* value) {
                return QJsonObject {{QStringLiteral("ItemCode"), QString::fromLatin1(code)},
                    {QStringLiteral("ItemName"), QString::fromUtf8(name)},
                    {QStringLiteral("DataType"), QStringLiteral("PQ")},
                    {QStringLiteral("DataValue"), QString::fromLatin1(value)},
                    {QStringLiteral("Unit"), QStringLiteral("mmHg")}, {QStringLiteral("Oid"), QString()},
                    {QStringLiteral("DataValueName"), QString()}, {QStringLiteral("OutOfRangeFlag"), QString()}};
            };
            results.append(reading("9A751000000000001", "収縮期血圧（1回目）", "134"));
            results.append(reading("9A752000000000001", "収縮期血圧（2回目）", "125"));
            for (auto&& entry : results) {
                QJsonObject result = entry.toObject();
                if (result[QStringLiteral("ItemCode")].toString() == QStringLiteral("3F077000002327101")) {
                    result[QStringLiteral("DataValue")] = QStringLiteral(">=130");
                    entry = result;
                }
            }
            first[QStringLiteral("HealthCheckupResultAndQuestionInfos")] = results;
            checkups[0] = first;
            data[QStringLiteral("SpecificHealthCheckupInfos")] = checkups;
            info[QStringLiteral("data")] = data;
            root[QStringLiteral("medicalInsuranceInfoProvisionInfo")] = info;
            QFile file(m_dir.filePath(QStringLiteral("readings.json")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QJsonDocument(root).toJson());
        }
        m_readingsVault = m_dir.filePath(QStringLiteral("readings.techo"));
        {
            auto vault = test::createTestVault(m_readingsVault);
            QVERIFY(vault);
            auto report = import::importFromFile(
                vault->database(), m_dir.filePath(QStringLiteral("readings.json")).toStdString());
            QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        }

        m_lifetimeVault = m_dir.filePath(QStringLiteral("lifetime.techo"));
        test::SandboxProcess sandbox({QStringLiteral("--process-delay-ms"), QStringLiteral("0"),
            QStringLiteral("--seed"), QStringLiteral("20261126"), QStringLiteral("--persons"), QStringLiteral("1"),
            QStringLiteral("--years"), QStringLiteral("40")});
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        auto vault = test::createTestVault(m_lifetimeVault);
        QVERIFY(vault);
        import::ApiImportRequest request;
        request.client.baseUrl = sandbox.baseUrl().toStdString();
        request.client.http.caFile = sandbox.caFile().toStdString();
        request.client.pollInterval = std::chrono::milliseconds(5);
        request.kinds = {mynaportal::InfoKind::Checkups};
        auto report = import::importFromApi(vault->database(), request);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QVERIFY(report->counts.added > 10);
    }

    void savedResponse_knownCells_newestFirst_officialOrder()
    {
        auto session = openSession(m_savedVault);
        QVERIFY(session);
        ui::CheckupResultsView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.showProfile(*session, firstProfile(*session));
        const M& m = *view.model();

        // Columns: the two checkup days, newest first, with the date and the facility in the header.
        QCOMPARE(m.checkupCount(), 2);
        QCOMPARE(m.checkupDate(0), domain::Date(std::chrono::year(2024) / 11 / 15));
        QCOMPARE(m.checkupDate(1), domain::Date(std::chrono::year(2023) / 11 / 20));
        const QString header = m.headerData(M::FirstCheckupColumn + 1, Qt::Horizontal, Qt::DisplayRole).toString();
        QVERIFY2(header.startsWith(QStringLiteral("20 Nov 2023\n")), qPrintable(header));
        QVERIFY2(m.headerData(M::FirstCheckupColumn + 1, Qt::Horizontal, Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("あさひ健康管理クリニック")),
            qPrintable(header));

        // HbA1c 5.8 % meets the 保健指導判定値 (≥5.6) but not the 受診勧奨判定値 (≥6.5): "5.8 △".
        const domain::Date nov2023 = std::chrono::year(2023) / 11 / 20;
        QCOMPARE(cell(m, "hba1c", nov2023), QStringLiteral("5.8 △"));
        const int hba1c = m.rowOfKey(QStringLiteral("hba1c"));
        const QModelIndex hba1cCell = m.index(hba1c, columnOf(m, nov2023));
        QCOMPARE(hba1cCell.data(M::BandRole).toInt(), int(clinical::Band::Guidance));
        QCOMPARE(hba1cCell.data(Qt::AccessibleTextRole).toString(), QStringLiteral("5.8, Health guidance level"));
        const QString tip = hba1cCell.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("5.8 %")) && tip.contains(QStringLiteral("≥5.6"))
                && tip.contains(QStringLiteral("≥6.5")) && tip.contains(QStringLiteral("別紙5")),
            qPrintable(tip));
        // The item column carries the unit; the other day has no HbA1c: an empty cell, not a zero.
        QCOMPARE(m.index(hba1c, M::ItemColumn).data().toString(), QStringLiteral("HbA1c（NGSP値） (%) · HbA1c (NGSP)"));
        QCOMPARE(cell(m, "hba1c", std::chrono::year(2024) / 11 / 15), QString());
        QCOMPARE(m.index(hba1c, M::FirstCheckupColumn).data(M::BandRole).toInt(), -1);
        // LDL 145 ≥ 140 (受診勧奨判定値); 尿蛋白 (±) is 保健指導判定値; 身長 has no judgement value: no symbol, and
        // its one decimal, as the 特定健診 form reports it.
        QCOMPARE(cell(m, "ldl", nov2023), QStringLiteral("145 ▲"));
        QCOMPARE(cell(m, "urine_protein", nov2023), QStringLiteral("± △"));
        QCOMPARE(cell(m, "height", nov2023), QStringLiteral("168.0"));
        QCOMPARE(cell(m, "weight", std::chrono::year(2024) / 11 / 15), QStringLiteral("56.2"));

        // Rows in the official order: 身長 体重 BMI (身体計測) … LDL (脂質) … HbA1c (血糖) … 尿蛋白 (尿) … 医師の判断.
        QStringList keys;
        for (int row = 0; row < m.rowCount(); ++row)
            keys << m.index(row, 0).data(M::LogicalKeyRole).toString();
        QCOMPARE(keys,
            QStringList({QStringLiteral("height"), QStringLiteral("weight"), QStringLiteral("bmi"),
                QStringLiteral("ldl"), QStringLiteral("hba1c"), QStringLiteral("urine_protein"),
                QStringLiteral("doctor_judgement"), QStringLiteral("blood_draw_timing")}));
        QCOMPARE(m.index(0, M::GroupColumn).data().toString(), QStringLiteral("Body measurements"));
    }

    void bounds_readAsBounds_andAreJudgedAsCoreSays()
    {
        auto session = openSession(m_boundVault);
        QVERIFY(session);
        ui::CheckupResultsView view;
        view.showProfile(*session, firstProfile(*session));
        const domain::Date day = std::chrono::year(2025) / 6 / 12;
        // γ-GT "<5": every possible value is below 51 → 基準範囲内; ALT "≥500" → 受診勧奨判定値. Never the bare number.
        QCOMPARE(cell(*view.model(), "ggt", day), QStringLiteral("<5 ○"));
        QCOMPARE(cell(*view.model(), "alt", day), QStringLiteral("≥500 ▲"));
        const int ggt = view.model()->rowOfKey(QStringLiteral("ggt"));
        QVERIFY(view.model()
                    ->index(ggt, columnOf(*view.model(), day))
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Reported as a bound")));

        // The band colours follow the palette: dark text on a light base, light text on a dark one.
        const QModelIndex alt
            = view.model()->index(view.model()->rowOfKey(QStringLiteral("alt")), columnOf(*view.model(), day));
        QPalette light = view.palette();
        light.setColor(QPalette::Base, Qt::white);
        view.setPalette(light);
        QVERIFY(alt.data(Qt::ForegroundRole).value<QBrush>().color().lightnessF() < 0.5);
        QPalette dark = view.palette();
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x20));
        view.setPalette(dark);
        QVERIFY(alt.data(Qt::ForegroundRole).value<QBrush>().color().lightnessF() > 0.5);
        QVERIFY(alt.data(Qt::BackgroundRole).value<QBrush>().color().lightnessF() < 0.5);
    }

    void twoReadings_areTheirMean_andABoundAcrossBandsIsNotJudged()
    {
        auto session = openSession(m_readingsVault);
        QVERIFY(session);
        ui::CheckupResultsView view;
        view.showProfile(*session, firstProfile(*session));
        const M& m = *view.model();
        const domain::Date day = std::chrono::year(2023) / 11 / 20;
        // 129.5, not the 1st reading's "134 △".
        QCOMPARE(cell(m, "sbp", day), QStringLiteral("129.5 ○"));
        const QModelIndex sbp = m.index(m.rowOfKey(QStringLiteral("sbp")), columnOf(m, day));
        QVERIFY(sbp.data(Qt::ToolTipRole).toString().contains(QStringLiteral("mean of the 1st and 2nd readings")));
        // LDL "≥130" could be 保健指導 (≥120) or 受診勧奨 (≥140): "?", no band, and the tooltip says why.
        QCOMPARE(cell(m, "ldl", day), QStringLiteral("≥130 ?"));
        const QModelIndex ldl = m.index(m.rowOfKey(QStringLiteral("ldl")), columnOf(m, day));
        QCOMPARE(ldl.data(M::BandRole).toInt(), -1);
        QVERIFY(ldl.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Not judged: the value is a bound")));
        QCOMPARE(ldl.data(Qt::AccessibleTextRole).toString(), QStringLiteral("≥130, not judged"));
    }

    void noCheckups_orAnUnknownProfile_sayWhy_andShowNoTable()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.techo"));
        {
            auto vault = test::createTestVault(path);
            QVERIFY(vault);
            domain::Profile person;
            person.displayName = "山田 次郎";
            person.createdAt = domain::nowUtc();
            QVERIFY(vault::ProfileRepository(vault->database()).insert(person).ok());
        }
        auto session = openSession(path);
        QVERIFY(session);
        ui::CheckupResultsView view;
        QSignalSpy spy(&view, &ui::CheckupResultsView::trendRequested);
        auto* message = view.findChild<QLabel*>(QStringLiteral("checkupMessage"));
        QVERIFY(message);
        view.showProfile(*session, firstProfile(*session));
        QVERIFY2(message->text().contains(QStringLiteral("山田 次郎")), qPrintable(message->text()));
        QVERIFY(message->isVisibleTo(&view));
        QVERIFY(!view.table()->isVisibleTo(&view));
        QCOMPARE(view.model()->rowCount(), 0);
        QCOMPARE(spy.count(), 0);

        // A profile that does not exist: core's error, through ErrorText, and nothing else.
        view.showProfile(*session, 987654);
        QVERIFY(!message->text().isEmpty());
        QVERIFY(!message->text().contains(QStringLiteral("山田")));
        QCOMPARE(view.model()->rowCount(), 0);
        QCOMPARE(spy.count(), 0);
    }

    void lifetime_everyCellAsCoreJudgesIt_rowsOfficial_columnsNewestFirst()
    {
        auto session = openSession(m_lifetimeVault);
        QVERIFY(session);
        const auto profile = firstProfile(*session);
        ui::CheckupResultsView view;
        QAbstractItemModelTester modelTester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(view.filter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.showProfile(*session, profile);
        const M& m = *view.model();
        QVERIFY2(m.checkupCount() >= 10, "the sandbox's 40 years should give many checkups");
        QVERIFY(m.rowCount() >= 15);

        for (int i = 1; i < m.checkupCount(); ++i)
            QVERIFY2(m.checkupDate(i - 1) > m.checkupDate(i), "columns must be newest first");
        int previous = -1;
        for (int row = 0; row < m.rowCount(); ++row) {
            const int position = officialPosition(m.index(row, 0).data(M::LogicalKeyRole).toString());
            QVERIFY(position > previous);
            previous = position;
        }

        // 腹囲's judgement values differ by sex: the tooltip says whose applied.
        const auto person = session->healthRecords().profile(profile);
        QVERIFY(person.ok());
        const int waist = m.rowOfKey(QStringLiteral("waist"));
        QVERIFY(waist >= 0);
        bool sawWaist = false;
        for (int column = M::FirstCheckupColumn; column < m.columnCount() && !sawWaist; ++column) {
            const QModelIndex index = m.index(waist, column);
            if (index.data(M::BandRole).toInt() < 0)
                continue;
            sawWaist = true;
            const QString tip = index.data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.contains(person->sex == domain::Sex::Female ? QStringLiteral("(the values for women)")
                                                                     : QStringLiteral("(the values for men)")),
                qPrintable(tip));
        }
        QVERIFY(sawWaist);

        // Every HbA1c, SBP and LDL point of core's own series is in its column, with core's band and symbol.
        int converted = 0;
        for (const char* key : {"hba1c", "sbp", "ldl", "hdl", "egfr"}) {
            auto series = session->healthRecords().series(profile, key);
            QVERIFY(series.ok());
            if (series->points.empty())
                continue;
            const int row = m.rowOfKey(QString::fromLatin1(key));
            QVERIFY(row >= 0);
            for (const auto& point : series->points) {
                const QModelIndex index = m.index(row, columnOf(m, point.date));
                QVERIFY(index.isValid());
                const QString text = index.data().toString();
                QCOMPARE(index.data(M::BandRole).toInt(), point.judgement.band ? int(*point.judgement.band) : -1);
                if (point.judgement.band) {
                    QVERIFY2(text.endsWith(ui::CheckupText::bandSymbol(*point.judgement.band)), qPrintable(text));
                }
                if (point.value && !point.comparator)
                    QVERIFY2(text.startsWith(ui::CheckupText::numberText(
                                                 *point.value, ui::CheckupText::usualDecimals(*series->item))
                                 + QLatin1Char(' ')),
                        qPrintable(text));
                if (point.origin == clinical::PointOrigin::ConvertedFromJds) {
                    ++converted;
                    QVERIFY(index.data(Qt::ToolTipRole)
                                .toString()
                                .contains(QStringLiteral("Converted from the JDS value")));
                }
                if (point.origin == clinical::PointOrigin::MeanOfReadings) {
                    QVERIFY(index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("mean of the 1st and 2nd")));
                }
            }
        }
        // The sandbox's HbA1c before FY2013 is JDS: those cells say they were converted. (Its blood pressure is one
        // reading a day: the mean's sentence is checked only where a day has two.)
        QVERIFY(converted > 0);
    }

    void groupFilter_leavesOnlyThatGroup_andSortingPutsTheWorstFirst()
    {
        auto session = openSession(m_lifetimeVault);
        QVERIFY(session);
        ui::CheckupResultsView view;
        QAbstractItemModelTester proxyTester(view.filter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.showProfile(*session, firstProfile(*session));
        QComboBox* combo = view.groupCombo();
        const int glucose = combo->findText(QStringLiteral("Blood glucose"));
        QVERIFY(glucose > 0);
        combo->setCurrentIndex(glucose);
        const QAbstractItemModel& proxy = *view.table()->model();
        int inGroup = 0;
        for (int row = 0; row < view.model()->rowCount(); ++row)
            inGroup += view.model()->index(row, 0).data(M::GroupRole).toInt() == int(clinical::ItemGroup::Glucose);
        QVERIFY(inGroup > 0);
        QCOMPARE(proxy.rowCount(), inGroup);
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.index(row, 0).data(M::GroupRole).toInt(), int(clinical::ItemGroup::Glucose));

        // Every group again, then sorted by the newest checkup, most serious first; ties in the official order.
        combo->setCurrentIndex(0);
        QCOMPARE(proxy.rowCount(), view.model()->rowCount());
        view.table()->sortByColumn(M::FirstCheckupColumn, Qt::DescendingOrder);
        bool sawTwoLevels = false;
        for (int row = 1; row < proxy.rowCount(); ++row) {
            const int above = proxy.index(row - 1, M::FirstCheckupColumn).data(M::SortRole).toInt();
            const int here = proxy.index(row, M::FirstCheckupColumn).data(M::SortRole).toInt();
            QVERIFY(above >= here);
            sawTwoLevels = sawTwoLevels || above > here;
            if (above == here)
                QVERIFY(proxy.index(row - 1, 0).data(M::OrderRole).toInt()
                    < proxy.index(row, 0).data(M::OrderRole).toInt());
        }
        QVERIFY(sawTwoLevels);
        // No sort again: the official order.
        view.table()->sortByColumn(-1, Qt::AscendingOrder);
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.index(row, 0).data(M::OrderRole).toInt(), row);

        // As a person does it: the first click on a checkup's header puts its most serious rows first, the
        // second the least serious, the third returns to the official order.
        view.resize(1080, 680);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QHeaderView* header = view.table()->horizontalHeader();
        const QPoint onNewest(header->sectionViewportPosition(M::FirstCheckupColumn) + 10, header->height() / 2);
        int most = -1;
        int least = 99;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            most = std::max(most, proxy.index(row, M::FirstCheckupColumn).data(M::SortRole).toInt());
            least = std::min(least, proxy.index(row, M::FirstCheckupColumn).data(M::SortRole).toInt());
        }
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, onNewest);
        QCOMPARE(proxy.index(0, M::FirstCheckupColumn).data(M::SortRole).toInt(), most);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, onNewest);
        QCOMPARE(proxy.index(0, M::FirstCheckupColumn).data(M::SortRole).toInt(), least);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, onNewest);
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.index(row, 0).data(M::OrderRole).toInt(), row);
    }

    void selectingAnItem_requestsItsTrend_once_andCopyCopiesTheCell()
    {
        auto session = openSession(m_lifetimeVault);
        QVERIFY(session);
        ui::CheckupResultsView view;
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &ui::CheckupResultsView::trendRequested);
        view.showProfile(*session, firstProfile(*session));
        QCOMPARE(spy.count(), 1); // the row made current after loading, for the detail area

        const int hba1c = view.filter()
                              ->mapFromSource(view.model()->index(view.model()->rowOfKey(QStringLiteral("hba1c")), 0))
                              .row();
        QVERIFY(hba1c >= 0);
        view.table()->setFocus();
        view.table()->setCurrentIndex(view.filter()->index(hba1c, M::FirstCheckupColumn));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.last().at(0).toString(), QStringLiteral("hba1c"));
        auto* placeholder = view.findChild<QLabel*>(QStringLiteral("checkupDetailPlaceholder"));
        QVERIFY(placeholder && placeholder->text().contains(QStringLiteral("HbA1c（NGSP値）")));
        // Along the same row (older checkups): the same item, no new request.
        QTest::keyClick(view.table(), Qt::Key_Right);
        QCOMPARE(view.table()->currentIndex().column(), M::FirstCheckupColumn + 1);
        QCOMPARE(spy.count(), 2);
        // Down: the next item in the official order.
        QTest::keyClick(view.table(), Qt::Key_Down);
        QCOMPARE(spy.count(), 3);
        QCOMPARE(spy.last().at(0).toString(), view.table()->currentIndex().data(M::LogicalKeyRole).toString());
        QVERIFY(spy.last().at(0).toString() != QStringLiteral("hba1c"));

        // A reload (after an import, or the same profile again) keeps the item and tells the detail area once.
        view.table()->setCurrentIndex(view.filter()->index(hba1c, M::FirstCheckupColumn + 2));
        QCOMPARE(spy.last().at(0).toString(), QStringLiteral("hba1c"));
        const auto before = spy.count();
        view.showProfile(*session, firstProfile(*session));
        QCOMPARE(spy.count(), before + 1);
        QCOMPARE(spy.last().at(0).toString(), QStringLiteral("hba1c"));
        QCOMPARE(view.currentItemKey(), QStringLiteral("hba1c"));

        // Copy: the selected cell's text as the person reads it.
        view.table()->setCurrentIndex(view.filter()->index(hba1c, M::FirstCheckupColumn));
        const QString expected = view.table()->currentIndex().data().toString();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(view.copySelection(), expected);
        QCOMPARE(QApplication::clipboard()->text(), expected);

        // A detail widget replaces the placeholder.
        auto* chart = new QLabel(QStringLiteral("chart"));
        view.setDetailWidget(chart);
        QVERIFY(chart->isVisibleTo(&view));
        QTRY_VERIFY(!view.findChild<QLabel*>(QStringLiteral("checkupDetailPlaceholder")));

        // Locking: every row, column and cached value gone, and the copied cell cleared from the clipboard.
        view.clearRecords();
        QCOMPARE(view.model()->rowCount(), 0);
        QCOMPARE(view.model()->checkupCount(), 0);
        QCOMPARE(view.filter()->rowCount(), 0);
        QCOMPARE(view.groupCombo()->count(), 0);
        QVERIFY(QApplication::clipboard()->text() != expected);
    }

    // Finding: HbA1c 6.0 read "6" beside 5.8, haemoglobin's thresholds "≤13 / ≤12", and 赤血球数 "10^4/uL". A
    // value keeps its item's precision wherever it is shown (CheckupText is the one place), units read as printed.
    void numbers_keepTheirItemsPrecision_andUnitsReadAsPrinted()
    {
        using ui::CheckupText;
        const auto* hba1c = clinical::findLogicalItem("hba1c");
        const auto* hemoglobin = clinical::findLogicalItem("hemoglobin");
        const auto* rbc = clinical::findLogicalItem("rbc");
        const auto* ldl = clinical::findLogicalItem("ldl");
        QVERIFY(hba1c && hemoglobin && rbc && ldl);
        clinical::TrendPoint point;
        point.itemCode = std::string(clinical::variantsOf(*hba1c).front().code);
        point.value = 6.0;
        QCOMPARE(CheckupText::valueText(point), QStringLiteral("6.0"));
        point.value = 5.8;
        QCOMPARE(CheckupText::valueText(point), QStringLiteral("5.8"));
        point.value = 6.0;
        point.comparator = domain::Comparator::Less;
        QCOMPARE(CheckupText::valueText(point), QStringLiteral("<6.0"));
        // A number with more digits than usual keeps them; an item reported in whole numbers stays whole.
        point.comparator.reset();
        point.value = 5.65;
        QCOMPARE(CheckupText::valueText(point), QStringLiteral("5.65"));
        point.itemCode = std::string(clinical::variantsOf(*ldl).front().code);
        point.value = 130;
        QCOMPARE(CheckupText::valueText(point), QStringLiteral("130"));
        QCOMPARE(CheckupText::thresholdText({clinical::Direction::AtMost, 13.0}, hemoglobin), QStringLiteral("≤13.0"));
        QCOMPARE(CheckupText::thresholdText({clinical::Direction::AtLeast, 6.5}, hba1c), QStringLiteral("≥6.5"));
        QCOMPARE(CheckupText::unitText(*rbc), QStringLiteral("×10⁴/μL"));
        QCOMPARE(CheckupText::unitText("kg/m2"), QStringLiteral("kg/m²"));
        QCOMPARE(CheckupText::unitText("mL/min/1.73m2"), QStringLiteral("mL/min/1.73m²"));
        QCOMPARE(CheckupText::unitText("mg/dL"), QStringLiteral("mg/dL"));
        // Core keeps its canonical spelling.
        QCOMPARE(clinical::itemUnit(*rbc), std::string_view("10^4/uL"));
    }

    // Finding: at 1280×800 in English the frozen group and item columns filled the table and each checkup showed
    // ".64"; in Japanese the bold (current) row's name lost its unit. At the width the app gives the view there
    // (the window less the sidebar), in both languages: at least three checkup columns lie whole beside the
    // frozen columns, every checkup column is as wide as its widest value, and the item column shows every
    // official name with its unit in bold.
    void narrowPage_checkupsReadable_andTheUnitNeverCut()
    {
        auto session = openSession(m_lifetimeVault);
        QVERIFY(session);
        for (const bool japanese : {false, true}) {
            QTranslator translator;
            if (japanese) {
                QVERIFY(translator.load(QStringLiteral(":/i18n/techo_ja.qm")));
                QApplication::installTranslator(&translator);
                QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
            }
            ui::CheckupResultsView view;
            view.resize(1090, 700);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            view.showProfile(*session, firstProfile(*session));
            QApplication::processEvents();
            QTableView* table = view.table();
            const QAbstractItemModel& proxy = *table->model();
            QVERIFY(proxy.columnCount() > M::FirstCheckupColumn + 3);
            const int frozen = table->columnWidth(M::GroupColumn) + table->columnWidth(M::ItemColumn);
            const int room = table->viewport()->width() - frozen;
            int whole = 0;
            for (int column = M::FirstCheckupColumn, x = 0; column < proxy.columnCount(); ++column) {
                x += table->columnWidth(column);
                if (x <= room)
                    ++whole;
            }
            QVERIFY2(whole >= 3,
                qPrintable(QStringLiteral("%1 checkup columns whole beside frozen %2 px in a %3 px table")
                               .arg(whole)
                               .arg(frozen)
                               .arg(table->viewport()->width())));
            const QFontMetrics metrics(table->font());
            QFont boldFont = table->font();
            boldFont.setBold(true);
            const QFontMetrics bold(boldFont);
            const QRegularExpression quantity(QStringLiteral("^([<>≤≥]?[0-9.,]+|[−±+]+)( .)?$"));
            int numbers = 0;
            for (int row = 0; row < proxy.rowCount(); ++row) {
                for (int column = M::FirstCheckupColumn; column < proxy.columnCount(); ++column) {
                    const QString value = proxy.index(row, column).data().toString();
                    // Numbers and 尿 −/±/+ with their symbol; coded texts (医師の判断) are elided by design.
                    numbers += value.contains(quantity) ? 1 : 0;
                    if (value.contains(quantity))
                        QVERIFY2(table->columnWidth(column) >= metrics.horizontalAdvance(value), qPrintable(value));
                }
                const QString withUnit = proxy.index(row, M::ItemColumn).data(M::NameWithUnitRole).toString();
                QVERIFY2(table->columnWidth(M::ItemColumn) > bold.horizontalAdvance(withUnit), qPrintable(withUnit));
            }
            QVERIFY(numbers > 100);
            if (japanese) {
                QApplication::removeTranslator(&translator);
                QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
            }
        }
    }

    void japanese_officialNamesOnly_andScreenshots()
    {
        auto session = openSession(m_lifetimeVault);
        QVERIFY(session);
        for (const bool japanese : {false, true}) {
            QTranslator translator;
            if (japanese) {
                QVERIFY(translator.load(QStringLiteral(":/i18n/techo_ja.qm")));
                QApplication::installTranslator(&translator);
                QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
            }
            ui::CheckupResultsView view;
            view.resize(1080, 680);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            view.showProfile(*session, firstProfile(*session));
            (void)view.selectItem(QStringLiteral("hba1c"));
            const M& m = *view.model();
            const QString item = m.index(m.rowOfKey(QStringLiteral("hba1c")), M::ItemColumn).data().toString();
            if (japanese) {
                QCOMPARE(item, QStringLiteral("HbA1c（NGSP値）（%）"));
                QCOMPARE(view.groupCombo()->itemText(0), QStringLiteral("すべての項目"));
                QVERIFY(view.groupCombo()->findText(QStringLiteral("血糖")) > 0);
                QVERIFY2(m.headerData(M::FirstCheckupColumn, Qt::Horizontal, Qt::DisplayRole)
                             .toString()
                             .contains(QRegularExpression(QStringLiteral("^\\d{4}/\\d{2}/\\d{2}"))),
                    "ja dates");
                // No English word in what the Japanese UI shows around the table.
                // An English word (official names such as "HbA1c（NGSP値）" and "eGFR" are not words of English).
                const QRegularExpression english(QStringLiteral("[A-Za-z][a-z]{3,}"));
                for (auto* label : view.findChildren<QLabel*>()) {
                    const QString shown = QTextDocumentFragment::fromHtml(label->text()).toPlainText();
                    QVERIFY2(!shown.contains(english), qPrintable(shown));
                }
                const QString tip = m.index(m.rowOfKey(QStringLiteral("hba1c")), M::FirstCheckupColumn)
                                        .data(Qt::ToolTipRole)
                                        .toString();
                QVERIFY2(tip.contains(QStringLiteral("出典")), qPrintable(tip));
                // Tooltips and the filter's entries are Japanese too.
                QStringList shown {tip, m.headerData(M::FirstCheckupColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
                    m.headerData(M::ItemColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
                    m.index(0, M::ItemColumn).data(Qt::ToolTipRole).toString()};
                for (int i = 0; i < view.groupCombo()->count(); ++i)
                    shown << view.groupCombo()->itemText(i);
                for (const QString& text : shown)
                    QVERIFY2(!text.contains(english), qPrintable(text));
            } else {
                QCOMPARE(item, QStringLiteral("HbA1c（NGSP値） (%) · HbA1c (NGSP)"));
            }
            QApplication::processEvents(); // the layout settles as it would before the first paint
            saveScreenshot(&view, japanese ? QStringLiteral("checkups-ja") : QStringLiteral("checkups-en"));
            if (japanese) {
                QApplication::removeTranslator(&translator);
                QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
            }
        }
    }
};

QTEST_MAIN(TestCheckupTable)
#include "TestCheckupTable.moc"

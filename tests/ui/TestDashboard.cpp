// The dashboard (ui/DashboardView) over real vaults filled by real imports: the sandbox's demo family over
// HTTPS (tests/support/SandboxProcess) and a saved API response (tests/data/api/cases). What the view shows is
// compared with what core computes for the same vault and day (HealthRecordQueries): the latest checkup day,
// HbA1c with its judgement symbol, the medicines at hand, the duplicate-medication warning (and its absence),
// the newest vaccination, the last import; the empty states; and nothing left after clearRecords().
// "Today" is fixed through DashboardView::setClock: the sandbox's records end at its own fixed today
// (2026-10-01, docs/sandbox-api.md), so the wall clock would show no medicine at hand.
#include "core/import/ImportJobs.h"
#include "core/session/VaultSession.h"
#include "core/vault/ProfileRepository.h"
#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"
#include "ui/CurrentMedicinesModel.h"
#include "ui/DashboardView.h"
#include "ui/DateText.h"
#include "ui/LatestCheckupModel.h"
#include "ui/LatestCheckupPanel.h"
#include "ui/VaccinationsModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFontMetrics>
#include <QFrame>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QScopeGuard>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <algorithm>

using namespace techo;

namespace {

// 09:00 in Japan on `day`: the clock the view reads "today" from.
domain::Clock fixedDay(domain::Date day)
{
    return domain::Clock::fixed(domain::Timestamp {std::chrono::sys_days(day)});
}

std::unique_ptr<session::VaultSession> openSession(const QString& path)
{
    auto session = session::VaultSession::open(path.toStdString(), test::secret(test::kTestPassphrase));
    if (!session.ok()) {
        QTest::qFail(session.error().message.c_str(), __FILE__, __LINE__);
        return nullptr;
    }
    return std::move(*session);
}

// The sandbox's demo family (the packaging/run.sh demo vault's data), imported over HTTPS by core.
bool importSandbox(const QString& path, QString* origin)
{
    test::SandboxProcess sandbox;
    if (!sandbox.isRunning()) {
        QTest::qFail(qPrintable(sandbox.errorString()), __FILE__, __LINE__);
        return false;
    }
    auto vault = test::createTestVault(path);
    if (!vault)
        return false;
    import::ApiImportRequest request;
    request.client.baseUrl = sandbox.baseUrl().toStdString();
    request.client.http.caFile = sandbox.caFile().toStdString();
    request.client.pollInterval = std::chrono::milliseconds(10);
    auto report = import::importFromApi(vault->database(), request);
    if (!report.ok()) {
        QTest::qFail(report.error().message.c_str(), __FILE__, __LINE__);
        return false;
    }
    *origin = sandbox.baseUrl();
    return true;
}

bool importFile(const QString& path, const QString& relative)
{
    auto vault = test::createTestVault(path);
    if (!vault)
        return false;
    auto report = import::importFromFile(vault->database(), test::sourcePath(relative).toStdString());
    if (!report.ok()) {
        QTest::qFail(report.error().message.c_str(), __FILE__, __LINE__);
        return false;
    }
    return true;
}

std::int64_t profileIdOf(session::VaultSession& session, const char* sourcePersonId)
{
    auto people = session.healthRecords().profiles();
    if (!people.ok())
        return 0;
    for (const auto& p : *people)
        if (p.sourcePersonId == sourcePersonId)
            return p.id;
    return 0;
}

void saveScreenshot(QWidget* widget, const QString& name)
{
    QString dir = qEnvironmentVariable("TECHO_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::current().filePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    // Let word-wrapped labels that just got their text take their height before the picture is taken.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

struct Shown {
    QLabel* person = nullptr;
    QLabel* lastImport = nullptr;
    QLabel* checkupDate = nullptr;
    QLabel* checkupEmpty = nullptr;
    QFrame* duplicate = nullptr;
    QLabel* duplicateText = nullptr;
    QLabel* medicinesEmpty = nullptr;
    QLabel* vaccinationsEmpty = nullptr;
    QAbstractItemModel* checkup = nullptr;
    QAbstractItemModel* medicines = nullptr;
    QAbstractItemModel* vaccinations = nullptr;
};

Shown shownBy(ui::DashboardView& view)
{
    Shown s;
    s.person = view.findChild<QLabel*>(QStringLiteral("dashboardPersonLabel"));
    s.lastImport = view.findChild<QLabel*>(QStringLiteral("lastImportLabel"));
    s.checkupDate = view.findChild<QLabel*>(QStringLiteral("checkupDateLabel"));
    s.checkupEmpty = view.findChild<QLabel*>(QStringLiteral("checkupEmptyLabel"));
    s.duplicate = view.findChild<QFrame*>(QStringLiteral("duplicateWarning"));
    s.duplicateText = view.findChild<QLabel*>(QStringLiteral("duplicateWarningText"));
    s.medicinesEmpty = view.findChild<QLabel*>(QStringLiteral("medicinesEmptyLabel"));
    s.vaccinationsEmpty = view.findChild<QLabel*>(QStringLiteral("vaccinationsEmptyLabel"));
    // The models the tables show (what a person reads), not the view's accessors.
    auto modelOf = [&](const char* name) {
        auto* table = view.findChild<QTableView*>(QLatin1String(name));
        return table ? table->model() : nullptr;
    };
    s.checkup = modelOf("latestCheckupTable");
    s.medicines = modelOf("medicinesTable");
    s.vaccinations = modelOf("vaccinationsTable");
    return s;
}

// Every model of the view checked by Qt's model tester for as long as the view lives.
void attachTesters(ui::DashboardView& view)
{
    using Tester = QAbstractItemModelTester;
    new Tester(view.latestCheckup()->model(), Tester::FailureReportingMode::QtTest, &view);
    new Tester(view.medicinesModel(), Tester::FailureReportingMode::QtTest, &view);
    new Tester(view.vaccinationsModel(), Tester::FailureReportingMode::QtTest, &view);
}

int rowStartingWith(const QAbstractItemModel& model, const QString& prefix)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, 0).data().toString().startsWith(prefix))
            return row;
    return -1;
}

} // namespace

class TestDashboard : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_family; // the sandbox's demo family
    QString m_sandboxOrigin;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_family = m_dir.filePath(QStringLiteral("family.techo"));
        QVERIFY(importSandbox(m_family, &m_sandboxOrigin));
        ui::setEraDisplay(ui::EraDisplay::Western);
    }

    void showsWhatCoreComputes_forTheSandboxFamily()
    {
        auto session = openSession(m_family);
        QVERIFY(session);
        auto& records = session->healthRecords();
        const std::int64_t tsuyoshi = profileIdOf(*session, "P0001");
        QVERIFY(tsuyoshi != 0);
        // 2026-07-24: the sandbox gives 藤田 剛 カルボシステイン from two clinics on 2026-07-23 (5 days each).
        const domain::Date day = domain::makeDate(2026, 7, 24);

        ui::DashboardView view;
        attachTesters(view);
        view.resize(1080, 680);
        view.setClock(fixedDay(day));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showProfile(*session, tsuyoshi);
        const Shown s = shownBy(view);
        QVERIFY(s.person && s.lastImport && s.checkupDate && s.duplicate && s.duplicateText && s.checkup && s.medicines
            && s.vaccinations);
        QCOMPARE(s.person->text(), QStringLiteral("藤田　剛"));

        // The latest checkup day and HbA1c with core's value and the symbol of core's band.
        const auto summary = records.latestCheckup(tsuyoshi);
        QVERIFY(summary.ok() && summary->has_value());
        QVERIFY2(s.checkupDate->text().contains(ui::dateText((*summary)->date)), qPrintable(s.checkupDate->text()));
        const auto hba1c = std::find_if((*summary)->items.begin(), (*summary)->items.end(),
            [](const clinical::ItemChange& c) { return c.item && c.item->key == "hba1c"; });
        QVERIFY2(hba1c != (*summary)->items.end(), "the sandbox's latest checkup has HbA1c");
        QVERIFY(hba1c->latest.value && hba1c->latest.judgement.band);
        using CM = ui::LatestCheckupModel;
        const int row = rowStartingWith(*s.checkup, QStringLiteral("HbA1c"));
        QVERIFY(row >= 0);
        QCOMPARE(s.checkup->index(row, CM::ValueColumn).data().toString(),
            QLocale().toString(*hba1c->latest.value, 'f', QLocale::FloatingPointShortest) + QStringLiteral(" %"));
        const QString judgement = s.checkup->index(row, CM::JudgementColumn).data().toString();
        QCOMPARE(judgement, CM::bandText(*hba1c->latest.judgement.band));
        const QString symbol = judgement.left(1);
        QVERIFY2(QStringList({QStringLiteral("○"), QStringLiteral("△"), QStringLiteral("▲")}).contains(symbol),
            qPrintable(judgement));

        // The medicines at hand that day: as many rows as core's list, in its order.
        const auto current = records.currentMedicines(tsuyoshi, day);
        QVERIFY(current.ok());
        QVERIFY(!current->empty());
        QCOMPARE(s.medicines->rowCount(), int(current->size()));
        for (int i = 0; i < s.medicines->rowCount(); ++i)
            QCOMPARE(s.medicines->index(i, 0).data(ui::CurrentMedicinesModel::IngredientKeyRole).toString(),
                QString::fromStdString((*current)[std::size_t(i)].ingredientKey));

        // The duplicate core finds active that day is warned about, by name, and its row is marked.
        const auto duplicates = records.duplicateMedications(tsuyoshi, day);
        QVERIFY(duplicates.ok());
        QCOMPARE(duplicates->size(), std::size_t {1});
        QVERIFY(s.duplicate->isVisible());
        QVERIFY2(s.duplicateText->text().contains(QString::fromStdString(duplicates->front().ingredient)),
            qPrintable(s.duplicateText->text()));
        int marked = 0;
        for (int i = 0; i < s.medicines->rowCount(); ++i)
            if (s.medicines->index(i, 0).data(ui::CurrentMedicinesModel::DuplicateRole).toBool()) {
                ++marked;
                QCOMPARE(s.medicines->index(i, 0).data(ui::CurrentMedicinesModel::IngredientKeyRole).toString(),
                    QString::fromStdString(duplicates->front().ingredientKey));
            }
        QCOMPARE(marked, 1);

        // That row is the sandbox's カルボシステイン of 2026-07-23 from two clinics the same day: なのはな耳鼻咽喉科
        // 7 days (to 07/29) and はなみずき総合病院 5 days (to 07/27). Each institution stands on the line of its own
        // supply and end date, never one clinic with the other's end.
        for (int i = 0; i < s.medicines->rowCount(); ++i) {
            if (!s.medicines->index(i, 0).data(ui::CurrentMedicinesModel::DuplicateRole).toBool())
                continue;
            using MM = ui::CurrentMedicinesModel;
            const QStringList institutions
                = s.medicines->index(i, MM::InstitutionColumn).data().toString().split(QLatin1Char('\n'));
            const QStringList until = s.medicines->index(i, MM::UntilColumn).data().toString().split(QLatin1Char('\n'));
            const QStringList supply
                = s.medicines->index(i, MM::SupplyColumn).data().toString().split(QLatin1Char('\n'));
            QCOMPARE(institutions.size(), 2);
            QCOMPARE(until.size(), 2);
            QCOMPARE(supply.size(), 2);
            const qsizetype nanohana = institutions.indexOf(QStringLiteral("なのはな耳鼻咽喉科"));
            const qsizetype hanamizuki = institutions.indexOf(QStringLiteral("はなみずき総合病院"));
            QVERIFY2(nanohana >= 0 && hanamizuki >= 0, qPrintable(institutions.join(QLatin1Char('|'))));
            QCOMPARE(until[nanohana], ui::dateText(domain::makeDate(2026, 7, 29)));
            QCOMPARE(until[hanamizuki], ui::dateText(domain::makeDate(2026, 7, 27)));
            QCOMPARE(supply[nanohana], ui::CurrentMedicinesModel::tr("%1 days").arg(7));
            QCOMPARE(supply[hanamizuki], ui::CurrentMedicinesModel::tr("%1 days").arg(5));
        }

        // The newest vaccination first: the latest date among all of this person's vaccinations.
        const auto all = records.latestVaccinations(tsuyoshi, 1000);
        QVERIFY(all.ok() && !all->empty());
        const auto newest = std::max_element(all->begin(), all->end(),
            [](const domain::Vaccination& a, const domain::Vaccination& b) { return a.occurredOn < b.occurredOn; });
        QCOMPARE(s.vaccinations->index(0, ui::VaccinationsModel::DateColumn).data().toString(),
            ui::dateText(newest->occurredOn));
        QCOMPARE(s.vaccinations->index(0, ui::VaccinationsModel::VaccineColumn).data().toString(),
            QString::fromStdString(newest->vaccineName));
        QCOMPARE(s.vaccinations->rowCount(), std::min(int(all->size()), ui::DashboardView::kVaccinationsShown));

        // When and from where records were last imported: the sandbox on 127.0.0.1 is the demo server, not
        // マイナポータル.
        QVERIFY2(s.lastImport->text().contains(QStringLiteral("the demo server on this computer")),
            qPrintable(s.lastImport->text()));
        QVERIFY2(s.lastImport->text().contains(m_sandboxOrigin), qPrintable(s.lastImport->text()));
        saveScreenshot(&view, QStringLiteral("dashboard-en"));

        // A day when that duplicate is over: no warning, no marked row, but still his medicine at hand.
        view.setClock(fixedDay(domain::makeDate(2026, 8, 15)));
        view.showProfile(*session, tsuyoshi);
        QVERIFY(s.duplicate->isHidden());
        QVERIFY(s.duplicateText->text().isEmpty());
        QCOMPARE(
            s.medicines->rowCount(), int(records.currentMedicines(tsuyoshi, domain::makeDate(2026, 8, 15))->size()));
        QVERIFY(s.medicines->rowCount() > 0);
        for (int i = 0; i < s.medicines->rowCount(); ++i)
            QVERIFY(!s.medicines->index(i, 0).data(ui::CurrentMedicinesModel::DuplicateRole).toBool());

        // Locking: every model empty, nothing of the person left in a label.
        view.clearRecords();
        QCOMPARE(s.checkup->rowCount(), 0);
        QCOMPARE(s.medicines->rowCount(), 0);
        QCOMPARE(s.vaccinations->rowCount(), 0);
        for (QLabel* label : view.findChildren<QLabel*>())
            QVERIFY2(label->text().isEmpty() || !label->isVisibleTo(&view), qPrintable(label->text()));

        // 藤田 直美 (a child: vaccinations, no checkup) after the sandbox's records end: every card says why.
        view.setClock(fixedDay(domain::makeDate(2026, 11, 30)));
        view.showProfile(*session, profileIdOf(*session, "P0003"));
        QVERIFY(s.checkupEmpty->isVisibleTo(&view));
        QVERIFY(s.medicinesEmpty->isVisibleTo(&view));
        QVERIFY(s.vaccinations->rowCount() > 0);
        saveScreenshot(&view, QStringLiteral("dashboard-child-en"));
    }

    // Another vault, from a saved response (case 07: two clinics at one pharmacy, different ingredients).
    void noWarning_forAVaultWithoutADuplicate()
    {
        const QString path = m_dir.filePath(QStringLiteral("case07.techo"));
        QVERIFY(importFile(path, QStringLiteral("tests/data/api/cases/07-same-day-two-prescribers.json")));
        auto session = openSession(path);
        QVERIFY(session);
        const std::int64_t ichiro = profileIdOf(*session, "P0001");
        const domain::Date day = domain::makeDate(2025, 7, 10);
        ui::DashboardView view;
        attachTesters(view);
        view.setClock(fixedDay(day));
        view.show();
        view.showProfile(*session, ichiro);
        const Shown s = shownBy(view);
        QCOMPARE(s.medicines->rowCount(), 3);
        QCOMPARE(int(session->healthRecords().currentMedicines(ichiro, day)->size()), 3);
        QVERIFY(s.duplicate->isHidden());
        QVERIFY2(s.lastImport->text().contains(QStringLiteral("a saved file (07-same-day-two-prescribers.json)")),
            qPrintable(s.lastImport->text()));
        // No checkup, no vaccination: each card says so and what to do.
        QVERIFY(s.checkupEmpty->isVisible());
        QVERIFY2(s.checkupEmpty->text().contains(QStringLiteral("Import")), qPrintable(s.checkupEmpty->text()));
        QVERIFY(s.vaccinationsEmpty->isVisible());
        QVERIFY2(
            s.vaccinationsEmpty->text().contains(QStringLiteral("import")), qPrintable(s.vaccinationsEmpty->text()));
        QCOMPARE(s.vaccinations->rowCount(), 0);
    }

    void emptyVault_saysToImport()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.techo"));
        std::int64_t id = 0;
        {
            auto vault = test::createTestVault(path);
            QVERIFY(vault);
            domain::Profile p;
            p.displayName = "山田 太郎";
            p.createdAt = domain::nowUtc();
            auto inserted = vault::ProfileRepository(vault->database()).insert(p);
            QVERIFY(inserted.ok());
            id = *inserted;
        }
        auto session = openSession(path);
        QVERIFY(session);
        ui::DashboardView view;
        attachTesters(view);
        view.show();
        view.showProfile(*session, id);
        const Shown s = shownBy(view);
        QVERIFY2(s.lastImport->text().contains(QStringLiteral("Nothing has been imported")),
            qPrintable(s.lastImport->text()));
        QVERIFY(s.medicinesEmpty->isVisible());
        QVERIFY2(s.medicinesEmpty->text().contains(QStringLiteral("山田 太郎")), qPrintable(s.medicinesEmpty->text()));
        QCOMPARE(s.medicines->rowCount(), 0);
        QCOMPARE(s.checkup->rowCount(), 0);
    }

    // Keyboard: arrows move inside a table, Tab goes on to the next card. Cell by cell (four presses a row, ~30
    // rows), the checkup table kept Tab and the other cards were out of reach.
    void tab_goesFromTheCheckupToTheVaccinationsAndTheMedicines()
    {
        auto session = openSession(m_family);
        QVERIFY(session);
        ui::DashboardView view;
        view.resize(1080, 680);
        view.setClock(fixedDay(domain::makeDate(2026, 7, 24))); // 藤田 剛 has medicines at hand that day
        view.show();
        QApplication::setActiveWindow(&view);
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.showProfile(*session, profileIdOf(*session, "P0001"));
        auto* checkup = view.findChild<QTableView*>(QStringLiteral("latestCheckupTable"));
        auto* vaccinations = view.findChild<QTableView*>(QStringLiteral("vaccinationsTable"));
        auto* medicines = view.findChild<QTableView*>(QStringLiteral("medicinesTable"));
        QVERIFY(checkup && vaccinations && medicines);
        QVERIFY(checkup->isVisible() && vaccinations->isVisible() && medicines->isVisible());
        checkup->setFocus(Qt::TabFocusReason);
        QCOMPARE(QApplication::focusWidget(), checkup);
        // Down moves the current row inside the table and keeps the focus there.
        const int rowBefore = checkup->currentIndex().row();
        QTest::keyClick(checkup, Qt::Key_Down);
        QCOMPARE(QApplication::focusWidget(), checkup);
        QVERIFY(checkup->currentIndex().row() > rowBefore);
        const auto tabUntil = [](QWidget* target) {
            for (int press = 0; press < 3; ++press) {
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
                if (QApplication::focusWidget() == target)
                    return true;
            }
            return false;
        };
        QVERIFY2(tabUntil(vaccinations), qPrintable(QApplication::focusWidget()->objectName()));
        QVERIFY2(tabUntil(medicines), qPrintable(QApplication::focusWidget()->objectName()));
    }

    // A vault nobody has been imported into: the window shows no profile and only calls clearRecords(). The
    // dashboard shows no empty card frame then (the window's own label says to import).
    void noProfile_showsNoEmptyCard()
    {
        const QString path = m_dir.filePath(QStringLiteral("nobody.techo"));
        QVERIFY(test::createTestVault(path));
        auto session = openSession(path);
        QVERIFY(session);
        QVERIFY(session->healthRecords().profiles()->empty());
        ui::DashboardView view;
        view.resize(1080, 680);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.clearRecords();
        for (QGroupBox* card : view.findChildren<QGroupBox*>())
            QVERIFY2(!card->isVisibleTo(&view), qPrintable(card->objectName()));
        for (QLabel* label : view.findChildren<QLabel*>())
            QVERIFY2(label->text().isEmpty() || !label->isVisibleTo(&view), qPrintable(label->text()));
    }

    // The room the dashboard gets in a 1024×680 window (beside the navigation, under the menu and tool bars), in
    // Japanese with the era: the vaccine's name and its header stay readable (they shrank to ~40 px, two
    // characters a line, the header cut to "フクチン"); a longer name is cut with its whole text in the tooltip.
    void narrowWindow_keepsTheVaccineNameReadable()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/techo_ja.qm")));
        QApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        ui::setEraDisplay(ui::EraDisplay::WithJapaneseEra);
        const auto restore = qScopeGuard([&] {
            QApplication::removeTranslator(&translator);
            QLocale::setDefault(QLocale::c());
            ui::setEraDisplay(ui::EraDisplay::Western);
        });
        auto session = openSession(m_family);
        QVERIFY(session);
        ui::DashboardView view;
        view.resize(840, 590); // measured on a 1024×680 window's screenshot
        view.setClock(fixedDay(domain::makeDate(2026, 11, 30)));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showProfile(*session, profileIdOf(*session, "P0001"));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        auto* table = view.findChild<QTableView*>(QStringLiteral("vaccinationsTable"));
        QVERIFY(table && table->isVisible());
        QVERIFY(table->model()->rowCount() > 0);
        QVERIFY2(view.width() <= 840,
            qPrintable(QStringLiteral("the view takes %1 px, more than the window gives it").arg(view.width())));
        saveScreenshot(&view, QStringLiteral("dashboard-ja-1024x680-era")); // also lays out what is measured
        const int column = ui::VaccinationsModel::VaccineColumn;
        const int width = table->columnWidth(column);
        const QFontMetrics metrics(table->font());
        const QString widths = QStringLiteral("vaccine column %1 px, date %2 px, table %3 px")
                                   .arg(width)
                                   .arg(table->columnWidth(ui::VaccinationsModel::DateColumn))
                                   .arg(table->width());
        // Six characters of the newest name (a long one) are shown before the "…", and the whole header.
        const QModelIndex newest = table->model()->index(0, column);
        const int margins = 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
        const QString shown = metrics.elidedText(newest.data().toString(), Qt::ElideRight, width - margins);
        QVERIFY2(QString(shown).remove(QChar(0x2026)).size() >= 6, qPrintable(widths + QStringLiteral(": ") + shown));
        QVERIFY2(width >= table->horizontalHeader()->sectionSizeHint(column), qPrintable(widths));
        QVERIFY(!table->wordWrap());
        const QModelIndex first = table->model()->index(0, column);
        QVERIFY(first.data(Qt::ToolTipRole).toString().startsWith(first.data().toString()));
    }

    void japanese_namesTheJudgementAndTheWarningInJapanese()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/techo_ja.qm")));
        QApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        const auto restore = qScopeGuard([&] {
            QApplication::removeTranslator(&translator);
            QLocale::setDefault(QLocale::c());
        });
        auto session = openSession(m_family);
        QVERIFY(session);
        const std::int64_t tsuyoshi = profileIdOf(*session, "P0001");
        ui::DashboardView view;
        attachTesters(view);
        view.resize(1080, 680);
        view.setClock(fixedDay(domain::makeDate(2026, 7, 24)));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showProfile(*session, tsuyoshi);
        const Shown s = shownBy(view);
        const int row = rowStartingWith(*s.checkup, QStringLiteral("HbA1c"));
        QVERIFY(row >= 0);
        const QString judgement = s.checkup->index(row, ui::LatestCheckupModel::JudgementColumn).data().toString();
        QVERIFY2(judgement == QStringLiteral("○ 基準範囲内") || judgement == QStringLiteral("△ 保健指導判定値")
                || judgement == QStringLiteral("▲ 受診勧奨判定値"),
            qPrintable(judgement));
        QCOMPARE(s.checkup->index(row, 0).data().toString(), QStringLiteral("HbA1c（NGSP値）"));
        QVERIFY2(s.duplicateText->text().contains(QStringLiteral("重複投薬")), qPrintable(s.duplicateText->text()));
        QVERIFY2(s.lastImport->text().contains(QStringLiteral("最終取り込み")), qPrintable(s.lastImport->text()));
        saveScreenshot(&view, QStringLiteral("dashboard-ja"));
        // What it gets beside the window's navigation at the window's smallest size.
        view.resize(880, 600);
        saveScreenshot(&view, QStringLiteral("dashboard-ja-880x600"));
    }
};

QTEST_MAIN(TestDashboard)
#include "TestDashboard.moc"

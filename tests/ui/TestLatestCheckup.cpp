// The dashboard's "latest checkup" card (ui/LatestCheckupPanel, which follows the profile the dashboard is
// given), over a real vault (test-only fast KDF) whose checkups are written through the repositories with known
// values: the latest day, an item exactly at its 保健指導判定値, a normal one, a bound ("<5"), the change since
// the previous checkup, another person's checkups when the view is given another profile, a person without
// checkups, and nothing left once the records are cleared (locking).
// Texts are read off the model the table view shows (what a person reads), English and Japanese.
#include "core/domain/Checkup.h"
#include "core/domain/Profile.h"
#include "core/session/VaultSession.h"
#include "core/vault/CheckupRepository.h"
#include "core/vault/ProfileRepository.h"
#include "tests/support/TestSupport.h"
#include "ui/DateText.h"
#include "ui/LatestCheckupModel.h"
#include "ui/LatestCheckupPanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QScopeGuard>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace techo;
using namespace std::chrono;

namespace {

constexpr const char* kHbA1c = "3D046000001906202"; // HbA1c（NGSP値）, %: 保健指導 ≥5.6, 受診勧奨 ≥6.5
constexpr const char* kGgt = "3B090000002327101"; // γ-GT, U/L: 保健指導 ≥51
constexpr const char* kSbp1 = "9A751000000000001"; // 収縮期血圧（1回目）, mmHg: 保健指導 ≥130

domain::Observation quantity(
    const char* code, double value, const char* unit, std::optional<domain::Comparator> comparator = std::nullopt)
{
    domain::Observation o;
    o.itemCode = code;
    o.valueType = domain::ValueType::PQ;
    o.valueNum = value;
    o.comparator = comparator;
    o.unit = unit;
    o.unitAsSent = unit;
    return o;
}

std::int64_t addProfile(vault::Vault& vault, const char* name, domain::Sex sex)
{
    domain::Profile p;
    p.displayName = name;
    p.sex = sex;
    p.relationship = domain::Relationship::Family;
    p.createdAt = domain::nowUtc();
    auto id = vault::ProfileRepository(vault.database()).insert(p);
    if (!id.ok())
        QTest::qFail(id.error().message.c_str(), __FILE__, __LINE__);
    return id.ok() ? *id : 0;
}

void addCheckup(vault::Vault& vault, std::int64_t profile, domain::Date day, std::vector<domain::Observation> obs)
{
    domain::Checkup c;
    c.profileId = profile;
    c.performedOn = day;
    c.observations = std::move(obs);
    auto id = vault::CheckupRepository(vault.database()).insert(c);
    if (!id.ok())
        QTest::qFail(id.error().message.c_str(), __FILE__, __LINE__);
}

struct Family {
    std::int64_t taro = 0;
    std::int64_t hanako = 0;
    std::int64_t jiro = 0;
};

// Taro: two checkups (the later one has HbA1c at exactly 5.6, γ-GT "<5", SBP 118); Hanako: one checkup with
// HbA1c 6.8; Jiro: none.
void makeFamilyVault(const QString& path, Family& family)
{
    auto vault = test::createTestVault(path);
    QVERIFY(vault);
    const auto taro = family.taro = addProfile(*vault, "山田 太郎", domain::Sex::Male);
    const auto hanako = family.hanako = addProfile(*vault, "山田 花子", domain::Sex::Female);
    family.jiro = addProfile(*vault, "山田 次郎", domain::Sex::Male);
    addCheckup(*vault, taro, year(2024) / 6 / 1,
        {quantity(kHbA1c, 5.3, "%"), quantity(kGgt, 30, "U/L"), quantity(kSbp1, 124, "mmHg")});
    addCheckup(*vault, taro, year(2025) / 6 / 10,
        {quantity(kHbA1c, 5.6, "%"), quantity(kGgt, 5, "U/L", domain::Comparator::Less), quantity(kSbp1, 118, "mmHg")});
    addCheckup(*vault, hanako, year(2023) / 5 / 20, {quantity(kHbA1c, 6.8, "%")});
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

// The row of the item whose name (column 0) is `name`, -1 when the table has none.
int rowOf(const QAbstractItemModel& model, const QString& name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, ui::LatestCheckupModel::ItemColumn).data().toString() == name)
            return row;
    }
    return -1;
}

QString cell(const QAbstractItemModel& model, const QString& item, int column)
{
    const int row = rowOf(model, item);
    return row < 0 ? QStringLiteral("<no row %1>").arg(item) : model.index(row, column).data().toString();
}

void saveScreenshot(QWidget* widget, const QString& name)
{
    QString dir = qEnvironmentVariable("TECHO_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::current().filePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

struct Parts {
    QLabel* date = nullptr;
    QLabel* empty = nullptr;
    QTableView* table = nullptr;
    QAbstractItemModel* model = nullptr;
};

Parts partsOf(QWidget& window)
{
    Parts p;
    p.date = window.findChild<QLabel*>(QStringLiteral("checkupDateLabel"));
    p.empty = window.findChild<QLabel*>(QStringLiteral("checkupEmptyLabel"));
    p.table = window.findChild<QTableView*>(QStringLiteral("latestCheckupTable"));
    p.model = p.table ? p.table->model() : nullptr;
    return p;
}

} // namespace

class TestLatestCheckup : public QObject {
    Q_OBJECT

private slots:
    void unlocked_showsTheLatestCheckupJudged_perProfile_andLockingEmptiesIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("family.techo"));
        Family family;
        makeFamilyVault(path, family);
        if (QTest::currentTestFailed())
            return;

        ui::LatestCheckupPanel window;
        QAbstractItemModelTester tester(window.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.resize(720, 420);
        window.show();
        Parts p = partsOf(window);
        QVERIFY(p.date && p.empty && p.table && p.model);
        auto session = openSession(path);
        QVERIFY(session);
        window.showProfile(*session, family.taro);
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QVERIFY(p.table->isVisible());
        QVERIFY(p.date->text().contains(ui::dateText(domain::makeDate(2025, 6, 10))));
        QVERIFY(p.date->text().contains(ui::dateText(domain::makeDate(2024, 6, 1)))); // the previous checkup day

        using M = ui::LatestCheckupModel;
        const QString hba1c = QStringLiteral("HbA1c");
        // Item names come from core (official Japanese names); find HbA1c's whatever its suffix.
        QString hba1cName;
        QString ggtName;
        QString sbpName;
        for (int row = 0; row < p.model->rowCount(); ++row) {
            const QString name = p.model->index(row, M::ItemColumn).data().toString();
            if (name.startsWith(hba1c))
                hba1cName = name;
            if (name.startsWith(QStringLiteral("γ-GT")))
                ggtName = name;
            if (name.startsWith(QStringLiteral("Systolic blood pressure")))
                sbpName = name;
        }
        QVERIFY2(!hba1cName.isEmpty() && !ggtName.isEmpty() && !sbpName.isEmpty(), "items missing");
        // Official order with group headings: 血圧 before 肝機能 before 血糖, each under its heading.
        QVERIFY(rowOf(*p.model, sbpName) < rowOf(*p.model, ggtName));
        QVERIFY(rowOf(*p.model, ggtName) < rowOf(*p.model, hba1cName));
        QCOMPARE(p.model->rowCount(), 6); // three headings + three items
        const int ggtRow = rowOf(*p.model, ggtName);
        QVERIFY(p.model->index(ggtRow - 1, 0).data(M::GroupHeadingRole).toBool());
        QCOMPARE(p.model->index(ggtRow - 1, 0).data().toString(), QStringLiteral("Liver function"));

        // HbA1c 5.6 is exactly the 保健指導判定値 (≥5.6).
        QCOMPARE(cell(*p.model, hba1cName, M::ValueColumn), QStringLiteral("5.6 %"));
        QCOMPARE(cell(*p.model, hba1cName, M::JudgementColumn), QStringLiteral("△ Health guidance level"));
        QCOMPARE(
            p.model->index(rowOf(*p.model, hba1cName), 0).data(M::BandRole).toInt(), int(clinical::Band::Guidance));
        QCOMPARE(cell(*p.model, hba1cName, M::ChangeColumn), QStringLiteral("+0.3"));
        // SBP 118 is below 130: normal; 6 lower than 124.
        QCOMPARE(cell(*p.model, sbpName, M::ValueColumn), QStringLiteral("118 mmHg"));
        QCOMPARE(cell(*p.model, sbpName, M::JudgementColumn), QStringLiteral("○ Within reference range"));
        QCOMPARE(cell(*p.model, sbpName, M::ChangeColumn), QStringLiteral("−6"));
        // γ-GT "<5": the bound is shown with its comparator, judged normal (every value below 5 is), and a
        // bound has no difference, so the previous value is shown instead.
        QCOMPARE(cell(*p.model, ggtName, M::ValueColumn), QStringLiteral("<5 U/L"));
        QCOMPARE(cell(*p.model, ggtName, M::JudgementColumn), QStringLiteral("○ Within reference range"));
        QCOMPARE(cell(*p.model, ggtName, M::ChangeColumn), QStringLiteral("was 30 U/L"));
        QCOMPARE(p.model->headerData(M::ChangeColumn, Qt::Horizontal).toString(), QStringLiteral("Change"));
        QCOMPARE(p.model->headerData(M::ChangeColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
            QStringLiteral("Change since 1 Jun 2024"));
        saveScreenshot(&window, QStringLiteral("latest-checkup-en"));

        // Another person: their own checkup, judged for them.
        window.showProfile(*session, family.hanako);
        QVERIFY(p.date->text().contains(QStringLiteral("20 May 2023")));
        QVERIFY(!p.date->text().contains(QStringLiteral("10 Jun 2025")));
        QCOMPARE(p.model->rowCount(), 2); // 血糖 heading + HbA1c
        QCOMPARE(cell(*p.model, hba1cName, M::ValueColumn), QStringLiteral("6.8 %"));
        QCOMPARE(cell(*p.model, hba1cName, M::JudgementColumn), QStringLiteral("▲ See a doctor (referral level)"));
        QCOMPARE(cell(*p.model, hba1cName, M::ChangeColumn), QString()); // the first checkup: no change
        QCOMPARE(p.model->headerData(M::ChangeColumn, Qt::Horizontal, Qt::ToolTipRole).toString(), QString());

        // A person without checkups: an empty table and a sentence saying so and what to do.
        window.showProfile(*session, family.jiro);
        QCOMPARE(p.model->rowCount(), 0);
        QVERIFY(!p.table->isVisible());
        QVERIFY(p.empty->isVisible());
        QVERIFY2(p.empty->text().startsWith(QStringLiteral("No checkups yet for 山田 次郎. Checkup results appear "
                                                           "here after an import (File ▸ Import…)")),
            qPrintable(p.empty->text()));

        // Locking forgets everything the panel showed; showing the profile again brings it back.
        window.showProfile(*session, family.taro);
        QVERIFY(p.model->rowCount() > 0);
        window.clearRecords();
        QCOMPARE(p.model->rowCount(), 0);
        QVERIFY(p.date->text().isEmpty());
        QVERIFY(p.empty->text().isEmpty());
        session->lock();
        session = openSession(path);
        window.showProfile(*session, family.taro);
        QCOMPARE(p.model->rowCount(), 6);
    }

    void japanese_namesTheBandsInTheProgrammesOwnTerms()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("family.techo"));
        Family family;
        makeFamilyVault(path, family);
        if (QTest::currentTestFailed())
            return;
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/techo_ja.qm")));
        QApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        const auto restore = qScopeGuard([&] {
            QApplication::removeTranslator(&translator);
            QLocale::setDefault(QLocale::c());
        });

        ui::LatestCheckupPanel window;
        window.resize(720, 420);
        window.show();
        Parts p = partsOf(window);
        QVERIFY(p.model);
        auto session = openSession(path);
        QVERIFY(session);
        window.showProfile(*session, family.taro);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        using M = ui::LatestCheckupModel;
        QStringList judgements;
        for (int row = 0; row < p.model->rowCount(); ++row)
            judgements << p.model->index(row, M::JudgementColumn).data().toString();
        // Rows: 血圧 heading, SBP (normal), 肝機能 heading, γ-GT (normal), 血糖 heading, HbA1c (guidance).
        QCOMPARE(judgements.at(1), QStringLiteral("○ 基準範囲内"));
        QCOMPARE(judgements.at(5), QStringLiteral("△ 保健指導判定値"));
        QVERIFY(p.date->text().contains(QStringLiteral("2025/06/10")));
        QCOMPARE(p.model->headerData(M::JudgementColumn, Qt::Horizontal).toString(), QStringLiteral("判定"));
        // Japanese item names and group headings (the official short names).
        QCOMPARE(p.model->index(0, M::ItemColumn).data().toString(), QStringLiteral("血圧"));
        QCOMPARE(p.model->index(1, M::ItemColumn).data().toString(), QStringLiteral("収縮期血圧"));
        window.showProfile(*session, family.hanako);
        QCOMPARE(p.model->index(1, M::JudgementColumn).data().toString(), QStringLiteral("▲ 受診勧奨判定値"));
        window.showProfile(*session, family.taro);
        saveScreenshot(&window, QStringLiteral("latest-checkup-ja"));
        // With the era each date ends in its own brackets: the line puts none around a date
        // (it read "…の健診（前回：2025/05/16（令和7年））").
        ui::setEraDisplay(ui::EraDisplay::WithJapaneseEra);
        const auto western = qScopeGuard([] { ui::setEraDisplay(ui::EraDisplay::Western); });
        window.showProfile(*session, family.taro);
        QVERIFY2(p.date->text().contains(QStringLiteral("令和")), qPrintable(p.date->text()));
        QVERIFY2(!p.date->text().contains(QStringLiteral("））")), qPrintable(p.date->text()));
    }
};

QTEST_MAIN(TestLatestCheckup)
#include "TestLatestCheckup.moc"

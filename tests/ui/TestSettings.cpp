// The settings dialog (ui/SettingsDialog) and what it stores (ui/AppSettings, QSettings in a temporary folder,
// QStandardPaths test mode), and the Japanese era beside dates (ui/DateText, ICU's Japanese calendar) at the
// days the eras changed.
#include "tests/support/TestSupport.h"
#include "ui/AppSettings.h"
#include "ui/DateText.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace techo;
using domain::makeDate;

namespace {

void saveScreenshot(QWidget* widget, const QString& name)
{
    QString dir = qEnvironmentVariable("TECHO_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::current().filePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

struct Fields {
    QComboBox* language = nullptr;
    QSpinBox* autoLock = nullptr;
    QLineEdit* endpoint = nullptr;
    QLabel* endpointProblem = nullptr;
    QLineEdit* caFile = nullptr;
    QLabel* caFileProblem = nullptr;
    QRadioButton* western = nullptr;
    QRadioButton* withEra = nullptr;
    QPushButton* ok = nullptr;
    QPushButton* cancel = nullptr;
};

Fields fieldsOf(ui::SettingsDialog& dialog)
{
    Fields f;
    f.language = dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"));
    f.autoLock = dialog.findChild<QSpinBox*>(QStringLiteral("autoLockSpin"));
    f.endpoint = dialog.findChild<QLineEdit*>(QStringLiteral("endpointEdit"));
    f.endpointProblem = dialog.findChild<QLabel*>(QStringLiteral("endpointProblemLabel"));
    f.caFile = dialog.findChild<QLineEdit*>(QStringLiteral("caFileEdit"));
    f.caFileProblem = dialog.findChild<QLabel*>(QStringLiteral("caFileProblemLabel"));
    f.western = dialog.findChild<QRadioButton*>(QStringLiteral("westernDatesRadio"));
    f.withEra = dialog.findChild<QRadioButton*>(QStringLiteral("eraDatesRadio"));
    auto* buttons = dialog.findChild<QDialogButtonBox*>(QStringLiteral("settingsButtons"));
    f.ok = buttons ? buttons->button(QDialogButtonBox::Ok) : nullptr;
    f.cancel = buttons ? buttons->button(QDialogButtonBox::Cancel) : nullptr;
    return f;
}

bool complete(const Fields& f)
{
    return f.language && f.autoLock && f.endpoint && f.endpointProblem && f.caFile && f.caFileProblem && f.western
        && f.withEra && f.ok && f.cancel;
}

} // namespace

class TestSettings : public QObject {
    Q_OBJECT

    QTemporaryDir m_config;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_config.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QCoreApplication::setOrganizationName(QStringLiteral("Techo"));
        QCoreApplication::setApplicationName(QStringLiteral("techo-test-settings"));
    }

    void init()
    {
        QSettings().clear();
        ui::setEraDisplay(ui::EraDisplay::Western);
        QLocale::setDefault(QLocale::c());
    }

    // The days the eras changed, and the first year written 元年 (ICU's Japanese calendar).
    void era_changesOnTheFirstDayOfTheNewEra_data()
    {
        QTest::addColumn<domain::Date>("day");
        QTest::addColumn<QString>("japanese");
        QTest::addColumn<QString>("english");
        QTest::newRow("令和 begins") << makeDate(2019, 5, 1) << QStringLiteral("令和元年") << QStringLiteral("Reiwa 1");
        QTest::newRow("平成 ends") << makeDate(2019, 4, 30) << QStringLiteral("平成31年")
                                   << QStringLiteral("Heisei 31");
        QTest::newRow("昭和 ends") << makeDate(1989, 1, 7) << QStringLiteral("昭和64年") << QStringLiteral("Shōwa 64");
        QTest::newRow("平成 begins") << makeDate(1989, 1, 8) << QStringLiteral("平成元年")
                                     << QStringLiteral("Heisei 1");
        QTest::newRow("昭和 begins") << makeDate(1926, 12, 25) << QStringLiteral("昭和元年")
                                     << QStringLiteral("Shōwa 1");
        QTest::newRow("大正 ends") << makeDate(1926, 12, 24) << QStringLiteral("大正15年")
                                   << QStringLiteral("Taishō 15");
        QTest::newRow("令和6年") << makeDate(2024, 4, 1) << QStringLiteral("令和6年") << QStringLiteral("Reiwa 6");
        QTest::newRow("Gregorian in Japan")
            << makeDate(1873, 1, 1) << QStringLiteral("明治6年") << QStringLiteral("Meiji 6");
        QTest::newRow("before it: none") << makeDate(1872, 12, 31) << QString() << QString();
    }

    void era_changesOnTheFirstDayOfTheNewEra()
    {
        QFETCH(domain::Date, day);
        QFETCH(QString, japanese);
        QFETCH(QString, english);
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        QCOMPARE(ui::japaneseEraText(day), japanese);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCOMPARE(ui::japaneseEraText(day), english);
    }

    void dateText_showsTheEraOnlyWhenChosen()
    {
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        QCOMPARE(ui::dateText(makeDate(2019, 5, 1)), QStringLiteral("2019/05/01"));
        ui::setEraDisplay(ui::EraDisplay::WithJapaneseEra);
        QCOMPARE(ui::dateText(makeDate(2019, 5, 1)), QStringLiteral("2019/05/01（令和元年）"));
        QCOMPARE(ui::dateText(makeDate(2019, 4, 30)), QStringLiteral("2019/04/30（平成31年）"));
        QCOMPARE(ui::dateText(makeDate(1989, 1, 7)), QStringLiteral("1989/01/07（昭和64年）"));
        QCOMPARE(ui::dateText(makeDate(1872, 12, 31)), QStringLiteral("1872/12/31")); // no era before 1873
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCOMPARE(ui::dateText(makeDate(2019, 5, 1)), QStringLiteral("1 May 2019 (Reiwa 1)"));
        ui::setEraDisplay(ui::EraDisplay::Western);
        QCOMPARE(ui::dateText(makeDate(2019, 5, 1)), QStringLiteral("1 May 2019"));
    }

    void ok_storesEveryValue_andTheyPersist()
    {
        const QString ca = m_config.filePath(QStringLiteral("ca.pem"));
        {
            QFile file(ca);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("-----BEGIN CERTIFICATE-----\n");
        }
        ui::SettingsDialog dialog;
        QSignalSpy changed(&dialog, &ui::SettingsDialog::settingsChanged);
        Fields f = fieldsOf(dialog);
        QVERIFY(complete(f));
        // What a person finds the first time: the system's language, 5 minutes, 西暦 only.
        QCOMPARE(f.language->currentData().toString(), QStringLiteral("system"));
        QCOMPARE(f.autoLock->value(), 5);
        QVERIFY(f.western->isChecked());

        f.language->setCurrentIndex(f.language->findData(QStringLiteral("en")));
        f.autoLock->setValue(0);
        QCOMPARE(f.autoLock->text(), QStringLiteral("Never"));
        f.endpoint->setText(QStringLiteral("https://api.example.jp/phr/v1"));
        f.caFile->setText(ca);
        f.withEra->setChecked(true);
        QVERIFY(f.ok->isEnabled());
        QTest::mouseClick(f.ok, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(ui::eraDisplay(), ui::EraDisplay::WithJapaneseEra); // dates change at once

        // Stored through QSettings (a file in the temporary folder): what the next start reads.
        const QString file = QSettings().fileName();
        QSettings().sync();
        QVERIFY2(file.startsWith(m_config.path()) && QFile::exists(file), qPrintable(file));
        QCOMPARE(QSettings(file, QSettings::IniFormat).value(QStringLiteral("security/autoLockMinutes")).toInt(), 0);
        QCOMPARE(ui::AppSettings::language(), QStringLiteral("en"));
        QCOMPARE(ui::AppSettings::autoLockMinutes(), 0);
        QCOMPARE(ui::AppSettings::apiEndpoint(), QStringLiteral("https://api.example.jp/phr/v1"));
        QCOMPARE(ui::AppSettings::caFile(), ca);
        QCOMPARE(ui::AppSettings::eraDisplay(), ui::EraDisplay::WithJapaneseEra);

        // A new dialog shows what was stored; OK without a change stores the same and says nothing changed.
        ui::SettingsDialog again;
        QSignalSpy changedAgain(&again, &ui::SettingsDialog::settingsChanged);
        Fields g = fieldsOf(again);
        QCOMPARE(g.language->currentData().toString(), QStringLiteral("en"));
        QCOMPARE(g.autoLock->value(), 0);
        QCOMPARE(g.endpoint->text(), QStringLiteral("https://api.example.jp/phr/v1"));
        QCOMPARE(g.caFile->text(), ca);
        QVERIFY(g.withEra->isChecked());
        QTest::mouseClick(g.ok, Qt::LeftButton);
        QCOMPARE(changedAgain.count(), 0);
    }

    void cancel_storesNothing()
    {
        ui::SettingsDialog dialog;
        QSignalSpy changed(&dialog, &ui::SettingsDialog::settingsChanged);
        Fields f = fieldsOf(dialog);
        QVERIFY(complete(f));
        f.autoLock->setValue(30);
        f.withEra->setChecked(true);
        QTest::mouseClick(f.cancel, Qt::LeftButton);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(ui::AppSettings::autoLockMinutes(), 5);
        QCOMPARE(ui::AppSettings::eraDisplay(), ui::EraDisplay::Western);
        QCOMPARE(ui::eraDisplay(), ui::EraDisplay::Western);
    }

    // The endpoint is read by core's net::Url (libcurl's parser): only an https URL with a host is accepted.
    void endpoint_mustBeAnHttpsUrl_andTheCaFileMustExist()
    {
        ui::SettingsDialog dialog;
        dialog.show();
        Fields f = fieldsOf(dialog);
        QVERIFY(complete(f));
        QVERIFY(f.ok->isEnabled());
        f.endpoint->setText(QStringLiteral("http://api.example.jp/"));
        QVERIFY(!f.ok->isEnabled());
        QVERIFY(f.endpointProblem->isVisible());
        QVERIFY2(f.endpointProblem->text().contains(QStringLiteral("https://")), qPrintable(f.endpointProblem->text()));
        f.endpoint->setText(QStringLiteral("api.example.jp"));
        QVERIFY(!f.ok->isEnabled());
        f.endpoint->setText(QStringLiteral("https://"));
        QVERIFY(!f.ok->isEnabled());
        f.endpoint->setText(QStringLiteral("https://api.example.jp:8443/v1"));
        QVERIFY(f.ok->isEnabled());
        QVERIFY(!f.endpointProblem->isVisible());
        QCOMPARE(ui::SettingsDialog::endpointProblem(QStringLiteral("ftp://api.example.jp/")).isEmpty(), false);
        QCOMPARE(ui::SettingsDialog::endpointProblem(QString()), QString()); // empty: the built-in sandbox

        f.caFile->setText(m_config.filePath(QStringLiteral("missing.pem")));
        QVERIFY(!f.ok->isEnabled());
        QVERIFY(f.caFileProblem->isVisible());
        f.caFile->setText(m_config.path()); // a folder
        QVERIFY(!f.ok->isEnabled());
        f.caFile->clear();
        QVERIFY(f.ok->isEnabled());
        saveScreenshot(&dialog, QStringLiteral("settings-en"));
    }

    void japanese_dialog()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/techo_ja.qm")));
        QApplication::installTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
        const auto restore = qScopeGuard([&] { QApplication::removeTranslator(&translator); });
        ui::SettingsDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        Fields f = fieldsOf(dialog);
        QVERIFY(complete(f));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("設定"));
        QVERIFY2(f.withEra->text().contains(QStringLiteral("令和")), qPrintable(f.withEra->text()));
        f.autoLock->setValue(0);
        QCOMPARE(f.autoLock->text(), QStringLiteral("しない"));
        f.autoLock->setValue(5);
        saveScreenshot(&dialog, QStringLiteral("settings-ja"));
    }
};

QTEST_MAIN(TestSettings)
#include "TestSettings.moc"

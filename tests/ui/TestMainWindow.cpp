// The desktop window over a real vault, offscreen: it lists what the vault holds, in Japanese when the
// Japanese catalogue is loaded, and forgets everything when locked.
#include "core/vault/Vault.h"
#include "tests/support/TestSupport.h"
#include "ui/MainWindow.h"
#include "ui/UnlockDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace techo;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void unlockedVault_isListedWithCounts_thenLockForgetsIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ui.techo"));
        auto vault = test::createTestVault(path);
        QVERIFY(vault);
        QVERIFY(
            vault->database()
                .exec("INSERT INTO profiles (display_name, created_at) VALUES ('テスト 花子', '2026-01-01T00:00:00Z')")
                .ok());

        ui::MainWindow window(path);
        auto* table = window.findChild<QTableWidget*>(QStringLiteral("countsTable"));
        auto* summary = window.findChild<QLabel*>(QStringLiteral("summaryLabel"));
        QVERIFY(table && summary);
        QCOMPARE(table->rowCount(), 0); // locked at start
        window.showVault(std::move(vault));
        QCOMPARE(table->rowCount(), 11);
        bool sawProfiles = false;
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, 0)->text() == QLatin1String("People")) {
                sawProfiles = true;
                QCOMPARE(table->item(row, 1)->text(), QStringLiteral("1"));
            }
        QVERIFY(sawProfiles);

        window.resize(720, 520);
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        if (const QString out = qEnvironmentVariable("TECHO_SCREENSHOT_DIR"); !out.isEmpty())
            shot.save(out + QStringLiteral("/main-window.png"));

        window.lockVault();
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(summary->text().contains(QStringLiteral("locked")));
    }

    void createDialog_refusesEmptyAndMismatchedPassphrases()
    {
        ui::UnlockDialog dialog(ui::UnlockDialog::Mode::Create, QStringLiteral("/tmp/x.techo"));
        dialog.show();
        auto* passphrase = dialog.findChild<QLineEdit*>(QStringLiteral("passphraseLineEdit"));
        auto* confirm = dialog.findChild<QLineEdit*>(QStringLiteral("confirmLineEdit"));
        auto* error = dialog.findChild<QLabel*>(QStringLiteral("errorLabel"));
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(passphrase && confirm && error && ok);
        QCOMPARE(passphrase->echoMode(), QLineEdit::Password);

        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(error->isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        QTest::keyClicks(passphrase, QStringLiteral("kenkou first"));
        QTest::keyClicks(confirm, QStringLiteral("kenkou second"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(error->text().contains(QStringLiteral("do not match")));
        QVERIFY(dialog.isVisible());

        confirm->clear();
        QTest::keyClicks(confirm, QStringLiteral("kenkou first"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.passphraseUtf8(), QStringLiteral("kenkou first").toUtf8());
    }

    void japaneseCatalogue_translatesTheWindow()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/techo_ja.qm")));
        QApplication::installTranslator(&translator);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ja.techo"));
        auto vault = test::createTestVault(path);
        QVERIFY(vault);
        ui::MainWindow window(path);
        QCOMPARE(window.windowTitle(), QStringLiteral("Techo — 健康手帳"));
        window.showVault(std::move(vault));
        auto* table = window.findChild<QTableWidget*>(QStringLiteral("countsTable"));
        QStringList labels;
        for (int row = 0; row < table->rowCount(); ++row)
            labels << table->item(row, 0)->text();
        QVERIFY2(labels.contains(QStringLiteral("予防接種")), qPrintable(labels.join(QLatin1Char(','))));
        QVERIFY(labels.contains(QStringLiteral("健診")));
        window.resize(720, 520);
        if (const QString out = qEnvironmentVariable("TECHO_SCREENSHOT_DIR"); !out.isEmpty())
            window.grab().toImage().save(out + QStringLiteral("/main-window-ja.png"));
        ui::UnlockDialog dialog(ui::UnlockDialog::Mode::Unlock, path);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("保管庫のロック解除"));
        dialog.show();
        if (const QString out = qEnvironmentVariable("TECHO_SCREENSHOT_DIR"); !out.isEmpty())
            dialog.grab().toImage().save(out + QStringLiteral("/unlock-dialog-ja.png"));
        QApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"

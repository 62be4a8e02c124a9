// The desktop window driven as a person would, offscreen, over real vaults (test-only fast KDF):
// typing into the real unlock dialog and clicking its buttons, then waiting for the asynchronous result.
// The key is derived on a worker thread while the GUI keeps handling events; a wrong passphrase says so
// and the same dialog takes another try; the right one shows the vault's own record counts; files no
// passphrase can open say what they are; Japanese is what a Japanese catalogue shows.
//
// Screenshots of what the tests saw are written to $TECHO_SCREENSHOT_DIR, else ./screenshots (the
// test's build folder under CTest). They are artefacts for a person to look at; the assertions are on
// the widgets' content.
#include "core/import/ImportJobs.h"
#include "core/session/VaultSession.h"
#include "core/vault/Vault.h"
#include "tests/support/TestSupport.h"
#include "ui/AppController.h"
#include "ui/ImportDialog.h"
#include "ui/MainWindow.h"
#include "ui/UnlockDialog.h"
#include "ui/WelcomePage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QTranslator>

#include <atomic>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace techo;

namespace {

constexpr const char* kWrongPassphrase = "not the passphrase";

// QTest::keyClicks sends Latin-1 only; other characters arrive as key events carrying their text, as
// from a keyboard layout or a committed input-method string.
void typeText(QWidget* widget, const QString& text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80)
            QTest::keyClick(widget, ch.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }
}

void saveScreenshot(QWidget* widget, const QString& name)
{
    QString dir = qEnvironmentVariable("TECHO_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::current().filePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// A vault holding one person's checkups, dispensings and vaccinations (the API fixtures, imported by
// core); returns its record counts as core reports them, or an empty map after a failed QVERIFY.
vault::RecordCounts makeVaultWithRecords(const QString& path)
{
    auto vault = test::createTestVault(path);
    if (!vault)
        return {};
    for (const char* fixture : {"tkk-valid.json", "yzk-valid.json", "pmh-valid.json"}) {
        const QString file = test::sourcePath(QStringLiteral("tests/data/api/") + QLatin1String(fixture));
        auto report = import::importFromFile(vault->database(), file.toStdString());
        if (!report.ok()) {
            QTest::qFail(
                ("importing " + std::string(fixture) + ": " + report.error().message).c_str(), __FILE__, __LINE__);
            return {};
        }
    }
    auto counts = vault->counts();
    if (!counts.ok()) {
        QTest::qFail(counts.error().message.c_str(), __FILE__, __LINE__);
        return {};
    }
    return *counts;
}

// What the window shows, label -> number, read off the real table.
QMap<QString, qlonglong> shownCounts(QTableWidget* table)
{
    QMap<QString, qlonglong> shown;
    for (int row = 0; row < table->rowCount(); ++row)
        shown.insert(table->item(row, 0)->text(), QLocale().toLongLong(table->item(row, 1)->text()));
    return shown;
}

// The English label of each record kind, written out here (not taken from the window) so that a
// kind shown under another kind's label fails.
const QMap<QString, QString>& englishLabels()
{
    static const QMap<QString, QString> labels = {
        {QStringLiteral("profiles"), QStringLiteral("People")},
        {QStringLiteral("providers"), QStringLiteral("Institutions and services")},
        {QStringLiteral("checkups"), QStringLiteral("Checkups")},
        {QStringLiteral("observations"), QStringLiteral("Checkup results")},
        {QStringLiteral("vaccinations"), QStringLiteral("Vaccinations")},
        {QStringLiteral("dispensings"), QStringLiteral("Dispensings")},
        {QStringLiteral("medication_lines"), QStringLiteral("Medicines dispensed")},
        {QStringLiteral("consents"), QStringLiteral("Sharing consents")},
        {QStringLiteral("share_records"), QStringLiteral("Shares")},
        {QStringLiteral("audit_events"), QStringLiteral("Audit events")},
        {QStringLiteral("import_runs"), QStringLiteral("Imports")},
    };
    return labels;
}

QMap<QString, qlonglong> expectedEnglish(const vault::RecordCounts& counts)
{
    QMap<QString, qlonglong> expected;
    for (const auto& [kind, n] : counts) {
        const QString label = englishLabels().value(QString::fromStdString(kind));
        expected.insert(label.isEmpty() ? QString::fromStdString(kind) : label, qlonglong(n));
    }
    return expected;
}

// Every visible label and button shows its whole text: nothing is cut off by the layout.
void verifyNothingClipped(QWidget* top)
{
    // What the person sees: after the layouts have taken the latest texts into account.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    for (QLabel* label : top->findChildren<QLabel*>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        const int needed = label->wordWrap() ? label->heightForWidth(label->width()) : label->sizeHint().height();
        QVERIFY2(label->height() >= needed, qPrintable(QStringLiteral("label cut off: ") + label->text()));
        if (!label->wordWrap())
            QVERIFY2(label->width() >= label->sizeHint().width(),
                qPrintable(QStringLiteral("label cut off: ") + label->text()));
    }
    for (QAbstractButton* button : top->findChildren<QAbstractButton*>()) {
        if (button->isVisible())
            QVERIFY2(button->width() >= button->minimumSizeHint().width(), qPrintable(button->text()));
    }
}

// The parts of the unlock dialog a person touches.
struct DialogParts {
    QPointer<ui::UnlockDialog> dialog;
    QLineEdit* passphrase = nullptr;
    QLineEdit* confirm = nullptr;
    QLabel* error = nullptr;
    QProgressBar* busy = nullptr;
    QPushButton* ok = nullptr;
    QPushButton* cancel = nullptr;
};

DialogParts partsOf(ui::UnlockDialog* dialog)
{
    DialogParts parts;
    parts.dialog = dialog;
    if (!dialog)
        return parts;
    parts.passphrase = dialog->findChild<QLineEdit*>(QStringLiteral("passphraseLineEdit"));
    parts.confirm = dialog->findChild<QLineEdit*>(QStringLiteral("confirmLineEdit"));
    parts.error = dialog->findChild<QLabel*>(QStringLiteral("errorLabel"));
    parts.busy = dialog->findChild<QProgressBar*>(QStringLiteral("busyBar"));
    auto* box = dialog->findChild<QDialogButtonBox*>();
    parts.ok = box ? box->button(QDialogButtonBox::Ok) : nullptr;
    parts.cancel = box ? box->button(QDialogButtonBox::Cancel) : nullptr;
    return parts;
}

DialogParts findDialog(ui::MainWindow& window)
{
    return partsOf(window.findChild<ui::UnlockDialog*>(QStringLiteral("unlockDialog")));
}

// Wraps the real Vault::open to record the thread it runs on, and holds it until the test lets it go,
// so the test can look at the GUI while the key is being derived. The wait is bounded so that work
// wrongly run on the GUI thread fails the test instead of hanging it.
struct WorkerGate {
    std::atomic<QThread*> ranOn {nullptr};
    QSemaphore started;
    QSemaphore mayFinish;
    QSemaphore done;

    ui::UnlockDialog::VaultOpener opener(std::shared_ptr<WorkerGate> self)
    {
        return [self](const std::string& path, const crypto::SecretBytes& passphrase) {
            self->ranOn = QThread::currentThread();
            self->started.release();
            (void)self->mayFinish.tryAcquire(1, 10000);
            auto result = session::VaultSession::open(path, passphrase);
            self->done.release();
            return result;
        };
    }
};

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void unlock_derivesTheKeyOffTheGuiThread_thenShowsTheVaultsCounts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ui.techo"));
        const vault::RecordCounts counts = makeVaultWithRecords(path);
        QVERIFY(!counts.empty());
        // The fixtures give the kinds different numbers, so a number under the wrong label shows.
        const auto count = [&](const char* kind) {
            const auto found = counts.find(kind);
            return found == counts.end() ? std::int64_t(-1) : found->second;
        };
        QVERIFY(count("checkups") > 0 && count("observations") > count("checkups"));
        QVERIFY(count("vaccinations") > 0 && count("dispensings") > 0);
        QVERIFY(count("vaccinations") != count("dispensings"));

        ui::MainWindow window(path);

        window.addOverviewView();
        window.show();
        auto* table = window.findChild<QTableWidget*>(QStringLiteral("countsTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 0); // locked at start

        window.unlockOrCreate();
        DialogParts d = findDialog(window);
        QVERIFY(d.dialog && d.passphrase && d.busy && d.ok);
        QVERIFY(!d.confirm); // unlocking asks once
        QCOMPARE(d.passphrase->echoMode(), QLineEdit::Password);
        auto gate = std::make_shared<WorkerGate>();
        d.dialog->setOpener(gate->opener(gate));

        typeText(d.passphrase, QString::fromUtf8(test::kTestPassphrase));
        QTest::mouseClick(d.ok, Qt::LeftButton);
        QVERIFY2(gate->started.tryAcquire(1, 10000), "the unlock work never started");

        // The key derivation is under way and held: the dialog says so, takes no second submission,
        // and the GUI thread keeps handling events.
        QVERIFY(d.dialog->isBusy());
        QVERIFY(d.busy->isVisible());
        QVERIFY(!d.ok->isEnabled());
        QVERIFY(!d.passphrase->isEnabled());
        bool guiHandledAnEvent = false;
        QTimer::singleShot(0, &window, [&] { guiHandledAnEvent = true; });
        QTRY_VERIFY(guiHandledAnEvent);
        saveScreenshot(d.dialog, QStringLiteral("unlock-dialog-busy"));
        QCOMPARE(table->rowCount(), 0);

        gate->mayFinish.release();
        QTRY_VERIFY(d.dialog.isNull()); // accepted and closed
        QThread* worker = gate->ranOn.load();
        QVERIFY(worker != nullptr);
        QVERIFY2(
            worker != QThread::currentThread() && worker != window.thread(), "the key was derived on the GUI thread");

        QCOMPARE(shownCounts(table), expectedEnglish(counts));
        QCOMPARE(table->rowCount(), int(counts.size()));
        auto* summary = window.findChild<QLabel*>(QStringLiteral("overviewSummary"));
        QVERIFY(summary && summary->text().contains(path));
        saveScreenshot(&window, QStringLiteral("main-window"));
    }

    void unlock_wrongPassphrase_saysSo_andTheSameDialogTakesAnotherTry()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ui.techo"));
        const vault::RecordCounts counts = makeVaultWithRecords(path);
        QVERIFY(!counts.empty());
        const QByteArray before = test::readAll(path);

        ui::MainWindow window(path);

        window.addOverviewView();
        window.show();
        auto* table = window.findChild<QTableWidget*>(QStringLiteral("countsTable"));
        window.unlockOrCreate();
        DialogParts d = findDialog(window);
        QVERIFY(d.dialog && d.passphrase && d.error && d.ok);

        typeText(d.passphrase, QString::fromLatin1(kWrongPassphrase));
        QTest::mouseClick(d.ok, Qt::LeftButton);
        QTRY_VERIFY(d.dialog.isNull() || !d.dialog->isBusy());
        QVERIFY2(!d.dialog.isNull(), "the dialog closed instead of saying what went wrong");
        QCOMPARE(d.error->text(), QStringLiteral("The passphrase is not correct."));
        QVERIFY(d.error->isVisible());
        verifyNothingClipped(d.dialog);
        saveScreenshot(d.dialog, QStringLiteral("unlock-dialog-wrong-passphrase"));
        // Same dialog, still open, ready for another try with the old text selected for overtyping.
        QVERIFY(!d.dialog.isNull() && d.dialog->isVisible());
        QCOMPARE(findDialog(window).dialog.data(), d.dialog.data());
        QVERIFY(d.passphrase->isEnabled() && d.ok->isEnabled());
        QCOMPARE(d.passphrase->selectedText(), QString::fromLatin1(kWrongPassphrase));
        QCOMPARE(table->rowCount(), 0); // still locked
        QCOMPARE(test::readAll(path), before); // a wrong passphrase changes no file

        typeText(d.passphrase, QString::fromUtf8(test::kTestPassphrase)); // replaces the selection
        QTest::mouseClick(d.ok, Qt::LeftButton);
        QTRY_VERIFY(d.dialog.isNull());
        QCOMPARE(shownCounts(table), expectedEnglish(counts));
    }

    // While another Techo program re-encrypts the vault (it holds the exclusive lock), unlocking says so in the
    // person's language and the dialog stays ready: once the other program is done, the same dialog opens it.
    void unlock_vaultInUse_saysSo_andOpensOnRetry()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ui.techo"));
        const auto counts = makeVaultWithRecords(path);
        QVERIFY(!counts.empty());
        const int other = ::open(path.toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
        QVERIFY(other >= 0);
        QCOMPARE(::flock(other, LOCK_EX | LOCK_NB), 0);

        ui::MainWindow window(path);

        window.addOverviewView();
        window.show();
        auto* table = window.findChild<QTableWidget*>(QStringLiteral("countsTable"));
        window.unlockOrCreate();
        DialogParts d = findDialog(window);
        QVERIFY(d.dialog && d.passphrase && d.error && d.ok);
        typeText(d.passphrase, QString::fromUtf8(test::kTestPassphrase));
        QTest::mouseClick(d.ok, Qt::LeftButton);
        QTRY_VERIFY(d.dialog.isNull() || !d.dialog->isBusy());
        QVERIFY2(!d.dialog.isNull(), "the dialog closed instead of saying what went wrong");
        QVERIFY2(d.error->text().startsWith(QStringLiteral("Another Techo program is using this vault")),
            qPrintable(d.error->text()));
        QVERIFY(d.passphrase->isEnabled() && d.ok->isEnabled());
        QCOMPARE(table->rowCount(), 0);
        verifyNothingClipped(d.dialog);
        saveScreenshot(d.dialog, QStringLiteral("unlock-dialog-in-use"));

        ::close(other); // the other program is done
        QTest::mouseClick(d.ok, Qt::LeftButton);
        QTRY_VERIFY(d.dialog.isNull());
        QCOMPARE(shownCounts(table), expectedEnglish(counts));
    }

    void unlock_fileNoPassphraseOpens_saysWhatItIs_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("text file") << QStringLiteral("text") << QStringLiteral("This file is not a Techo vault.");
        QTest::newRow("empty file") << QStringLiteral("empty") << QStringLiteral("This file is not a Techo vault.");
        QTest::newRow("folder") << QStringLiteral("folder")
                                << QStringLiteral("is a folder, not a vault file. Start Techo with the path of a "
                                                  "vault file.");
        QTest::newRow("truncated vault") << QStringLiteral("truncated")
                                         << QStringLiteral("The vault is damaged and cannot be opened safely.");
        QTest::newRow("newer format") << QStringLiteral(
            "newer") << QStringLiteral("This vault was written by a newer version of Techo. Please update Techo.");
    }
    void unlock_fileNoPassphraseOpens_saysWhatItIs()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ui.techo"));
        QByteArray bytes(kind == QLatin1String("empty") ? "" : "hello, world\n");
        if (kind == QLatin1String("folder")) {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("ui.techo")));
        } else if (kind == QLatin1String("truncated") || kind == QLatin1String("newer")) {
            QVERIFY(!makeVaultWithRecords(path).empty());
            bytes = test::readAll(path);
            if (kind == QLatin1String("truncated"))
                bytes.chop(1000);
            else
                bytes.replace("format_version=1\n", "format_version=7\n");
        }
        if (kind != QLatin1String("folder"))
            writeBytes(path, bytes);

        ui::MainWindow window(path);

        window.addOverviewView();
        window.show();
        auto* table = window.findChild<QTableWidget*>(QStringLiteral("countsTable"));
        window.unlockOrCreate();
        DialogParts d = findDialog(window);
        QVERIFY(d.dialog && d.passphrase && d.error && d.ok && d.cancel);
        // Said at once, from the plaintext header: no passphrase is asked for a file none can open.
        QVERIFY(!d.dialog->isBusy());
        QVERIFY2(d.error->text().endsWith(message), qPrintable(d.error->text()));
        QVERIFY(d.error->isVisible());
        QVERIFY(d.dialog->isVisible());
        // No passphrase opens this file: only Cancel is left.
        QVERIFY(!d.ok->isEnabled());
        QVERIFY(!d.passphrase->isEnabled());
        QVERIFY(d.cancel->isEnabled());
        verifyNothingClipped(d.dialog);
        saveScreenshot(d.dialog, QStringLiteral("unlock-dialog-") + kind);
        if (kind != QLatin1String("folder"))
            QCOMPARE(test::readAll(path), bytes);

        QTest::mouseClick(d.cancel, Qt::LeftButton);
        QTRY_VERIFY(d.dialog.isNull());
        QCOMPARE(table->rowCount(), 0);
        if (kind != QLatin1String("folder"))
            QCOMPARE(test::readAll(path), bytes);
    }

    void unlock_cancelledWhileDeriving_dropsTheResult()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ui.techo"));
        QVERIFY(!makeVaultWithRecords(path).empty());
        ui::UnlockDialog dialog(path);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        DialogParts d = partsOf(&dialog);
        QVERIFY(d.passphrase && d.ok && d.cancel);
        auto gate = std::make_shared<WorkerGate>();
        dialog.setOpener(gate->opener(gate));
        typeText(d.passphrase, QString::fromUtf8(test::kTestPassphrase));
        QTest::mouseClick(d.ok, Qt::LeftButton);
        QVERIFY(gate->started.tryAcquire(1, 10000));

        QTest::mouseClick(d.cancel, Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        gate->mayFinish.release();
        // The worker opens the vault all the same (the passphrase is right); once it has ended and
        // every queued signal is delivered, the cancelled dialog must not have taken its result.
        QVERIFY(gate->done.tryAcquire(1, 10000));
        QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QCOMPARE(accepted.count(), 0);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.takeVault());
        QVERIFY(!dialog.isBusy());
    }

    // No vault at the path: the window itself shows the first-run page (no dialog), which asks twice and creates
    // the vault with the passphrase typed, and only that one.
    void create_missingVault_welcomePageAsksTwice_thenCreatesIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.techo"));
        ui::MainWindow window(path);
        window.addOverviewView();
        window.show();
        window.unlockOrCreate();
        QVERIFY(window.findChildren<ui::UnlockDialog*>().isEmpty());
        auto* table = window.findChild<QTableWidget*>(QStringLiteral("countsTable"));
        auto* page = window.findChild<ui::WelcomePage*>(QStringLiteral("welcomePage"));
        QVERIFY(table && page && page->isVisible());
        auto* passphrase = page->findChild<QLineEdit*>(QStringLiteral("newPassphraseLineEdit"));
        auto* confirm = page->findChild<QLineEdit*>(QStringLiteral("confirmPassphraseLineEdit"));
        auto* error = page->findChild<QLabel*>(QStringLiteral("createErrorLabel"));
        auto* create = page->findChild<QPushButton*>(QStringLiteral("createVaultButton"));
        QVERIFY(passphrase && confirm && error && create);
        QCOMPARE(passphrase->echoMode(), QLineEdit::Password);
        QCOMPARE(confirm->echoMode(), QLineEdit::Password);
        page->setNewVaultKdf(crypto::KdfParams::insecureForTestsOnly());

        QTest::mouseClick(create, Qt::LeftButton);
        QCOMPARE(error->text(), QStringLiteral("The passphrase must not be empty."));
        QVERIFY(error->isVisible());

        typeText(passphrase, QStringLiteral("kenkou first"));
        typeText(confirm, QStringLiteral("kenkou second"));
        QTest::mouseClick(create, Qt::LeftButton);
        QCOMPARE(error->text(), QStringLiteral("The two passphrases do not match."));
        verifyNothingClipped(&window);
        QVERIFY(!page->isBusy());
        QVERIFY(!QFile::exists(path));

        QCOMPARE(passphrase->text(), QStringLiteral("kenkou first")); // kept; only the repetition is retyped
        QVERIFY(confirm->text().isEmpty());
        typeText(confirm, QStringLiteral("kenkou first"));
        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_VERIFY2(page->isAskingForSource(), qPrintable(error->text()));
        QVERIFY(QFile::exists(path));
        QVERIFY(window.session() != nullptr);
        auto* later = page->findChild<QAbstractButton*>(QStringLiteral("importLaterButton"));
        QVERIFY(later && later->isVisible());
        QTest::mouseClick(later, Qt::LeftButton);
        QVERIFY(!page->isVisible());
        QVERIFY(table->isVisible());
        QCOMPARE(table->rowCount(), int(englishLabels().size()));
        for (const qlonglong n : shownCounts(table))
            QCOMPARE(n, 0);

        // The typed passphrase, and only it, opens the new vault.
        window.lockVault();
        QCOMPARE(vault::Vault::open(path.toStdString(), test::secret("kenkou second")).error().code,
            ErrorCode::WrongPassphrase);
        auto reopened = vault::Vault::open(path.toStdString(), test::secret("kenkou first"));
        QVERIFY(reopened.ok());
        QVERIFY(reopened.value()->header().kdf == crypto::KdfParams::insecureForTestsOnly());
    }

    void lock_forgetsTheVault_andOffersToUnlockAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ui.techo"));
        QVERIFY(!makeVaultWithRecords(path).empty());
        auto vault = session::VaultSession::open(path.toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY(vault.ok());
        ui::MainWindow window(path);
        window.addOverviewView();
        window.show();
        auto* table = window.findChild<QTableWidget*>(QStringLiteral("countsTable"));
        auto* summary = window.findChild<QLabel*>(QStringLiteral("summaryLabel"));
        auto* unlockButton = window.findChild<QPushButton*>(QStringLiteral("unlockButton"));
        auto* lockAction = window.findChild<QAction*>(QStringLiteral("lockAction"));
        QVERIFY(table && summary && unlockButton && lockAction);
        window.showVault(std::move(vault).value());
        QVERIFY(table->rowCount() > 0 && table->isVisible());
        QVERIFY(!unlockButton->isVisible());
        QVERIFY(lockAction->isEnabled());

        lockAction->trigger();
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(!table->isVisible()); // no empty table while locked
        QVERIFY(summary->text().contains(QStringLiteral("is locked")));
        QVERIFY(!lockAction->isEnabled());
        QVERIFY(unlockButton->isVisible());
        QCOMPARE(unlockButton->text(), QStringLiteral("Unlock…"));
        verifyNothingClipped(&window);
        saveScreenshot(&window, QStringLiteral("main-window-locked"));

        QTest::mouseClick(unlockButton, Qt::LeftButton);
        DialogParts d = findDialog(window);
        QVERIFY(d.dialog && d.passphrase);
        window.unlockOrCreate(); // asking again raises the same dialog instead of stacking a second one
        QCOMPARE(window.findChildren<ui::UnlockDialog*>().size(), 1);
        typeText(d.passphrase, QString::fromUtf8(test::kTestPassphrase));
        QTest::mouseClick(d.ok, Qt::LeftButton);
        QTRY_VERIFY(d.dialog.isNull());
        QVERIFY(table->rowCount() > 0 && table->isVisible());
    }

    // A vault cannot be made where its folder cannot be: the message says so (not "no longer exists").
    void create_inAFolderThatCannotBeWritten_saysSo_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("under /proc") << QStringLiteral("/proc/nope/x.techo");
        QTest::newRow("under a file") << QStringLiteral("file/x.techo");
    }
    void create_inAFolderThatCannotBeWritten_saysSo()
    {
        QFETCH(QString, path);
        QTemporaryDir dir;
        writeBytes(dir.filePath(QStringLiteral("file")), "not a folder\n");
        if (!path.startsWith(u'/'))
            path = dir.filePath(path);
        ui::MainWindow window(path);
        window.addOverviewView();
        window.show();
        window.unlockOrCreate();
        auto* page = window.findChild<ui::WelcomePage*>(QStringLiteral("welcomePage"));
        QVERIFY(page && page->isVisible());
        page->setNewVaultKdf(crypto::KdfParams::insecureForTestsOnly());
        auto* passphrase = page->findChild<QLineEdit*>(QStringLiteral("newPassphraseLineEdit"));
        auto* confirm = page->findChild<QLineEdit*>(QStringLiteral("confirmPassphraseLineEdit"));
        auto* error = page->findChild<QLabel*>(QStringLiteral("createErrorLabel"));
        auto* create = page->findChild<QPushButton*>(QStringLiteral("createVaultButton"));
        QVERIFY(passphrase && confirm && error && create);
        typeText(passphrase, QStringLiteral("kenkou first"));
        typeText(confirm, QStringLiteral("kenkou first"));
        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_VERIFY(!page->isBusy());
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(),
            QStringLiteral("Techo cannot create the vault in the folder %1: the folder cannot be created, or Techo "
                           "may not write in it.")
                .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
        QVERIFY(!window.session());
        QVERIFY(!page->isAskingForSource());
    }

    // A warning about the typed passphrase goes when the person types again; the mismatch warning stays while
    // create() itself empties the repetition.
    void create_warningGoesWhenThePersonTypesAgain()
    {
        QTemporaryDir dir;
        ui::MainWindow window(dir.filePath(QStringLiteral("new.techo")));
        window.addOverviewView();
        window.show();
        window.unlockOrCreate();
        auto* page = window.findChild<ui::WelcomePage*>(QStringLiteral("welcomePage"));
        QVERIFY(page);
        auto* passphrase = page->findChild<QLineEdit*>(QStringLiteral("newPassphraseLineEdit"));
        auto* confirm = page->findChild<QLineEdit*>(QStringLiteral("confirmPassphraseLineEdit"));
        auto* error = page->findChild<QLabel*>(QStringLiteral("createErrorLabel"));
        auto* create = page->findChild<QPushButton*>(QStringLiteral("createVaultButton"));
        QVERIFY(passphrase && confirm && error && create);

        QTest::mouseClick(create, Qt::LeftButton);
        QCOMPARE(error->text(), QStringLiteral("The passphrase must not be empty."));
        QVERIFY(error->isVisible());
        typeText(passphrase, QStringLiteral("k"));
        QVERIFY2(!error->isVisible(), "the empty-passphrase warning stayed after typing one");

        typeText(passphrase, QStringLiteral("enkou first"));
        typeText(confirm, QStringLiteral("kenkou second"));
        QTest::mouseClick(create, Qt::LeftButton);
        QCOMPARE(error->text(), QStringLiteral("The two passphrases do not match."));
        QVERIFY(confirm->text().isEmpty());
        QVERIFY(error->isVisible()); // emptying the repetition is not the person typing
        typeText(confirm, QStringLiteral("k"));
        QVERIFY(!error->isVisible());
    }

    // Renaming needs a profile: an import's end (setRecordsInteractive(true)) must not enable it in an empty vault.
    void rename_staysDisabledWithoutAProfile_afterAnImport()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.techo"));
        auto vault = session::VaultSession::create(
            path.toStdString(), test::secret(test::kTestPassphrase), crypto::KdfParams::insecureForTestsOnly());
        QVERIFY(vault.ok());
        ui::MainWindow window(path);
        window.addOverviewView();
        window.show();
        window.showVault(std::move(vault).value());
        auto* rename = window.findChild<QAction*>(QStringLiteral("renameProfileAction"));
        QVERIFY(rename);
        QVERIFY(!window.currentProfileId());
        QVERIFY(!rename->isEnabled());
        window.setRecordsInteractive(false);
        window.setRecordsInteractive(true);
        QVERIFY2(!rename->isEnabled(), "Rename is offered with no profile to rename");
    }

    // Ctrl+L locks while one of the window's window-modal dialogs blocks the window itself.
    void lockKey_worksWhileAWindowModalDialogIsOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ui.techo"));
        QVERIFY(!makeVaultWithRecords(path).empty());
        auto vault = session::VaultSession::open(path.toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY(vault.ok());
        ui::MainWindow window(path);
        window.addOverviewView();
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.showVault(std::move(vault).value());
        QVERIFY(window.currentProfileId());
        auto* rename = window.findChild<QAction*>(QStringLiteral("renameProfileAction"));
        QVERIFY(rename && rename->isEnabled());
        rename->trigger();
        QPointer<QDialog> dialog = window.findChild<QDialog*>(QStringLiteral("renameProfileDialog"));
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        auto* edit = dialog->findChild<QLineEdit*>();
        QVERIFY(edit);
        edit->setFocus();

        QTest::keyClick(edit, Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY2(!window.session(), "Ctrl+L did not lock while the rename dialog was open");
        QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("summaryLabel"))->isVisible());
    }

    // The import dialog is a window of its own (not modal): Ctrl+L in it locks too, and locking deletes it.
    void lockKey_worksInTheImportDialog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ui.techo"));
        QVERIFY(!makeVaultWithRecords(path).empty());
        auto vault = session::VaultSession::open(path.toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY(vault.ok());
        ui::MainWindow window(path);
        ui::AppController controller(window);
        window.show();
        window.showVault(std::move(vault).value());
        controller.openImport(ui::ImportDialog::Source::File);
        ui::ImportDialog* opened = controller.importDialog();
        QVERIFY(opened);
        QVERIFY(opened->isVisible());
        QPointer<ui::ImportDialog> dialog = opened;
        QTest::keyClick(opened, Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY2(!window.session(), "Ctrl+L did not lock from the import dialog");
        QTRY_VERIFY(dialog.isNull());
    }

    void japaneseCatalogue_translatesTheDialogAndTheWindow()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/techo_ja.qm")));
        QApplication::installTranslator(&translator);
        // Qt's own strings (Cancel), as the app loads them; absent only without qt6-translations-l10n.
        QTranslator qtTranslator;
        if (qtTranslator.load(QLocale(QLocale::Japanese), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&qtTranslator);
        const auto cleanup = qScopeGuard([&] {
            QApplication::removeTranslator(&qtTranslator);
            QApplication::removeTranslator(&translator);
        });

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ja.techo"));
        QVERIFY(!makeVaultWithRecords(path).empty());
        ui::MainWindow window(path);
        window.addOverviewView();
        window.show();
        QCOMPARE(window.windowTitle(), QStringLiteral("Techo — 健康手帳"));
        saveScreenshot(&window, QStringLiteral("main-window-locked-ja"));
        window.unlockOrCreate();
        DialogParts d = findDialog(window);
        QVERIFY(d.dialog && d.passphrase && d.error && d.ok);
        QCOMPARE(d.dialog->windowTitle(), QStringLiteral("保管庫のロック解除"));
        QCOMPARE(d.ok->text(), QStringLiteral("ロック解除"));

        typeText(d.passphrase, QString::fromLatin1(kWrongPassphrase));
        QTest::mouseClick(d.ok, Qt::LeftButton);
        QTRY_VERIFY(d.dialog.isNull() || !d.dialog->isBusy());
        QVERIFY2(!d.dialog.isNull(), "the dialog closed instead of saying what went wrong");
        QCOMPARE(d.error->text(), QStringLiteral("パスフレーズが正しくありません。"));
        verifyNothingClipped(d.dialog);
        saveScreenshot(d.dialog, QStringLiteral("unlock-dialog-wrong-passphrase-ja"));

        typeText(d.passphrase, QString::fromUtf8(test::kTestPassphrase));
        QTest::mouseClick(d.ok, Qt::LeftButton);
        QTRY_VERIFY(d.dialog.isNull());
        auto* table = window.findChild<QTableWidget*>(QStringLiteral("countsTable"));
        const QMap<QString, qlonglong> shown = shownCounts(table);
        QVERIFY2(shown.contains(QStringLiteral("予防接種")), qPrintable(QStringList(shown.keys()).join(u',')));
        QVERIFY(shown.contains(QStringLiteral("健診")));
        QVERIFY(shown.contains(QStringLiteral("調剤")));
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("件数"));
        verifyNothingClipped(&window);
        saveScreenshot(&window, QStringLiteral("main-window-ja"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"

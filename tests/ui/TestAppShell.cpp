// The window's shell as a person meets it, offscreen over real vaults (test-only fast KDF): the first-run page
// creates a real vault; locking (Ctrl+L, idle time with an injected clock, the desktop's screen saver over a
// private D-Bus session bus) leaves no record in any widget and wipes the session; a wrong passphrase is refused;
// unlocking brings back the same profile and view; the profile switcher reaches every registered view; renaming a
// profile is stored in the vault. Screenshots of the first-run page and the locked window, in English and
// Japanese, go to $TECHO_SCREENSHOT_DIR (else ./screenshots).
#include "core/import/ImportJobs.h"
#include "core/session/VaultSession.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/Vault.h"
#include "tests/support/TestSupport.h"
#include "ui/AppSettings.h"
#include "ui/Icons.h"
#include "ui/LockController.h"
#include "ui/MainWindow.h"
#include "ui/ProfileSwitcher.h"
#include "ui/RecordView.h"
#include "ui/UnlockDialog.h"
#include "ui/WelcomePage.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCommandLinkButton>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDialogButtonBox>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <chrono>
#include <memory>

using namespace techo;
using namespace std::chrono_literals;

namespace {

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

// A record view as the real ones are built: a table over a model filled from core queries for one profile
// (the profile's name and its latest vaccinations), remembering every call the window makes.
class RecordingView final : public QWidget, public ui::RecordView {
public:
    explicit RecordingView(QWidget* parent = nullptr)
        : QWidget(parent)
        , m_table(new QTableView(this))
    {
        m_table->setModel(&m_model);
        m_tester = std::make_unique<QAbstractItemModelTester>(&m_model);
    }

    void showProfile(session::VaultSession& session, std::int64_t profileId) override
    {
        shown.push_back(profileId);
        m_model.clear();
        auto profile = session.healthRecords().profile(profileId);
        QVERIFY(profile.ok());
        m_model.appendRow(new QStandardItem(QString::fromStdString(profile->shownName())));
        auto vaccinations = session.healthRecords().latestVaccinations(profileId, 10);
        QVERIFY(vaccinations.ok());
        for (const auto& vaccination : *vaccinations)
            m_model.appendRow(new QStandardItem(QString::fromStdString(vaccination.vaccineName)));
    }
    void clearRecords() override
    {
        ++cleared;
        m_model.clear();
    }
    [[nodiscard]] QString firstRow() const { return m_model.rowCount() > 0 ? m_model.item(0)->text() : QString(); }

    std::vector<std::int64_t> shown;
    int cleared = 0;

private:
    QStandardItemModel m_model;
    QTableView* m_table;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

struct TestVault {
    std::int64_t firstProfile = 0; // imported (藤田 剛)
    std::int64_t familyProfile = 0; // added by hand
};

// A vault with the imported person of the API fixtures (checkups, dispensings, vaccinations) and a family member.
TestVault makeVault(const QString& path)
{
    TestVault made;
    auto vault = test::createTestVault(path);
    if (!vault)
        return made;
    for (const char* fixture : {"tkk-valid.json", "yzk-valid.json", "pmh-valid.json"}) {
        const QString file = test::sourcePath(QStringLiteral("tests/data/api/") + QLatin1String(fixture));
        auto report = import::importFromFile(vault->database(), file.toStdString());
        if (!report.ok()) {
            QTest::qFail(report.error().message.c_str(), __FILE__, __LINE__);
            return made;
        }
    }
    vault::ProfileRepository profiles(vault->database());
    auto list = profiles.list();
    if (!list.ok() || list->empty()) {
        QTest::qFail("no imported profile", __FILE__, __LINE__);
        return made;
    }
    made.firstProfile = list->front().id;
    domain::Profile family;
    family.displayName = "藤田 花子";
    family.relationship = domain::Relationship::Family;
    family.sex = domain::Sex::Female;
    auto id = profiles.insert(family);
    if (!id.ok()) {
        QTest::qFail(id.error().message.c_str(), __FILE__, __LINE__);
        return made;
    }
    made.familyProfile = *id;
    return made;
}

std::unique_ptr<session::VaultSession> openSession(const QString& path)
{
    auto opened = session::VaultSession::open(path.toStdString(), test::secret(test::kTestPassphrase));
    if (!opened.ok()) {
        QTest::qFail(opened.error().message.c_str(), __FILE__, __LINE__);
        return nullptr;
    }
    return std::move(opened).value();
}

// Every item view in the window (tables, lists, the switcher's popup) and the rows its model holds — but the
// navigation list, which holds the views' titles — and every visible text that names the person: what a
// passer-by could read off the locked screen.
int rowsInAnyView(QWidget* top)
{
    int rows = 0;
    for (QAbstractItemView* view : top->findChildren<QAbstractItemView*>()) {
        if (view->model() && view->objectName() != QLatin1String("navigationList"))
            rows += view->model()->rowCount();
    }
    return rows;
}

QStringList visibleTexts(QWidget* top)
{
    QStringList texts;
    for (QLabel* label : top->findChildren<QLabel*>()) {
        if (label->isVisible())
            texts << label->text();
    }
    for (QComboBox* box : top->findChildren<QComboBox*>())
        texts << box->currentText();
    return texts;
}

// Whether the guarded widget still exists and shows (the compiler cannot see that the two tests go together).
bool stillShown(const QPointer<QWidget>& widget)
{
    QWidget* raw = widget.data();
    return raw != nullptr && raw->isVisible();
}

// Shows the window and makes it the active one (shortcuts go to the active window; Xvfb has no window manager
// to activate it).
void showActive(QWidget& window)
{
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QApplication::setActiveWindow(&window);
    QTRY_VERIFY(window.isActiveWindow());
}

struct FakeClock {
    std::shared_ptr<std::chrono::steady_clock::time_point> now
        = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::time_point {} + 1000h);
    ui::LockController::Clock clock() const
    {
        return [now = now] { return *now; };
    }
    void advance(std::chrono::seconds by) const { *now += by; }
};

} // namespace

class TestAppShell : public QObject {
    Q_OBJECT

    QProcess m_bus; // a private D-Bus session bus for the screen-saver signal
    QString m_busAddress;

private slots:
    void initTestCase()
    {
        // Before any window exists: QDBusConnection::sessionBus() reads the address once per process.
        m_bus.setProgram(QStringLiteral("dbus-daemon"));
        m_bus.setArguments(
            {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address")});
        m_bus.start();
        if (m_bus.waitForStarted(5000) && m_bus.waitForReadyRead(5000)) {
            m_busAddress = QString::fromUtf8(m_bus.readLine()).trimmed();
            qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress.toUtf8());
        }
        QApplication::setOrganizationName(QStringLiteral("TechoTest"));
        QApplication::setApplicationName(QStringLiteral("test_app_shell"));
    }

    void cleanupTestCase()
    {
        if (m_bus.state() != QProcess::NotRunning) {
            m_bus.terminate();
            m_bus.waitForFinished(5000);
        }
    }

    void init()
    {
        ui::AppSettings::setAutoLockMinutes(0); // no idle lock unless a test asks for one
    }

    // First run: the window shows the welcome page (not a dialog) with the warning and the file's place; the
    // strength hint follows the typing; the vault created is a real file that opens with that passphrase; the
    // import choice reaches the window's signal and leaves the welcome page for the views.
    void firstRun_createsTheVault_thenOffersTheImport()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("first.techo"));
        ui::MainWindow window(path);
        window.addOverviewView();
        window.show();
        window.unlockOrCreate();
        QVERIFY(window.findChildren<ui::UnlockDialog*>().isEmpty());
        auto* page = window.findChild<ui::WelcomePage*>(QStringLiteral("welcomePage"));
        QVERIFY(page && page->isVisible());
        auto* passphrase = page->findChild<QLineEdit*>(QStringLiteral("newPassphraseLineEdit"));
        auto* confirm = page->findChild<QLineEdit*>(QStringLiteral("confirmPassphraseLineEdit"));
        auto* strengthBar = page->findChild<QProgressBar*>(QStringLiteral("strengthBar"));
        auto* strength = page->findChild<QLabel*>(QStringLiteral("strengthLabel"));
        auto* warning = page->findChild<QLabel*>(QStringLiteral("forgottenWarning"));
        auto* where = page->findChild<QLabel*>(QStringLiteral("vaultLocationLabel"));
        auto* create = page->findChild<QPushButton*>(QStringLiteral("createVaultButton"));
        QVERIFY(passphrase && confirm && strengthBar && strength && warning && where && create);
        QVERIFY(warning->isVisible() && warning->text().contains(QStringLiteral("lost")));
        QVERIFY(where->text().contains(QStringLiteral("first.techo")));
        QVERIFY(where->text().contains(QDir::toNativeSeparators(dir.path())));
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("lockAction"))->isEnabled());

        typeText(passphrase, QStringLiteral("password1"));
        const int weakValue = strengthBar->value();
        QVERIFY2(strength->text().startsWith(QStringLiteral("Very weak")), qPrintable(strength->text()));
        passphrase->clear();
        const QString good = QStringLiteral("walnut orbit ferry lantern quiz mosaic");
        typeText(passphrase, good);
        QVERIFY2(strength->text().startsWith(QStringLiteral("Good"))
                || strength->text().startsWith(QStringLiteral("Excellent")),
            qPrintable(strength->text()));
        QVERIFY(strengthBar->value() > weakValue);
        saveScreenshot(&window, QStringLiteral("shell-welcome-en"));

        page->setNewVaultKdf(crypto::KdfParams::insecureForTestsOnly());
        typeText(confirm, good);
        QSignalSpy unlocked(&window, &ui::MainWindow::vaultUnlocked);
        QTest::keyClick(confirm, Qt::Key_Return); // Enter in the second field creates
        QTRY_VERIFY(page->isAskingForSource());
        QCOMPARE(unlocked.count(), 1);
        QVERIFY(QFile::exists(path));
        QVERIFY(window.session() && window.session()->isOpen());
        QVERIFY(window.findChild<QAction*>(QStringLiteral("lockAction"))->isEnabled());
        saveScreenshot(&window, QStringLiteral("shell-import-choice-en"));

        QSignalSpy demo(&window, &ui::MainWindow::demoImportRequested);
        auto* demoButton = page->findChild<QAbstractButton*>(QStringLiteral("demoImportButton"));
        QVERIFY(demoButton && demoButton->isVisible());
        QTest::mouseClick(demoButton, Qt::LeftButton);
        QCOMPARE(demo.count(), 1);
        QVERIFY(!page->isVisible());
        QVERIFY(window.findChild<QListWidget*>(QStringLiteral("navigationList"))->isVisible());

        window.lockVault();
        auto reopened = session::VaultSession::open(path.toStdString(), test::secret(good.toUtf8().constData()));
        QVERIFY2(reopened.ok(), reopened.ok() ? "" : reopened.error().message.c_str());
        QCOMPARE(session::VaultSession::open(path.toStdString(), test::secret("password1")).error().code,
            ErrorCode::WrongPassphrase);
    }

    // Ctrl+L: every model in the window is empty, the name of the person is nowhere, the session is gone (its
    // key wiped) and other dialogs are closed. A wrong passphrase is refused; the right one brings back the same
    // profile and the same view, with its records.
    void lock_showsNoRecord_andUnlockRestoresProfileAndView()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lock.techo"));
        const TestVault made = makeVault(path);
        QVERIFY(made.familyProfile != 0);
        ui::MainWindow window(path);
        window.addOverviewView();
        auto* view = new RecordingView;
        window.addView(view, view, QStringLiteral("Recording"), QIcon());
        showActive(window);
        window.showVault(openSession(path));
        QCOMPARE(window.currentProfileId(), std::optional<std::int64_t>(made.firstProfile));
        auto* switcher = window.findChild<ui::ProfileSwitcher*>(QStringLiteral("profileSwitcher"));
        QVERIFY(switcher);
        QVERIFY(switcher->selectProfile(made.familyProfile));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier); // View ▸ second view
        QCOMPARE(window.currentViewIndex(), 1);
        QCOMPARE(view->firstRow(), QStringLiteral("藤田 花子"));
        QVERIFY(rowsInAnyView(&window) > 0);
        QVERIFY(visibleTexts(&window).join(u'\n').contains(QStringLiteral("藤田 花子")));

        QSignalSpy locked(&window, &ui::MainWindow::vaultLocked);
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        QCOMPARE(locked.count(), 1);
        QVERIFY(window.session() == nullptr);
        QVERIFY(view->cleared >= 1);
        QCOMPARE(rowsInAnyView(&window), 0);
        const QString shown = visibleTexts(&window).join(u'\n');
        QVERIFY2(!shown.contains(QStringLiteral("藤田")), qPrintable(shown));
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("lockAction"))->isEnabled());
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("renameProfileAction"))->isEnabled());
        saveScreenshot(&window, QStringLiteral("shell-locked-en"));

        window.unlockOrCreate();
        auto* dialog = window.findChild<ui::UnlockDialog*>(QStringLiteral("unlockDialog"));
        QVERIFY(dialog);
        QPointer<ui::UnlockDialog> guard(dialog);
        auto* passphrase = dialog->findChild<QLineEdit*>(QStringLiteral("passphraseLineEdit"));
        auto* error = dialog->findChild<QLabel*>(QStringLiteral("errorLabel"));
        auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        typeText(passphrase, QStringLiteral("not the passphrase"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!guard.isNull() && !dialog->isBusy());
        QCOMPARE(error->text(), QStringLiteral("The passphrase is not correct."));
        QVERIFY(window.session() == nullptr);
        QCOMPARE(rowsInAnyView(&window), 0);

        typeText(passphrase, QString::fromUtf8(test::kTestPassphrase));
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(guard.isNull());
        QVERIFY(window.session() != nullptr);
        QCOMPARE(window.currentProfileId(), std::optional<std::int64_t>(made.familyProfile));
        QCOMPARE(switcher->currentText(), QStringLiteral("藤田 花子"));
        QCOMPARE(window.currentViewIndex(), 1);
        QCOMPARE(view->firstRow(), QStringLiteral("藤田 花子"));
    }

    // Idle lock with an injected clock: not a second before the configured minutes, input restarts the count,
    // and the check timer does fire it. 0 minutes means never.
    void autoLock_firesAfterTheIdleMinutes_andNotBefore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("idle.techo"));
        QVERIFY(makeVault(path).familyProfile != 0);
        ui::AppSettings::setAutoLockMinutes(5);
        ui::MainWindow window(path);
        window.addOverviewView();
        showActive(window);
        FakeClock clock;
        ui::LockController& lock = window.lockController();
        lock.setClock(clock.clock());
        window.showVault(openSession(path));
        QCOMPARE(lock.idleMinutes(), 5);

        clock.advance(4min + 59s);
        lock.checkIdle();
        QVERIFY(window.session() != nullptr);
        // The person presses a key at 4:59: the five minutes start again.
        auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigationList"));
        QTest::keyClick(navigation, Qt::Key_Down);
        clock.advance(4min + 59s);
        lock.checkIdle();
        QVERIFY2(window.session() != nullptr, "locked although there was input 4:59 ago");
        // The person walked away from an open dialog that shows a name.
        window.findChild<QAction*>(QStringLiteral("renameProfileAction"))->trigger();
        QPointer<QWidget> rename = window.findChild<QInputDialog*>(QStringLiteral("renameProfileDialog"));
        QVERIFY(stillShown(rename));
        clock.advance(1s);
        QSignalSpy locked(&window, &ui::MainWindow::vaultLocked);
        lock.setCheckInterval(10ms); // the window's own timer does the check
        QTRY_COMPARE(locked.count(), 1);
        QVERIFY(window.session() == nullptr);
        QCOMPARE(rowsInAnyView(&window), 0);
        QTRY_VERIFY(!stillShown(rename));

        // 0 = never.
        ui::AppSettings::setAutoLockMinutes(0);
        window.showVault(openSession(path));
        clock.advance(24h);
        lock.checkIdle();
        QVERIFY(window.session() != nullptr);
    }

    // The desktop's screen saver turning on (org.freedesktop.ScreenSaver and org.gnome.ScreenSaver ActiveChanged)
    // locks the vault; turning off does not. Sent on a private session bus by another connection.
    void desktopScreenSaver_locksTheVault()
    {
        if (m_busAddress.isEmpty())
            QSKIP("dbus-daemon is not available");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dbus.techo"));
        QVERIFY(makeVault(path).familyProfile != 0);
        ui::MainWindow window(path);
        window.addOverviewView();
        window.show();
        QDBusConnection sender = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("screensaver"));
        const auto cleanup = qScopeGuard([] { QDBusConnection::disconnectFromBus(QStringLiteral("screensaver")); });
        QVERIFY(sender.isConnected());
        const auto send = [&](const char* object, const char* interface, bool active) {
            QDBusMessage signal = QDBusMessage::createSignal(
                QLatin1String(object), QLatin1String(interface), QStringLiteral("ActiveChanged"));
            signal << active;
            QVERIFY(sender.send(signal));
        };
        for (const auto& [object, interface] :
            {std::pair {"/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"},
                std::pair {"/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"}}) {
            window.showVault(openSession(path));
            QSignalSpy locked(&window, &ui::MainWindow::vaultLocked);
            send(object, interface, false);
            QTest::qWait(200); // a signal that must NOT lock: give it the time it would need
            QCOMPARE(locked.count(), 0);
            QVERIFY(window.session() != nullptr);
            send(object, interface, true);
            QTRY_COMPARE(locked.count(), 1);
            QVERIFY(window.session() == nullptr);
        }
    }

    // The switcher lists the profiles by shown name; choosing one (by keyboard) reaches every registered view,
    // and renaming is stored in the vault and shown everywhere.
    void profileSwitch_reachesEveryView_andRenameIsStored()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profiles.techo"));
        const TestVault made = makeVault(path);
        QVERIFY(made.familyProfile != 0);
        ui::MainWindow window(path);
        window.addOverviewView();
        auto* first = new RecordingView;
        auto* second = new RecordingView;
        window.addView(first, first, QStringLiteral("First"), QIcon());
        window.addView(second, second, QStringLiteral("Second"), QIcon());
        showActive(window);
        window.showVault(openSession(path));
        auto* switcher = window.findChild<ui::ProfileSwitcher*>(QStringLiteral("profileSwitcher"));
        QVERIFY(switcher);
        QCOMPARE(switcher->count(), 2);
        QCOMPARE(switcher->itemText(1), QStringLiteral("藤田 花子"));
        QCOMPARE(first->shown.back(), made.firstProfile);
        QCOMPARE(second->shown.back(), made.firstProfile);
        QVERIFY(
            first->firstRow().startsWith(QStringLiteral("藤田")) && first->firstRow() != QStringLiteral("藤田 花子"));

        QSignalSpy changed(&window, &ui::MainWindow::profileChanged);
        switcher->setFocus();
        QTest::keyClick(switcher, Qt::Key_Down);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(first->shown.back(), made.familyProfile);
        QCOMPARE(second->shown.back(), made.familyProfile);
        QCOMPARE(second->firstRow(), QStringLiteral("藤田 花子"));

        window.findChild<QAction*>(QStringLiteral("renameProfileAction"))->trigger();
        auto* rename = window.findChild<QInputDialog*>(QStringLiteral("renameProfileDialog"));
        QVERIFY(rename);
        QCOMPARE(rename->textValue(), QStringLiteral("藤田 花子"));
        rename->setTextValue(QStringLiteral("Hanako"));
        rename->accept();
        QCOMPARE(switcher->currentText(), QStringLiteral("Hanako"));
        QCOMPARE(window.currentProfileId(), std::optional<std::int64_t>(made.familyProfile));
        QCOMPARE(first->firstRow(), QStringLiteral("Hanako"));
        QCOMPARE(second->firstRow(), QStringLiteral("Hanako"));

        // Records written by another connection (as an import does): reloadViews() lists the new person and
        // reloads every view for the selected one, which stays selected.
        {
            auto other = vault::Vault::open(path.toStdString(), test::secret(test::kTestPassphrase));
            QVERIFY2(other.ok(), other.ok() ? "" : other.error().message.c_str());
            vault::ProfileRepository profiles(other.value()->database());
            domain::Profile child;
            child.displayName = "藤田 一郎";
            child.relationship = domain::Relationship::Family;
            QVERIFY(profiles.insert(child).ok());
        }
        const std::size_t callsBefore = first->shown.size();
        window.reloadViews();
        QCOMPARE(switcher->count(), 3);
        QCOMPARE(switcher->itemText(2), QStringLiteral("藤田 一郎"));
        QCOMPARE(window.currentProfileId(), std::optional<std::int64_t>(made.familyProfile));
        QCOMPARE(first->shown.size(), callsBefore + 1);
        QCOMPARE(second->shown.back(), made.familyProfile);

        window.lockVault();
        auto reopened = openSession(path);
        QVERIFY(reopened);
        auto stored = reopened->healthRecords().profile(made.familyProfile);
        QVERIFY(stored.ok());
        QCOMPARE(QString::fromStdString(stored->shownName()), QStringLiteral("Hanako"));
        QCOMPARE(QString::fromStdString(stored->displayName), QStringLiteral("藤田 花子")); // the source's name kept
    }

    // Every menu command a person needs has its keys shown in the menu; the shortcut list shows them too.
    void menus_showTheirShortcuts()
    {
        QTemporaryDir dir;
        ui::MainWindow window(dir.filePath(QStringLiteral("menus.techo")));
        window.addOverviewView();
        const QStringList menus = [&] {
            QStringList titles;
            for (QAction* menu : window.menuBar()->actions())
                titles << menu->text();
            return titles;
        }();
        QCOMPARE(menus,
            (QStringList {
                QStringLiteral("&File"), QStringLiteral("&Vault"), QStringLiteral("V&iew"), QStringLiteral("&Help")}));
        const auto keysOf
            = [&](const char* name) { return window.findChild<QAction*>(QLatin1String(name))->shortcut().toString(); };
        QCOMPARE(keysOf("lockAction"), QStringLiteral("Ctrl+L"));
        QCOMPARE(keysOf("unlockAction"), QStringLiteral("Ctrl+U"));
        QCOMPARE(keysOf("importAction"), QStringLiteral("Ctrl+I"));
        QCOMPARE(keysOf("viewAction1"), QStringLiteral("Ctrl+1"));
        QVERIFY(!window.importAction()->isEnabled()); // until the import dialog is wired
        // A long-running state in the status bar until it is cleared.
        window.show();
        auto* busyLabel = window.findChild<QLabel*>(QStringLiteral("busyStatusLabel"));
        QVERIFY(busyLabel && !busyLabel->isVisible());
        window.setBusyMessage(QStringLiteral("Writing the import…"));
        QVERIFY(busyLabel->isVisible());
        QCOMPARE(busyLabel->text(), QStringLiteral("Writing the import…"));
        window.clearBusyMessage();
        QVERIFY(!busyLabel->isVisible());
        window.show();
        window.findChild<QAction*>(QStringLiteral("shortcutsAction"))->trigger();
        auto* dialog = window.findChild<QDialog*>(QStringLiteral("shortcutsDialog"));
        QVERIFY(dialog);
        auto* table = dialog->findChild<QTableWidget*>();
        QStringList rows;
        for (int row = 0; row < table->rowCount(); ++row)
            rows << table->item(row, 0)->text() + QLatin1Char('=') + table->item(row, 1)->text();
        QVERIFY2(rows.contains(QStringLiteral("Vault ▸ Lock=Ctrl+L")), qPrintable(rows.join(u',')));
        QVERIFY(rows.contains(QStringLiteral("View ▸ Overview=Ctrl+1")));
        saveScreenshot(dialog, QStringLiteral("shell-shortcuts-en"));
    }

    // Icons take the palette's text colour: light strokes on a dark theme, dark ones on a light theme, at the
    // device pixel ratio asked for (high DPI).
    void icons_followThePalette_lightAndDark()
    {
        const QPalette original = QApplication::palette();
        const auto restore = qScopeGuard([&] { QApplication::setPalette(original); });
        for (const QColor text : {QColor(Qt::white), QColor(20, 20, 20)}) {
            QPalette palette = original;
            palette.setColor(QPalette::WindowText, text);
            palette.setColor(QPalette::Window, text == Qt::white ? QColor(30, 30, 30) : QColor(240, 240, 240));
            QApplication::setPalette(palette);
            const QIcon icon = ui::appIcon(QStringLiteral("lock"));
            QVERIFY(!icon.isNull());
            const QPixmap pixmap = icon.pixmap(QSize(24, 24), 2.0);
            QCOMPARE(pixmap.deviceIndependentSize().toSize(), QSize(24, 24));
            QCOMPARE(pixmap.size(), QSize(48, 48));
            const QImage image = pixmap.toImage();
            int strokes = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor pixel = image.pixelColor(x, y);
                    if (pixel.alpha() < 255)
                        continue;
                    ++strokes;
                    QCOMPARE(pixel.rgb(), text.rgb());
                }
            }
            QVERIFY(strokes > 50);
        }
        QVERIFY(ui::appIcon(QStringLiteral("no-such-icon")).isNull());
        // A look at the locked window in a dark theme.
        QPalette dark = original;
        dark.setColor(QPalette::Window, QColor(32, 33, 36));
        dark.setColor(QPalette::WindowText, QColor(232, 234, 237));
        dark.setColor(QPalette::Base, QColor(41, 42, 45));
        dark.setColor(QPalette::Text, QColor(232, 234, 237));
        dark.setColor(QPalette::Button, QColor(60, 64, 67));
        dark.setColor(QPalette::ButtonText, QColor(232, 234, 237));
        QApplication::setPalette(dark);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dark.techo"));
        QVERIFY(makeVault(path).familyProfile != 0);
        ui::MainWindow window(path);
        window.addOverviewView();
        window.show();
        window.showVault(openSession(path));
        saveScreenshot(&window, QStringLiteral("shell-records-dark"));
        window.lockVault();
        saveScreenshot(&window, QStringLiteral("shell-locked-dark"));
    }

    // The Japanese catalogue: the first-run page and the locked window in Japanese (screenshots for docs/).
    void japanese_welcomeAndLockedWindow()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/techo_ja.qm")));
        QApplication::installTranslator(&translator);
        const auto cleanup = qScopeGuard([&] { QApplication::removeTranslator(&translator); });
        QTemporaryDir dir;
        {
            ui::MainWindow window(dir.filePath(QStringLiteral("ja.techo")));
            window.addOverviewView();
            window.show();
            auto* page = window.findChild<ui::WelcomePage*>(QStringLiteral("welcomePage"));
            auto* passphrase = page->findChild<QLineEdit*>(QStringLiteral("newPassphraseLineEdit"));
            auto* warning = page->findChild<QLabel*>(QStringLiteral("forgottenWarning"));
            QVERIFY(warning->text().contains(QStringLiteral("パスフレーズ")));
            typeText(passphrase, QStringLiteral("walnut orbit ferry lantern quiz mosaic"));
            auto* strength = page->findChild<QLabel*>(QStringLiteral("strengthLabel"));
            QVERIFY2(!strength->text().contains(QStringLiteral("Good")), qPrintable(strength->text()));
            saveScreenshot(&window, QStringLiteral("shell-welcome-ja"));
            page->setNewVaultKdf(crypto::KdfParams::insecureForTestsOnly());
            auto* confirm = page->findChild<QLineEdit*>(QStringLiteral("confirmPassphraseLineEdit"));
            typeText(confirm, QStringLiteral("walnut orbit ferry lantern quiz mosaic"));
            QTest::keyClick(confirm, Qt::Key_Return);
            QTRY_VERIFY(page->isAskingForSource());
            auto* demo = page->findChild<QCommandLinkButton*>(QStringLiteral("demoImportButton"));
            QCOMPARE(demo->text(), QStringLiteral("デモの記録で試す"));
            saveScreenshot(&window, QStringLiteral("shell-import-choice-ja"));
        }
        const QString path = dir.filePath(QStringLiteral("ja-locked.techo"));
        QVERIFY(makeVault(path).familyProfile != 0);
        ui::MainWindow window(path);
        window.addOverviewView();
        window.show();
        window.showVault(openSession(path));
        window.lockVault();
        auto* summary = window.findChild<QLabel*>(QStringLiteral("summaryLabel"));
        QVERIFY2(summary->text().contains(QStringLiteral("ロック")), qPrintable(summary->text()));
        saveScreenshot(&window, QStringLiteral("shell-locked-ja"));
        window.findChild<QAction*>(QStringLiteral("shortcutsAction"))->trigger();
        auto* table = window.findChild<QDialog*>(QStringLiteral("shortcutsDialog"))->findChild<QTableWidget*>();
        QStringList rows;
        for (int row = 0; row < table->rowCount(); ++row)
            rows << table->item(row, 0)->text() + QLatin1Char('=') + table->item(row, 1)->text();
        QVERIFY2(rows.contains(QStringLiteral("保管庫 ▸ ロック=Ctrl+L")), qPrintable(rows.join(u',')));
        QVERIFY2(rows.contains(QStringLiteral("ファイル ▸ 取り込み=Ctrl+I")), qPrintable(rows.join(u',')));
    }
};

QTEST_MAIN(TestAppShell)
#include "TestAppShell.moc"

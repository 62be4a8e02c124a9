#include "ui/MainWindow.h"

#include "ui/AppSettings.h"
#include "ui/ErrorText.h"
#include "ui/Icons.h"
#include "ui/LockController.h"
#include "ui/OverviewView.h"
#include "ui/ProfileSwitcher.h"
#include "ui/RecordView.h"
#include "ui/UnlockDialog.h"
#include "ui/WelcomePage.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace techo::ui {
namespace {

enum Face { WelcomeFace = 0, LockedFace = 1, RecordsFace = 2 };

// "&Lock" → "Lock", "ロック(&L)" → "ロック": menu texts without their mnemonic marker, for the shortcut list.
QString plainText(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\(&[^)]\\)"))); // Japanese style: 取り込み(&I)
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.remove(QStringLiteral("…"));
    return text;
}

} // namespace

MainWindow::MainWindow(QString vaultPath, QWidget* parent)
    : QMainWindow(parent)
    , m_vaultPath(std::move(vaultPath))
{
    setWindowTitle(tr("Techo — Personal Health Record"));
    setWindowIcon(appIcon(QStringLiteral("techo")));
    resize(1280, 800); // a laptop screen's worth: the 健診結果 table and its trend chart side by side

    m_lock = new LockController(this);
    m_lock->setIdleMinutes(AppSettings::autoLockMinutes());
    qApp->installEventFilter(m_lock);
    connect(m_lock, &LockController::lockRequested, this, [this](LockController::Reason reason) {
        lockVault();
        showStatus(reason == LockController::Reason::Idle
                ? tr("Locked after %n minute(s) without input.", "", m_lock->idleMinutes())
                : tr("Locked because the desktop session was locked."));
    });
    m_lock->connectDesktopSession();

    m_faces = new QStackedWidget(this);
    m_faces->setObjectName(QStringLiteral("faces"));

    // The first run.
    m_welcome = new WelcomePage(m_vaultPath, m_faces);
    m_welcome->setObjectName(QStringLiteral("welcomePage"));
    m_faces->addWidget(m_welcome);
    connect(m_welcome, &WelcomePage::vaultCreated, this, [this] {
        m_onWelcome = true; // stay for step 2, the choice of import
        showVault(m_welcome->takeVault());
        showStatus(tr("Vault created."));
    });
    connect(m_welcome, &WelcomePage::demoImportRequested, this, [this] {
        leaveWelcome();
        emit demoImportRequested();
    });
    connect(m_welcome, &WelcomePage::apiImportRequested, this, [this] {
        leaveWelcome();
        emit apiImportRequested();
    });
    connect(m_welcome, &WelcomePage::fileImportRequested, this, [this] {
        leaveWelcome();
        emit fileImportRequested();
    });
    connect(m_welcome, &WelcomePage::importLater, this, &MainWindow::leaveWelcome);

    // Locked: no record anywhere, one obvious way in.
    m_lockedFace = new QWidget(m_faces);
    m_lockedFace->setObjectName(QStringLiteral("lockedFace"));
    auto* lockedLayout = new QVBoxLayout(m_lockedFace);
    lockedLayout->addStretch(1);
    auto* lockIcon = new QLabel(m_lockedFace);
    lockIcon->setPixmap(appIcon(QStringLiteral("lock")).pixmap(64, 64));
    lockIcon->setAlignment(Qt::AlignCenter);
    lockedLayout->addWidget(lockIcon);
    auto* lockedHeading = new QLabel(tr("Your records are hidden while the vault is locked."), m_lockedFace);
    lockedHeading->setObjectName(QStringLiteral("lockedHeading"));
    QFont headingFont = lockedHeading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    lockedHeading->setFont(headingFont);
    lockedHeading->setAlignment(Qt::AlignCenter);
    lockedHeading->setWordWrap(true);
    lockedLayout->addWidget(lockedHeading);
    m_summary = new QLabel(m_lockedFace);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignCenter);
    lockedLayout->addWidget(m_summary);
    m_unlockButton = new QPushButton(appIcon(QStringLiteral("unlock")), QString(), m_lockedFace);
    m_unlockButton->setObjectName(QStringLiteral("unlockButton"));
    connect(m_unlockButton, &QPushButton::clicked, this, &MainWindow::unlockOrCreate);
    lockedLayout->addWidget(m_unlockButton, 0, Qt::AlignHCenter);
    lockedLayout->addStretch(2);
    m_faces->addWidget(m_lockedFace);

    // Unlocked: navigation over the views.
    m_recordsFace = new QWidget(m_faces);
    m_recordsFace->setObjectName(QStringLiteral("recordsFace"));
    auto* recordsLayout = new QHBoxLayout(m_recordsFace);
    m_navigation = new QListWidget(m_recordsFace);
    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_navigation->setAccessibleName(tr("Views"));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_navigation->setSpacing(2);
    recordsLayout->addWidget(m_navigation);
    auto* right = new QVBoxLayout;
    m_noProfile = new QLabel(tr("No records yet. Import them with File ▸ Import (Ctrl+I)."), m_recordsFace);
    m_noProfile->setObjectName(QStringLiteral("noProfileLabel"));
    m_noProfile->setWordWrap(true);
    right->addWidget(m_noProfile);
    m_viewStack = new QStackedWidget(m_recordsFace);
    m_viewStack->setObjectName(QStringLiteral("viewStack"));
    right->addWidget(m_viewStack, 1);
    recordsLayout->addLayout(right, 1);
    m_faces->addWidget(m_recordsFace);
    setCentralWidget(m_faces);

    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("busyStatusLabel"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(120);
    statusBar()->addPermanentWidget(m_busyLabel);
    statusBar()->addPermanentWidget(m_busyBar);
    m_busyLabel->hide();
    m_busyBar->hide();

    buildMenus();
    buildToolBar();
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= viewCount())
            return;
        m_viewStack->setCurrentIndex(row);
        m_views[std::size_t(row)].action->setChecked(true);
    });

    m_overview = new OverviewView(this);
    m_overview->setObjectName(QStringLiteral("overviewView"));
    m_overview->hide(); // registered by addOverviewView(), after the views the app puts first
    updateFace();
    qApp->installEventFilter(this); // Ctrl+L from the window's dialogs
}

void MainWindow::addOverviewView()
{
    if (m_overviewAdded)
        return;
    m_overviewAdded = true;
    addView(m_overview, m_overview, tr("Overview"), appIcon(QStringLiteral("overview")));
}

MainWindow::~MainWindow()
{
    // The views go after this body (with the children); none may keep a pointer to the session beyond it.
    for (View& view : m_views)
        view.view->clearRecords();
    if (m_vault)
        m_vault->lock();
}

void MainWindow::buildMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    m_importAction = fileMenu->addAction(appIcon(QStringLiteral("import")), tr("&Import…"));
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setToolTip(tr("Import records (Ctrl+I)"));
    m_importAction->setIconText(tr("Import")); // the tool bar's text: no mnemonic, no ellipsis
    m_importAction->setEnabled(false);
    m_exportAction = fileMenu->addAction(appIcon(QStringLiteral("export")), tr("&Export…"));
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Export records: a PDF for your doctor, JSON, CSV or FHIR (Ctrl+E)"));
    m_exportAction->setIconText(tr("Export"));
    m_exportAction->setEnabled(false);
    m_settingsAction = fileMenu->addAction(appIcon(QStringLiteral("settings")), tr("&Settings…"));
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setEnabled(false);
    fileMenu->addSeparator();
    QAction* quit
        = fileMenu->addAction(appIcon(QStringLiteral("quit")), tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));

    QMenu* vaultMenu = menuBar()->addMenu(tr("&Vault"));
    m_unlockAction = vaultMenu->addAction(appIcon(QStringLiteral("unlock")), tr("&Unlock…"),
        QKeySequence(Qt::CTRL | Qt::Key_U), this, &MainWindow::unlockOrCreate);
    m_unlockAction->setObjectName(QStringLiteral("unlockAction"));
    m_lockAction = vaultMenu->addAction(
        appIcon(QStringLiteral("lock")), tr("&Lock"), QKeySequence(Qt::CTRL | Qt::Key_L), this, &MainWindow::lockVault);
    m_lockAction->setObjectName(QStringLiteral("lockAction"));
    m_lockAction->setToolTip(tr("Lock the vault (Ctrl+L)"));
    m_lockAction->setIconText(tr("Lock"));
    vaultMenu->addSeparator();
    m_renameAction = vaultMenu->addAction(appIcon(QStringLiteral("rename")), tr("&Rename profile locally…"),
        QKeySequence(Qt::Key_F2), this, &MainWindow::renameProfile);
    m_renameAction->setObjectName(QStringLiteral("renameProfileAction"));
    m_renameAction->setIconText(tr("Rename"));
    m_renameAction->setToolTip(tr("The name Techo shows for this person; imports never change it (F2)"));

    m_viewMenu = menuBar()->addMenu(tr("V&iew"));
    m_viewActions = new QActionGroup(this);
    m_viewActions->setExclusive(true);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* shortcuts = helpMenu->addAction(appIcon(QStringLiteral("keyboard")), tr("&Keyboard shortcuts"),
        QKeySequence::HelpContents, this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    QAction* about
        = helpMenu->addAction(appIcon(QStringLiteral("help")), tr("&About Techo"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::buildToolBar()
{
    QToolBar* bar = addToolBar(tr("Main"));
    m_toolBar = bar;
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_importAction);
    bar->addAction(m_exportAction);
    bar->addSeparator();
    auto* profileLabel = new QLabel(tr("&Profile:"), bar);
    profileLabel->setContentsMargins(6, 0, 4, 0);
    bar->addWidget(profileLabel);
    m_switcher = new ProfileSwitcher(bar);
    profileLabel->setBuddy(m_switcher);
    bar->addWidget(m_switcher);
    bar->addAction(m_renameAction);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_lockAction);
    connect(m_switcher, &ProfileSwitcher::profileSelected, this, &MainWindow::showProfileInViews);
}

void MainWindow::addView(QWidget* widget, RecordView* view, const QString& title, const QIcon& icon)
{
    const int index = viewCount();
    m_viewStack->addWidget(widget);
    auto* item = new QListWidgetItem(icon, title, m_navigation);
    QAction* action = m_viewMenu->addAction(icon, title);
    action->setCheckable(true);
    action->setObjectName(QStringLiteral("viewAction%1").arg(index + 1));
    m_viewActions->addAction(action);
    if (index < 9) {
        const QKeySequence keys(Qt::CTRL | Qt::Key(Qt::Key_1 + index));
        action->setShortcut(keys);
        item->setToolTip(QStringLiteral("%1 (%2)").arg(title, keys.toString(QKeySequence::NativeText)));
    }
    connect(action, &QAction::triggered, this, [this, index] { setCurrentView(index); });
    m_views.push_back({widget, view, action});
    m_navigation->setFixedWidth(
        std::max(m_navigation->sizeHintForColumn(0) + 2 * m_navigation->frameWidth() + 24, 160));
    if (index == 0)
        setCurrentView(0);
    // A view registered while unlocked catches up at once.
    if (m_vault) {
        if (const auto id = currentProfileId())
            view->showProfile(*m_vault, *id);
    }
    updateFace();
}

int MainWindow::currentViewIndex() const
{
    return m_viewStack->currentIndex();
}

void MainWindow::setCurrentView(int index)
{
    if (index < 0 || index >= viewCount())
        return;
    m_navigation->setCurrentRow(index);
    m_viewStack->setCurrentIndex(index);
    m_views[std::size_t(index)].action->setChecked(true);
}

std::optional<std::int64_t> MainWindow::currentProfileId() const
{
    return m_switcher->currentProfileId();
}

void MainWindow::unlockOrCreate()
{
    if (m_vault)
        return;
    if (!QFile::exists(m_vaultPath)) {
        updateFace(); // the first-run page
        m_welcome->setFocus();
        return;
    }
    if (m_unlockDialog) { // already asking: one dialog, not a second one behind it
        m_unlockDialog->raise();
        m_unlockDialog->activateWindow();
        return;
    }
    auto* dialog = new UnlockDialog(m_vaultPath, this);
    dialog->setObjectName(QStringLiteral("unlockDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The dialog opens the vault on a worker thread and stays open after a wrong passphrase; accepted means it
    // holds the unlocked vault.
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (auto vault = dialog->takeVault())
            showVault(std::move(vault));
    });
    m_unlockDialog = dialog;
    dialog->open(); // window-modal and non-blocking: the window keeps painting while the key is derived
}

void MainWindow::showVault(std::unique_ptr<session::VaultSession> vault)
{
    if (!vault)
        return;
    m_vault = std::move(vault);
    m_lock->setIdleMinutes(AppSettings::autoLockMinutes());
    m_lock->setArmed(true);
    reloadViews();
    setCurrentView(m_rememberedView);
    updateFace();
    showStatus(tr("Vault unlocked."));
    emit vaultUnlocked();
}

void MainWindow::reloadViews()
{
    if (!m_vault)
        return;
    loadProfiles(currentProfileId() ? currentProfileId() : m_rememberedProfile);
    if (const auto id = currentProfileId()) {
        showProfileInViews(*id);
    } else {
        for (View& view : m_views)
            view.view->clearRecords();
        m_overview->showVault(*m_vault); // the counts need no profile
    }
    updateFace();
}

void MainWindow::loadProfiles(std::optional<std::int64_t> keep)
{
    auto profiles = m_vault->healthRecords().profiles();
    const QSignalBlocker blocker(m_switcher); // the caller reloads the views once
    if (!profiles.ok()) {
        m_switcher->clearProfiles();
        showStatus(describeError(profiles.error()));
        return;
    }
    m_switcher->setProfiles(*profiles, keep);
}

void MainWindow::showProfileInViews(std::int64_t profileId)
{
    if (!m_vault)
        return;
    m_rememberedProfile = profileId;
    for (View& view : m_views)
        view.view->showProfile(*m_vault, profileId);
    emit profileChanged(profileId);
}

void MainWindow::lockVault()
{
    if (!m_vault)
        return;
    emit aboutToLock(); // long work on the session (an import) ends while the session still exists
    m_rememberedProfile = currentProfileId() ? currentProfileId() : m_rememberedProfile;
    m_rememberedView = currentViewIndex();
    setRecordsInteractive(true);
    // Whatever else the window shows (a rename, the shortcut list, an import report) goes first.
    for (QDialog* dialog : findChildren<QDialog*>()) {
        if (dialog->isVisible() && dialog != m_unlockDialog)
            dialog->reject();
    }
    for (View& view : m_views)
        view.view->clearRecords();
    m_switcher->clearProfiles();
    m_vault->lock(); // wipes the key before the session goes
    m_vault.reset();
    m_onWelcome = false;
    m_lock->setArmed(false);
    updateFace();
    showStatus(tr("Vault locked."));
    emit vaultLocked();
}

void MainWindow::leaveWelcome()
{
    m_onWelcome = false;
    updateFace();
    if (m_vault)
        m_navigation->setFocus();
}

void MainWindow::updateFace()
{
    const bool unlocked = m_vault != nullptr;
    const bool exists = unlocked || QFile::exists(m_vaultPath);
    if (unlocked && m_onWelcome) {
        m_faces->setCurrentIndex(WelcomeFace);
    } else if (unlocked) {
        m_faces->setCurrentIndex(RecordsFace);
    } else if (!exists) {
        if (m_faces->currentIndex() != WelcomeFace || m_welcome->isAskingForSource())
            m_welcome->restart();
        m_faces->setCurrentIndex(WelcomeFace);
    } else {
        m_faces->setCurrentIndex(LockedFace);
        m_summary->setText(tr("The vault %1 is locked. Use Vault ▸ Unlock (Ctrl+U).").arg(m_vaultPath));
        m_unlockButton->setText(tr("Unlock…"));
    }
    // The tool bar serves the records; the first-run page and the locked face have their own one way forward.
    m_toolBar->setVisible(m_faces->currentIndex() == RecordsFace);
    const bool profile = unlocked && currentProfileId().has_value();
    m_noProfile->setVisible(unlocked && !profile);
    m_unlockAction->setEnabled(!unlocked && exists);
    m_lockAction->setEnabled(unlocked);
    m_renameAction->setEnabled(profile);
    m_switcher->setEnabled(unlocked);
    for (View& view : m_views)
        view.action->setEnabled(unlocked && !m_onWelcome);
}

void MainWindow::renameProfile()
{
    const auto id = currentProfileId();
    if (!m_vault || !id)
        return;
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("renameProfileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename profile"));
    dialog->setLabelText(tr("The name Techo shows for this person (imports never change it; leave empty for the "
                            "name from the source):"));
    dialog->setTextValue(m_switcher->currentText());
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id](const QString& name) {
        if (!m_vault)
            return;
        if (Status renamed = m_vault->renameProfile(*id, name.trimmed().toStdString()); !renamed.ok()) {
            QMessageBox::warning(this, tr("Rename profile"), describeError(renamed.error()));
            return;
        }
        reloadViews();
        showStatus(tr("Profile renamed."));
    });
    dialog->open();
}

void MainWindow::showShortcuts()
{
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    auto* layout = new QVBoxLayout(dialog);
    auto* table = new QTableWidget(0, 2, dialog);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    const auto addRow = [table](const QString& what, const QString& keys) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(what));
        table->setItem(row, 1, new QTableWidgetItem(keys));
    };
    for (QAction* menu : menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction* action : menu->menu()->actions()) {
            if (!action->shortcut().isEmpty())
                addRow(plainText(menu->text()) + QStringLiteral(" ▸ ") + plainText(action->text()),
                    action->shortcut().toString(QKeySequence::NativeText));
        }
    }
    addRow(tr("Next field or control"), QKeySequence(Qt::Key_Tab).toString(QKeySequence::NativeText));
    addRow(tr("Choose the profile"), tr("Alt+P, then the arrow keys"));
    layout->addWidget(table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(520, 420);
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Techo"),
        tr("<p><b>Techo (健康手帳)</b> %1</p><p>A personal health record for people in Japan: your own and your "
           "family's checkups, medicines and vaccinations in an encrypted file on this computer.</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::setRecordsInteractive(bool interactive)
{
    m_recordsFace->setEnabled(interactive);
    m_switcher->setEnabled(interactive && m_vault != nullptr);
    // As updateFace: renaming needs a profile to rename.
    m_renameAction->setEnabled(interactive && m_vault != nullptr && currentProfileId().has_value());
}

void MainWindow::setBusyMessage(const QString& message)
{
    m_busyLabel->setText(message);
    m_busyLabel->show();
    m_busyBar->setAccessibleName(message);
    m_busyBar->show();
}

void MainWindow::clearBusyMessage()
{
    m_busyLabel->clear();
    m_busyLabel->hide();
    m_busyBar->hide();
}

void MainWindow::showStatus(const QString& message)
{
    statusBar()->showMessage(message, 5000);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress && m_vault && watched->isWidgetType()) {
        const auto* key = static_cast<QKeyEvent*>(event);
        auto* widget = static_cast<QWidget*>(watched);
        // Only in another window (the window's own shortcut serves itself) that belongs to this one.
        if (QKeySequence(key->keyCombination()) == m_lockAction->shortcut() && widget->window() != this) {
            for (QWidget* owner = widget->window()->parentWidget(); owner; owner = owner->parentWidget()) {
                if (owner == this) {
                    // Queued: locking deletes dialogs (the import's at once), maybe the one this key is for.
                    QMetaObject::invokeMethod(this, &MainWindow::lockVault, Qt::QueuedConnection);
                    return true;
                }
            }
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    lockVault();
    QMainWindow::closeEvent(event);
}

} // namespace techo::ui

#include "ui/AppController.h"

#include "ui/AppSettings.h"
#include "ui/CheckupResultsView.h"
#include "ui/DashboardView.h"
#include "ui/DateText.h"
#include "ui/DoctorSummaryPdf.h"
#include "ui/Icons.h"
#include "ui/LockController.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"
#include "ui/TrendChartView.h"

#include <QAction>
#include <QStatusBar>

#include <utility>

namespace techo::ui {

AppController::AppController(MainWindow& window)
    : QObject(&window)
    , m_window(window)
{
    m_dashboard = new DashboardView(&window);
    m_dashboard->setObjectName(QStringLiteral("dashboardView"));
    window.addView(m_dashboard, m_dashboard, tr("Dashboard"), appIcon(QStringLiteral("dashboard")));

    m_checkups = new CheckupResultsView(&window);
    m_checkups->setObjectName(QStringLiteral("checkupResultsView"));
    m_trend = new TrendChartView(m_checkups);
    m_trend->setObjectName(QStringLiteral("trendChartView"));
    m_checkups->setDetailWidget(m_trend);
    window.addView(m_checkups, m_checkups, tr("Checkup results"), appIcon(QStringLiteral("checkups")));
    connect(m_checkups, &CheckupResultsView::trendRequested, this, &AppController::showTrend);
    // The chart holds no records of its own beyond the item shown: it is emptied with the table.
    connect(&window, &MainWindow::vaultLocked, m_trend, &TrendChartView::clear);

    window.addOverviewView();
    window.setCurrentView(0);

    QAction* importAction = window.importAction();
    importAction->setEnabled(true);
    connect(importAction, &QAction::triggered, this, [this] { openImport(ImportDialog::Source::Sandbox); });
    QAction* exportAction = window.exportAction();
    exportAction->setEnabled(true);
    connect(exportAction, &QAction::triggered, this, &AppController::openExport);
    QAction* settingsAction = window.settingsAction();
    settingsAction->setEnabled(true);
    connect(settingsAction, &QAction::triggered, this, &AppController::openSettings);
    connect(&window, &MainWindow::demoImportRequested, this, [this] { openImport(ImportDialog::Source::Sandbox); });
    connect(&window, &MainWindow::apiImportRequested, this, [this] { openImport(ImportDialog::Source::Api); });
    connect(&window, &MainWindow::fileImportRequested, this, [this] { openImport(ImportDialog::Source::File); });
    // Locking ends an import at once (the dialog's destructor cancels and rolls back) and an export (cancelled:
    // nothing is left at its destination) while the session still exists, and closes settings.
    connect(&window, &MainWindow::aboutToLock, this, [this] {
        delete m_import.data();
        if (ExportDialog* exporting = m_export.data())
            m_exportStoppedByLock = exporting->stage() == ExportDialog::Stage::Running;
        delete m_export.data();
        delete m_settings.data();
        m_window.clearBusyMessage();
    });
    // The dialog that would have said so is gone: the window says it while locked and again after unlocking (both
    // after the window's own "locked" / "unlocked" message), until the next message replaces it.
    connect(&window, &MainWindow::vaultLocked, this, [this] {
        if (m_exportStoppedByLock)
            m_window.statusBar()->showMessage(exportStoppedByLockText());
    });
    connect(&window, &MainWindow::vaultUnlocked, this, [this] {
        if (std::exchange(m_exportStoppedByLock, false))
            m_window.statusBar()->showMessage(exportStoppedByLockText());
    });
}

AppController::~AppController()
{
    // An import still running ends (cancelled, rolled back) before the window it reports to.
    if (m_import) {
        m_import->disconnect(this);
        delete m_import.data();
    }
    delete m_export.data(); // a running export is cancelled and cleans up before the window goes
}

void AppController::openImport(ImportDialog::Source source)
{
    if (m_import) {
        m_import->raise();
        m_import->activateWindow();
        return;
    }
    session::VaultSession* session = m_window.session();
    if (!session)
        return;
    auto* dialog = new ImportDialog(*session, &m_window);
    dialog->setObjectName(QStringLiteral("importDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSource(source);
    if (!AppSettings::apiEndpoint().isEmpty())
        dialog->setApi(AppSettings::apiEndpoint(), AppSettings::caFile());
    connect(dialog, &ImportDialog::recordsChanged, &m_window, &MainWindow::reloadViews);
    connect(dialog, &ImportDialog::stageChanged, this, [this](ImportDialog::Stage stage) {
        // While records download the window is read as usual; while the import writes, nothing reads the vault
        // on the GUI thread (a big import's commit can hold it for seconds), and every view reloads at the end.
        m_window.setRecordsInteractive(stage != ImportDialog::Stage::Writing);
        switch (stage) {
        case ImportDialog::Stage::Network:
            m_window.setBusyMessage(tr("Downloading records… (you can keep reading)"));
            break;
        case ImportDialog::Stage::Writing:
            m_window.setBusyMessage(tr("Writing the import… (the views wait for it)"));
            break;
        default:
            m_window.clearBusyMessage();
            break;
        }
    });
    connect(dialog, &QObject::destroyed, this, [this] {
        m_window.clearBusyMessage();
        m_window.setRecordsInteractive(true);
    });
    m_import = dialog;
    // Not modal: the person keeps reading their records (and switching views) while records download.
    dialog->setWindowModality(Qt::NonModal);
    dialog->show();
}

QString AppController::exportStoppedByLockText()
{
    return tr("The export was cancelled by locking. Nothing was written.");
}

void AppController::openExport()
{
    if (m_export) {
        m_export->raise();
        m_export->activateWindow();
        return;
    }
    session::VaultSession* session = m_window.session();
    if (!session)
        return;
    auto* dialog = new ExportDialog(*session, m_window.currentProfileId(), &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPdfRenderer(&renderDoctorSummaryPdf);
    m_export = dialog;
    dialog->setWindowModality(Qt::NonModal);
    dialog->show();
}

void AppController::openSettings()
{
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return;
    }
    auto* dialog = new SettingsDialog(&m_window);
    dialog->setObjectName(QStringLiteral("settingsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::settingsChanged, this, &AppController::applySettings);
    m_settings = dialog;
    dialog->open();
}

void AppController::applySettings()
{
    m_window.lockController().setIdleMinutes(AppSettings::autoLockMinutes());
    setEraDisplay(AppSettings::eraDisplay());
    m_window.reloadViews(); // dates are written again with or without the era
}

void AppController::showTrend(const QString& logicalKey)
{
    session::VaultSession* session = m_window.session();
    const auto profile = m_window.currentProfileId();
    if (!session || !profile) {
        m_trend->clear();
        return;
    }
    m_trend->showItem(*session, *profile, logicalKey);
}

} // namespace techo::ui

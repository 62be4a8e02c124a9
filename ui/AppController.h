#pragma once

#include "ui/ExportDialog.h"
#include "ui/ImportDialog.h"

#include <QObject>
#include <QPointer>

namespace techo::ui {

class CheckupResultsView;
class DashboardView;
class MainWindow;
class SettingsDialog;
class TrendChartView;

// Assembles the desktop app on a MainWindow (docs/app/shell.md, "Wiring"): registers the record views in the
// order a person uses them — ダッシュボード (Ctrl+1), 健診結果 with its trend chart (Ctrl+2), the vault overview last —
// and connects File ▸ Import… and Settings…, the first-run page's import choices, the import's stages (the
// status bar says "writing the import…" while a read may wait) and its commit (every view reloads).
// `techo` (app/techo/main.cpp), the GUI tests, the screenshots and techo-bench-ui all build the app this way.
class AppController final : public QObject {
    Q_OBJECT
public:
    explicit AppController(MainWindow& window);
    ~AppController() override;

    [[nodiscard]] DashboardView& dashboard() const noexcept { return *m_dashboard; }
    [[nodiscard]] CheckupResultsView& checkups() const noexcept { return *m_checkups; }
    [[nodiscard]] TrendChartView& trend() const noexcept { return *m_trend; }
    // The open import dialog (null when none).
    [[nodiscard]] ImportDialog* importDialog() const noexcept { return m_import; }
    // The open export dialog (null when none).
    [[nodiscard]] ExportDialog* exportDialog() const noexcept { return m_export; }

    // File ▸ Import… with `source` preselected (window-modal, returns at once). Nothing while locked.
    void openImport(ImportDialog::Source source);
    // File ▸ Export… for the person the window shows (not modal: the views stay readable during the export;
    // returns at once). Nothing while locked. Locking cancels a running export first.
    void openExport();
    // File ▸ Settings… (window-modal, returns at once).
    void openSettings();
    // What the status bar says after locking ended a running export, while locked and again after unlocking.
    [[nodiscard]] static QString exportStoppedByLockText();

private:
    void applySettings();
    void showTrend(const QString& logicalKey);

    MainWindow& m_window;
    DashboardView* m_dashboard = nullptr;
    CheckupResultsView* m_checkups = nullptr;
    TrendChartView* m_trend = nullptr;
    QPointer<ImportDialog> m_import;
    QPointer<ExportDialog> m_export;
    QPointer<SettingsDialog> m_settings;
    bool m_exportStoppedByLock = false; // until the next unlock has said so
};

} // namespace techo::ui

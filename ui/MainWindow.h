#pragma once

#include "core/session/VaultSession.h"

#include <QIcon>
#include <QMainWindow>
#include <QPointer>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QToolBar;

namespace techo::ui {

class LockController;
class OverviewView;
class ProfileSwitcher;
class RecordView;
class UnlockDialog;
class WelcomePage;

// The desktop window (docs/app/shell.md). Three faces: the first-run page when there is no vault at the path
// (WelcomePage: create, then choose how to import), the locked face (no record anywhere, one way back in), and
// the unlocked face: a navigation list (icons and text, Ctrl+1…Ctrl+9) over the registered record views, with a
// profile switcher in the tool bar that every view follows. It holds the one VaultSession of the GUI thread.
//
// Locking (Ctrl+L, idle time, the desktop locking — LockController) empties every view (RecordView::clearRecords),
// closes the window's other dialogs (Ctrl+L works from inside them too), wipes the key (VaultSession::lock) and forgets
// the session; unlocking brings back the same view and profile.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QString vaultPath, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Registers a record view: a page of the view stack, an entry in the navigation list and the View menu
    // (Ctrl+<n> for the first nine). `view` is usually `widget` itself; the window calls its showProfile on every
    // profile change and reload, clearRecords on lock. The window takes ownership of `widget`.
    void addView(QWidget* widget, RecordView* view, const QString& title, const QIcon& icon);
    // Registers the built-in vault overview (the record counts of every kind) as the next view. AppController
    // adds it last; a window without record views of its own (tests) may add it first.
    void addOverviewView();
    [[nodiscard]] int viewCount() const noexcept { return int(m_views.size()); }
    [[nodiscard]] int currentViewIndex() const;
    void setCurrentView(int index);

    // The vault file missing: the first-run page; else the unlock dialog (window-modal, returns at once).
    void unlockOrCreate();
    void lockVault();
    // Shows an already unlocked vault (the unlock dialog's result; tests hand one in directly).
    void showVault(std::unique_ptr<session::VaultSession> vault);
    // Reads the profiles again and reloads every view for the selected one (after an import or a rename).
    void reloadViews();

    [[nodiscard]] const QString& vaultPath() const noexcept { return m_vaultPath; }
    // The unlocked session (null while locked). Valid until vaultLocked().
    [[nodiscard]] session::VaultSession* session() const noexcept { return m_vault.get(); }
    [[nodiscard]] std::optional<std::int64_t> currentProfileId() const;
    [[nodiscard]] LockController& lockController() const noexcept { return *m_lock; }
    [[nodiscard]] WelcomePage& welcomePage() const noexcept { return *m_welcome; }
    // File ▸ Import… and File ▸ Settings…: disabled until the lead connects them to their dialogs.
    [[nodiscard]] QAction* importAction() const noexcept { return m_importAction; }
    [[nodiscard]] QAction* settingsAction() const noexcept { return m_settingsAction; }
    // File ▸ Export… (Ctrl+E): disabled until AppController connects it to the export dialog.
    [[nodiscard]] QAction* exportAction() const noexcept { return m_exportAction; }

    // A long-running state in the status bar ("Writing the import…") with a busy bar, until cleared.
    void setBusyMessage(const QString& message);
    void clearBusyMessage();
    // false while an import writes: the views and the profile switcher take no input, so nothing on the GUI thread
    // reads the vault while the import's transaction may hold it (docs/development.md, "Threads"). Shown as it is.
    void setRecordsInteractive(bool interactive);

signals:
    void vaultUnlocked();
    void vaultLocked();
    // Emitted first when locking, while the session still exists.
    void aboutToLock();
    void profileChanged(std::int64_t profileId);
    // From the first-run page's second step.
    void demoImportRequested();
    void apiImportRequested();
    void fileImportRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    // Ctrl+L in one of this window's dialogs (window-modal ones block the window's own shortcut; another
    // window's shortcuts never reach a dialog) locks all the same: installed on the application.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct View {
        QWidget* widget = nullptr;
        RecordView* view = nullptr;
        QAction* action = nullptr;
    };

    void buildMenus();
    void buildToolBar();
    void updateFace();
    void loadProfiles(std::optional<std::int64_t> keep);
    void showProfileInViews(std::int64_t profileId);
    void renameProfile();
    void showShortcuts();
    void showAbout();
    void showStatus(const QString& message);
    void leaveWelcome();

    QString m_vaultPath;
    std::unique_ptr<session::VaultSession> m_vault;
    std::vector<View> m_views;
    // What unlocking restores.
    std::optional<std::int64_t> m_rememberedProfile;
    int m_rememberedView = 0;
    bool m_onWelcome = false;
    bool m_overviewAdded = false;

    QPointer<UnlockDialog> m_unlockDialog;
    LockController* m_lock = nullptr;
    QStackedWidget* m_faces = nullptr;
    QToolBar* m_toolBar = nullptr;
    WelcomePage* m_welcome = nullptr;
    QWidget* m_lockedFace = nullptr;
    QWidget* m_recordsFace = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_unlockButton = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_viewStack = nullptr;
    QLabel* m_noProfile = nullptr;
    OverviewView* m_overview = nullptr;
    ProfileSwitcher* m_switcher = nullptr;
    QMenu* m_viewMenu = nullptr;
    QActionGroup* m_viewActions = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_unlockAction = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_renameAction = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_busyBar = nullptr;
};

} // namespace techo::ui

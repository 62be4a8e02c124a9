#pragma once

#include "core/session/VaultSession.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QPushButton;
class QTableWidget;

namespace techo::ui {

class LatestCheckupPanel;
class UnlockDialog;

// The first cut of the desktop window: unlock (or create) a vault and show what it holds (record counts)
// and the first dashboard panel, the latest checkup judged (LatestCheckupPanel). The rest of the dashboard, trends,
// medicines, vaccinations and import follow in their own issue.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QString vaultPath, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Asks for the passphrase of the vault at the configured path (or a new one when the file is
    // missing) in a window-modal UnlockDialog and returns at once; the vault shows when it is open.
    void unlockOrCreate();
    void lockVault();
    // Shows an already unlocked vault (the unlock dialog's result; tests hand one in directly).
    void showVault(std::unique_ptr<session::VaultSession> vault);

private:
    void refresh();
    void showStatus(const QString& message);

    QString m_vaultPath;
    std::unique_ptr<session::VaultSession> m_vault;
    QPointer<UnlockDialog> m_unlockDialog;
    QLabel* m_summary = nullptr;
    QPushButton* m_unlockButton = nullptr;
    QAction* m_unlockAction = nullptr;
    QAction* m_lockAction = nullptr;
    QTableWidget* m_counts = nullptr;
    LatestCheckupPanel* m_latestCheckup = nullptr;
};

} // namespace techo::ui

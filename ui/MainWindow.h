#pragma once

#include "core/vault/Vault.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QTableWidget;

namespace techo::ui {

// The first cut of the desktop window: unlock (or create) a vault and show what it holds.
// Dashboard, trends, medicines, vaccinations and import follow in their own issue.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QString vaultPath, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the vault at the configured path, asking for the passphrase; creates it when missing.
    void unlockOrCreate();
    void lockVault();
    // Shows an already unlocked vault (the unlock dialog's result; tests hand one in directly).
    void showVault(std::unique_ptr<vault::Vault> vault);

private:
    void refresh();
    void showStatus(const QString& message);

    QString m_vaultPath;
    std::unique_ptr<vault::Vault> m_vault;
    QLabel* m_summary = nullptr;
    QTableWidget* m_counts = nullptr;
};

// User-facing text for a core error (translated; never includes health data).
[[nodiscard]] QString describeError(const Error& error);

} // namespace techo::ui

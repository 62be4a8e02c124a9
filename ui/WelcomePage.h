#pragma once

#include "core/crypto/KeyDerivation.h"
#include "ui/VaultTask.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace techo::session {
class VaultSession;
}

namespace techo::ui {

// The first run, inside the main window (no vault at the path yet). Step 1 creates the vault: the passphrase
// twice, a strength hint (core/crypto/PassphraseStrength, zxcvbn) that advises but never blocks, a plain warning
// that a forgotten passphrase means the records are lost, and where the file will live. The vault is created on
// a worker thread (VaultTask). Step 2 asks where the records come from: the built-in demo (sandbox), the
// person's own API, a saved file, or later; the window wires those signals to the import dialog.
class WelcomePage final : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(const QString& vaultPath, QWidget* parent = nullptr);
    ~WelcomePage() override;

    // Argon2id cost for the new vault; KdfParams::interactiveDefault() unless a test asks for the weak test KDF.
    void setNewVaultKdf(const crypto::KdfParams& kdf) { m_kdf = kdf; }
    // Replaces VaultSession::create (tests only).
    void setOpener(VaultTask::Opener opener) { m_opener = std::move(opener); }
    [[nodiscard]] bool isBusy() const noexcept;
    // The new vault after vaultCreated() (null before, and after the first call).
    [[nodiscard]] std::unique_ptr<session::VaultSession> takeVault();
    // Back to step 1 with empty fields (the window shows the page again when the file is gone).
    void restart();
    // Step 2 (how to import) is showing.
    [[nodiscard]] bool isAskingForSource() const noexcept;

signals:
    // The vault exists and is unlocked; takeVault() hands it over. The page now shows step 2.
    void vaultCreated();
    void demoImportRequested();
    void apiImportRequested();
    void fileImportRequested();
    void importLater();

protected:
    void changeEvent(QEvent* event) override;

private:
    void create();
    void onCreated(VaultTask::VaultResult result);
    void updateStrength();
    void setBusy(bool busy);
    void showError(const QString& message);

    QString m_path;
    crypto::KdfParams m_kdf = crypto::KdfParams::interactiveDefault();
    VaultTask::Opener m_opener;
    std::unique_ptr<session::VaultSession> m_vault;
    VaultTask* m_task = nullptr;

    QStackedWidget* m_steps = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLineEdit* m_confirm = nullptr;
    QProgressBar* m_strengthBar = nullptr;
    QLabel* m_strengthLabel = nullptr;
    QLabel* m_error = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QLabel* m_busyLabel = nullptr;
    QPushButton* m_createButton = nullptr;
};

} // namespace techo::ui

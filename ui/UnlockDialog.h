#pragma once

#include "ui/VaultTask.h"

#include <QDialog>

#include <memory>
#include <string>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace techo::session {
class VaultSession;
}

namespace techo::ui {

// Asks for the passphrase of an existing vault, then opens it on a worker thread (VaultTask) with an
// indeterminate busy bar. A wrong passphrase (or an I/O error, or another Techo program using the vault) keeps
// the dialog open for another try; a file no passphrase can open (a folder, an unreadable file, not a vault,
// damaged, newer format) says so and offers only Cancel — told at once, before a passphrase is asked for, where
// the plaintext header shows it (VaultSession::probe), else after the open (ErrorText::describeError). Accepted means
// takeVault() holds the unlocked vault. A new vault is made on the first-run page (WelcomePage), not here.
//
// The passphrase text never leaves this dialog as a QString: it becomes a wiping SecretBytes the moment
// the person submits it.
class UnlockDialog final : public QDialog {
    Q_OBJECT
public:
    using VaultResult = VaultTask::VaultResult;
    using VaultOpener = VaultTask::Opener;

    explicit UnlockDialog(const QString& vaultPath, QWidget* parent = nullptr);
    ~UnlockDialog() override;

    // Replaces the default work (VaultSession::open). Tests wrap the real one to see on which thread it runs.
    void setOpener(VaultOpener opener) { m_opener = std::move(opener); }
    // True from a submitted passphrase until the worker's result has been handled.
    [[nodiscard]] bool isBusy() const noexcept;
    // The unlocked vault after the dialog was accepted (null before, and after the first call).
    [[nodiscard]] std::unique_ptr<session::VaultSession> takeVault();

    // Cancelling while the worker runs drops its result: the vault it may still open is closed again.
    void reject() override;

private:
    void checkFile();
    void refuseFile(const QString& message);
    void submit();
    void onWorkerFinished(VaultResult result);
    void setBusy(bool busy);
    void showError(const QString& message);

    std::string m_path;
    VaultOpener m_opener;
    std::unique_ptr<session::VaultSession> m_vault;
    VaultTask* m_task = nullptr;

    QLineEdit* m_passphrase = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace techo::ui

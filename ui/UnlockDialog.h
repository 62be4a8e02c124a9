#pragma once

#include "core/crypto/KeyDerivation.h"
#include "core/util/Result.h"

#include <QDialog>

#include <functional>
#include <memory>
#include <string>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
template <typename T> class QFutureWatcher;

namespace techo::session {
class VaultSession;
}

namespace techo::ui {

// Asks for the vault passphrase (twice when creating), then opens or creates the vault on a worker
// thread: Argon2id costs about 0.6 s and 128 MiB by design (docs/vault-format.md), and the window must
// stay responsive meanwhile. A wrong passphrase (or an I/O error) keeps the dialog open for another
// try; a file no passphrase can open (not a vault, damaged, newer format) says so and offers only
// Cancel. Accepted means takeVault() holds the unlocked vault.
//
// The passphrase text never leaves this dialog as a QString: it becomes a wiping SecretBytes the moment
// the person submits it.
class UnlockDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Unlock, Create };
    using VaultResult = Result<std::unique_ptr<session::VaultSession>>;
    // The work run off the GUI thread: opens (Unlock) or creates (Create) the vault at path. Errors are
    // Vault::open's / Vault::create's. It must not touch any widget.
    using VaultOpener = std::function<VaultResult(const std::string& path, const crypto::SecretBytes& passphrase)>;

    UnlockDialog(Mode mode, const QString& vaultPath, QWidget* parent = nullptr);
    ~UnlockDialog() override;

    [[nodiscard]] Mode mode() const noexcept { return m_mode; }
    // Argon2id cost for a new vault; KdfParams::interactiveDefault() unless a test suite asks for the
    // deliberately weak KdfParams::insecureForTestsOnly().
    void setNewVaultKdf(const crypto::KdfParams& kdf) { m_newVaultKdf = kdf; }
    // Replaces the default work (Vault::open, or Vault::create with the KDF above). Tests wrap the real
    // one to see on which thread it runs.
    void setOpener(VaultOpener opener) { m_opener = std::move(opener); }
    // True from a submitted passphrase until the worker's result has been handled.
    [[nodiscard]] bool isBusy() const noexcept;
    // The unlocked vault after the dialog was accepted (null before, and after the first call).
    [[nodiscard]] std::unique_ptr<session::VaultSession> takeVault();

    // Cancelling while the worker runs drops its result: the vault it may still open is closed again.
    void reject() override;

private:
    void submit();
    void onWorkerFinished();
    void setBusy(bool busy);
    void showError(const QString& message);

    Mode m_mode;
    std::string m_path;
    crypto::KdfParams m_newVaultKdf = crypto::KdfParams::interactiveDefault();
    VaultOpener m_opener;
    std::unique_ptr<session::VaultSession> m_vault;
    std::unique_ptr<QFutureWatcher<VaultResult>> m_watcher;

    QLineEdit* m_passphrase = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace techo::ui

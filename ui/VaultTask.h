#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/util/Result.h"

#include <QObject>

#include <functional>
#include <memory>
#include <string>

class QString;
template <typename T> class QFutureWatcher;

namespace techo::session {
class VaultSession;
}

namespace techo::ui {

// Opens or creates a vault off the GUI thread: Argon2id costs about 0.6 s and 128 MiB by design
// (docs/vault-format.md) and the window must keep painting meanwhile. The unlock dialog and the first-run page
// share it. The finished session reaches `done` on the GUI thread (through a QFutureWatcher).
class VaultTask final : public QObject {
    Q_OBJECT
public:
    using VaultResult = Result<std::unique_ptr<session::VaultSession>>;
    // The work run off the GUI thread: opens or creates the vault at path; errors are VaultSession::open's /
    // create's. It must not touch any widget.
    using Opener = std::function<VaultResult(const std::string& path, const crypto::SecretBytes& passphrase)>;
    using Done = std::function<void(VaultResult)>;

    explicit VaultTask(QObject* parent = nullptr);
    ~VaultTask() override;

    // Runs opener(path, passphrase) on a QtConcurrent worker; `done` runs on this object's thread when it ends,
    // unless cancel() came first. One run at a time: start() while running does nothing and returns false.
    bool start(Opener opener, std::string path, crypto::SecretBytes passphrase, Done done);
    [[nodiscard]] bool isRunning() const noexcept { return m_watcher != nullptr; }
    // Drops the running work's result: a vault it may still open is closed again when the worker ends.
    void cancel();

    // The passphrase as typed, as UTF-8 in wiping memory (the temporary UTF-8 copy is zeroed).
    [[nodiscard]] static crypto::SecretBytes secretFromText(const QString& text);

private:
    void onFinished();

    std::unique_ptr<QFutureWatcher<VaultResult>> m_watcher;
    Done m_done;
};

} // namespace techo::ui

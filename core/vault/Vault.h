#pragma once

#include "core/crypto/KeyDerivation.h"
#include "core/crypto/SecretBytes.h"
#include "core/util/Result.h"
#include "core/util/UniqueFd.h"
#include "core/vault/Database.h"
#include "core/vault/VaultHeader.h"

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace techo::vault {

// Record kinds as counted by `techo-cli info --json` and the sandbox's /_sandbox/stats.
using RecordCounts = std::map<std::string, std::int64_t>;

// What a successful Vault::changePassphrase has to tell beyond "done".
struct PassphraseChanged {
    // Set when the new passphrase is in force but something after the switch failed (the folder could
    // not be synced, so a power cut soon could bring the old file back; or the vault could not be
    // reopened). Show it, but never as a failure: the user must keep the NEW passphrase.
    std::optional<std::string> warning;
};

// An open, unlocked vault: one file holding a plaintext header and a SQLCipher database keyed with
// Argon2id(passphrase). See docs/vault-format.md for the byte layout.
// Passphrases are normalised to Unicode NFC before the key derivation (vaults made before that rule
// keep theirs: the header says which). While open, the object holds a shared flock(2) on the file;
// a passphrase change needs it exclusively, so it never runs while another process has the vault open.
class Vault final {
public:
    ~Vault();
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    // Fails with AlreadyExists rather than overwrite anything. The file appears atomically, complete,
    // with the NFC passphrase rule. Errors: Usage (empty passphrase, not UTF-8, kdf out of bounds),
    // AlreadyExists, Io.
    [[nodiscard]] static Result<std::unique_ptr<Vault>> create(const std::string& path,
        const crypto::SecretBytes& passphrase, const crypto::KdfParams& kdf, crypto::SecretBytes* keyOut = nullptr);
    // Distinct errors: NotFound, NotAVault, Damaged, NewerFormat, WrongPassphrase, InUse (another
    // process is changing the passphrase), Io. A failed open writes nothing. A `.rekey` file left by a
    // crashed passphrase change is deleted, never one a running change is still writing.
    // With keyOut, the raw key derived from the passphrase is handed over (the caller keeps it in its
    // SecretBytes to open more connections with openWithRawKey, without a second key derivation).
    [[nodiscard]] static Result<std::unique_ptr<Vault>> open(
        const std::string& path, const crypto::SecretBytes& passphrase, crypto::SecretBytes* keyOut = nullptr);
    // Another connection to a vault already opened in this process, with the raw key open() or create()
    // handed out: no key derivation. The key is checked against the header's key check value first, so a key
    // from before a passphrase change gives WrongPassphrase and writes nothing. Other errors as open().
    [[nodiscard]] static Result<std::unique_ptr<Vault>> openWithRawKey(
        const std::string& path, const crypto::SecretBytes& key);

    // Writes a complete copy under the new key (NFC rule, new salt) next to the vault, syncs it and
    // renames it over the vault: at every instant exactly one complete vault is at `path`, under the
    // old or the new key. Errors (the old passphrase stays in force): InUse when any other Vault
    // object, in this process or another, has the file open; Usage (locked, empty or non-UTF-8
    // passphrase); Io; Internal. After the switch it only ever succeeds, with a warning if needed.
    [[nodiscard]] Result<PassphraseChanged> changePassphrase(
        const crypto::SecretBytes& newPassphrase, const crypto::KdfParams& kdf);

    // Closes the connection; SQLCipher wipes its copy of the key. The object is unusable afterwards.
    void lock() noexcept;
    [[nodiscard]] bool isOpen() const noexcept { return m_db.isOpen(); }

    [[nodiscard]] Database& database() noexcept { return m_db; }
    [[nodiscard]] const std::string& path() const noexcept { return m_path; }
    [[nodiscard]] const VaultHeader& header() const noexcept { return m_header; }
    [[nodiscard]] Result<int> schemaVersion();
    [[nodiscard]] Result<RecordCounts> counts();
    // BLAKE2b-256 (hex) over every row of every table in a canonical order: equal digests mean equal
    // content. Tests use it to prove a failed import changed nothing.
    [[nodiscard]] Result<std::string> contentDigest();

    // $XDG_DATA_HOME/techo/vault.techo (or ~/.local/share/techo/vault.techo).
    [[nodiscard]] static std::string defaultPath();

private:
    Vault(std::string path, VaultHeader header, Database db, UniqueFd lock);
    // lock: the flock already held on path's file (empty for the temporary copy a re-key checks).
    [[nodiscard]] static Result<std::unique_ptr<Vault>> openWithKey(
        const std::string& path, const VaultHeader& header, const crypto::SecretBytes& key, UniqueFd lock);
    [[nodiscard]] Status exportTo(const std::string& target, const crypto::SecretBytes& key);

    std::string m_path;
    VaultHeader m_header;
    Database m_db;
    UniqueFd m_lock; // holds the shared flock on the file at m_path while the vault is open
};

} // namespace techo::vault

#pragma once

#include "core/crypto/KeyDerivation.h"
#include "core/crypto/SecretBytes.h"
#include "core/export/ExportRequest.h"
#include "core/import/ImportJobs.h"
#include "core/query/HealthRecordQueries.h"
#include "core/util/Result.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace techo::session {

// Record kinds → how many the vault holds ("profiles", "checkups", "observations", …).
using RecordCounts = std::map<std::string, std::int64_t>;

// What the desktop app holds while a vault is unlocked: the one door from ui/ into the vault. It hands out
// domain values and services, never a database handle, a statement or a transaction (DESIGN: ui never runs
// SQL). One session = one connection, used from one thread at a time; long work (an import) gets its own
// connection (docs/development.md, "Threads").
class VaultSession final {
public:
    // As vault::Vault::open / create: distinct errors NotFound, NotAVault, Damaged, NewerFormat,
    // WrongPassphrase, Io (and AlreadyExists for create). A failed open writes nothing.
    [[nodiscard]] static Result<std::unique_ptr<VaultSession>> open(
        const std::string& path, const crypto::SecretBytes& passphrase);
    [[nodiscard]] static Result<std::unique_ptr<VaultSession>> create(
        const std::string& path, const crypto::SecretBytes& passphrase, const crypto::KdfParams& kdf);
    // What open() would say about the file at `path` before any passphrase is asked for: it reads only the
    // plaintext header and the file's size (no lock, no key derivation), so a desktop app can say at once that
    // a file is not a vault instead of after a passphrase. Ok means open() may succeed (it still checks all
    // again). Errors as open's before the key derivation: NotFound, Io (a folder, no permission), NotAVault (no
    // magic line: a text or empty file), Damaged (a malformed header, a size that is not whole pages),
    // NewerFormat (docs/vault-format.md).
    [[nodiscard]] static Status probe(const std::string& path);
    ~VaultSession();
    VaultSession(const VaultSession&) = delete;
    VaultSession& operator=(const VaultSession&) = delete;

    [[nodiscard]] const std::string& path() const noexcept;
    [[nodiscard]] Result<RecordCounts> counts();
    // A second, independent connection to the same vault for a worker thread (an import), opened with the raw
    // key this session keeps since it was opened — no second key derivation (Argon2id costs ~0.6 s). Locking
    // either session leaves the other open. Errors: Usage with key query.vault_locked (this session is
    // locked: the key is gone), WrongPassphrase (the vault's passphrase changed since), NotFound, Io, Damaged.
    [[nodiscard]] Result<std::unique_ptr<VaultSession>> openAnotherConnection();
    // import::importFromApi / importFromFile (docs/import.md) on this session's connection, on the calling
    // thread. Run them on a session of their own (openAnotherConnection) on a worker thread: the network
    // phase then holds no lock and the GUI's session keeps reading. progress is called on the calling thread;
    // cancel is the one object another thread may touch. Errors: the jobs' (Cancelled with key
    // import.cancelled, import.person_conflict, net and mapping errors), and query.vault_locked when locked;
    // any error leaves the vault as it was.
    [[nodiscard]] Result<import::ImportReport> importFromApi(const import::ApiImportRequest& request,
        const import::ProgressHandler& progress = {}, const net::CancelToken* cancel = nullptr);
    [[nodiscard]] Result<import::ImportReport> importFromFile(const std::string& path,
        const import::ProgressHandler& progress = {}, const net::CancelToken* cancel = nullptr,
        const import::ImportPolicy& policy = {});
    // The read side of the records (dashboard, checkup table, trends, medicines): docs/clinical.md. Valid as
    // long as the session; after lock() its calls fail with query.vault_locked.
    [[nodiscard]] query::HealthRecordQueries& healthRecords();
    // The person's own name for a profile, shown instead of the source's (Profile::shownName); imports never
    // change it. An empty name goes back to the source's. Errors: NotFound for an unknown id, the vault's own.
    // The same rule as `techo-cli profile rename`.
    [[nodiscard]] Status renameProfile(std::int64_t id, std::string localName);
    // Closes the connection and wipes the key (also the copy kept for openAnotherConnection); the session is
    // unusable afterwards.
    void lock() noexcept;
    [[nodiscard]] bool isOpen() const noexcept;
    // exports::exportRecords (core/export/ExportJobs.h, docs/export-format.md) on this session's connection, on the
    // calling thread: run it on a session of its own (openAnotherConnection) on a worker thread, as an import.
    // request.progress is called on the calling thread; request.cancel is the one object another thread may touch.
    // Errors: exportRecords' (Cancelled with key export.cancelled, AlreadyExists, Io …), and query.vault_locked
    // when locked; any error leaves nothing at request.outPath.
    [[nodiscard]] Result<exports::ExportReport> exportRecords(exports::ExportRequest request);
    // exports::countRecords: what an export of `selection` would write, by kind (the export dialog's preview).
    // Errors: countRecords' (NotFound for the profile, export.bad_period), and query.vault_locked when locked.
    [[nodiscard]] Result<std::map<std::string, std::int64_t>> countRecords(const exports::ExportSelection& selection);

private:
    struct Impl;
    explicit VaultSession(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace techo::session

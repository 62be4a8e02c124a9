#include "core/vault/Vault.h"

#include "core/vault/AuditRepository.h"
#include "core/vault/FileUtil.h"
#include "core/vault/Migrations.h"
#include "core/vault/Statement.h"

#include <sodium.h>
#include <sqlite3.h>

#include <cstdlib>
#include <optional>
#include <utility>
#include <vector>

namespace techo::vault {
namespace {

// Table per record kind; the order is the order `info` prints.
constexpr std::pair<const char*, const char*> kCountedKinds[] = {
    {"profiles", "profiles"},
    {"providers", "providers"},
    {"checkups", "checkups"},
    {"observations", "observations"},
    {"vaccinations", "vaccinations"},
    {"dispensings", "dispensings"},
    {"medication_lines", "medication_lines"},
    {"consents", "consents"},
    {"share_records", "share_records"},
    {"audit_events", "audit_events"},
    {"import_runs", "import_runs"},
};

std::string creatingPath(const std::string& path)
{
    return path + ".creating";
}

std::string rekeyPath(const std::string& path)
{
    return path + ".rekey";
}

VaultHeader newHeader(const crypto::SecretBytes& key, const crypto::Salt& salt, const crypto::KdfParams& kdf)
{
    VaultHeader header;
    header.kdf = kdf;
    header.salt = salt;
    header.keyCheck = crypto::keyCheckValue(key);
    header.passphraseRule = crypto::PassphraseRule::Nfc;
    return header;
}

// The key for a new header (create, changePassphrase): always under the NFC rule.
Result<crypto::SecretBytes> deriveNewKey(
    const crypto::SecretBytes& passphrase, const crypto::Salt& salt, const crypto::KdfParams& kdf)
{
    auto normalized = crypto::normalizePassphrase(passphrase, crypto::PassphraseRule::Nfc);
    if (!normalized.ok())
        return makeError(ErrorCode::Usage, normalized.error().message).withKey("vault.passphrase_not_utf8");
    return crypto::deriveKey(normalized.value(), salt, kdf);
}

} // namespace

Vault::Vault(std::string path, VaultHeader header, Database db, UniqueFd lock)
    : m_path(std::move(path))
    , m_header(header)
    , m_db(std::move(db))
    , m_lock(std::move(lock))
{ }

Vault::~Vault()
{
    lock();
}

void Vault::lock() noexcept
{
    m_db.close();
    m_lock.reset();
}

std::string Vault::defaultPath()
{
    const char* xdg = std::getenv("XDG_DATA_HOME");
    std::string base;
    if (xdg != nullptr && xdg[0] == '/')
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home != nullptr && home[0] != '\0')
        base = std::string(home) + "/.local/share";
    else
        base = ".";
    return base + "/techo/vault.techo";
}

Result<std::unique_ptr<Vault>> Vault::create(const std::string& path, const crypto::SecretBytes& passphrase,
    const crypto::KdfParams& kdf, crypto::SecretBytes* keyOut)
{
    if (passphrase.empty())
        return makeError(ErrorCode::Usage, "the passphrase must not be empty");
    if (fileExists(path))
        return makeError(ErrorCode::AlreadyExists, "a file already exists at " + path);
    TECHO_TRY(createDirectories(parentDirectory(path)));

    const crypto::Salt salt = crypto::randomSalt();
    TECHO_ASSIGN(crypto::SecretBytes key, deriveNewKey(passphrase, salt, kdf));
    const VaultHeader header = newHeader(key, salt, kdf);

    // Build the whole vault under a temporary name, then move it into place without replacing
    // anything: no half-made vault ever sits at `path`, and an existing file is never overwritten.
    const std::string temp = creatingPath(path);
    removeFileIfExists(temp);
    TECHO_TRY(writeNewFile(temp, header.serialize()));
    auto fail = [&](Error error) -> Result<std::unique_ptr<Vault>> {
        removeFileIfExists(temp);
        return error;
    };
    {
        auto db = Database::open(temp, key, false);
        if (!db.ok())
            return fail(std::move(db).error());
        if (Status migrated = migrate(db.value(), schemaMigrations()); !migrated.ok()) {
            db->close();
            return fail(std::move(migrated).error());
        }
    }
    // Locked before it appears at `path`, so no other process can get between the move and the open.
    auto lock = lockFile(temp, FileLock::Exclusive);
    if (!lock.ok())
        return fail(std::move(lock).error());
    if (Status moved = renameNoReplace(temp, path); !moved.ok())
        return fail(std::move(moved).error());
    TECHO_TRY(relockFile(lock->get(), FileLock::Shared)); // a downgrade: Linux does it atomically
    TECHO_ASSIGN(std::unique_ptr<Vault> vault, openWithKey(path, header, key, std::move(lock).value()));
    if (keyOut != nullptr)
        *keyOut = std::move(key);
    return vault;
}

Result<std::unique_ptr<Vault>> Vault::open(
    const std::string& path, const crypto::SecretBytes& passphrase, crypto::SecretBytes* keyOut)
{
    // The lock comes first: the header and pages read below belong to the file it holds.
    TECHO_ASSIGN(UniqueFd lock, lockFile(path, FileLock::Shared));
    TECHO_ASSIGN(const VaultHeader header, VaultHeader::readFrom(path));
    TECHO_ASSIGN(const std::uint64_t size, fileSize(path));
    if (size <= VaultHeader::kSize || (size - VaultHeader::kSize) % VaultHeader::kCipherPageSize != 0)
        return makeError(ErrorCode::Damaged, "the vault file is truncated or damaged (its size is not whole pages)");

    auto normalized = crypto::normalizePassphrase(passphrase, header.passphraseRule);
    if (!normalized.ok()) // not UTF-8: it cannot be what the vault was made with
        return makeError(ErrorCode::WrongPassphrase, "the passphrase is not correct for this vault");
    TECHO_ASSIGN(crypto::SecretBytes key, crypto::deriveKey(normalized.value(), header.salt, header.kdf));
    if (crypto::keyCheckValue(key) != header.keyCheck)
        return makeError(ErrorCode::WrongPassphrase, "the passphrase is not correct for this vault");

    // A passphrase change holds the exclusive lock from before it creates its `.rekey` copy until the
    // copy has become the vault, so while we hold the shared lock any `.rekey` is a crashed one's.
    removeFileIfExists(rekeyPath(path));
    TECHO_ASSIGN(std::unique_ptr<Vault> vault, openWithKey(path, header, key, std::move(lock)));
    if (keyOut != nullptr)
        *keyOut = std::move(key);
    return vault;
}

Result<std::unique_ptr<Vault>> Vault::openWithRawKey(const std::string& path, const crypto::SecretBytes& key)
{
    TECHO_ASSIGN(UniqueFd lock, lockFile(path, FileLock::Shared));
    TECHO_ASSIGN(const VaultHeader header, VaultHeader::readFrom(path));
    if (crypto::keyCheckValue(key) != header.keyCheck)
        return makeError(ErrorCode::WrongPassphrase, "the passphrase is not correct for this vault");
    return openWithKey(path, header, key, std::move(lock));
}

Result<std::unique_ptr<Vault>> Vault::openWithKey(
    const std::string& path, const VaultHeader& header, const crypto::SecretBytes& key, UniqueFd lock)
{
    auto db = Database::open(path, key, false);
    if (!db.ok()) {
        Error error = std::move(db).error();
        // The key check passed, so a key-level failure here means damaged pages.
        if (error.code == ErrorCode::Damaged || error.code == ErrorCode::Internal)
            return makeError(ErrorCode::Damaged, "the vault is damaged: " + error.message);
        return error;
    }
    TECHO_TRY(migrate(db.value(), schemaMigrations()));
    return std::unique_ptr<Vault>(new Vault(path, header, std::move(db).value(), std::move(lock)));
}

Result<int> Vault::schemaVersion()
{
    TECHO_ASSIGN(const std::int64_t version, m_db.queryInt("PRAGMA user_version"));
    return static_cast<int>(version);
}

Result<RecordCounts> Vault::counts()
{
    RecordCounts out;
    for (const auto& [kind, table] : kCountedKinds) {
        TECHO_ASSIGN(const std::int64_t n, m_db.queryInt(std::string("SELECT count(*) FROM ") + table));
        out[kind] = n;
    }
    return out;
}

Result<std::string> Vault::contentDigest()
{
    std::vector<std::string> tables;
    {
        TECHO_ASSIGN(Statement list, m_db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        while (true) {
            TECHO_ASSIGN(const bool row, list.step());
            if (!row)
                break;
            tables.push_back(list.text(0));
        }
    }
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    auto feed = [&](const void* data, std::size_t size) {
        const auto length = static_cast<std::uint64_t>(size);
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&length), sizeof length);
        crypto_generichash_update(&state, static_cast<const unsigned char*>(data), size);
    };
    for (const std::string& table : tables) {
        feed(table.data(), table.size());
        TECHO_ASSIGN(Statement rows, m_db.prepare("SELECT * FROM \"" + table + "\" ORDER BY rowid"));
        while (true) {
            TECHO_ASSIGN(const bool row, rows.step());
            if (!row)
                break;
            for (int column = 0; column < rows.columnCount(); ++column) {
                const std::string text = rows.isNull(column) ? std::string("\x01NULL") : rows.text(column);
                feed(text.data(), text.size());
            }
        }
    }
    std::array<std::uint8_t, crypto_generichash_BYTES> digest {};
    crypto_generichash_final(&state, digest.data(), digest.size());
    return crypto::toHex(digest);
}

Status Vault::exportTo(const std::string& target, const crypto::SecretBytes& key)
{
    const crypto::SecretBytes rawKey = crypto::sqlcipherRawKey(key);
    {
        TECHO_ASSIGN(Statement attach, m_db.prepare("ATTACH DATABASE ? AS rekey KEY ?"));
        attach.bind(1, target).bindSecret(2, rawKey);
        TECHO_TRY(attach.run());
    }
    Status exported = [&]() -> Status {
        TECHO_TRY(m_db.exec("PRAGMA rekey.cipher_page_size = " + std::to_string(VaultHeader::kCipherPageSize)));
        TECHO_TRY(m_db.exec("SELECT sqlcipher_export('rekey')"));
        TECHO_ASSIGN(const int version, schemaVersion());
        return m_db.exec("PRAGMA rekey.user_version = " + std::to_string(version));
    }();
    Status detached = m_db.exec("DETACH DATABASE rekey");
    if (!exported.ok())
        return exported;
    return detached;
}

Result<PassphraseChanged> Vault::changePassphrase(
    const crypto::SecretBytes& newPassphrase, const crypto::KdfParams& kdf)
{
    if (!m_db.isOpen())
        return makeError(ErrorCode::Usage, "the vault is locked");
    if (newPassphrase.empty())
        return makeError(ErrorCode::Usage, "the new passphrase must not be empty");

    const crypto::Salt salt = crypto::randomSalt();
    TECHO_ASSIGN(crypto::SecretBytes key, deriveNewKey(newPassphrase, salt, kdf));
    const VaultHeader header = newHeader(key, salt, kdf);

    // Exclusive from here until the copy replaces the vault: a commit another process made to the old
    // file after the copy was taken would be lost, and its open() would take our `.rekey` for debris.
    if (Status exclusive = relockFile(m_lock.get(), FileLock::Exclusive); !exclusive.ok()) {
        // Linux gave up our shared lock while trying; without it this object must not write any more.
        if (!relockFile(m_lock.get(), FileLock::Shared).ok())
            lock();
        return std::move(exclusive).error();
    }
    struct BackToShared {
        Vault& vault;
        bool active = true;
        ~BackToShared()
        {
            if (active && !relockFile(vault.m_lock.get(), FileLock::Shared).ok())
                vault.lock();
        }
    } backToShared {*this};

    TECHO_ASSIGN(const RecordCounts before, counts());
    const std::string temp = rekeyPath(m_path);
    removeFileIfExists(temp); // a crashed change's leftover: we hold the exclusive lock
    auto fail = [&](Error error) -> Result<PassphraseChanged> {
        removeFileIfExists(temp);
        return error;
    };
    if (Status written = writeNewFile(temp, header.serialize()); !written.ok())
        return fail(std::move(written).error());
    if (Status exported = exportTo(temp, key); !exported.ok())
        return fail(std::move(exported).error());

    // Prove the copy opens under the new key and holds the same records before it replaces anything;
    // the audit event goes into the copy, so it is in force exactly when the new passphrase is.
    {
        auto copy = openWithKey(temp, header, key, UniqueFd());
        if (!copy.ok())
            return fail(std::move(copy).error());
        auto after = copy.value()->counts();
        if (!after.ok())
            return fail(std::move(after).error());
        if (after.value() != before)
            return fail(makeError(ErrorCode::Internal, "the re-encrypted copy does not match the vault"));
        domain::AuditEvent event;
        event.occurredAt = domain::nowUtc();
        event.action = "vault.passphrase_changed";
        event.detail = "kdf=argon2id memory_kib=" + std::to_string(kdf.memoryKib)
            + " iterations=" + std::to_string(kdf.iterations);
        if (auto recorded = AuditRepository(copy.value()->database()).append(event); !recorded.ok())
            return fail(std::move(recorded).error());
    }
    if (Status synced = fsyncPath(temp); !synced.ok())
        return fail(std::move(synced).error());
    // The copy is locked before it becomes the vault, so the file at `path` is never unlocked.
    auto newLock = lockFile(temp, FileLock::Exclusive);
    if (!newLock.ok())
        return fail(std::move(newLock).error());

    // The old connection stays open (on the old inode, with no transaction) until the rename has
    // happened, so a failed rename leaves this object exactly as it was.
    if (Status renamed = renameReplacing(temp, m_path); !renamed.ok())
        return fail(std::move(renamed).error());

    // The new passphrase is in force from here on: whatever happens next is a warning, never a failure.
    PassphraseChanged outcome;
    backToShared.active = false;
    m_db.close();
    m_lock = std::move(newLock).value(); // releases the old file's lock
    m_header = header;
    auto warn = [&](const std::string& text) {
        outcome.warning = outcome.warning ? *outcome.warning + "; " + text : "the passphrase was changed, but " + text;
    };
    if (Status shared = relockFile(m_lock.get(), FileLock::Shared); !shared.ok())
        warn("the vault stays locked against other programs until this one closes it");
    if (Status synced = fsyncParentDirectory(m_path); !synced.ok())
        warn("the folder could not be synced (" + synced.error().message
            + "): if the computer loses power before the disk catches up, the old passphrase may open the vault "
              "again");
    auto reopened = openWithKey(m_path, header, key, UniqueFd());
    if (!reopened.ok()) {
        lock();
        warn("the vault could not be opened again (" + reopened.error().message + "); open it with the new passphrase");
        return outcome;
    }
    m_db = std::move(reopened.value()->m_db);
    return outcome;
}

} // namespace techo::vault

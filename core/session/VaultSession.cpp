#include "core/session/VaultSession.h"

#include "core/export/ExportJobs.h"
#include "core/vault/FileUtil.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/Vault.h"

#include <algorithm>

namespace techo::session {

namespace {

Error lockedError()
{
    return makeError(ErrorCode::Usage, "the vault is locked").withKey("query.vault_locked");
}

} // namespace

struct VaultSession::Impl {
    std::unique_ptr<vault::Vault> vault;
    crypto::SecretBytes key; // the raw SQLCipher key, for openAnotherConnection; wiped on lock()
    std::unique_ptr<query::HealthRecordQueries> records; // made on first use
};

VaultSession::VaultSession(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{ }

VaultSession::~VaultSession() = default;

Result<std::unique_ptr<VaultSession>> VaultSession::open(const std::string& path, const crypto::SecretBytes& passphrase)
{
    crypto::SecretBytes key;
    TECHO_ASSIGN(std::unique_ptr<vault::Vault> vault, vault::Vault::open(path, passphrase, &key));
    return std::unique_ptr<VaultSession>(
        new VaultSession(std::make_unique<Impl>(Impl {std::move(vault), std::move(key), nullptr})));
}

Result<std::unique_ptr<VaultSession>> VaultSession::create(
    const std::string& path, const crypto::SecretBytes& passphrase, const crypto::KdfParams& kdf)
{
    crypto::SecretBytes key;
    TECHO_ASSIGN(std::unique_ptr<vault::Vault> vault, vault::Vault::create(path, passphrase, kdf, &key));
    return std::unique_ptr<VaultSession>(
        new VaultSession(std::make_unique<Impl>(Impl {std::move(vault), std::move(key), nullptr})));
}

Status VaultSession::probe(const std::string& path)
{
    // The same checks, in the same order, as vault::Vault::open before it derives the key.
    TECHO_ASSIGN(const vault::VaultHeader header, vault::VaultHeader::readFrom(path));
    (void)header;
    TECHO_ASSIGN(const std::uint64_t size, vault::fileSize(path));
    if (size <= vault::VaultHeader::kSize
        || (size - vault::VaultHeader::kSize) % vault::VaultHeader::kCipherPageSize != 0)
        return makeError(ErrorCode::Damaged, "the vault file is truncated or damaged (its size is not whole pages)");
    return {};
}

const std::string& VaultSession::path() const noexcept
{
    return m_impl->vault->path();
}

Result<RecordCounts> VaultSession::counts()
{
    return m_impl->vault->counts();
}

Result<std::unique_ptr<VaultSession>> VaultSession::openAnotherConnection()
{
    if (!isOpen() || m_impl->key.empty())
        return lockedError();
    crypto::SecretBytes key(m_impl->key.size());
    std::copy(m_impl->key.bytes().begin(), m_impl->key.bytes().end(), key.data());
    TECHO_ASSIGN(std::unique_ptr<vault::Vault> vault, vault::Vault::openWithRawKey(path(), key));
    return std::unique_ptr<VaultSession>(
        new VaultSession(std::make_unique<Impl>(Impl {std::move(vault), std::move(key), nullptr})));
}

Result<import::ImportReport> VaultSession::importFromApi(
    const import::ApiImportRequest& request, const import::ProgressHandler& progress, const net::CancelToken* cancel)
{
    if (!isOpen())
        return lockedError();
    return import::importFromApi(m_impl->vault->database(), request, progress, cancel);
}

Result<import::ImportReport> VaultSession::importFromFile(const std::string& path,
    const import::ProgressHandler& progress, const net::CancelToken* cancel, const import::ImportPolicy& policy)
{
    if (!isOpen())
        return lockedError();
    return import::importFromFile(m_impl->vault->database(), path, progress, cancel, policy);
}

query::HealthRecordQueries& VaultSession::healthRecords()
{
    if (!m_impl->records)
        m_impl->records = std::make_unique<query::HealthRecordQueries>(*m_impl->vault);
    return *m_impl->records;
}

Status VaultSession::renameProfile(std::int64_t id, std::string localName)
{
    vault::ProfileRepository profiles(m_impl->vault->database());
    TECHO_ASSIGN(domain::Profile profile, profiles.get(id));
    profile.localName = localName.empty() ? std::nullopt : std::optional<std::string>(std::move(localName));
    return profiles.update(profile);
}

void VaultSession::lock() noexcept
{
    m_impl->vault->lock();
    m_impl->key = crypto::SecretBytes(); // the old buffer is wiped as it is released
}

bool VaultSession::isOpen() const noexcept
{
    return m_impl->vault->isOpen();
}

Result<exports::ExportReport> VaultSession::exportRecords(exports::ExportRequest request)
{
    if (!isOpen())
        return lockedError();
    return exports::exportRecords(m_impl->vault->database(), std::move(request));
}

Result<std::map<std::string, std::int64_t>> VaultSession::countRecords(const exports::ExportSelection& selection)
{
    if (!isOpen())
        return lockedError();
    return exports::countRecords(m_impl->vault->database(), selection);
}

} // namespace techo::session

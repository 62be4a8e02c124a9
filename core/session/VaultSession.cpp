#include "core/session/VaultSession.h"

#include "core/vault/ProfileRepository.h"
#include "core/vault/Vault.h"

namespace techo::session {

struct VaultSession::Impl {
    std::unique_ptr<vault::Vault> vault;
    std::unique_ptr<query::HealthRecordQueries> records; // made on first use
};

VaultSession::VaultSession(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{ }

VaultSession::~VaultSession() = default;

Result<std::unique_ptr<VaultSession>> VaultSession::open(const std::string& path, const crypto::SecretBytes& passphrase)
{
    TECHO_ASSIGN(std::unique_ptr<vault::Vault> vault, vault::Vault::open(path, passphrase));
    return std::unique_ptr<VaultSession>(new VaultSession(std::make_unique<Impl>(Impl {std::move(vault), nullptr})));
}

Result<std::unique_ptr<VaultSession>> VaultSession::create(
    const std::string& path, const crypto::SecretBytes& passphrase, const crypto::KdfParams& kdf)
{
    TECHO_ASSIGN(std::unique_ptr<vault::Vault> vault, vault::Vault::create(path, passphrase, kdf));
    return std::unique_ptr<VaultSession>(new VaultSession(std::make_unique<Impl>(Impl {std::move(vault), nullptr})));
}

const std::string& VaultSession::path() const noexcept
{
    return m_impl->vault->path();
}

Result<RecordCounts> VaultSession::counts()
{
    return m_impl->vault->counts();
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
}

bool VaultSession::isOpen() const noexcept
{
    return m_impl->vault->isOpen();
}

} // namespace techo::session

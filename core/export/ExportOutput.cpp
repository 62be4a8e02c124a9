#include "core/export/ExportOutput.h"

#include "core/vault/FileUtil.h"

#include <sodium.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace techo::exports {
namespace {

constexpr std::size_t kBufferBytes = 1 << 20;

std::string baseName(const std::string& path)
{
    std::size_t end = path.size();
    while (end > 1 && path[end - 1] == '/')
        --end;
    const std::size_t slash = path.find_last_of('/', end - 1);
    return path.substr(slash == std::string::npos ? 0 : slash + 1, end - (slash == std::string::npos ? 0 : slash + 1));
}

// The NAME part of the staging name ".NAME.partial-XXXXXX": the target's name, cut so the whole staging name fits
// in `nameMax` bytes (a legal 245-byte target would otherwise fail with ENAMETOOLONG). The cut falls on a UTF-8
// character boundary (never inside a multi-byte kanji), so the leftover name of a crash stays readable.
std::string stagingStem(const std::string& name, std::size_t nameMax)
{
    constexpr std::size_t kAround = std::string_view(".").size() + std::string_view(".partial-XXXXXX").size();
    const std::size_t room = nameMax > kAround ? nameMax - kAround : 0;
    if (name.size() <= room)
        return name;
    std::size_t end = room;
    while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80)
        --end; // name[end] is a continuation byte: the character it belongs to starts earlier
    return name.substr(0, end);
}

std::string hex(const unsigned char* bytes, std::size_t n)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 0xF];
    }
    return out;
}

} // namespace

struct ExportFile::Hash {
    crypto_hash_sha256_state state {};
};

ExportFile::ExportFile(std::string path, UniqueFd fd)
    : m_path(std::move(path))
    , m_fd(std::move(fd))
    , m_hash(std::make_unique<Hash>())
{
    crypto_hash_sha256_init(&m_hash->state);
    m_buffer.reserve(kBufferBytes);
}

ExportFile::ExportFile(ExportFile&&) noexcept = default;
ExportFile& ExportFile::operator=(ExportFile&&) noexcept = default;
ExportFile::~ExportFile() = default;

Result<ExportFile> ExportFile::create(const std::string& path)
{
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!fd.valid())
        return errno == EEXIST ? makeError(ErrorCode::AlreadyExists, path + " already exists")
                               : vault::ioError("cannot create " + path, errno);
    return ExportFile(path, std::move(fd));
}

Status ExportFile::write(std::string_view bytes)
{
    if (!m_fd.valid())
        return makeError(ErrorCode::Internal, "write after finish: " + m_path);
    crypto_hash_sha256_update(&m_hash->state, reinterpret_cast<const unsigned char*>(bytes.data()),
        static_cast<unsigned long long>(bytes.size()));
    m_bytes += bytes.size();
    m_buffer.append(bytes);
    if (m_buffer.size() >= kBufferBytes)
        return flush();
    return {};
}

Status ExportFile::flush()
{
    std::size_t done = 0;
    while (done < m_buffer.size()) {
        const ssize_t n = ::write(m_fd.get(), m_buffer.data() + done, m_buffer.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return vault::ioError("cannot write " + m_path, errno);
        }
        done += static_cast<std::size_t>(n);
    }
    m_buffer.clear();
    return {};
}

Result<std::string> ExportFile::finish()
{
    TECHO_TRY(flush());
    if (::fsync(m_fd.get()) != 0)
        return vault::ioError("cannot sync " + m_path, errno);
    m_fd.reset();
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest {};
    crypto_hash_sha256_final(&m_hash->state, digest.data());
    return hex(digest.data(), digest.size());
}

StagedOutput::StagedOutput(std::string target, std::string staging, Kind kind, UniqueFd fd)
    : m_target(std::move(target))
    , m_staging(std::move(staging))
    , m_kind(kind)
    , m_fd(std::move(fd))
{ }

StagedOutput::StagedOutput(StagedOutput&& other) noexcept
    : m_target(std::move(other.m_target))
    , m_staging(std::move(other.m_staging))
    , m_kind(other.m_kind)
    , m_fd(std::move(other.m_fd))
    , m_done(std::exchange(other.m_done, true))
{ }

StagedOutput::~StagedOutput()
{
    if (!m_done)
        removeStage();
}

void StagedOutput::removeStage() noexcept
{
    m_fd.reset();
    if (!m_staging.empty())
        removeExportOutput(m_staging);
    m_done = true;
}

Result<StagedOutput> StagedOutput::create(const std::string& target, Kind kind)
{
    const std::string name = baseName(target);
    if (target.empty() || name.empty() || name == "." || name == ".." || name == "/")
        return makeError(ErrorCode::Usage, "'" + target + "' is not a file or folder name").withKey("export.bad_path");
    struct stat st { };
    if (::lstat(target.c_str(), &st) == 0)
        return makeError(ErrorCode::AlreadyExists, target + " already exists; an export never replaces a file")
            .withKey("export.target_exists")
            .with("path", target);
    const std::string dir = vault::parentDirectory(target);
    // The file system's longest name (NAME_MAX, 255 bytes on ext4, btrfs, tmpfs); a target longer than that can
    // never be made, whatever its folder, so say so naming the file.
    const long pathMax = ::pathconf(dir.c_str(), _PC_NAME_MAX);
    const std::size_t nameMax = pathMax > 0 ? std::size_t(pathMax) : std::size_t(NAME_MAX);
    if (name.size() > nameMax)
        return makeError(ErrorCode::Usage,
            "the file name '" + name + "' is too long (" + std::to_string(name.size())
                + " bytes; the file system allows " + std::to_string(nameMax) + ")")
            .withKey("export.name_too_long")
            .with("name", name)
            .with("bytes", std::to_string(name.size()))
            .with("max", std::to_string(nameMax));
    std::string pattern = (dir == "/" ? "" : dir) + "/." + stagingStem(name, nameMax) + ".partial-XXXXXX";
    if (kind == Kind::File) {
        UniqueFd fd(::mkstemp(pattern.data()));
        if (!fd.valid())
            return vault::ioError("cannot write in " + dir, errno);
        return StagedOutput(target, pattern, kind, std::move(fd));
    }
    if (::mkdtemp(pattern.data()) == nullptr)
        return vault::ioError("cannot write in " + dir, errno);
    return StagedOutput(target, pattern, kind, UniqueFd());
}

Result<ExportFile> StagedOutput::file(std::string_view name)
{
    if (m_kind == Kind::File) {
        if (!m_fd.valid())
            return makeError(ErrorCode::Internal, "the staged file was already taken");
        return ExportFile(m_staging, std::move(m_fd));
    }
    if (name.empty() || name.find('/') != std::string_view::npos)
        return makeError(ErrorCode::Internal, "bad file name in an export folder");
    return ExportFile::create(m_staging + "/" + std::string(name));
}

Status StagedOutput::publish()
{
    if (m_done)
        return makeError(ErrorCode::Internal, "the export was already published or abandoned");
    if (m_kind == Kind::Folder)
        TECHO_TRY(vault::fsyncPath(m_staging)); // the files' names inside the folder
    Status moved = vault::renameNoReplace(m_staging, m_target);
    if (!moved.ok()) {
        struct stat st { };
        if (::lstat(m_staging.c_str(), &st) != 0) {
            // The rename happened, but the folder holding the target could not be synced: the export may not
            // survive a power cut, so it is taken back and reported as failed.
            removeExportOutput(m_target);
            (void)vault::fsyncParentDirectory(m_target);
            m_done = true;
        }
        return moved;
    }
    m_done = true;
    return {};
}

void removeExportOutput(const std::string& path) noexcept
{
    struct stat st { };
    if (::lstat(path.c_str(), &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        ::unlink(path.c_str());
        return;
    }
    std::vector<std::string> names;
    if (DIR* dir = ::opendir(path.c_str()); dir != nullptr) {
        while (const dirent* entry = ::readdir(dir)) {
            const std::string_view n = entry->d_name;
            if (n != "." && n != "..")
                names.emplace_back(n);
        }
        ::closedir(dir);
    }
    for (const std::string& n : names)
        ::unlink((path + "/" + n).c_str());
    ::rmdir(path.c_str());
}

} // namespace techo::exports

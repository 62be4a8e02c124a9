#include "core/vault/FileUtil.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace techo::vault {
namespace {

Error inUse()
{
    return makeError(ErrorCode::InUse,
        "the vault is in use by another Techo program; close it there (or wait for it to finish) and try again")
        .withKey("vault.in_use");
}

} // namespace

Error ioError(const std::string& what, int err)
{
    std::string reason = std::strerror(err);
    if (err == ENOSPC || err == EDQUOT)
        reason = "the disk is full";
    else if (err == EACCES || err == EPERM || err == EROFS)
        reason = "permission denied";
    else if (err == ENOENT)
        return makeError(ErrorCode::NotFound, what + ": no such file or directory");
    return makeError(ErrorCode::Io, what + ": " + reason);
}

std::string parentDirectory(const std::string& path)
{
    std::size_t end = path.size();
    while (end > 1 && path[end - 1] == '/')
        --end;
    const std::size_t slash = path.find_last_of('/', end == 0 ? 0 : end - 1);
    if (slash == std::string::npos)
        return ".";
    std::size_t parentEnd = slash;
    while (parentEnd > 0 && path[parentEnd - 1] == '/')
        --parentEnd;
    return parentEnd == 0 ? "/" : path.substr(0, parentEnd);
}

Result<std::vector<char>> readFilePrefix(const std::string& path, std::size_t maxBytes)
{
    const UniqueFd f(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!f.valid())
        return ioError("cannot open " + path, errno);
    std::vector<char> out(maxBytes);
    std::size_t got = 0;
    while (got < maxBytes) {
        const ssize_t n = ::read(f.get(), out.data() + got, maxBytes - got);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError("cannot read " + path, errno);
        }
        if (n == 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    out.resize(got);
    return out;
}

Status writeNewFile(const std::string& path, const std::vector<char>& content)
{
    const UniqueFd f(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!f.valid())
        return errno == EEXIST ? makeError(ErrorCode::AlreadyExists, path + " already exists")
                               : ioError("cannot create " + path, errno);
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(f.get(), content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::unlink(path.c_str());
            return ioError("cannot write " + path, err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(f.get()) != 0) {
        const int err = errno;
        ::unlink(path.c_str());
        return ioError("cannot sync " + path, err);
    }
    return {};
}

Status fsyncPath(const std::string& path)
{
    const UniqueFd f(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!f.valid())
        return ioError("cannot open " + path, errno);
    if (::fsync(f.get()) != 0)
        return ioError("cannot sync " + path, errno);
    return {};
}

Status fsyncParentDirectory(const std::string& path)
{
    const UniqueFd f(::open(parentDirectory(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!f.valid())
        return ioError("cannot open the folder of " + path, errno);
    // EINVAL: the file system cannot sync folders at all (some FUSE ones); nothing more can be done.
    if (::fsync(f.get()) != 0 && errno != EINVAL)
        return ioError("cannot sync the folder of " + path, errno);
    return {};
}

Status renameReplacing(const std::string& from, const std::string& to)
{
    if (::rename(from.c_str(), to.c_str()) != 0)
        return ioError("cannot replace " + to, errno);
    return {};
}

Status renameNoReplace(const std::string& from, const std::string& to)
{
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
        return fsyncParentDirectory(to);
    const int err = errno;
    if (err == EEXIST)
        return makeError(ErrorCode::AlreadyExists, to + " already exists");
    if (err == EINVAL || err == ENOSYS)
        return renameNoReplaceFallback(from, to);
    return ioError("cannot create " + to, err);
}

Status renameNoReplaceFallback(const std::string& from, const std::string& to)
{
    {
        const UniqueFd placeholder(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
        if (!placeholder.valid())
            return errno == EEXIST ? makeError(ErrorCode::AlreadyExists, to + " already exists")
                                   : ioError("cannot create " + to, errno);
    }
    if (::rename(from.c_str(), to.c_str()) != 0) {
        const int err = errno;
        ::unlink(to.c_str()); // our own empty placeholder
        return ioError("cannot create " + to, err);
    }
    return fsyncParentDirectory(to);
}

Status createDirectories(const std::string& dir)
{
    if (dir.empty())
        return {};
    std::string partial;
    std::size_t pos = 0;
    while (pos != std::string::npos) {
        pos = dir.find('/', pos + 1);
        partial = dir.substr(0, pos);
        if (partial.empty() || partial.back() == '/')
            continue;
        if (::mkdir(partial.c_str(), 0700) == 0) {
            TECHO_TRY(fsyncParentDirectory(partial));
        } else if (errno != EEXIST) {
            return ioError("cannot create folder " + partial, errno);
        }
    }
    return {};
}

bool fileExists(const std::string& path)
{
    struct stat st { };
    return ::stat(path.c_str(), &st) == 0;
}

Result<std::uint64_t> fileSize(const std::string& path)
{
    struct stat st { };
    if (::stat(path.c_str(), &st) != 0)
        return ioError("cannot inspect " + path, errno);
    return static_cast<std::uint64_t>(st.st_size);
}

void removeFileIfExists(const std::string& path) noexcept
{
    ::unlink(path.c_str());
}

Status relockFile(int fd, FileLock kind)
{
    const int operation = (kind == FileLock::Shared ? LOCK_SH : LOCK_EX) | LOCK_NB;
    while (::flock(fd, operation) != 0) {
        if (errno == EINTR)
            continue;
        if (errno == EWOULDBLOCK)
            return inUse();
        return ioError("cannot lock the vault", errno);
    }
    return {};
}

Result<UniqueFd> lockFile(const std::string& path, FileLock kind)
{
    // Each retry means a re-key finished in between; more than a few in a row is not a race any more.
    for (int attempt = 0; attempt < 5; ++attempt) {
        UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd.valid())
            return ioError("cannot open " + path, errno);
        TECHO_TRY(relockFile(fd.get(), kind));
        struct stat locked { };
        struct stat named { };
        if (::fstat(fd.get(), &locked) != 0)
            return ioError("cannot inspect " + path, errno);
        if (::stat(path.c_str(), &named) != 0) {
            if (errno == ENOENT)
                continue;
            return ioError("cannot inspect " + path, errno);
        }
        if (locked.st_dev == named.st_dev && locked.st_ino == named.st_ino)
            return fd;
    }
    return inUse();
}

} // namespace techo::vault

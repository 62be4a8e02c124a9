#pragma once

#include "core/util/Result.h"
#include "core/util/UniqueFd.h"

#include <cstdint>
#include <string>
#include <vector>

namespace techo::vault {

// Small POSIX helpers with errors as values. Files are created 0600 (health data is private to the user).
[[nodiscard]] Result<std::vector<char>> readFilePrefix(const std::string& path, std::size_t maxBytes);
[[nodiscard]] Status writeNewFile(const std::string& path, const std::vector<char>& content);
[[nodiscard]] Status fsyncPath(const std::string& path);
[[nodiscard]] Status fsyncParentDirectory(const std::string& path);
// rename(2). It does not sync the folder: the caller decides what a failed sync after a
// successful rename means (fsyncParentDirectory).
[[nodiscard]] Status renameReplacing(const std::string& from, const std::string& to);
// Moves from to to only if nothing is at to (AlreadyExists otherwise, both files untouched), then
// syncs the folder. renameat2(RENAME_NOREPLACE) where the file system has it; elsewhere (EINVAL or
// ENOSYS: exFAT, some FUSE and network file systems) renameNoReplaceFallback.
[[nodiscard]] Status renameNoReplace(const std::string& from, const std::string& to);
// The portable form: reserves to with O_CREAT|O_EXCL (so an existing file is never replaced), then
// rename()s over that empty placeholder. A crash in between can leave an empty file at to, which is
// never mistaken for a vault (NotAVault) and never overwritten. Public so tests can run it here.
[[nodiscard]] Status renameNoReplaceFallback(const std::string& from, const std::string& to);
// mkdir -p with mode 0700; each folder it creates is synced into its parent, so the path survives a
// power cut once the file inside it is synced.
[[nodiscard]] Status createDirectories(const std::string& dir);
[[nodiscard]] bool fileExists(const std::string& path);
[[nodiscard]] Result<std::uint64_t> fileSize(const std::string& path);
void removeFileIfExists(const std::string& path) noexcept;
[[nodiscard]] Error ioError(const std::string& what, int err);

// The folder that holds path, as a path: "file" → ".", "dir/file" → "dir", "/file" → "/",
// "a/b/" → "a" (a trailing slash names the folder b itself), "a//b" → "a".
[[nodiscard]] std::string parentDirectory(const std::string& path);

// BSD advisory locks (flock(2)) between Techo processes, never waiting (KeePassXC works the same way).
enum class FileLock {
    Shared, // an open vault: any number of readers and writers (SQLite orders their transactions)
    Exclusive, // a re-key: nobody else may hold the file open, or their commits would land in the old file
};
// Opens path read-only and takes the lock. A re-key renames a new file over path; if that happened
// between the open and the lock, the lock is on the replaced file, so this checks that path still
// names the locked file and starts again if not. Errors: InUse when another open file holds a
// conflicting lock, NotFound, Io.
[[nodiscard]] Result<UniqueFd> lockFile(const std::string& path, FileLock kind);
// Changes the lock held through fd, without waiting. Linux releases a shared lock before it tries
// for the exclusive one: after an InUse error the caller holds no lock at all. Errors: InUse, Io.
[[nodiscard]] Status relockFile(int fd, FileLock kind);

} // namespace techo::vault

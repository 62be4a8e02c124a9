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
[[nodiscard]] Status renameReplacing(const std::string& from, const std::string& to);
[[nodiscard]] Status renameNoReplace(const std::string& from, const std::string& to);
[[nodiscard]] Status createDirectories(const std::string& dir);
[[nodiscard]] bool fileExists(const std::string& path);
[[nodiscard]] Result<std::uint64_t> fileSize(const std::string& path);
void removeFileIfExists(const std::string& path) noexcept;
[[nodiscard]] Error ioError(const std::string& what, int err);

// The folder that holds path, as a path: "file" → ".", "dir/file" → "dir", "/file" → "/",
// "a/b/" → "a" (a trailing slash names the folder b itself), "a//b" → "a".
[[nodiscard]] std::string parentDirectory(const std::string& path);

} // namespace techo::vault

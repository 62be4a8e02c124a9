#pragma once

#include "core/util/Result.h"
#include "core/util/UniqueFd.h"

#include <array>
#include <memory>
#include <string>
#include <string_view>

namespace techo::exports {

// A file being written by an export: buffered, and hashed (SHA-256) as it is written. finish() flushes, fsyncs
// and closes it. The file is never removed here: it lives inside a StagedOutput, which removes it on failure.
class ExportFile final {
public:
    ExportFile(ExportFile&&) noexcept;
    ExportFile& operator=(ExportFile&&) noexcept;
    ExportFile(const ExportFile&) = delete;
    ExportFile& operator=(const ExportFile&) = delete;
    ~ExportFile();

    // Creates path (O_EXCL, mode 0600). Errors: AlreadyExists, Io.
    [[nodiscard]] static Result<ExportFile> create(const std::string& path);

    [[nodiscard]] Status write(std::string_view bytes);
    // Writes what is buffered, syncs and closes. Returns the file's SHA-256 in lower-case hex.
    [[nodiscard]] Result<std::string> finish();
    [[nodiscard]] std::uint64_t bytesWritten() const noexcept { return m_bytes; }

private:
    friend class StagedOutput; // hands over its staged file's descriptor
    struct Hash;
    ExportFile(std::string path, UniqueFd fd);
    [[nodiscard]] Status flush();

    std::string m_path;
    UniqueFd m_fd;
    std::string m_buffer;
    std::unique_ptr<Hash> m_hash;
    std::uint64_t m_bytes = 0;
};

// Where an export is written until it is complete: a hidden file or folder beside the target
// (".<name>.partial-XXXXXX", <name> cut on a UTF-8 boundary so the whole stays within the file system's NAME_MAX;
// made with mkstemp/mkdtemp, mode 0600/0700), moved to the target by publish() only
// once every byte is synced. Until then, and whenever anything fails, destruction removes it: the target is either
// absent or complete, never half-written, and no partial copy is left behind.
class StagedOutput final {
public:
    enum class Kind { File, Folder };
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;
    StagedOutput(StagedOutput&&) noexcept;
    StagedOutput& operator=(StagedOutput&&) = delete;
    ~StagedOutput();

    // Refuses a target that exists (AlreadyExists), whose name is longer than the file system allows (Usage,
    // key "export.name_too_long" with name, bytes, max), or whose folder is missing or not writable (NotFound, Io).
    [[nodiscard]] static Result<StagedOutput> create(const std::string& target, Kind kind);

    // Kind::File: the staged file, open for writing (call once). Kind::Folder: a new file `name` in the folder.
    [[nodiscard]] Result<ExportFile> file(std::string_view name = {});
    // Syncs the staged folder (for a folder), then renames the stage to the target without replacing anything
    // (renameat2 RENAME_NOREPLACE) and syncs the target's folder. If that last sync fails, the target is
    // removed again and the error returned: an export reports success only when it is durably in place.
    [[nodiscard]] Status publish();

    [[nodiscard]] const std::string& stagingPath() const noexcept { return m_staging; }

private:
    StagedOutput(std::string target, std::string staging, Kind kind, UniqueFd fd);
    void removeStage() noexcept;

    std::string m_target;
    std::string m_staging;
    Kind m_kind;
    UniqueFd m_fd; // Kind::File: mkstemp's descriptor until file() takes it
    bool m_done = false;
};

// Removes a file, or a folder and the files directly in it (an export folder has no sub-folders). Best effort.
void removeExportOutput(const std::string& path) noexcept;

} // namespace techo::exports

#pragma once

namespace techo::vault {

// The name of a SQLite VFS that wraps the platform's default one and shifts every main-database
// file by the vault header (VaultHeader::kSize bytes), so the header and the SQLCipher pages share
// one file. Journals are not shifted. Registered once, on first use; never the process default.
[[nodiscard]] const char* headerVfsName();

} // namespace techo::vault

#include "core/vault/VaultHeader.h"

#include "core/vault/FileUtil.h"

#include <sodium.h>

#include <charconv>
#include <cstring>
#include <map>
#include <string_view>

namespace techo::vault {
namespace {

constexpr std::string_view kMagicLine = "TECHO-VAULT\n";
constexpr std::string_view kChecksumKey = "header_checksum=";
constexpr std::string_view kNormalizationKey = "passphrase_normalization=";

std::string sha256Hex(std::string_view text)
{
    std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest {};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
    return crypto::toHex(digest);
}

bool parseUint(std::string_view text, std::uint32_t& out)
{
    if (text.empty() || text.size() > 10)
        return false;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

Error damaged(const std::string& what)
{
    return makeError(ErrorCode::Damaged, "the vault header is damaged: " + what);
}

} // namespace

std::vector<char> VaultHeader::serialize() const
{
    std::string body(kMagicLine);
    body += "format_version=" + std::to_string(formatVersion) + "\n";
    body += "kdf=argon2id\n";
    body += "memory_kib=" + std::to_string(kdf.memoryKib) + "\n";
    body += "iterations=" + std::to_string(kdf.iterations) + "\n";
    body += "parallelism=" + std::to_string(kdf.parallelism) + "\n";
    body += "salt=" + crypto::toHex(salt) + "\n";
    body += "key_check=" + crypto::toHex(keyCheck) + "\n";
    body += "cipher=sqlcipher-3\n";
    body += "cipher_page_size=" + std::to_string(kCipherPageSize) + "\n";
    if (passphraseRule == crypto::PassphraseRule::Nfc)
        body += std::string(kNormalizationKey) + "NFC\n";
    body += std::string(kChecksumKey) + sha256Hex(body) + "\n";
    std::vector<char> block(kSize, '\0');
    std::memcpy(block.data(), body.data(), body.size());
    return block;
}

Result<VaultHeader> VaultHeader::parse(const char* data, std::size_t size)
{
    const std::string_view all(data, size);
    if (!all.starts_with(kMagicLine.substr(0, std::min(all.size(), kMagicLine.size()))) || all.empty())
        return makeError(ErrorCode::NotAVault, "this file is not a Techo vault");
    if (size < kSize)
        return makeError(ErrorCode::Damaged, "the vault file is truncated (shorter than its header)");

    const std::string_view block = all.substr(0, kSize);
    const std::size_t end = block.find('\0');
    const std::string_view text = block.substr(0, end);
    if (end != std::string_view::npos && block.find_first_not_of('\0', end) != std::string_view::npos)
        return damaged("unexpected bytes after the header text");

    std::map<std::string, std::string, std::less<>> fields;
    std::size_t pos = kMagicLine.size();
    std::size_t checksumStart = std::string_view::npos;
    while (pos < text.size()) {
        const std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos)
            return damaged("unterminated line");
        const std::string_view line = text.substr(pos, nl - pos);
        const std::size_t eq = line.find('=');
        if (eq == std::string_view::npos || eq == 0)
            return damaged("malformed line");
        if (line.starts_with(kChecksumKey))
            checksumStart = pos;
        if (!fields.emplace(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1))).second)
            return damaged("duplicate field");
        pos = nl + 1;
    }

    VaultHeader header;
    // The format version is checked before anything else: a newer format may change every other field.
    const auto version = fields.find("format_version");
    if (version == fields.end() || !parseUint(version->second, header.formatVersion) || header.formatVersion == 0)
        return damaged("missing format_version");
    if (header.formatVersion > kCurrentFormatVersion)
        return makeError(ErrorCode::NewerFormat,
            "this vault was written by a newer version of Techo (format " + std::to_string(header.formatVersion)
                + "); please update Techo");

    if (checksumStart == std::string_view::npos)
        return damaged("missing checksum");
    if (fields.at("header_checksum") != sha256Hex(text.substr(0, checksumStart)))
        return damaged("checksum mismatch");

    auto get = [&](std::string_view key) -> const std::string* {
        const auto it = fields.find(key);
        return it == fields.end() ? nullptr : &it->second;
    };
    const std::string* kdfName = get("kdf");
    const std::string* cipher = get("cipher");
    const std::string* pageSize = get("cipher_page_size");
    const std::string* salt = get("salt");
    const std::string* keyCheck = get("key_check");
    const std::string* memory = get("memory_kib");
    const std::string* iterations = get("iterations");
    const std::string* parallelism = get("parallelism");
    if (!kdfName || !cipher || !pageSize || !salt || !keyCheck || !memory || !iterations || !parallelism)
        return damaged("missing field");
    if (*kdfName != "argon2id" || *cipher != "sqlcipher-3" || *pageSize != std::to_string(kCipherPageSize))
        return makeError(ErrorCode::NewerFormat, "the vault uses a key derivation or cipher this build does not know");
    if (!parseUint(*memory, header.kdf.memoryKib) || !parseUint(*iterations, header.kdf.iterations)
        || !parseUint(*parallelism, header.kdf.parallelism))
        return damaged("malformed number");
    if (!header.kdf.isWithinBounds())
        return damaged("key derivation parameters outside the accepted range");
    if (!crypto::fromHex(*salt, header.salt) || !crypto::fromHex(*keyCheck, header.keyCheck))
        return damaged("malformed salt or key check");
    const std::string* normalization = get(kNormalizationKey.substr(0, kNormalizationKey.size() - 1));
    if (normalization == nullptr)
        header.passphraseRule = crypto::PassphraseRule::RawBytes;
    else if (*normalization == "NFC")
        header.passphraseRule = crypto::PassphraseRule::Nfc;
    else
        return makeError(ErrorCode::NewerFormat, "the vault uses a passphrase rule this build does not know");
    return header;
}

Result<VaultHeader> VaultHeader::readFrom(const std::string& path)
{
    TECHO_ASSIGN(std::vector<char> bytes, readFilePrefix(path, kSize));
    return parse(bytes.data(), bytes.size());
}

} // namespace techo::vault

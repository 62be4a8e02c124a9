#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace techo::crypto {

// A buffer for passphrases and keys. Allocated with libsodium's guarded allocator (locked in RAM
// where the system allows, so it is not swapped out) and wiped when destroyed. Move-only.
class SecretBytes final {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    static SecretBytes fromString(std::string_view text);
    ~SecretBytes();

    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    [[nodiscard]] std::uint8_t* data() noexcept { return m_data; }
    [[nodiscard]] const std::uint8_t* data() const noexcept { return m_data; }
    [[nodiscard]] std::size_t size() const noexcept { return m_size; }
    [[nodiscard]] bool empty() const noexcept { return m_size == 0; }
    [[nodiscard]] std::string_view view() const noexcept;
    [[nodiscard]] std::span<const std::uint8_t> bytes() const noexcept { return {m_data, m_size}; }

    // Shrinks the logical size (the tail is wiped); used after reading a line of unknown length.
    void truncate(std::size_t newSize) noexcept;
    [[nodiscard]] bool equals(const SecretBytes& other) const noexcept;

private:
    void release() noexcept;

    std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

// Initialises libsodium once; every crypto entry point calls it.
[[nodiscard]] bool ensureSodium() noexcept;

} // namespace techo::crypto

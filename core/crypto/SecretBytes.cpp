#include "core/crypto/SecretBytes.h"

#include <sodium.h>

#include <cstring>
#include <new>
#include <utility>

namespace techo::crypto {

bool ensureSodium() noexcept
{
    static const bool initialised = sodium_init() >= 0;
    return initialised;
}

SecretBytes::SecretBytes(std::size_t size)
{
    if (size == 0)
        return;
    if (!ensureSodium())
        throw std::bad_alloc();
    m_data = static_cast<std::uint8_t*>(sodium_malloc(size));
    if (m_data == nullptr)
        throw std::bad_alloc();
    sodium_memzero(m_data, size);
    m_size = size;
    m_capacity = size;
}

SecretBytes SecretBytes::fromString(std::string_view text)
{
    SecretBytes secret(text.size());
    if (!text.empty())
        std::memcpy(secret.m_data, text.data(), text.size());
    return secret;
}

SecretBytes::~SecretBytes()
{
    release();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_capacity(std::exchange(other.m_capacity, 0))
{ }

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_capacity = std::exchange(other.m_capacity, 0);
    }
    return *this;
}

std::string_view SecretBytes::view() const noexcept
{
    return m_data == nullptr ? std::string_view {} : std::string_view(reinterpret_cast<const char*>(m_data), m_size);
}

void SecretBytes::truncate(std::size_t newSize) noexcept
{
    if (newSize >= m_size)
        return;
    sodium_memzero(m_data + newSize, m_size - newSize);
    m_size = newSize;
}

bool SecretBytes::equals(const SecretBytes& other) const noexcept
{
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

void SecretBytes::release() noexcept
{
    if (m_data != nullptr)
        sodium_free(m_data); // wipes before unmapping
    m_data = nullptr;
    m_size = 0;
    m_capacity = 0;
}

} // namespace techo::crypto

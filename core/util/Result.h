#pragma once

#include "core/util/Error.h"

#include <cassert>
#include <utility>
#include <variant>

namespace techo {

// An expected-like carrier for API edges: a value or an Error, never an exception.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    { } // NOLINT(google-explicit-constructor)
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    { } // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const noexcept { return m_state.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    [[nodiscard]] T& value() &
    {
        assert(ok());
        return std::get<0>(m_state);
    }
    [[nodiscard]] const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_state);
    }
    [[nodiscard]] T&& value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_state));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    [[nodiscard]] const Error& error() const&
    {
        assert(!ok());
        return std::get<1>(m_state);
    }
    [[nodiscard]] Error&& error() &&
    {
        assert(!ok());
        return std::get<1>(std::move(m_state));
    }

private:
    std::variant<T, Error> m_state;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    { } // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const noexcept { return m_ok; }
    explicit operator bool() const noexcept { return m_ok; }
    [[nodiscard]] const Error& error() const&
    {
        assert(!m_ok);
        return m_error;
    }
    [[nodiscard]] Error&& error() &&
    {
        assert(!m_ok);
        return std::move(m_error);
    }

private:
    Error m_error;
    bool m_ok = true;
};

using Status = Result<void>;

[[nodiscard]] inline Error makeError(ErrorCode code, std::string message)
{
    return Error::make(code, std::move(message));
}

} // namespace techo

// Propagates a failed Result<…> out of a function returning any Result<…>.
#define TECHO_TRY(expr)                                                                                                \
    do {                                                                                                               \
        if (auto techoTryResult_ = (expr); !techoTryResult_.ok())                                                      \
            return std::move(techoTryResult_).error();                                                                 \
    } while (false)

#define TECHO_CONCAT_INNER(a, b) a##b
#define TECHO_CONCAT(a, b) TECHO_CONCAT_INNER(a, b)
// TECHO_ASSIGN(auto x, expr): binds the value of a successful Result or returns its error.
#define TECHO_ASSIGN(decl, expr) TECHO_ASSIGN_IMPL(TECHO_CONCAT(techoAssign_, __LINE__), decl, expr)
#define TECHO_ASSIGN_IMPL(tmp, decl, expr)                                                                             \
    auto tmp = (expr);                                                                                                 \
    if (!tmp.ok())                                                                                                     \
        return std::move(tmp).error();                                                                                 \
    decl = std::move(tmp).value()

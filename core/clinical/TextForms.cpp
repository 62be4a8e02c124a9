#include "core/clinical/TextForms.h"

#include <cstdlib>
#include <memory>
#include <utf8proc.h>

namespace techo::clinical {
namespace {

struct FreeDeleter {
    void operator()(utf8proc_uint8_t* p) const noexcept { std::free(p); }
};

std::optional<std::string> map(std::string_view text, int options)
{
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
        static_cast<utf8proc_ssize_t>(text.size()), &out, static_cast<utf8proc_option_t>(options));
    const std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(out);
    if (length < 0)
        return std::nullopt; // invalid UTF-8 (or out of memory)
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(length));
}

} // namespace

std::optional<std::string> nfkc(std::string_view text)
{
    return map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
}

std::optional<std::string> matchForm(std::string_view text)
{
    auto folded = map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    if (!folded)
        return std::nullopt;
    std::string out;
    out.reserve(folded->size());
    for (const char c : *folded)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            out.push_back(c);
    return out;
}

} // namespace techo::clinical

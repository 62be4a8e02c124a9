#include "Faults.h"

#include <charconv>

namespace techo::sandbox {
namespace {

struct Name {
    FaultKind kind;
    const char* text;
};
constexpr Name kNames[] = {
    {FaultKind::Http500, "http500"},
    {FaultKind::Http503, "http503"},
    {FaultKind::Http429, "http429"},
    {FaultKind::Slow, "slow"},
    {FaultKind::Truncated, "truncated"},
    {FaultKind::MalformedJson, "malformed-json"},
    {FaultKind::InvalidRecords, "invalid-records"},
    {FaultKind::ExpiredToken, "expired-token"},
    {FaultKind::RevokedConsent, "revoked-consent"},
};

} // namespace

std::optional<FaultKind> parseFaultKind(const std::string& text)
{
    for (const auto& n : kNames)
        if (text == n.text)
            return n.kind;
    return std::nullopt;
}

std::string faultName(FaultKind kind)
{
    for (const auto& n : kNames)
        if (n.kind == kind)
            return n.text;
    return "";
}

bool isTransient(FaultKind kind)
{
    return kind == FaultKind::Http500 || kind == FaultKind::Http503 || kind == FaultKind::Http429
        || kind == FaultKind::Slow;
}

long Faults::defaultCount(FaultKind kind)
{
    // expired-token is one-shot by default: it expires the token in use, the client refreshes.
    return isTransient(kind) || kind == FaultKind::ExpiredToken ? 1 : -1;
}

std::optional<std::vector<FaultSpec>> Faults::parseList(const std::string& text, std::string& error)
{
    std::vector<FaultSpec> specs;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t comma = text.find(',', pos);
        const std::string item = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        pos = comma == std::string::npos ? text.size() + 1 : comma + 1;
        if (item.empty())
            continue;
        const std::size_t colon = item.find(':');
        const std::string name = item.substr(0, colon);
        const auto kind = parseFaultKind(name);
        if (!kind) {
            error = "unknown fault kind: " + name;
            return std::nullopt;
        }
        FaultSpec spec {*kind, defaultCount(*kind)};
        if (colon != std::string::npos) {
            const std::string count = item.substr(colon + 1);
            long value = 0;
            const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), value);
            if (count == "inf") {
                value = -1;
            } else if (ec != std::errc() || end != count.data() + count.size() || value < 1) {
                error = "bad fault count in '" + item + "' (a positive integer or 'inf')";
                return std::nullopt;
            }
            spec.remaining = value;
        }
        specs.push_back(spec);
    }
    return specs;
}

std::optional<std::vector<FaultSpec>> Faults::parseJson(const nlohmann::json& body, std::string& error)
{
    if (!body.is_object() || !body.contains("faults") || !body.at("faults").is_array()) {
        error = "expected {\"faults\":[{\"kind\":…,\"count\":…}]}";
        return std::nullopt;
    }
    std::vector<FaultSpec> specs;
    for (const auto& f : body.at("faults")) {
        if (!f.is_object() || !f.contains("kind") || !f.at("kind").is_string()) {
            error = "each fault needs a string \"kind\"";
            return std::nullopt;
        }
        const auto kind = parseFaultKind(f.at("kind").get<std::string>());
        if (!kind) {
            error = "unknown fault kind: " + f.at("kind").get<std::string>();
            return std::nullopt;
        }
        FaultSpec spec {*kind, defaultCount(*kind)};
        if (f.contains("count") && !f.at("count").is_null()) {
            if (!f.at("count").is_number_integer()
                || (f.at("count").get<long>() < 1 && f.at("count").get<long>() != -1)) {
                error = "\"count\" must be a positive integer, or -1 for unlimited";
                return std::nullopt;
            }
            spec.remaining = f.at("count").get<long>();
        }
        specs.push_back(spec);
    }
    return specs;
}

void Faults::replace(std::vector<FaultSpec> specs)
{
    std::lock_guard lock(m_mutex);
    m_specs = std::move(specs);
}

void Faults::clear()
{
    replace({});
}

bool Faults::take(FaultKind kind)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_specs.begin(); it != m_specs.end(); ++it) {
        if (it->kind != kind || it->remaining == 0)
            continue;
        if (it->remaining > 0 && --it->remaining == 0)
            m_specs.erase(it);
        return true;
    }
    return false;
}

bool Faults::armed(FaultKind kind) const
{
    std::lock_guard lock(m_mutex);
    for (const auto& s : m_specs)
        if (s.kind == kind && s.remaining != 0)
            return true;
    return false;
}

nlohmann::json Faults::toJson() const
{
    std::lock_guard lock(m_mutex);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : m_specs)
        list.push_back({{"kind", faultName(s.kind)}, {"remaining", s.remaining}});
    return {{"faults", list}};
}

} // namespace techo::sandbox

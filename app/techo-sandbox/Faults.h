#pragma once

// Switchable faults: set by --fault at start-up and replaced at run time by POST /_sandbox/faults.

#include <nlohmann/json.hpp>

#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace techo::sandbox {

enum class FaultKind {
    Http500,
    Http503,
    Http429,
    Slow,
    Truncated,
    MalformedJson,
    InvalidRecords,
    ExpiredToken,
    RevokedConsent
};

std::optional<FaultKind> parseFaultKind(const std::string& text);
std::string faultName(FaultKind kind);
// 5xx, 429 and slow: they affect resource and token responses and default to one use.
bool isTransient(FaultKind kind);

struct FaultSpec {
    FaultKind kind = FaultKind::Http500;
    long remaining = -1; // -1: unlimited
};

class Faults {
public:
    // "http503:2,slow,invalid-records" → specs; on error returns nullopt and sets error.
    static std::optional<std::vector<FaultSpec>> parseList(const std::string& text, std::string& error);
    // {"faults":[{"kind":"http503","count":2}]} → specs.
    static std::optional<std::vector<FaultSpec>> parseJson(const nlohmann::json& body, std::string& error);
    static long defaultCount(FaultKind kind);

    void replace(std::vector<FaultSpec> specs);
    void clear();
    // Uses up one application of kind if it is armed; true if the fault fires now.
    bool take(FaultKind kind);
    [[nodiscard]] bool armed(FaultKind kind) const;
    [[nodiscard]] nlohmann::json toJson() const;

private:
    mutable std::mutex m_mutex;
    std::vector<FaultSpec> m_specs;
};

} // namespace techo::sandbox

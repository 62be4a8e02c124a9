#include "core/mynaportal/ResultEnvelope.h"

#include <nlohmann/json.hpp>

namespace techo::mynaportal {
namespace {

using json = nlohmann::json;

Error envelopeError(const std::string& path, const std::string& reason)
{
    return makeError(ErrorCode::InvalidData, "the response is not in the expected form: " + path + " " + reason)
        .withKey("import.malformed_response")
        .with("path", path);
}

// Only the envelope's own fields are kept from the document: `data` is skipped while parsing, so a large
// part costs a scan, not a tree.
bool keepEnvelopeOnly(int depth, json::parse_event_t event, json& parsed)
{
    if (event == json::parse_event_t::key && depth == 2 && parsed == "data")
        return false;
    return true;
}

std::optional<std::string> text(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty())
        return std::nullopt;
    return it->get<std::string>();
}

} // namespace

Result<ResultEnvelope> readResultEnvelope(std::string_view body, std::optional<InfoKind> expected)
{
    const json root = json::parse(body.begin(), body.end(), keepEnvelopeOnly, /*allow_exceptions=*/false);
    if (root.is_discarded())
        return makeError(ErrorCode::InvalidData, "the response is not valid JSON (it may have been cut off)")
            .withKey("import.malformed_response");
    if (!root.is_object())
        return envelopeError("$", "must be an object");
    const auto header = root.find("commonHeader");
    if (header == root.end() || !header->is_object())
        return envelopeError("$.commonHeader", "must be an object");
    if (const auto code = text(*header, "errorCode")) {
        const auto message = text(*header, "errorMessage");
        return makeError(ErrorCode::Network,
            "the API refused the request (" + *code + ")" + (message ? ": " + *message : std::string()))
            .withKey("import.api_refused")
            .with("code", *code);
    }
    const std::string infoPath = "$.medicalInsuranceInfoProvisionInfo";
    const auto info = root.find("medicalInsuranceInfoProvisionInfo");
    if (info == root.end() || !info->is_object())
        return envelopeError(infoPath, "must be an object");
    ResultEnvelope envelope;
    const auto kind = text(*info, "infoKind");
    if (kind == "TKK")
        envelope.kind = InfoKind::Checkups;
    else if (kind == "YZK")
        envelope.kind = InfoKind::Dispensings;
    else if (kind == "PMH_VAC")
        envelope.kind = InfoKind::Vaccinations;
    else
        return envelopeError(infoPath + ".infoKind", "is not TKK, YZK or PMH_VAC");
    if (expected && *expected != envelope.kind)
        return envelopeError(infoPath + ".infoKind", "is not the kind that was requested");
    const auto person = text(*info, "personId");
    if (!person)
        return envelopeError(infoPath + ".personId", "is missing");
    envelope.personId = *person;
    for (auto [key, target] : {std::pair {"partNumber", &envelope.partNumber}, {"totalParts", &envelope.totalParts}}) {
        const auto it = info->find(key);
        if (it == info->end())
            continue;
        if (!it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > 1'000'000)
            return envelopeError(infoPath + "." + key, "must be a positive whole number");
        *target = it->get<int>();
    }
    if (envelope.partNumber > envelope.totalParts)
        return envelopeError(infoPath + ".partNumber", "is larger than totalParts");
    return envelope;
}

} // namespace techo::mynaportal

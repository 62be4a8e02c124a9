// The result envelope (IFA telegram): commonHeader, medicalInsuranceInfoProvisionInfo and its paging; the
// records inside `data` are mapped per kind in CheckupMapping, DispensingMapping and VaccinationMapping.
#include "core/mynaportal/ResultMapping.h"

#include "core/mynaportal/MappingFields.h"

namespace techo::mynaportal {

using detail::at;
using detail::Fields;
using detail::structural;
using nlohmann::json;

std::string_view infoKindCode(InfoKind kind) noexcept
{
    switch (kind) {
    case InfoKind::Checkups:
        return "TKK";
    case InfoKind::Dispensings:
        return "YZK";
    case InfoKind::Vaccinations:
        return "PMH_VAC";
    }
    return "";
}

Result<ResultPart> parseResultPart(
    std::string_view body, std::optional<InfoKind> expected, const MappingOptions& options)
{
    json root = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded())
        return makeError(ErrorCode::InvalidData, "the response is not valid JSON (it may have been cut off)")
            .withKey("import.malformed_response");
    if (!root.is_object())
        return structural(detail::fieldError("$", detail::reason::kNotObject));

    Fields top(root, "$");
    const json* header = top.object("commonHeader", true);
    if (top.failed())
        return structural(top.error());
    Fields h(*header, "$.commonHeader");
    const auto errorCode = h.text("errorCode", false);
    if (h.failed())
        return structural(h.error());
    if (errorCode) {
        const auto message = Fields(*header, "$.commonHeader").text("errorMessage", false);
        return makeError(ErrorCode::Network,
            "the API refused the request (" + *errorCode + ")" + (message ? ": " + *message : std::string()))
            .withKey("import.api_refused")
            .with("code", *errorCode)
            .with("message", message.value_or(""));
    }

    const json* info = top.object("medicalInsuranceInfoProvisionInfo", true);
    if (top.failed())
        return structural(top.error());
    const std::string infoPath = "$.medicalInsuranceInfoProvisionInfo";
    Fields f(*info, infoPath);
    ResultPart part;
    const auto kindCode = f.text("infoKind", true);
    part.batch.sourcePersonId = f.text("personId", true).value_or("");
    part.partNumber = f.integer("partNumber", false, 1).value_or(1);
    part.totalParts = f.integer("totalParts", false, 1).value_or(1);
    const json* data = f.object("data", true);
    if (f.failed())
        return structural(f.error());
    if (part.partNumber > part.totalParts)
        return structural(
            detail::fieldError(at(infoPath, "partNumber"), {"part_beyond_total", "is larger than totalParts"}));
    if (*kindCode == "TKK")
        part.kind = InfoKind::Checkups;
    else if (*kindCode == "YZK")
        part.kind = InfoKind::Dispensings;
    else if (*kindCode == "PMH_VAC")
        part.kind = InfoKind::Vaccinations;
    else
        return structural(detail::fieldError(at(infoPath, "infoKind"), {"info_kind", "is not TKK, YZK or PMH_VAC"}));
    if (expected && *expected != part.kind)
        return structural(detail::fieldError(
            at(infoPath, "infoKind"), {"info_kind_unexpected", "is not the kind that was requested"}));

    const std::string dataPath = at(infoPath, "data");
    switch (part.kind) {
    case InfoKind::Checkups:
        TECHO_TRY(detail::mapCheckups(*data, dataPath, options, part.batch));
        break;
    case InfoKind::Dispensings:
        TECHO_TRY(detail::mapDispensings(*data, dataPath, options, part.batch));
        break;
    case InfoKind::Vaccinations:
        TECHO_TRY(detail::mapVaccinations(*data, dataPath, options, part.batch));
        break;
    }
    return part;
}

} // namespace techo::mynaportal

#pragma once

#include "core/export/ExportOutput.h"
#include "core/export/ExportSource.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace techo::exports {

// JP Core (jpfhir.jp, JP Core v1.x) and HL7 base profile URLs the FHIR export names in meta.profile.
namespace fhir_profile {
inline constexpr std::string_view kPatient = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient";
inline constexpr std::string_view kLabResult
    = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_LabResult";
inline constexpr std::string_view kVitalSigns
    = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_VitalSigns";
inline constexpr std::string_view kBodyMeasurement
    = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_BodyMeasurement";
inline constexpr std::string_view kObservationCommon
    = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_Common";
inline constexpr std::string_view kImmunization = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Immunization";
inline constexpr std::string_view kMedicationDispense
    = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_MedicationDispense";
inline constexpr std::string_view kMedicationRequest
    = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_MedicationRequest";
inline constexpr std::string_view kOrganization = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Organization";
// JP Core has no Provenance or Bundle profile: the base resources' own StructureDefinitions.
inline constexpr std::string_view kProvenance = "http://hl7.org/fhir/StructureDefinition/Provenance";
inline constexpr std::string_view kBundle = "http://hl7.org/fhir/StructureDefinition/Bundle";
} // namespace fhir_profile

// 特定健診 item codes (17-character JLAC10 / 健診項目コード): MEDIS JLAC10 17桁, as JP Core writes it in OID form.
inline constexpr std::string_view kJlac10System = "urn:oid:1.2.392.200119.4.504";

// The namespace of every FHIR id Techo writes (RFC 4122 §4.3): a UUID chosen once for Techo, never to change.
inline constexpr std::string_view kFhirIdNamespace = "1adc2a52-8d0e-4cc8-ac84-667dced289b8";

// The FHIR id of a record: an RFC 4122 name-based UUID, version 5 (SHA-1 over kFhirIdNamespace and the name
// `kind` U+001F `identity`; version digit 5, variant bits 10), lower-case 8-4-4-4-12 hex, made by libuuid's
// uuid_generate_sha1. The identity is the record's as docs/import.md defines it (profile: source + person id;
// institution: kind + code, or name without a code; checkup: profile, day, 健診種別, facility; observation: its
// checkup + item code; dispensing: profile, branch, day, pharmacy, prescriber; medication line: its dispensing + RP +
// line; vaccination: the source's historyKey, else profile, day, vaccine code or name, dose). `kind` keeps two kinds
// from ever sharing an id. So a record has the same id in every export, in every vault that holds it (a JSON export
// re-imported elsewhere included), and the id reveals nothing of the record. Bundle references are "urn:uuid:<id>"
// (entry.fullUrl). Until 2026-11 the ids were SHA-256-based UUID-shaped strings: each changed once then.
[[nodiscard]] std::string fhirId(std::string_view kind, std::string_view identity);

// The UCUM code (http://unitsofmeasure.org) of a canonical checkup unit (clinical::CheckupItem::unit): "mm[Hg]"
// for mmHg, "10*4/uL" for 10^4/uL, "mL/min/{1.73_m2}" for eGFR's unit, the spelling itself where it already is
// UCUM (mg/dL, U/L, %, kg, cm, kg/m2, cm2, g/dL). nullopt for a unit this table does not know.
[[nodiscard]] std::optional<std::string_view> ucumCode(std::string_view canonicalUnit);

// Writes the selection as one FHIR R4 Bundle (type collection), JSON, one entry per line (docs/export-format.md,
// "FHIR R4 / JP Core"): a JP_Patient per profile; an Observation per checkup item (JP_Observation_LabResult,
// _VitalSigns, _BodyMeasurement or _Common by item, interpretation from clinical::judgeQuantity / judgeCode as the
// app judges); a JP_Immunization per vaccination; a JP_MedicationDispense per medication line of each dispensing
// that counts as dispensed (clinical::countsAsDispensed); a JP_MedicationRequest per line of each 電子処方箋 処方
// record (DispensingKind::ERxPrescription: what was prescribed); a JP_Organization per institution the records name
// and per data source; a Provenance per record. Returns counts by resource: "patients", "observations",
// "immunizations", "medication_dispenses", "medication_requests", "organizations", "provenances", and
// "dispensings_not_mapped" (claims records superseded by their 電子処方箋 record, left out).
// Errors: database errors; InvalidData when a stored text is not valid UTF-8 (names the record, never the value).
[[nodiscard]] Result<std::map<std::string, std::int64_t>> writeFhirExport(
    ExportSource& source, const ExportRequest& request, ExportFile& out);

} // namespace techo::exports

#!/usr/bin/env python3
"""Checks every resource of a FHIR R4 Bundle (JSON) against the JP Core v1.x profile its meta.profile names:
the elements the profile makes required (min >= 1, required slices), its fixed values, its required bindings to
JP Core code systems, and the profiles its references must point at ("only Reference(JP_Patient)").

Usage: check_jp_core.py BUNDLE
Prints one line per violation (at most 40), then the known deviations and a summary; exits 1 when a resource
breaks a rule (or names a profile this table does not know), 2 when the bundle cannot be read.

What this is, honestly: not a profile validator. A real one (HL7's Java validator, or any validator that reads
StructureDefinitions) needs JP Core's snapshots, and neither they nor such a validator can be installed here (JP Core
is published on the FHIR package registry, which CI cannot reach; it is on neither npm nor Debian). The rules below
are transcribed from the JP Core v1.x sources (jami-fhir-jp-wg/jp-core-v1x, input/fsh/profiles/*.fsh, 2025) for the
profiles Techo writes and the data-type profiles they use: every min >= 1 and every fixed value ("(exactly)") that
applies to the elements Techo writes, the required binding of the observation category, and the reference targets
("only Reference(...)") of the references Techo writes. HL7's base R4 rules are checked by validate_fhir.py (the
official JSON Schema). Other bindings, slicing discriminators beyond `system`, and FHIRPath invariants are not
checked here.

Paths: dotted element names, each step flattening arrays; `name[key=value]` keeps the items whose `key` equals
value (a slice by its discriminator). Rule kinds:
  min    PATH            at least one value at PATH
  any    PATH|PATH...    one of the alternatives has a value (a choice type such as effective[x])
  fixed  PATH VALUE      every value at PATH equals VALUE (checked where PATH has values)
  each   PATH SUBPATH    every node at PATH has a value at SUBPATH (a data-type profile's required element)
  in     PATH CODES      every value at PATH is one of CODES (a required binding)
  ref    PATH TARGETS    every reference at PATH resolves to an entry of the bundle whose profile (JP_…) or, for a
                         base resource, resourceType is one of TARGETS (a reference without `reference`, a display
                         only, has no target to check)
A rule may carry `known`: a deviation Techo cannot avoid with the data it holds; it is listed, and does not fail.
"""
import json
import sys

JP = "http://jpfhir.jp/fhir/core/StructureDefinition/"
CATEGORY = "http://jpfhir.jp/fhir/core/CodeSystem/JP_SimpleObservationCategory_CS"
UCUM = "http://unitsofmeasure.org"
RP = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/Medication-RPGroupNumber"
ORDER_IN_RP = "http://jpfhir.jp/fhir/core/mhlw/IdSystem/MedicationAdministrationIndex"
NO_MERIT9 = ("Techo has no MERIT-9 unit code for a drug quantity (the API sends the unit as text), and a Quantity "
             "code needs its system (qty-3)")

# JP_SimpleObservationCategory_CS (the required binding of JP_Observation_Common.category[first]).
CATEGORY_CODES = ["sdoh", "functional-status", "disability-status", "cognitive-status", "social-history",
                  "vital-signs", "body-measurement", "imaging", "laboratory", "procedure", "survey", "exam", "therapy",
                  "activity"]
PERFORMERS = ["JP_Practitioner", "JP_PractitionerRole", "JP_Organization", "CareTeam", "JP_Patient", "RelatedPerson"]

# JP_Observation_Common (Parent: Observation): category[first] 1..*, its coding.system fixed, coding.code 1.. and
# bound (required); subject and performer targets; and the base Observation's status, code (1..1).
OBSERVATION_COMMON = [
    ("min", "status"), ("min", "code"),
    ("min", "category[coding.system=%s]" % CATEGORY),
    ("min", "category.coding[system=%s].code" % CATEGORY),
    ("in", "category.coding[system=%s].code" % CATEGORY, CATEGORY_CODES),
    ("ref", "subject", ["JP_Patient", "Group", "Device", "JP_Location"]),
    ("ref", "performer", PERFORMERS),
]


def observation(category, extra=()):
    return OBSERVATION_COMMON + [
        ("min", "category"), ("min", "subject"), ("ref", "subject", ["JP_Patient"]),
        ("fixed", "category.coding[system=%s].code" % CATEGORY, category),
    ] + list(extra)


# JP_MedicationDosage (doseAndRate.doseQuantity JP_MedicationSimpleQuantity; rateRatio JP_MedicationRatio_DosePerDay:
# numerator JP_MedicationQuantity, denominator 1 日 UCUM d exactly).
DOSAGE = [
    ("each", "dosageInstruction.doseAndRate.doseQuantity", "value"),
    ("each", "dosageInstruction.doseAndRate.doseQuantity", "code", NO_MERIT9),
    ("each", "dosageInstruction.doseAndRate.rateRatio.numerator", "value"),
    ("each", "dosageInstruction.doseAndRate.rateRatio.numerator", "code", NO_MERIT9),
    ("fixed", "dosageInstruction.doseAndRate.rateRatio.denominator.value", 1),
    ("fixed", "dosageInstruction.doseAndRate.rateRatio.denominator.unit", "日"),
    ("fixed", "dosageInstruction.doseAndRate.rateRatio.denominator.system", UCUM),
    ("fixed", "dosageInstruction.doseAndRate.rateRatio.denominator.code", "d"),
]

# identifier slices rpNumber 1..1 (value 1..) and orderInRp 1..1 (system, value 1..), both sliced by system.
RP_IDENTIFIERS = [
    ("min", "identifier[system=%s].value" % RP),
    ("min", "identifier[system=%s].value" % ORDER_IN_RP),
]

RULES = {
    # identifier 1.., identifier.value 1..
    JP + "JP_Patient": [("min", "identifier"), ("each", "identifier", "value")],
    JP + "JP_Observation_Common": OBSERVATION_COMMON,
    JP + "JP_Observation_LabResult": observation("laboratory", [
        ("min", "code.coding"), ("min", "code.text"),
        ("any", "effectiveDateTime|effectivePeriod|effectiveTiming|effectiveInstant"), ("min", "specimen"),
    ]),
    JP + "JP_Observation_VitalSigns": observation("vital-signs"),
    JP + "JP_Observation_BodyMeasurement": observation("body-measurement"),
    # JP_Immunization adds no required element to Immunization's status, vaccineCode, patient, occurrence[x].
    JP + "JP_Immunization": [
        ("min", "status"), ("min", "vaccineCode"), ("min", "patient"),
        ("any", "occurrenceDateTime|occurrenceString"),
        ("ref", "patient", ["JP_Patient"]),
        ("ref", "performer.actor", ["JP_Practitioner", "JP_PractitionerRole", "JP_Organization"]),
    ],
    # identifier[medicalInstitutionCode].system and [insurerNumber].system are the slices' discriminators.
    JP + "JP_Organization": [],
    JP + "JP_MedicationDispense": RP_IDENTIFIERS + [
        ("min", "status"), ("min", "medicationCodeableConcept"), ("min", "subject"),
        ("min", "quantity"), ("each", "quantity", "value"), ("each", "quantity", "code", NO_MERIT9),
        ("each", "daysSupply", "value"), ("each", "daysSupply", "code"),
        ("min", "whenHandedOver"),
        ("ref", "subject", ["JP_Patient"]),
        ("ref", "performer.actor", ["JP_Practitioner", "JP_PractitionerRole", "JP_Organization", "JP_Patient",
                                    "Device", "RelatedPerson"]),
    ] + DOSAGE,
    JP + "JP_MedicationRequest": RP_IDENTIFIERS + [
        ("min", "status"), ("min", "intent"), ("min", "medicationCodeableConcept"), ("min", "subject"),
        ("min", "authoredOn"),
        ("fixed", "dispenseRequest.expectedSupplyDuration.unit", "日"),
        ("fixed", "dispenseRequest.expectedSupplyDuration.system", UCUM),
        ("fixed", "dispenseRequest.expectedSupplyDuration.code", "d"),
        ("ref", "subject", ["JP_Patient"]),
        ("ref", "requester", ["JP_Practitioner", "JP_PractitionerRole", "JP_Organization", "JP_Patient",
                              "RelatedPerson", "Device"]),
        ("ref", "dispenseRequest.performer", ["JP_Organization"]),
    ] + DOSAGE,
    # JP Core has no Provenance profile: the base resource's target, recorded and agent.who (1..1 / 1..*).
    "http://hl7.org/fhir/StructureDefinition/Provenance": [
        ("min", "target"), ("min", "recorded"), ("min", "agent"), ("each", "agent", "who"),
        ("ref", "agent.who", ["Practitioner", "PractitionerRole", "RelatedPerson", "Patient", "Device",
                              "Organization"]),
    ],
}


def split(path):
    """'a.b[c.d=x].e' -> ['a', 'b[c.d=x]', 'e'] (dots inside brackets stay)."""
    steps, depth, current = [], 0, ""
    for ch in path:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == "." and depth == 0:
            steps.append(current)
            current = ""
        else:
            current += ch
    steps.append(current)
    return steps


def select(nodes, path):
    for step in split(path):
        name, _, condition = step.partition("[")
        out = []
        for node in nodes:
            if not isinstance(node, dict) or name not in node:
                continue
            value = node[name]
            out.extend(value if isinstance(value, list) else [value])
        if condition:
            key, _, wanted = condition[:-1].partition("=")
            out = [n for n in out if wanted in [str(v) for v in select([n], key)]]
        nodes = out
    return [n for n in nodes if n not in (None, "", [], {})]


def target_names(resource):
    """What a reference target counts as: its JP Core profile names and its resourceType."""
    names = {resource.get("resourceType")}
    for profile in resource.get("meta", {}).get("profile", []):
        names.add(profile.rsplit("/", 1)[-1])
    return names


def check(resource, rules, entries):
    """Yields (rule text, known reason or None) for every rule the resource breaks; entries maps fullUrl to
    resource."""
    for rule in rules:
        kind, path = rule[0], rule[1]
        if kind == "min":
            known = rule[2] if len(rule) > 2 else None
            if not select([resource], path):
                yield "%s is required" % path, known
        elif kind == "any":
            if not any(select([resource], p) for p in path.split("|")):
                yield "one of %s is required" % path, None
        elif kind == "fixed":
            for value in select([resource], path):
                if value != rule[2]:
                    yield "%s must be %r, is %r" % (path, rule[2], value), None
        elif kind == "in":
            for value in select([resource], path):
                if value not in rule[2]:
                    yield "%s %r is not in the bound code system" % (path, value), None
        elif kind == "ref":
            for node in select([resource], path):
                ref = node.get("reference") if isinstance(node, dict) else None
                if ref is None:
                    continue
                target = entries.get(ref)
                if target is None:
                    yield "%s %s does not resolve in the bundle" % (path, ref), None
                elif not target_names(target) & set(rule[2]):
                    yield "%s must point at one of %s, points at %s" % (
                        path, "/".join(rule[2]), "/".join(sorted(n for n in target_names(target) if n))), None
        elif kind == "each":
            known = rule[3] if len(rule) > 3 else None
            for node in select([resource], path):
                if not select([node], rule[2]):
                    yield "%s.%s is required" % (path, rule[2]), known


def main():
    try:
        bundle = json.load(open(sys.argv[1], encoding="utf-8"))
    except (OSError, ValueError, IndexError) as e:
        print("cannot read the bundle:", e)
        return 2
    errors, known, checked = [], {}, 0
    entries = {e.get("fullUrl"): e.get("resource", {}) for e in bundle.get("entry", [])}
    for i, entry in enumerate(bundle.get("entry", [])):
        resource = entry.get("resource", {})
        kind = resource.get("resourceType")
        profiles = resource.get("meta", {}).get("profile", [])
        if len(profiles) != 1 or profiles[0] not in RULES:
            errors.append("entry[%d] %s: no known JP Core profile in meta.profile %r" % (i, kind, profiles))
            continue
        name = profiles[0].rsplit("/", 1)[-1]
        for text, reason in check(resource, RULES[profiles[0]], entries):
            if reason:
                known.setdefault("%s: %s (%s)" % (name, text, reason), 0)
                known["%s: %s (%s)" % (name, text, reason)] += 1
            else:
                errors.append("entry[%d] %s (%s): %s" % (i, kind, name, text))
        checked += 1
    for line in errors[:40]:
        print(line)
    for line, n in sorted(known.items()):
        print("known deviation, %d resources: %s" % (n, line))
    print("checked %d resources against their JP Core profiles, %d errors, %d known deviations"
          % (checked, len(errors), len(known)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

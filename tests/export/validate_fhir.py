#!/usr/bin/env python3
"""Validates a FHIR R4 Bundle (JSON) against HL7's official FHIR R4 JSON Schema (fhir.schema.json, draft-06).

Usage: validate_fhir.py SCHEMA BUNDLE
The bundle itself is checked against the schema's Bundle definition, then every entry's resource against the
definition of its resourceType (so an error names the resource and the element, instead of the schema's oneOf
over all 148 resource types failing as a whole). Prints one line per error (at most 20) and the number of
resources checked; exits 1 when anything is invalid, 2 when the input cannot be read.

The schema's patterns are read with ASCII character classes, as HL7's Java validator (java.util.regex) reads them:
the string type's pattern [ \r\n\t\S]+ says "no control characters other than TAB, CR, LF" (R4 datatypes,
string), and Python's Unicode \s would instead refuse the ideographic space U+3000 that Japanese names hold
("藤田　剛"), which the FHIR spec allows.
"""
import copy
import json
import re
import sys

import jsonschema
from jsonschema import validators


def ascii_pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not re.search(pattern, instance, re.ASCII):
        yield jsonschema.ValidationError("%r does not match %r" % (instance, pattern))


FhirValidator = validators.extend(jsonschema.Draft6Validator, {"pattern": ascii_pattern})


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    try:
        bundle = json.load(open(sys.argv[2], encoding="utf-8"))
    except (OSError, ValueError) as e:
        print("cannot read the bundle:", e)
        return 2
    jsonschema.Draft6Validator.check_schema(schema)
    definitions = schema["definitions"]

    def validator(definition, shallow=False):
        s = {"$schema": schema["$schema"], "definitions": copy.copy(definitions) if shallow else definitions,
             "$ref": "#/definitions/" + definition}
        if shallow:
            s["definitions"]["ResourceList"] = {"type": "object"}  # entries are checked one by one below
        return FhirValidator(s)

    errors = []
    if bundle.get("resourceType") != "Bundle":
        errors.append("$: not a Bundle")
    else:
        for e in validator("Bundle", shallow=True).iter_errors(bundle):
            errors.append("Bundle/" + "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:200])
    checked = 0
    validators = {}
    for i, entry in enumerate(bundle.get("entry", [])):
        resource = entry.get("resource", {})
        kind = resource.get("resourceType")
        if kind not in definitions:
            errors.append("entry[%d]: unknown resourceType %r" % (i, kind))
            continue
        if kind not in validators:
            validators[kind] = validator(kind)
        for e in validators[kind].iter_errors(resource):
            errors.append("entry[%d] %s/%s: %s" % (i, kind, "/".join(str(p) for p in e.absolute_path),
                                                    e.message[:200]))
        checked += 1
    for line in errors[:20]:
        print(line)
    print("checked %d resources, %d errors" % (checked, len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

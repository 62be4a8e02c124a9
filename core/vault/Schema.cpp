// Schema of the vault. Each step is append-only: never edit a released step, add a new one.
// SQL here must run on SQLite 3.15 (Debian's SQLCipher 3.4.1): no UPSERT, RETURNING, window functions, json1.
// Dates are ISO 'YYYY-MM-DD' text; instants are UTC 'YYYY-MM-DDTHH:MM:SSZ' text.
#include "core/vault/Database.h"
#include "core/vault/Migrations.h"

#include <array>

namespace techo::vault {
namespace {

constexpr std::string_view kSchemaV1 = R"SQL(
CREATE TABLE profiles (
    id              INTEGER PRIMARY KEY,
    display_name    TEXT NOT NULL,
    kana_name       TEXT,
    birth_date      TEXT,
    sex             TEXT CHECK (sex IN ('male', 'female', 'other', 'unknown')),
    relationship    TEXT NOT NULL DEFAULT 'self' CHECK (relationship IN ('self', 'family')),
    source          TEXT NOT NULL DEFAULT 'manual',
    source_person_id TEXT,
    created_at      TEXT NOT NULL,
    UNIQUE (source, source_person_id)
);

-- Medical institutions, pharmacies, checkup facilities, municipalities and the PHR services the
-- person shares with: one table, told apart by kind.
CREATE TABLE providers (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('medical_institution', 'pharmacy', 'checkup_facility',
                                                  'municipality', 'insurer', 'phr_service')),
    code            TEXT NOT NULL DEFAULT '',
    name            TEXT NOT NULL,
    address         TEXT,
    endpoint_url    TEXT,
    UNIQUE (kind, code, name)
);

CREATE TABLE import_runs (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    source          TEXT NOT NULL,
    origin          TEXT NOT NULL,
    added           INTEGER NOT NULL DEFAULT 0,
    updated         INTEGER NOT NULL DEFAULT 0,
    unchanged       INTEGER NOT NULL DEFAULT 0,
    rejected        INTEGER NOT NULL DEFAULT 0
);

-- Provenance columns (source, source_record_id, fetched_at, import_run_id) sit on every top-level
-- record; observations and medication lines share their parent's.
CREATE TABLE checkups (
    id              INTEGER PRIMARY KEY,
    profile_id      INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    performed_on    TEXT NOT NULL,
    checkup_kind    TEXT NOT NULL DEFAULT '10',
    facility_id     INTEGER REFERENCES providers(id),
    insurer_number  TEXT,
    source          TEXT NOT NULL,
    source_record_id TEXT,
    fetched_at      TEXT,
    import_run_id   INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
    UNIQUE (profile_id, performed_on, checkup_kind)
);
CREATE INDEX checkups_profile_date ON checkups(profile_id, performed_on);

CREATE TABLE observations (
    id              INTEGER PRIMARY KEY,
    checkup_id      INTEGER NOT NULL REFERENCES checkups(id) ON DELETE CASCADE,
    item_code       TEXT NOT NULL CHECK (length(item_code) = 17),
    item_name       TEXT NOT NULL,
    value_type      TEXT NOT NULL CHECK (value_type IN ('PQ', 'CD', 'CO', 'ST')),
    value_num       REAL,
    unit            TEXT,
    value_code      TEXT,
    value_code_system TEXT,
    value_label     TEXT,
    value_text      TEXT,
    range_flag      TEXT CHECK (range_flag IN ('H', 'L')),
    UNIQUE (checkup_id, item_code),
    CHECK (value_type <> 'PQ' OR value_num IS NOT NULL)
);
CREATE INDEX observations_item ON observations(item_code);

CREATE TABLE vaccinations (
    id              INTEGER PRIMARY KEY,
    profile_id      INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    occurred_on     TEXT NOT NULL,
    vaccine_name    TEXT NOT NULL,
    vaccine_code    TEXT NOT NULL DEFAULT '',
    vaccine_code_system TEXT,
    target_disease  TEXT,
    dose_number     INTEGER CHECK (dose_number IS NULL OR dose_number > 0),
    lot_number      TEXT,
    manufacturer    TEXT,
    facility_id     INTEGER REFERENCES providers(id),
    municipality_code TEXT,
    site            TEXT,
    status          TEXT NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'not-done', 'entered-in-error')),
    source          TEXT NOT NULL,
    source_record_id TEXT,
    fetched_at      TEXT,
    import_run_id   INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
    UNIQUE (profile_id, occurred_on, vaccine_code, dose_number)
);
CREATE INDEX vaccinations_profile_date ON vaccinations(profile_id, occurred_on);
-- UNIQUE above lets NULL dose numbers repeat; this closes that gap (expression indexes: SQLite 3.9+).
CREATE UNIQUE INDEX vaccinations_natural_key ON vaccinations(profile_id, occurred_on, vaccine_code, ifnull(dose_number, 0));

-- One dispensing (or prescription) event at one institution on one day; its drug lines follow.
CREATE TABLE dispensings (
    id              INTEGER PRIMARY KEY,
    profile_id      INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('claims', 'eRx_prescription', 'eRx_dispensing', 'manual')),
    dispensed_on    TEXT NOT NULL,
    prescribed_on   TEXT,
    pharmacy_id     INTEGER NOT NULL REFERENCES providers(id),
    prescriber_id   INTEGER REFERENCES providers(id),
    in_out          TEXT CHECK (in_out IN ('inpatient', 'outpatient')),
    superseded_by   INTEGER REFERENCES dispensings(id) ON DELETE SET NULL,
    source          TEXT NOT NULL,
    source_record_id TEXT,
    fetched_at      TEXT,
    import_run_id   INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
    UNIQUE (profile_id, kind, dispensed_on, pharmacy_id)
);
CREATE INDEX dispensings_profile_date ON dispensings(profile_id, dispensed_on);

CREATE TABLE medication_lines (
    id              INTEGER PRIMARY KEY,
    dispensing_id   INTEGER NOT NULL REFERENCES dispensings(id) ON DELETE CASCADE,
    rp_number       INTEGER NOT NULL DEFAULT 1,
    line_number     INTEGER NOT NULL,
    drug_code       TEXT NOT NULL,
    drug_code_system TEXT NOT NULL CHECK (drug_code_system IN ('receipt', 'yj', 'hot', 'none')),
    drug_name       TEXT NOT NULL,
    ingredient_name TEXT,
    quantity        REAL,
    unit            TEXT,
    usage_text      TEXT,
    special_instruction TEXT,
    days            INTEGER CHECK (days IS NULL OR days >= 0),
    dosage_form     TEXT,
    claims_category TEXT,
    UNIQUE (dispensing_id, rp_number, line_number)
);
CREATE INDEX medication_lines_code ON medication_lines(drug_code);

-- Consent to share with one PHR service: which categories, which date window, for what, until when.
CREATE TABLE consents (
    id              INTEGER PRIMARY KEY,
    provider_id     INTEGER NOT NULL REFERENCES providers(id),
    profile_id      INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    categories      TEXT NOT NULL CHECK (categories <> ''),
    purpose         TEXT NOT NULL,
    data_from       TEXT,
    data_to         TEXT,
    granted_at      TEXT NOT NULL,
    expires_at      TEXT,
    revoked_at      TEXT,
    CHECK (data_from IS NULL OR data_to IS NULL OR data_from <= data_to),
    CHECK (expires_at IS NULL OR expires_at > granted_at)
);

CREATE TABLE share_records (
    id              INTEGER PRIMARY KEY,
    consent_id      INTEGER NOT NULL REFERENCES consents(id) ON DELETE CASCADE,
    provider_id     INTEGER NOT NULL REFERENCES providers(id),
    shared_at       TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
    package_sha256  TEXT,
    record_count    INTEGER NOT NULL DEFAULT 0,
    detail          TEXT
);

-- Exactly which records one share sent, so the person can see it later.
CREATE TABLE share_items (
    share_id        INTEGER NOT NULL REFERENCES share_records(id) ON DELETE CASCADE,
    record_kind     TEXT NOT NULL CHECK (record_kind IN ('checkup', 'vaccination', 'dispensing')),
    record_id       INTEGER NOT NULL,
    PRIMARY KEY (share_id, record_kind, record_id)
);

-- What happened, never what the data was: details carry identifiers and counts, not health values.
CREATE TABLE audit_events (
    id              INTEGER PRIMARY KEY,
    occurred_at     TEXT NOT NULL,
    action          TEXT NOT NULL,
    subject_kind    TEXT,
    subject_id      INTEGER,
    detail          TEXT
);
CREATE INDEX audit_events_time ON audit_events(occurred_at);
)SQL";

// Version 2: record identity (issue 9). The v1 natural keys were too coarse and overwrote distinct records;
// SQLite cannot drop a table's UNIQUE constraint, so those three tables are rebuilt (migrate() runs every
// step with foreign keys off and checks them before commit, as SQLite's ALTER TABLE recipe requires).
// Identities (docs/import.md): checkups by (profile, day, kind, facility); dispensings by (profile, kind, day,
// pharmacy, prescriber); vaccinations by the source's historyKey, else (profile, day, vaccine code or name, dose);
// institutions by (kind, code) — the name is an attribute. The importer enforces the identities that
// older vaults may not yet satisfy as unique indexes.
constexpr std::string_view kSchemaV2 = R"SQL(
CREATE TABLE checkups_v2 (
    id              INTEGER PRIMARY KEY,
    profile_id      INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    performed_on    TEXT NOT NULL,
    checkup_kind    TEXT NOT NULL DEFAULT '10',
    facility_id     INTEGER REFERENCES providers(id),
    insurer_number  TEXT,
    source          TEXT NOT NULL,
    source_record_id TEXT,
    fetched_at      TEXT,
    import_run_id   INTEGER REFERENCES import_runs(id) ON DELETE SET NULL
);
INSERT INTO checkups_v2 SELECT id, profile_id, performed_on, checkup_kind, facility_id, insurer_number, source,
    source_record_id, fetched_at, import_run_id FROM checkups;
DROP TABLE checkups;
ALTER TABLE checkups_v2 RENAME TO checkups;
CREATE INDEX checkups_profile_date ON checkups(profile_id, performed_on);

CREATE TABLE vaccinations_v2 (
    id              INTEGER PRIMARY KEY,
    profile_id      INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    occurred_on     TEXT NOT NULL,
    vaccine_name    TEXT NOT NULL,
    vaccine_code    TEXT NOT NULL DEFAULT '',
    vaccine_code_system TEXT,
    target_disease  TEXT,
    dose_number     INTEGER CHECK (dose_number IS NULL OR dose_number > 0),
    lot_number      TEXT,
    manufacturer    TEXT,
    facility_id     INTEGER REFERENCES providers(id),
    municipality_code TEXT,
    site            TEXT,
    status          TEXT NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'not-done', 'entered-in-error')),
    source          TEXT NOT NULL,
    source_record_id TEXT,
    fetched_at      TEXT,
    import_run_id   INTEGER REFERENCES import_runs(id) ON DELETE SET NULL
);
INSERT INTO vaccinations_v2 SELECT id, profile_id, occurred_on, vaccine_name, vaccine_code, vaccine_code_system,
    target_disease, dose_number, lot_number, manufacturer, facility_id, municipality_code, site, status, source,
    source_record_id, fetched_at, import_run_id FROM vaccinations;
DROP TABLE vaccinations;
ALTER TABLE vaccinations_v2 RENAME TO vaccinations;
CREATE INDEX vaccinations_profile_date ON vaccinations(profile_id, occurred_on);
CREATE INDEX vaccinations_source_record ON vaccinations(profile_id, source, source_record_id);

CREATE TABLE dispensings_v2 (
    id              INTEGER PRIMARY KEY,
    profile_id      INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('claims', 'eRx_prescription', 'eRx_dispensing', 'manual')),
    dispensed_on    TEXT NOT NULL,
    prescribed_on   TEXT,
    pharmacy_id     INTEGER NOT NULL REFERENCES providers(id),
    prescriber_id   INTEGER REFERENCES providers(id),
    in_out          TEXT CHECK (in_out IN ('inpatient', 'outpatient')),
    superseded_by   INTEGER REFERENCES dispensings(id) ON DELETE SET NULL,
    source          TEXT NOT NULL,
    source_record_id TEXT,
    fetched_at      TEXT,
    import_run_id   INTEGER REFERENCES import_runs(id) ON DELETE SET NULL
);
INSERT INTO dispensings_v2 SELECT id, profile_id, kind, dispensed_on, prescribed_on, pharmacy_id, prescriber_id,
    in_out, superseded_by, source, source_record_id, fetched_at, import_run_id FROM dispensings;
DROP TABLE dispensings;
ALTER TABLE dispensings_v2 RENAME TO dispensings;
CREATE INDEX dispensings_profile_date ON dispensings(profile_id, dispensed_on);

-- Institutions are one row per (kind, code): fold rows that differed only in the name's spelling.
CREATE TEMP TABLE provider_merge AS
    SELECT p.id AS old_id,
           (SELECT min(q.id) FROM providers q WHERE q.kind = p.kind AND q.code = p.code) AS new_id
    FROM providers p WHERE p.code <> '';
DELETE FROM provider_merge WHERE old_id = new_id;
UPDATE checkups SET facility_id = (SELECT new_id FROM provider_merge WHERE old_id = facility_id)
    WHERE facility_id IN (SELECT old_id FROM provider_merge);
UPDATE vaccinations SET facility_id = (SELECT new_id FROM provider_merge WHERE old_id = facility_id)
    WHERE facility_id IN (SELECT old_id FROM provider_merge);
UPDATE dispensings SET pharmacy_id = (SELECT new_id FROM provider_merge WHERE old_id = pharmacy_id)
    WHERE pharmacy_id IN (SELECT old_id FROM provider_merge);
UPDATE dispensings SET prescriber_id = (SELECT new_id FROM provider_merge WHERE old_id = prescriber_id)
    WHERE prescriber_id IN (SELECT old_id FROM provider_merge);
UPDATE consents SET provider_id = (SELECT new_id FROM provider_merge WHERE old_id = provider_id)
    WHERE provider_id IN (SELECT old_id FROM provider_merge);
UPDATE share_records SET provider_id = (SELECT new_id FROM provider_merge WHERE old_id = provider_id)
    WHERE provider_id IN (SELECT old_id FROM provider_merge);
DELETE FROM providers WHERE id IN (SELECT old_id FROM provider_merge);
DROP TABLE provider_merge;
CREATE UNIQUE INDEX providers_identity ON providers(kind, code) WHERE code <> '';

-- v1 allowed one checkup per (profile, day, kind), so adding the facility keeps every stored row unique.
CREATE UNIQUE INDEX checkups_identity ON checkups(profile_id, performed_on, checkup_kind, ifnull(facility_id, 0));
CREATE INDEX dispensings_identity ON dispensings(profile_id, kind, dispensed_on, pharmacy_id);

ALTER TABLE observations ADD COLUMN comparator TEXT CHECK (comparator IN ('<', '<=', '>=', '>'));
ALTER TABLE observations ADD COLUMN unit_as_sent TEXT;
ALTER TABLE profiles ADD COLUMN local_name TEXT;
)SQL";

Status applySchemaV1(Database& db)
{
    return db.exec(kSchemaV1);
}

Status applySchemaV2(Database& db)
{
    return db.exec(kSchemaV2);
}

const std::array<Migration, 2> kMigrations = {{
    {1, "initial schema", applySchemaV1},
    {2, "record identity: complete natural keys, institutions by code, comparators and units as sent", applySchemaV2},
}};

} // namespace

std::span<const Migration> schemaMigrations()
{
    return kMigrations;
}

int latestSchemaVersion()
{
    return kMigrations.back().toVersion;
}

} // namespace techo::vault

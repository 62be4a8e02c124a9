#include "core/vault/ProfileRepository.h"

#include "core/vault/RowMapping.h"
#include "core/vault/Savepoint.h"

namespace techo::vault {
namespace {

constexpr std::string_view kSelect = "SELECT id, display_name, kana_name, birth_date, sex, relationship, source, "
                                     "source_person_id, created_at, local_name FROM profiles ";

domain::Profile readProfile(Row& row)
{
    domain::Profile p;
    p.id = row.int64();
    p.displayName = row.text();
    p.kanaName = row.optionalText();
    p.birthDate = row.optionalDate();
    p.sex = row.optionalEnum<domain::Sex>();
    p.relationship = row.enumValue<domain::Relationship>();
    p.source = row.text();
    p.sourcePersonId = row.optionalText();
    p.createdAt = row.timestamp();
    p.localName = row.optionalText();
    return p;
}

// Binds the columns shared by INSERT and UPDATE, in the order display_name … created_at.
void addFields(Params& params, const domain::Profile& p)
{
    params.add(p.displayName)
        .add(p.kanaName)
        .add(p.birthDate)
        .add(p.sex)
        .add(p.relationship)
        .add(p.source)
        .add(p.sourcePersonId)
        .add(p.createdAt)
        .add(p.localName);
}

} // namespace

Result<std::int64_t> ProfileRepository::insert(domain::Profile& profile)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("INSERT INTO profiles (display_name, kana_name, birth_date, sex, relationship, source, "
                     "source_person_id, created_at, local_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    Params params(stmt);
    addFields(params, profile);
    TECHO_TRY(params.run());
    profile.id = m_db.lastInsertRowId();
    return profile.id;
}

Status ProfileRepository::update(const domain::Profile& profile)
{
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare("UPDATE profiles SET display_name = ?, kana_name = ?, birth_date = ?, sex = ?, relationship = ?, "
                     "source = ?, source_person_id = ?, created_at = ?, local_name = ? WHERE id = ?"));
    Params params(stmt);
    addFields(params, profile);
    params.add(profile.id);
    TECHO_TRY(params.run());
    return requireChanged(m_db, "profile");
}

Result<domain::Profile> ProfileRepository::get(std::int64_t id)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kSelect) + "WHERE id = ?"));
    stmt.bind(1, id);
    return requireFound(firstRow<domain::Profile>(stmt, readProfile), "profile");
}

Result<std::vector<domain::Profile>> ProfileRepository::list()
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kSelect) + "ORDER BY id"));
    return collectRows<domain::Profile>(stmt, readProfile);
}

Result<std::optional<domain::Profile>> ProfileRepository::findBySourcePerson(
    std::string_view source, std::string_view sourcePersonId)
{
    TECHO_ASSIGN(Statement stmt, m_db.prepare(std::string(kSelect) + "WHERE source = ? AND source_person_id = ?"));
    stmt.bind(1, source).bind(2, sourcePersonId);
    return firstRow<domain::Profile>(stmt, readProfile);
}

Result<std::vector<domain::Profile>> ProfileRepository::listBySourcePerson(
    std::string_view source, std::string_view sourcePersonId)
{
    // substr rather than LIKE: a person id may contain % or _.
    TECHO_ASSIGN(Statement stmt,
        m_db.prepare(std::string(kSelect)
            + "WHERE source = ? AND (source_person_id = ? OR substr(source_person_id, 1, length(?)) = ?) ORDER BY id"));
    const std::string prefix = std::string(sourcePersonId) + "#";
    stmt.bind(1, source).bind(2, sourcePersonId).bind(3, prefix).bind(4, prefix);
    return collectRows<domain::Profile>(stmt, readProfile);
}

Status ProfileRepository::remove(std::int64_t id)
{
    TECHO_ASSIGN(Savepoint savepoint, Savepoint::begin(m_db));
    {
        // share_records.consent_id has no ON DELETE action, so the consents' cascade would be refused.
        TECHO_ASSIGN(Statement shares,
            m_db.prepare(
                "DELETE FROM share_records WHERE consent_id IN (SELECT id FROM consents WHERE profile_id = ?)"));
        shares.bind(1, id);
        TECHO_TRY(shares.run());
    }
    TECHO_ASSIGN(Statement stmt, m_db.prepare("DELETE FROM profiles WHERE id = ?"));
    stmt.bind(1, id);
    TECHO_TRY(stmt.run());
    TECHO_TRY(requireChanged(m_db, "profile"));
    return savepoint.release();
}

} // namespace techo::vault

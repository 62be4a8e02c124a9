// Schema migrations: the v0 fixture upgrades, steps run in order, each in its own transaction.
#include "core/vault/Migrations.h"
#include "core/vault/Statement.h"
#include "core/vault/Vault.h"
#include "tests/support/TestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace techo;

namespace {

bool tableExists(vault::Database& db, const char* name)
{
    auto stmt = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    if (!stmt.ok())
        return false;
    stmt->bind(1, name);
    auto row = stmt->step();
    return row.ok() && row.value() && stmt->int64(0) == 1;
}

} // namespace

class TestMigrations : public QObject {
    Q_OBJECT

private slots:
    void v0Fixture_opensAndMigratesToLatest()
    {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("v0.techo"));
        QVERIFY(QFile::copy(test::sourcePath(QStringLiteral("tests/data/vault-v0.techo")), p));
        QFile::setPermissions(p, QFile::ReadOwner | QFile::WriteOwner);
        {
            auto v = vault::Vault::open(p.toStdString(), test::secret("v0 fixture"));
            QVERIFY2(v.ok(), v.ok() ? "" : v.error().message.c_str());
            QCOMPARE(v.value()->schemaVersion().value(), vault::latestSchemaVersion());
            for (const char* table :
                {"profiles", "providers", "checkups", "observations", "vaccinations", "dispensings", "medication_lines",
                    "consents", "share_records", "share_items", "audit_events", "import_runs"})
                QVERIFY2(tableExists(v.value()->database(), table), table);
            auto fk = v.value()->database().queryInt("PRAGMA foreign_keys");
            QVERIFY(fk.ok());
            QCOMPARE(fk.value(), 1);
        }
        // The upgrade was committed: a second open finds the latest version without migrating.
        auto again = vault::Vault::open(p.toStdString(), test::secret("v0 fixture"));
        QVERIFY(again.ok());
        QCOMPARE(again.value()->schemaVersion().value(), vault::latestSchemaVersion());
    }

    void steps_runInOrder_failingStepRollsBackAndStops()
    {
        QTemporaryDir dir;
        auto v = test::createTestVault(dir.filePath(QStringLiteral("m.techo")));
        QVERIFY(v);
        vault::Database& db = v->database();
        const int base = vault::latestSchemaVersion();
        std::vector<int> order;
        std::vector<vault::Migration> steps(vault::schemaMigrations().begin(), vault::schemaMigrations().end());
        steps.push_back({base + 1, "add a", [&](vault::Database& d) {
                             order.push_back(base + 1);
                             return d.exec("CREATE TABLE step_a (x)");
                         }});
        steps.push_back({base + 2, "add b then fail", [&](vault::Database& d) -> Status {
                             order.push_back(base + 2);
                             TECHO_TRY(d.exec("CREATE TABLE step_b (x)"));
                             return d.exec("THIS IS NOT SQL");
                         }});
        steps.push_back({base + 3, "never reached", [&](vault::Database& d) {
                             order.push_back(base + 3);
                             return d.exec("CREATE TABLE step_c (x)");
                         }});
        const Status result = vault::migrate(db, steps);
        QVERIFY(!result.ok());
        QVERIFY(QString::fromStdString(result.error().message).contains(QString::number(base + 2)));
        QCOMPARE(order, (std::vector<int> {base + 1, base + 2}));
        QCOMPARE(db.queryInt("PRAGMA user_version").value(), base + 1);
        QVERIFY(tableExists(db, "step_a"));
        QVERIFY(!tableExists(db, "step_b"));
        QVERIFY(!tableExists(db, "step_c"));
    }

    // v1 → v2 (record identity): institutions that differed only in the name's spelling become one, every
    // reference follows, no row is lost, and v1's too-coarse keys are gone.
    void v1ToV2_foldsInstitutionsByCode_keepsEveryRow_andDropsTheCoarseKeys()
    {
        QTemporaryDir dir;
        auto v = test::createTestVault(dir.filePath(QStringLiteral("v1.techo")));
        QVERIFY(v);
        vault::Database& db = v->database();
        // Back to an empty v1 database: drop what create() made, then apply only the first step.
        QVERIFY(db.exec("PRAGMA foreign_keys = OFF").ok());
        for (const char* table : {"share_items", "share_records", "consents", "medication_lines", "dispensings",
                 "vaccinations", "observations", "checkups", "import_runs", "providers", "profiles", "audit_events"})
            QVERIFY2(db.exec(std::string("DROP TABLE ") + table).ok(), table);
        QVERIFY(db.exec("PRAGMA user_version = 0").ok());
        QVERIFY(vault::migrate(db, vault::schemaMigrations().first(1)).ok());
        QCOMPARE(db.queryInt("PRAGMA user_version").value(), 1);
        const Status filled = db.exec(R"SQL(
            INSERT INTO profiles (id, display_name, created_at) VALUES (1, 'A', '2026-01-01T00:00:00Z');
            INSERT INTO providers (id, kind, code, name) VALUES
                (1, 'pharmacy', '1349990022', 'こもれび薬局'),
                (2, 'pharmacy', '1349990022', '株式会社こもれび　こもれび薬局'),
                (3, 'medical_institution', '1319990033', 'やまびこ内科'),
                (4, 'pharmacy', '', '名前だけの薬局');
            INSERT INTO dispensings (id, profile_id, kind, dispensed_on, pharmacy_id, prescriber_id, source) VALUES
                (1, 1, 'claims', '2025-07-07', 1, 3, 'mynaportal'),
                (2, 1, 'eRx_dispensing', '2025-07-07', 2, 3, 'mynaportal'),
                (3, 1, 'claims', '2025-07-08', 4, NULL, 'mynaportal');
            INSERT INTO medication_lines (dispensing_id, line_number, drug_code, drug_code_system, drug_name) VALUES
                (1, 1, '2171022F1029', 'yj', 'アムロジピン'), (2, 1, '2171022F1029', 'yj', 'アムロジピン'),
                (3, 1, '', 'none', '湿布');
            INSERT INTO checkups (id, profile_id, performed_on, facility_id, source) VALUES
                (1, 1, '2025-06-12', NULL, 'mynaportal');
            INSERT INTO observations (checkup_id, item_code, item_name, value_type, value_num, unit) VALUES
                (1, '3F077000002327101', 'LDL', 'PQ', 132, 'mg/dL');
            INSERT INTO vaccinations (profile_id, occurred_on, vaccine_name, source) VALUES
                (1, '2024-06-03', 'ロタ', 'pmh');
        )SQL");
        QVERIFY2(filled.ok(), filled.ok() ? "" : filled.error().message.c_str());

        const Status migrated = vault::migrate(db, vault::schemaMigrations());
        QVERIFY2(migrated.ok(), migrated.ok() ? "" : migrated.error().message.c_str());
        QCOMPARE(db.queryInt("PRAGMA user_version").value(), 2);
        QCOMPARE(db.queryInt("PRAGMA foreign_keys").value(), 1);
        QCOMPARE(db.queryInt("SELECT count(*) FROM providers WHERE kind = 'pharmacy'").value(), 2);
        QCOMPARE(db.queryInt("SELECT count(*) FROM dispensings WHERE pharmacy_id = 1").value(), 2);
        QCOMPARE(db.queryInt("SELECT count(*) FROM dispensings WHERE pharmacy_id = 4").value(), 1);
        QCOMPARE(db.queryInt("SELECT count(*) FROM medication_lines").value(), 3);
        QCOMPARE(db.queryInt("SELECT count(*) FROM observations").value(), 1);
        QCOMPARE(db.queryInt("SELECT count(*) FROM vaccinations").value(), 1);
        // New columns, and the v1 keys no longer refuse what v2 tells apart.
        QVERIFY(db.exec("UPDATE observations SET comparator = '<', unit_as_sent = 'mg/dl'").ok());
        QVERIFY(db.exec("INSERT INTO dispensings (profile_id, kind, dispensed_on, pharmacy_id, prescriber_id, source) "
                        "VALUES (1, 'claims', '2025-07-07', 1, NULL, 'mynaportal')")
                    .ok());
        QVERIFY(db.exec("INSERT INTO vaccinations (profile_id, occurred_on, vaccine_name, source) "
                        "VALUES (1, '2024-06-03', '五種混合', 'pmh')")
                    .ok());
        // …and (kind, code) is now unique.
        QVERIFY(!db.exec("INSERT INTO providers (kind, code, name) VALUES ('pharmacy', '1349990022', 'x')").ok());
        auto check = db.prepare("PRAGMA foreign_key_check");
        QVERIFY(check.ok());
        QVERIFY(!check->step().value());
    }

    void newerDatabase_isRefusedWithoutChange()
    {
        QTemporaryDir dir;
        auto v = test::createTestVault(dir.filePath(QStringLiteral("n.techo")));
        QVERIFY(v);
        const int latest = vault::latestSchemaVersion();
        QVERIFY(v->database().exec("PRAGMA user_version = " + std::to_string(latest + 5)).ok());
        const Status result = vault::migrate(v->database(), vault::schemaMigrations());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::NewerFormat);
        QCOMPARE(v->database().queryInt("PRAGMA user_version").value(), latest + 5);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"

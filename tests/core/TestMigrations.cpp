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

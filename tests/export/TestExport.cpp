// Exports (issue 12) through techo-cli on real vaults. What the exports hold is read back by code that did not
// write it: Qt's JSON parser, python3-jsonschema against resources/export/techo-export.schema.json, Python's csv
// module, sha256sum.
#include "core/domain/Checkup.h"
#include "core/export/JsonImport.h"
#include "core/import/ImportJobs.h"
#include "core/vault/AuditRepository.h"
#include "core/vault/CheckupRepository.h"
#include "core/vault/ImportRunRepository.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/Vault.h"
#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <map>
#include <unistd.h>

using namespace techo;

namespace {

// Free texts that need CSV quoting — every reason at once, and a line break alone — in a self-recorded checkup.
const QString kAwkwardText = QStringLiteral("所見, \"要再検\"\n経過観察");
const QString kTwoLines = QStringLiteral("一行目\n二行目");

QString apiFile(const char* name)
{
    return test::sourcePath(QStringLiteral("tests/data/api/") + QString::fromUtf8(name));
}

test::ProcessResult cli(const QString& vault, const QStringList& args, const QStringList& extraEnv = {})
{
    QStringList env {QStringLiteral("TECHO_PASSPHRASE=") + QString::fromUtf8(test::kTestPassphrase)};
    env += extraEnv;
    return test::runTool(
        test::builtTool(QStringLiteral("techo-cli")), QStringList {QStringLiteral("--vault"), vault} + args, env);
}

QJsonObject readJson(const QString& path)
{
    return QJsonDocument::fromJson(test::readAll(path)).object();
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

// Runs python3 with a script; returns its exit code and output.
test::ProcessResult python(const QString& script, const QStringList& args)
{
    return test::runTool(QStringLiteral("python3"), QStringList {QStringLiteral("-c"), script} + args);
}

// Validates a file against the export's JSON Schema with python3-jsonschema (Draft 2020-12).
test::ProcessResult validate(const QString& file)
{
    static const QString script = QStringLiteral(R"PY(
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2], encoding="utf-8"))))
for e in errors[:5]:
    print("/".join(str(p) for p in e.absolute_path), e.message[:200])
sys.exit(1 if errors else 0)
)PY");
    return python(script, {test::sourcePath(QStringLiteral("resources/export/techo-export.schema.json")), file});
}

// The export with every id replaced by "<kind>#<n>", n counting that kind's ids in document order, and the parts
// that differ by nature between two exports (the time it was made) removed: two exports of the same content compare
// equal whatever row ids their vaults gave the records.
QJsonValue withoutIds(const QJsonValue& value, const std::map<QString, QString>& ids)
{
    if (value.isString()) {
        const auto it = ids.find(value.toString());
        return it == ids.end() ? value : QJsonValue(it->second);
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& item : value.toArray())
            out.append(withoutIds(item, ids));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            out.insert(it.key(), withoutIds(it.value(), ids));
        return out;
    }
    return value;
}

void collectIds(const QJsonValue& value, std::map<QString, QString>& ids, std::map<QString, int>& perKind)
{
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            collectIds(item, ids, perKind);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.contains(QStringLiteral("id"))) {
            const QString id = object[QStringLiteral("id")].toString();
            const QString kind = id.left(id.lastIndexOf(QLatin1Char('-')));
            ids[id] = kind + QLatin1Char('#') + QString::number(++perKind[kind]);
        }
        for (const QJsonValue& member : object)
            collectIds(member, ids, perKind);
    }
}

QJsonObject canonical(QJsonObject doc)
{
    doc.remove(QStringLiteral("exported_at"));
    std::map<QString, QString> ids;
    std::map<QString, int> perKind;
    collectIds(doc, ids, perKind);
    return withoutIds(doc, ids).toObject();
}

// Every import_run reference of the records.
QSet<QString> referencedRuns(const QJsonObject& doc)
{
    QSet<QString> runs;
    for (const char* kind : {"checkups", "dispensings", "vaccinations"})
        for (const QJsonValue& record : doc[QString::fromUtf8(kind)].toArray()) {
            const QJsonValue run = record[QStringLiteral("provenance")][QStringLiteral("import_run")];
            if (run.isString())
                runs.insert(run.toString());
        }
    return runs;
}

int recordCount(const QJsonObject& doc)
{
    return static_cast<int>(doc[QStringLiteral("checkups")].toArray().size()
        + doc[QStringLiteral("dispensings")].toArray().size() + doc[QStringLiteral("vaccinations")].toArray().size());
}

QByteArray sha256Hex(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_vault; // the vault every test exports from (built once)
    int m_exportsDone = 0; // successful exports of m_vault, each of which must have its audit event

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Exports m_vault (or another vault) with the given arguments; fails the test unless it worked.
    QJsonObject exportOk(const QStringList& args, const QString& vault = {})
    {
        const test::ProcessResult r = cli(vault.isEmpty() ? m_vault : vault,
            QStringList {QStringLiteral("export")} + args + QStringList {QStringLiteral("--json")});
        if (r.exitCode != 0)
            qWarning("export failed: %s", r.err.constData());
        if ((vault.isEmpty() || vault == m_vault) && r.exitCode == 0)
            ++m_exportsDone;
        return QJsonDocument::fromJson(r.out).object();
    }

    int exportEventsIn(const QString& vaultPath)
    {
        auto vault = vault::Vault::open(vaultPath.toStdString(), test::secret(test::kTestPassphrase));
        if (!vault.ok())
            return -1;
        auto events = vault::AuditRepository(vault.value()->database()).listRecent(1000);
        if (!events.ok())
            return -1;
        return static_cast<int>(std::count_if(events->begin(), events->end(),
            [](const domain::AuditEvent& e) { return e.action == "export.completed"; }));
    }

    // Exports `vault`, imports the file into a fresh vault, exports that and compares the two documents as parsed
    // JSON, ids aside. Returns the first export.
    QJsonObject checkRoundTrip(const QString& vault, const QString& tag)
    {
        const QString first = path(tag + QStringLiteral("-round-1.json"));
        exportOk({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), first}, vault);
        const QString fresh = path(tag + QStringLiteral("-fresh.techo"));
        if (!test::createTestVault(fresh))
            return {};
        const test::ProcessResult imported
            = cli(fresh, {QStringLiteral("import"), QStringLiteral("--file"), first, QStringLiteral("--json")});
        if (imported.exitCode != 0) {
            QTest::qFail(imported.err.constData(), __FILE__, __LINE__);
            return {};
        }
        const QJsonObject report = QJsonDocument::fromJson(imported.out).object();
        const QJsonObject a = readJson(first);
        QTest::qCompare(
            report[QStringLiteral("added")].toInt(), recordCount(a), "added", "records", __FILE__, __LINE__);
        QTest::qCompare(report[QStringLiteral("rejected")].toInt(), 0, "rejected", "0", __FILE__, __LINE__);

        const QString second = path(tag + QStringLiteral("-round-2.json"));
        exportOk({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), second}, fresh);
        QJsonObject b = readJson(second);

        QJsonArray kept;
        int restoreRuns = 0;
        for (const QJsonValue& run : b[QStringLiteral("import_runs")].toArray()) {
            if (run[QStringLiteral("source")].toString() == QStringLiteral("techo-export")) {
                ++restoreRuns;
                if (referencedRuns(b).contains(run[QStringLiteral("id")].toString()))
                    QTest::qFail("a record names the run of the file's own import", __FILE__, __LINE__);
                continue;
            }
            kept.append(run);
        }
        QTest::qCompare(restoreRuns, 1, "restoreRuns", "1", __FILE__, __LINE__);
        b[QStringLiteral("import_runs")] = kept;
        QJsonObject counts = b[QStringLiteral("counts")].toObject();
        counts[QStringLiteral("import_runs")] = counts[QStringLiteral("import_runs")].toInt() - 1;
        b[QStringLiteral("counts")] = counts;

        const QJsonObject ca = canonical(a);
        const QJsonObject cb = canonical(b);
        for (auto it = ca.begin(); it != ca.end(); ++it)
            if (it.value() != cb[it.key()])
                QTest::qFail(qPrintable(QStringLiteral("the exports differ in ") + it.key()), __FILE__, __LINE__);
        if (ca != cb)
            QTest::qFail("the exports differ", __FILE__, __LINE__);
        return a;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_vault = path(QStringLiteral("source.techo"));
        auto vault = test::createTestVault(m_vault);
        QVERIFY(vault);
        vault::Database& db = vault->database();
        // Real API shapes: comparators (01), units sent in other spellings (05), two prescribers one day (07),
        // a deleted (entered-in-error) vaccination (pmh-valid); 13 reuses P0001 for another person, kept apart.
        import::ImportPolicy policy;
        policy.personResolutions["P0001"] = import::PersonResolution::KeepApart;
        for (const char* file : {"tkk-valid.json", "pmh-valid.json", "yzk-valid.json", "cases/01-comparator-value.json",
                 "cases/05-unit-case.json", "cases/07-same-day-two-prescribers.json",
                 "cases/13-person-id-reused.json"}) {
            auto imported = import::importFromFile(db, apiFile(file).toStdString(), {}, nullptr, policy);
            QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().message.c_str());
        }
        vault::ProfileRepository profiles(db);
        auto owner = profiles.get(1);
        QVERIFY(owner.ok());
        owner->localName = "わたし";
        QVERIFY(profiles.update(owner.value()).ok());
        // A self-recorded checkup (source "manual", no import run) whose free text needs CSV quoting.
        domain::Checkup self;
        self.profileId = 1;
        self.performedOn = domain::makeDate(2025, 6, 1);
        self.kind = domain::checkup_kind::kMunicipal;
        self.provenance.source = "manual";
        domain::Observation note;
        note.itemCode = "9N501000000000011";
        note.itemName = "既往歴";
        note.valueType = domain::ValueType::ST;
        note.valueText = kAwkwardText.toStdString();
        self.observations.push_back(note);
        note.itemCode = "9N506000000000011";
        note.itemName = "自覚症状";
        note.valueText = kTwoLines.toStdString();
        self.observations.push_back(note);
        QVERIFY(vault::CheckupRepository(db).insert(self).ok());
    }

    // The export is the vault: every kind of value the record-identity work keeps is in it, and the file is valid
    // against the published schema — checked by python3-jsonschema, which also rejects a damaged copy.
    void jsonHoldsEverythingAndValidates()
    {
        const QString file = path(QStringLiteral("full.json"));
        const QJsonObject report
            = exportOk({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), file});
        QCOMPARE(report[QStringLiteral("path")].toString(), file);
        const QJsonObject doc = readJson(file);
        QCOMPARE(doc[QStringLiteral("format")].toString(), QStringLiteral("techo-export"));
        QCOMPARE(doc[QStringLiteral("format_version")].toInt(), 1);

        const QJsonArray profiles = doc[QStringLiteral("profiles")].toArray();
        // P0001, and the two other persons the cases send under the same id, kept apart as P0001#2 and P0001#3.
        QCOMPARE(profiles.size(), 3);
        QCOMPARE(profiles[0][QStringLiteral("local_name")].toString(), QStringLiteral("わたし"));
        QCOMPARE(profiles[1][QStringLiteral("source_person_id")].toString(), QStringLiteral("P0001#2"));
        bool comparator = false, unitAsSent = false, enteredInError = false, selfRecorded = false;
        for (const QJsonValue& c : doc[QStringLiteral("checkups")].toArray()) {
            selfRecorded
                |= c[QStringLiteral("provenance")][QStringLiteral("source")].toString() == QStringLiteral("manual")
                && c[QStringLiteral("provenance")][QStringLiteral("import_run")].isNull();
            for (const QJsonValue& o : c[QStringLiteral("observations")].toArray()) {
                comparator |= o[QStringLiteral("comparator")].toString() == QStringLiteral("<");
                unitAsSent |= o[QStringLiteral("unit_as_sent")].isString()
                    && o[QStringLiteral("unit_as_sent")] != o[QStringLiteral("unit")];
            }
        }
        for (const QJsonValue& v : doc[QStringLiteral("vaccinations")].toArray())
            enteredInError |= v[QStringLiteral("status")].toString() == QStringLiteral("entered-in-error");
        QVERIFY(comparator);
        QVERIFY(unitAsSent);
        QVERIFY(enteredInError);
        QVERIFY(selfRecorded);
        // Every record names an import run of the file, and a record of the file's institutions.
        QSet<QString> runIds, institutionIds;
        for (const QJsonValue& r : doc[QStringLiteral("import_runs")].toArray())
            runIds.insert(r[QStringLiteral("id")].toString());
        for (const QJsonValue& i : doc[QStringLiteral("institutions")].toArray())
            institutionIds.insert(i[QStringLiteral("id")].toString());
        QCOMPARE(runIds.size(), 7);
        QVERIFY(runIds.contains(referencedRuns(doc)));
        for (const QJsonValue& d : doc[QStringLiteral("dispensings")].toArray())
            QVERIFY(institutionIds.contains(d[QStringLiteral("pharmacy")].toString()));
        // The counts say what the arrays hold.
        const QJsonObject counts = doc[QStringLiteral("counts")].toObject();
        QCOMPARE(counts[QStringLiteral("checkups")].toInt(), doc[QStringLiteral("checkups")].toArray().size());
        QCOMPARE(report[QStringLiteral("counts")].toObject(), counts);

        const test::ProcessResult valid = validate(file);
        QVERIFY2(valid.exitCode == 0, valid.out.constData());
        // The validator is live: a checkup without provenance and a PQ value without its number are refused.
        QJsonObject broken = doc;
        QJsonArray checkups = broken[QStringLiteral("checkups")].toArray();
        QJsonObject first = checkups[0].toObject();
        first.remove(QStringLiteral("provenance"));
        checkups[0] = first;
        broken[QStringLiteral("checkups")] = checkups;
        const QString brokenFile = path(QStringLiteral("broken.json"));
        QFile out(brokenFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(broken).toJson());
        out.close();
        const test::ProcessResult invalid = validate(brokenFile);
        QCOMPARE(invalid.exitCode, 1);
        QVERIFY2(invalid.out.contains("provenance"), invalid.out.constData());
    }

    // export → import into a fresh vault → export again: the same content, ids aside. The second vault has one
    // more import run — the import of the file itself — which no record names.
    void jsonRoundTripThroughAFreshVault() { checkRoundTrip(m_vault, QStringLiteral("fixtures")); }

    // The same with what the sandbox generates for a family over 40 years (claims records superseded by their
    // 電子処方箋 record, family members, every kind), imported twice from the API.
    void jsonRoundTripOfASandboxFamily()
    {
        test::SandboxProcess sandbox({QStringLiteral("--persons"), QStringLiteral("4"), QStringLiteral("--years"),
            QStringLiteral("40"), QStringLiteral("--process-delay-ms"), QStringLiteral("0"), QStringLiteral("--seed"),
            QStringLiteral("7")});
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        const QString vault = path(QStringLiteral("family.techo"));
        QVERIFY(test::createTestVault(vault));
        for (int i = 0; i < 2; ++i) {
            const test::ProcessResult imported = cli(vault,
                {QStringLiteral("import"), QStringLiteral("--from"), sandbox.baseUrl(), QStringLiteral("--ca-file"),
                    sandbox.caFile()});
            QVERIFY2(imported.exitCode == 0, imported.err.constData());
        }
        const QJsonObject doc = checkRoundTrip(vault, QStringLiteral("family"));
        QVERIFY(doc[QStringLiteral("profiles")].toArray().size() > 1);
        int superseded = 0;
        for (const QJsonValue& d : doc[QStringLiteral("dispensings")].toArray())
            superseded += d[QStringLiteral("superseded_by")].isString() ? 1 : 0;
        QVERIFY(superseded > 0);
        QVERIFY(!doc[QStringLiteral("vaccinations")].toArray().isEmpty());
        QVERIFY(!doc[QStringLiteral("checkups")].toArray().isEmpty());
    }

    // Importing an export into the vault it came from changes nothing: only "unchanged" in the report, every stored
    // field (listed by techo-cli, digested) as before, and no import run but the one of this import added.
    void reimportIntoTheSameVaultChangesNothing()
    {
        const QString file = path(QStringLiteral("same.json"));
        exportOk({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), file});
        const QJsonObject doc = readJson(file);
        const QStringList kinds {QStringLiteral("profiles"), QStringLiteral("checkups"), QStringLiteral("observations"),
            QStringLiteral("vaccinations"), QStringLiteral("dispensings")};
        std::map<QString, QByteArray> before;
        for (const QString& kind : kinds) {
            const test::ProcessResult listed = cli(m_vault, {QStringLiteral("list"), kind, QStringLiteral("--json")});
            QCOMPARE(listed.exitCode, 0);
            before[kind] = listed.out;
        }
        const QByteArray observationsDigest = sha256Hex(before[QStringLiteral("observations")]);

        const test::ProcessResult imported
            = cli(m_vault, {QStringLiteral("import"), QStringLiteral("--file"), file, QStringLiteral("--json")});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(imported.out).object();
        QCOMPARE(report[QStringLiteral("added")].toInt(), 0);
        QCOMPARE(report[QStringLiteral("updated")].toInt(), 0);
        QCOMPARE(report[QStringLiteral("rejected")].toInt(), 0);
        QCOMPARE(report[QStringLiteral("unchanged")].toInt(), recordCount(doc));

        for (const QString& kind : kinds) {
            const test::ProcessResult listed = cli(m_vault, {QStringLiteral("list"), kind, QStringLiteral("--json")});
            QCOMPARE(listed.exitCode, 0);
            QVERIFY2(listed.out == before[kind], qPrintable(kind));
        }
        QCOMPARE(
            sha256Hex(
                cli(m_vault, {QStringLiteral("list"), QStringLiteral("observations"), QStringLiteral("--json")}).out),
            observationsDigest);
        const QString after = path(QStringLiteral("same-after.json"));
        exportOk({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), after});
        QCOMPARE(readJson(after)[QStringLiteral("import_runs")].toArray().size(),
            doc[QStringLiteral("import_runs")].toArray().size() + 1);
    }

    // No secret reaches the file: not the passphrase, and no member that could carry one.
    void jsonHoldsNoSecret()
    {
        const QString file = path(QStringLiteral("secrets.json"));
        exportOk({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), file});
        const QByteArray bytes = test::readAll(file);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(QByteArray(test::kTestPassphrase)));
        const QRegularExpression secretName(QStringLiteral("passphrase|password|token|secret|^key$|_key$|salt"));
        std::function<void(const QJsonValue&)> check = [&](const QJsonValue& value) {
            if (value.isArray())
                for (const QJsonValue& item : value.toArray())
                    check(item);
            if (value.isObject()) {
                const QJsonObject object = value.toObject();
                for (auto it = object.begin(); it != object.end(); ++it) {
                    QVERIFY2(!secretName.match(it.key()).hasMatch(), qPrintable(it.key()));
                    check(it.value());
                }
            }
        };
        check(QJsonDocument::fromJson(bytes).object());
    }

    // --profile, --from/--to and --categories select exactly the records a full export holds for them (ids are the
    // records' stable ids, the same in both exports).
    void filtersSelectTheRecords()
    {
        const QJsonObject full = readJson(path(QStringLiteral("full.json")));
        QVERIFY(!full.isEmpty());
        const QString file = path(QStringLiteral("filtered.json"));
        exportOk({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), file,
            QStringLiteral("--profile"), QStringLiteral("1"), QStringLiteral("--from"), QStringLiteral("2023-11-01"),
            QStringLiteral("--to"), QStringLiteral("2024-12-31"), QStringLiteral("--categories"),
            QStringLiteral("checkups,vaccinations")});
        const QJsonObject doc = readJson(file);
        QCOMPARE(doc[QStringLiteral("profiles")].toArray().size(), 1);
        QCOMPARE(doc[QStringLiteral("selection")][QStringLiteral("profile")].toString(), QStringLiteral("profile-1"));
        QVERIFY(doc[QStringLiteral("dispensings")].toArray().isEmpty());
        const auto expected = [&](const char* kind, const char* dateKey) {
            QStringList ids;
            for (const QJsonValue& r : full[QString::fromUtf8(kind)].toArray()) {
                const QString date = r[QString::fromUtf8(dateKey)].toString();
                if (r[QStringLiteral("profile")].toString() == QStringLiteral("profile-1")
                    && date >= QStringLiteral("2023-11-01") && date <= QStringLiteral("2024-12-31"))
                    ids << r[QStringLiteral("id")].toString();
            }
            return ids;
        };
        const auto actual = [&](const char* kind) {
            QStringList ids;
            for (const QJsonValue& r : doc[QString::fromUtf8(kind)].toArray())
                ids << r[QStringLiteral("id")].toString();
            return ids;
        };
        QVERIFY(!expected("checkups", "performed_on").isEmpty());
        QVERIFY(expected("checkups", "performed_on").size() < full[QStringLiteral("checkups")].toArray().size());
        QCOMPARE(actual("checkups"), expected("checkups", "performed_on"));
        QCOMPARE(actual("vaccinations"), expected("vaccinations", "occurred_on"));
        QVERIFY(validate(file).exitCode == 0);
    }

    // The CSV folder, read back by Python's csv module: BOM, CRLF after every row, English (or Japanese) headers,
    // long-form checkups (one row per observation), ISO dates, RFC 4180 quoting that survives commas, quotes and
    // line breaks; its digest is what `sha256sum` gives.
    void csvFolderReadsBack()
    {
        const QJsonObject full = readJson(path(QStringLiteral("full.json")));
        const QString folder = path(QStringLiteral("csv-en"));
        const QJsonObject report
            = exportOk({QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), folder});
        QCOMPARE(entries(folder),
            (QStringList {QStringLiteral("checkups.csv"), QStringLiteral("dispensings.csv"),
                QStringLiteral("measurements.csv"), QStringLiteral("profiles.csv"),
                QStringLiteral("vaccinations.csv")}));
        static const QString script = QStringLiteral(R"PY(
import csv, io, json, os, re, sys
out = {}
for name in sorted(os.listdir(sys.argv[1])):
    raw = open(os.path.join(sys.argv[1], name), "rb").read()
    text = raw[3:].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    out[name] = {"bom": raw[:3] == b"\xef\xbb\xbf", "crlf": raw.count(b"\r\n"), "rows": rows,
                 "bare_cr": len(re.findall(rb"\r(?!\n)", raw))}
print(json.dumps(out, ensure_ascii=False))
)PY");
        const test::ProcessResult parsed = python(script, {folder});
        QVERIFY2(parsed.exitCode == 0, parsed.err.constData());
        const QJsonObject files = QJsonDocument::fromJson(parsed.out).object();
        for (auto it = files.begin(); it != files.end(); ++it) {
            const QJsonObject f = it.value().toObject();
            QVERIFY2(f[QStringLiteral("bom")].toBool(), qPrintable(it.key()));
            QCOMPARE(f[QStringLiteral("crlf")].toInt(), f[QStringLiteral("rows")].toArray().size());
            QCOMPARE(f[QStringLiteral("bare_cr")].toInt(), 0);
        }
        const QJsonArray checkups = files[QStringLiteral("checkups.csv")][QStringLiteral("rows")].toArray();
        const QJsonArray header = checkups[0].toArray();
        QCOMPARE(header[0].toString(), QStringLiteral("profile_id"));
        const qsizetype dateColumn = header.toVariantList().indexOf(QStringLiteral("performed_on"));
        const qsizetype valueColumn = header.toVariantList().indexOf(QStringLiteral("value"));
        const qsizetype textColumn = header.toVariantList().indexOf(QStringLiteral("value_text"));
        const qsizetype observationColumn = header.toVariantList().indexOf(QStringLiteral("observation_id"));
        QVERIFY(dateColumn > 0 && valueColumn > 0 && textColumn > 0 && observationColumn > 0);
        // Long form: one row per observation, each row the observation of the JSON export with that id.
        std::map<QString, QJsonObject> observations;
        for (const QJsonValue& c : full[QStringLiteral("checkups")].toArray())
            for (const QJsonValue& o : c[QStringLiteral("observations")].toArray())
                observations[o[QStringLiteral("id")].toString()] = o.toObject();
        QCOMPARE(checkups.size() - 1, int(observations.size()));
        const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        bool awkwardSeen = false, twoLinesSeen = false;
        for (int i = 1; i < checkups.size(); ++i) {
            const QJsonArray row = checkups[i].toArray();
            QCOMPARE(row.size(), header.size());
            QVERIFY(isoDate.match(row[dateColumn].toString()).hasMatch());
            const QJsonObject o = observations.at(row[observationColumn].toString());
            if (o[QStringLiteral("value")].isDouble())
                QCOMPARE(row[valueColumn].toString().toDouble(), o[QStringLiteral("value")].toDouble());
            awkwardSeen |= row[textColumn].toString() == kAwkwardText;
            twoLinesSeen |= row[textColumn].toString() == kTwoLines;
        }
        QVERIFY(awkwardSeen);
        QVERIFY(twoLinesSeen);
        QCOMPARE(files[QStringLiteral("dispensings.csv")][QStringLiteral("rows")].toArray().size() - 1,
            full[QStringLiteral("counts")][QStringLiteral("medication_lines")].toInt());
        QCOMPARE(files[QStringLiteral("vaccinations.csv")][QStringLiteral("rows")].toArray().size() - 1,
            full[QStringLiteral("vaccinations")].toArray().size());

        const test::ProcessResult sums = test::runTool(QStringLiteral("sh"),
            {QStringLiteral("-c"), QStringLiteral("cd \"$1\" && LC_ALL=C sha256sum * | sha256sum"),
                QStringLiteral("sh"), folder});
        QCOMPARE(sums.exitCode, 0);
        QCOMPARE(sums.out.left(64), report[QStringLiteral("sha256")].toString().toUtf8());

        // Japanese column names on request; the values stay the same.
        const QString ja = path(QStringLiteral("csv-ja"));
        exportOk({QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), ja,
            QStringLiteral("--csv-headers"), QStringLiteral("ja"), QStringLiteral("--categories"),
            QStringLiteral("checkups")});
        QCOMPARE(entries(ja), (QStringList {QStringLiteral("checkups.csv"), QStringLiteral("profiles.csv")}));
        const QJsonObject jaFiles = QJsonDocument::fromJson(python(script, {ja}).out).object();
        const QJsonArray jaRows = jaFiles[QStringLiteral("checkups.csv")][QStringLiteral("rows")].toArray();
        const QStringList jaHeader = jaRows[0].toVariant().toStringList();
        QCOMPARE(jaHeader.first(), QStringLiteral("プロファイルID"));
        QVERIFY(jaHeader.contains(QStringLiteral("受診日")));
        QVERIFY(jaHeader.contains(QStringLiteral("項目名")));
        QCOMPARE(jaRows.size(), checkups.size());
        QCOMPARE(jaRows[1], checkups[1]);
    }

    // A CSV zip holds the folder export's files byte for byte (read back by Python's zipfile, not libzip), in name
    // order, each dated 1980-01-01 00:00 with mode 0600; two zips of the same vault are the same bytes, in any time
    // zone; an --out ending in .zip is a zip without --zip.
    void csvZipHoldsTheFolderFiles()
    {
        const QString folder = path(QStringLiteral("zip-folder"));
        exportOk({QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), folder,
            QStringLiteral("--csv-headers"), QStringLiteral("ja")});
        const QString zip = path(QStringLiteral("export.csv-archive"));
        const QJsonObject report = exportOk({QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--zip"),
            QStringLiteral("--out"), zip, QStringLiteral("--csv-headers"), QStringLiteral("ja")});
        QVERIFY(QFileInfo(zip).isFile());
        QCOMPARE(report[QStringLiteral("sha256")].toString().toUtf8(), sha256Hex(test::readAll(zip)));
        QCOMPARE(report[QStringLiteral("bytes")].toInteger(), QFileInfo(zip).size());
        QCOMPARE(report[QStringLiteral("counts")][QStringLiteral("observations")].toInt(),
            readJson(path(QStringLiteral("full.json")))[QStringLiteral("counts")][QStringLiteral("observations")]
                .toInt());

        static const QString script = QStringLiteral(R"PY(
import json, os, stat, sys, zipfile
folder, archive = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(archive) as z:
    bad = z.testzip()
    entries = [{"name": i.filename, "time": list(i.date_time), "mode": oct(i.external_attr >> 16),
                "deflated": i.compress_type == zipfile.ZIP_DEFLATED,
                "same": z.read(i) == open(os.path.join(folder, i.filename), "rb").read()} for i in z.infolist()]
print(json.dumps({"bad": bad, "entries": entries, "folder": sorted(os.listdir(folder))}))
)PY");
        const test::ProcessResult read = python(script, {folder, zip});
        QVERIFY2(read.exitCode == 0, read.err.constData());
        const QJsonObject listing = QJsonDocument::fromJson(read.out).object();
        QVERIFY(listing[QStringLiteral("bad")].isNull());
        QStringList names;
        for (const QJsonValue& e : listing[QStringLiteral("entries")].toArray()) {
            names << e[QStringLiteral("name")].toString();
            QVERIFY2(e[QStringLiteral("same")].toBool(), qPrintable(names.last()));
            QVERIFY(e[QStringLiteral("deflated")].toBool());
            QCOMPARE(e[QStringLiteral("time")].toArray(), (QJsonArray {1980, 1, 1, 0, 0, 0}));
            QCOMPARE(e[QStringLiteral("mode")].toString(), QStringLiteral("0o100600"));
        }
        QCOMPARE(names, listing[QStringLiteral("folder")].toVariant().toStringList());
        QCOMPARE(names.size(), 5);

        // Again, later and in another time zone, named only by its suffix: the same bytes.
        const QString again = path(QStringLiteral("again.ZIP"));
        const test::ProcessResult second = cli(m_vault,
            {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"),
                again, QStringLiteral("--csv-headers"), QStringLiteral("ja")},
            {QStringLiteral("TZ=America/Los_Angeles")});
        QVERIFY2(second.exitCode == 0, second.err.constData());
        ++m_exportsDone;
        QVERIFY(QFileInfo(again).isFile());
        QVERIFY(test::readAll(again) == test::readAll(zip));

        // --zip is for CSV only.
        const test::ProcessResult json = cli(m_vault,
            {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--zip"),
                QStringLiteral("--out"), path(QStringLiteral("no.zip"))});
        QCOMPARE(json.exitCode, 2);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("no.zip"))));
    }

    // Every successful export is in the audit log with format, counts and the digest of the bytes written (computed
    // here independently); the log names neither the person nor the file.
    void everyExportIsAudited()
    {
        const QString file = path(QStringLiteral("audited.json"));
        const QJsonObject report
            = exportOk({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), file});
        auto vault = vault::Vault::open(m_vault.toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY(vault.ok());
        auto events = vault::AuditRepository(vault.value()->database()).listRecent(1);
        QVERIFY(events.ok() && events->size() == 1);
        const domain::AuditEvent& event = events->front();
        QCOMPARE(QString::fromStdString(event.action), QStringLiteral("export.completed"));
        QCOMPARE(event.id, static_cast<std::int64_t>(report[QStringLiteral("audit_event_id")].toInteger()));
        const QString detail = QString::fromStdString(event.detail.value_or(""));
        QVERIFY2(detail.contains(QStringLiteral("format=json")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("sha256=") + QString::fromLatin1(sha256Hex(test::readAll(file)))),
            qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral(" checkups=")
                     + QString::number(readJson(file)[QStringLiteral("checkups")].toArray().size())),
            qPrintable(detail));
        QVERIFY(!detail.contains(QStringLiteral("audited")));
        QVERIFY(!detail.contains(QStringLiteral("藤田")));
        vault.value().reset();
        QCOMPARE(exportEventsIn(m_vault), m_exportsDone);
    }

    // A failing write leaves nothing: not at the target, not as a staging copy beside it, and no audit event.
    void failedWritesLeaveNothing_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("how");
        for (const char* format : {"json", "csv", "csv-zip"}) {
            QTest::newRow(qPrintable(QStringLiteral("%1, folder sync fails").arg(QString::fromUtf8(format))))
                << QString::fromUtf8(format) << QStringLiteral("sync");
            QTest::newRow(qPrintable(QStringLiteral("%1, disk full mid-write").arg(QString::fromUtf8(format))))
                << QString::fromUtf8(format) << QStringLiteral("full");
            QTest::newRow(qPrintable(QStringLiteral("%1, read-only folder").arg(QString::fromUtf8(format))))
                << QString::fromUtf8(format) << QStringLiteral("read-only");
        }
    }
    void failedWritesLeaveNothing()
    {
        QFETCH(QString, format);
        QFETCH(QString, how);
        QTemporaryDir out(m_dir.filePath(QStringLiteral("out-XXXXXX")));
        QVERIFY(out.isValid());
        const QString target = out.filePath(QStringLiteral("export"));
        QStringList args {QStringLiteral("--vault"), m_vault, QStringLiteral("export"), QStringLiteral("--format"),
            format.section(QLatin1Char('-'), 0, 0), QStringLiteral("--out"), target};
        if (format.endsWith(QStringLiteral("-zip")))
            args << QStringLiteral("--zip");
        const QStringList env {QStringLiteral("TECHO_PASSPHRASE=") + QString::fromUtf8(test::kTestPassphrase)};
        test::ProcessResult r;
        if (how == QStringLiteral("read-only")) {
            QVERIFY(QFile::setPermissions(out.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
            if (::geteuid() == 0) {
                // root ignores folder permissions: without CAP_DAC_OVERRIDE it is held to them like anyone.
                r = test::runTool(QStringLiteral("setpriv"),
                    QStringList {QStringLiteral("--inh-caps=-dac_override,-dac_read_search"),
                        QStringLiteral("--bounding-set=-dac_override,-dac_read_search"),
                        test::builtTool(QStringLiteral("techo-cli"))}
                        + args,
                    env);
            } else {
                r = test::runTool(test::builtTool(QStringLiteral("techo-cli")), args, env);
            }
            QFile::setPermissions(out.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        } else if (how == QStringLiteral("sync")) {
            r = test::runTool(test::builtTool(QStringLiteral("techo-cli")), args,
                env + QStringList {QStringLiteral("LD_PRELOAD=") + QStringLiteral(TECHO_FAIL_FOLDER_SYNC_SHIM)});
        } else {
            // A file size limit with SIGXFSZ ignored: write() fails with EFBIG once 512 bytes are written, as on a
            // full disk, in the middle of the export (the JSON file and checkups.csv are larger than that).
            r = test::runTool(QStringLiteral("sh"),
                QStringList {QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\""),
                    test::builtTool(QStringLiteral("techo-cli"))}
                    + args,
                env);
        }
        QVERIFY2(r.exitCode == 1, r.err.constData());
        QVERIFY2(r.err.contains("nothing was written"), r.err.constData());
        QCOMPARE(entries(out.path()), QStringList {});
        QCOMPARE(exportEventsIn(m_vault), m_exportsDone);
    }

    // An existing file is never replaced.
    void anExistingTargetIsKept()
    {
        const QString target = path(QStringLiteral("existing.json"));
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
        file.close();
        const test::ProcessResult r = cli(m_vault,
            {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"),
                target});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(test::readAll(target), QByteArray("keep me"));
        QCOMPARE(exportEventsIn(m_vault), m_exportsDone);
    }

    // A damaged or newer export is refused before anything is written, naming the field; the vault is unchanged.
    void badExportFilesAreRefused()
    {
        const QJsonObject full = readJson(path(QStringLiteral("full.json")));
        QVERIFY(!full.isEmpty());
        const QByteArray before
            = cli(m_vault, {QStringLiteral("list"), QStringLiteral("checkups"), QStringLiteral("--json")}).out;
        const auto tryImport = [&](const QJsonObject& doc, const char* name) {
            const QString file = path(QString::fromUtf8(name));
            QFile out(file);
            if (!out.open(QIODevice::WriteOnly))
                return test::ProcessResult {};
            out.write(QJsonDocument(doc).toJson(QJsonDocument::Compact));
            out.close();
            return cli(m_vault, {QStringLiteral("import"), QStringLiteral("--file"), file});
        };
        QJsonObject badDate = full;
        QJsonArray checkups = badDate[QStringLiteral("checkups")].toArray();
        QJsonObject second = checkups[1].toObject();
        second[QStringLiteral("performed_on")] = QStringLiteral("2024-13-40");
        checkups[1] = second;
        badDate[QStringLiteral("checkups")] = checkups;
        const test::ProcessResult dateResult = tryImport(badDate, "bad-date.json");
        QCOMPARE(dateResult.exitCode, 6);
        QVERIFY2(dateResult.err.contains("$.checkups[1].performed_on"), dateResult.err.constData());

        // The same person twice: their records would reach the importer in two batches.
        QJsonObject twice = full;
        QJsonArray profiles = twice[QStringLiteral("profiles")].toArray();
        QJsonObject copy = profiles[0].toObject();
        copy[QStringLiteral("id")] = QStringLiteral("profile-999");
        profiles.append(copy);
        twice[QStringLiteral("profiles")] = profiles;
        const test::ProcessResult twiceResult = tryImport(twice, "person-twice.json");
        QCOMPARE(twiceResult.exitCode, 6);
        QVERIFY2(twiceResult.err.contains("$.profiles[3].source_person_id"), twiceResult.err.constData());

        QJsonObject newer = full;
        newer[QStringLiteral("format_version")] = 2;
        const test::ProcessResult newerResult = tryImport(newer, "newer.json");
        QCOMPARE(newerResult.exitCode, 4);
        QVERIFY2(newerResult.err.contains("newer Techo"), newerResult.err.constData());

        QCOMPARE(
            cli(m_vault, {QStringLiteral("list"), QStringLiteral("checkups"), QStringLiteral("--json")}).out, before);
    }

    // Every member the export's JSON Schema requires is required by the importer too: each one (derived from the
    // schema file, at every place of a real export it governs) deleted in turn is refused with its JSON path,
    // and nothing is written. techo-cli says so with exit 6 (the reported case: profiles[0].sex).
    void everyMemberTheSchemaRequiresIsRequired()
    {
        const QJsonObject schema
            = readJson(test::sourcePath(QStringLiteral("resources/export/techo-export.schema.json")));
        const QJsonObject defs = schema[QStringLiteral("$defs")].toObject();
        const QString fullPath = path(QStringLiteral("required.json"));
        exportOk({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), fullPath});
        const QJsonObject full = readJson(fullPath);
        // (JSON path of the object, member): one per schema place and member (the first object it governs).
        std::vector<std::pair<QStringList, QString>> cases;
        QSet<QString> seen;
        std::function<void(const QJsonValue&, QJsonObject, const QStringList&, const QString&)> walk;
        walk = [&](const QJsonValue& value, QJsonObject node, const QStringList& at, const QString& place) {
            QString where = place;
            if (node.contains(QStringLiteral("$ref"))) {
                where = node[QStringLiteral("$ref")].toString().section(QLatin1Char('/'), -1);
                node = defs[where].toObject();
            }
            for (const QJsonValue& part : node[QStringLiteral("allOf")].toArray())
                walk(value, part.toObject(), at, where);
            if (value.isArray()) {
                const QJsonArray items = value.toArray();
                for (int i = 0; i < items.size(); ++i)
                    walk(items[i], node[QStringLiteral("items")].toObject(), at + QStringList {QString::number(i)},
                        where + QStringLiteral("[]"));
                return;
            }
            if (!value.isObject())
                return;
            const QJsonObject object = value.toObject();
            for (const QJsonValue& key : node[QStringLiteral("required")].toArray())
                if (object.contains(key.toString()) && !seen.contains(where + QLatin1Char('.') + key.toString())) {
                    seen.insert(where + QLatin1Char('.') + key.toString());
                    cases.emplace_back(at, key.toString());
                }
            const QJsonObject properties = node[QStringLiteral("properties")].toObject();
            for (auto it = properties.begin(); it != properties.end(); ++it)
                if (object.contains(it.key()))
                    walk(object[it.key()], it.value().toObject(), at + QStringList {it.key()},
                        where + QLatin1Char('.') + it.key());
        };
        walk(full, schema, {}, QStringLiteral("$"));
        QVERIFY2(cases.size() > 100, qPrintable(QString::number(cases.size())));

        // Deletes `key` from the object at `at` (member names and array indexes) of `doc`.
        std::function<QJsonValue(const QJsonValue&, const QStringList&, const QString&)> without;
        without = [&](const QJsonValue& doc, const QStringList& at, const QString& key) -> QJsonValue {
            if (at.isEmpty()) {
                QJsonObject object = doc.toObject();
                object.remove(key);
                return object;
            }
            if (doc.isArray()) {
                QJsonArray array = doc.toArray();
                const int i = at.first().toInt();
                array[i] = without(array[i], at.mid(1), key);
                return array;
            }
            QJsonObject object = doc.toObject();
            object[at.first()] = without(object[at.first()], at.mid(1), key);
            return object;
        };
        const auto jsonPath = [](const QStringList& at, const QString& key) {
            QString out = QStringLiteral("$");
            for (const QString& step : at) {
                bool index = false;
                step.toInt(&index);
                out += index ? QLatin1Char('[') + step + QLatin1Char(']') : QLatin1Char('.') + step;
            }
            return out + QLatin1Char('.') + key;
        };

        const QString fresh = path(QStringLiteral("required.techo"));
        auto vault = test::createTestVault(fresh);
        QVERIFY(vault);
        for (const auto& [at, key] : cases) {
            const QByteArray body = QJsonDocument(without(full, at, key).toObject()).toJson(QJsonDocument::Compact);
            const auto imported = exports::importTechoExport(
                vault->database(), body.toStdString(), "file:required.json", {}, nullptr, {});
            const QString expected = jsonPath(at, key);
            QVERIFY2(!imported.ok(), qPrintable(expected + QStringLiteral(" deleted and still imported")));
            QCOMPARE(imported.error().code, ErrorCode::InvalidData);
            QVERIFY2(imported.error().message.find(expected.toStdString() + " is missing") != std::string::npos,
                imported.error().message.c_str());
        }
        QCOMPARE(vault::ProfileRepository(vault->database()).list()->size(), std::size_t {0});
        vault.reset();

        QJsonObject noSex = full;
        QJsonArray profiles = noSex[QStringLiteral("profiles")].toArray();
        QJsonObject first = profiles[0].toObject();
        first.remove(QStringLiteral("sex"));
        profiles[0] = first;
        noSex[QStringLiteral("profiles")] = profiles;
        const QString noSexPath = path(QStringLiteral("no-sex.json"));
        QFile out(noSexPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(noSex).toJson());
        out.close();
        const test::ProcessResult refused = cli(fresh, {QStringLiteral("import"), QStringLiteral("--file"), noSexPath});
        QCOMPARE(refused.exitCode, 6);
        QVERIFY2(refused.err.contains("$.profiles[0].sex is missing"), refused.err.constData());
    }

    // An exported import run names only the file it read (file:tkk-valid.json), never its folder, which may hold
    // the person's name; the vault keeps the whole path, and re-importing still finds the vault's own runs.
    void exportedOriginIsTheFileNameOnly()
    {
        const QString file = path(QStringLiteral("origins.json"));
        exportOk({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), file});
        QStringList origins;
        for (const QJsonValue& run : readJson(file)[QStringLiteral("import_runs")].toArray())
            origins.append(run[QStringLiteral("origin")].toString());
        origins.sort();
        QCOMPARE(origins,
            (QStringList {QStringLiteral("file:01-comparator-value.json"), QStringLiteral("file:05-unit-case.json"),
                QStringLiteral("file:07-same-day-two-prescribers.json"),
                QStringLiteral("file:13-person-id-reused.json"), QStringLiteral("file:pmh-valid.json"),
                QStringLiteral("file:same.json"), // reimportIntoTheSameVaultChangesNothing's run
                QStringLiteral("file:tkk-valid.json"), QStringLiteral("file:yzk-valid.json")}));
        const QByteArray folder = QFileInfo(apiFile("tkk-valid.json")).absolutePath().toUtf8();
        QVERIFY(!test::readAll(file).contains(folder));
        QVERIFY(!test::readAll(file).contains("tests/data/api"));

        auto vault = vault::Vault::open(m_vault.toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY(vault.ok());
        auto runs = vault::ImportRunRepository(vault.value()->database()).listRecent(100);
        QVERIFY(runs.ok());
        QVERIFY(std::any_of(runs->begin(), runs->end(),
            [&](const domain::ImportRun& r) { return r.origin == "file:" + apiFile("tkk-valid.json").toStdString(); }));
    }

    // Other files than Techo imports are named for what they are, with what Techo can import instead: the FHIR
    // bundle, the CSV folder, the CSV zip, one CSV file, any folder. Nothing is imported (exit 6).
    void otherKindsOfFileAreNamed()
    {
        const QString fhir = path(QStringLiteral("kinds.fhir.json"));
        const QString csv = path(QStringLiteral("kinds-csv"));
        const QString zip = path(QStringLiteral("kinds.zip"));
        exportOk({QStringLiteral("--format"), QStringLiteral("fhir"), QStringLiteral("--out"), fhir});
        exportOk({QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), csv});
        exportOk({QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), zip});
        const QString plain = path(QStringLiteral("kinds-empty"));
        QVERIFY(QDir().mkpath(plain));
        const QString fresh = path(QStringLiteral("kinds.techo"));
        QVERIFY(test::createTestVault(fresh));
        const std::vector<std::pair<QString, QByteArray>> expected {
            {fhir, "kinds.fhir.json is a FHIR resource (Bundle); Techo imports its own JSON export"},
            {csv, "kinds-csv is a folder (a Techo CSV export)"},
            {zip, "kinds.zip is a zip archive"},
            {csv + QStringLiteral("/profiles.csv"), "profiles.csv is a CSV file"},
            {plain, "kinds-empty is a folder;"},
        };
        for (const auto& [file, text] : expected) {
            const test::ProcessResult r = cli(fresh, {QStringLiteral("import"), QStringLiteral("--file"), file});
            QCOMPARE(r.exitCode, 6);
            QVERIFY2(r.err.contains(text), r.err.constData());
        }
        QVERIFY(cli(fresh, {QStringLiteral("list"), QStringLiteral("profiles"), QStringLiteral("--json")})
                    .out.contains("[]"));
    }

    // A long but legal name (80 kanji + ".json" = 245 bytes, NAME_MAX is 255) is written: the hidden staging name
    // ".NAME.partial-XXXXXX" is cut to fit instead of failing with "File name too long" for the folder. A name the
    // file system cannot hold is refused naming the file (exit 2), and nothing is left behind either way.
    void longFileNames_areWritten_orRefusedByName()
    {
        QTemporaryDir out(m_dir.filePath(QStringLiteral("long-XXXXXX")));
        QVERIFY(out.isValid());
        const QString name = QString(80, QChar(0x5065)) + QStringLiteral(".json"); // 健 × 80
        QCOMPARE(name.toUtf8().size(), 245);
        const QJsonObject done = exportOk(
            {QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), out.filePath(name)});
        QCOMPARE(done[QStringLiteral("path")].toString(), out.filePath(name));
        QCOMPARE(entries(out.path()), QStringList {name});
        QCOMPARE(readJson(out.filePath(name))[QStringLiteral("format")].toString(), QStringLiteral("techo-export"));

        const QString tooLong = QString(85, QChar(0x5065)) + QStringLiteral(".json"); // 260 bytes
        const test::ProcessResult refused = cli(m_vault,
            {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"),
                out.filePath(tooLong)});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(tooLong.toUtf8()) && refused.err.contains("too long"), refused.err.constData());
        QVERIFY2(!refused.err.contains("cannot write in"), refused.err.constData());
        QCOMPARE(entries(out.path()), QStringList {name});
        QCOMPARE(exportEventsIn(m_vault), m_exportsDone);
    }

    // techo-cli's small refusals: a JSON (FHIR, PDF) file named like a zip archive, a date of the right form that
    // does not exist (said as such), and a profile id the vault does not hold (exit 1: NotFound, not a usage error).
    void cliRefusals_sayWhatIsWrong()
    {
        const QString zip = path(QStringLiteral("records.zip"));
        for (const char* format : {"json", "fhir", "pdf"}) {
            const test::ProcessResult r = cli(m_vault,
                {QStringLiteral("export"), QStringLiteral("--format"), QString::fromLatin1(format),
                    QStringLiteral("--out"), zip});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("only --format csv writes a .zip file"), r.err.constData());
            QVERIFY(!QFile::exists(zip));
        }
        const QString json = path(QStringLiteral("refused.json"));
        const test::ProcessResult noSuchDay = cli(m_vault,
            {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"),
                json, QStringLiteral("--from"), QStringLiteral("2026-02-30")});
        QCOMPARE(noSuchDay.exitCode, 2);
        QVERIFY2(noSuchDay.err.contains("'2026-02-30' is not a date that exists"), noSuchDay.err.constData());
        const test::ProcessResult badForm = cli(m_vault,
            {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"),
                json, QStringLiteral("--to"), QStringLiteral("2026-2-3")});
        QCOMPARE(badForm.exitCode, 2);
        QVERIFY2(badForm.err.contains("not a date of the form YYYY-MM-DD"), badForm.err.constData());
        const test::ProcessResult noSuchProfile = cli(m_vault,
            {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"),
                json, QStringLiteral("--profile"), QStringLiteral("999")});
        QCOMPARE(noSuchProfile.exitCode, 1);
        QVERIFY2(noSuchProfile.err.contains("no profile has the id 999"), noSuchProfile.err.constData());
        QVERIFY(!QFile::exists(json));
        QCOMPARE(exportEventsIn(m_vault), m_exportsDone);
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "TestExport.moc"

// The FHIR R4 / JP Core export (issue 12) through techo-cli on a real vault. The bundle is checked by code that did
// not write it: HL7's official FHIR R4 JSON Schema (fhir.schema.json, installed by packaging/install-deps.sh) through
// python3-jsonschema (tests/export/validate_fhir.py), and Qt's JSON parser for the JP Core specifics.
#include "core/domain/Checkup.h"
#include "core/import/ImportJobs.h"
#include "core/vault/AuditRepository.h"
#include "core/vault/CheckupRepository.h"
#include "core/vault/DispensingRepository.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/ProviderRepository.h"
#include "core/vault/VaccinationRepository.h"
#include "core/vault/Vault.h"
#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <map>
#include <vector>

using namespace techo;

namespace {

const QString kJlac10 = QStringLiteral("urn:oid:1.2.392.200119.4.504");
const QString kUcum = QStringLiteral("http://unitsofmeasure.org");
const QString kJpCore = QStringLiteral("http://jpfhir.jp/fhir/core/StructureDefinition/");

QString apiFile(const char* name)
{
    return test::sourcePath(QStringLiteral("tests/data/api/") + QString::fromUtf8(name));
}

test::ProcessResult cli(const QString& vault, const QStringList& args)
{
    return test::runTool(test::builtTool(QStringLiteral("techo-cli")),
        QStringList {QStringLiteral("--vault"), vault} + args,
        {QStringLiteral("TECHO_PASSPHRASE=") + QString::fromUtf8(test::kTestPassphrase)});
}

// Validates a bundle with HL7's FHIR R4 JSON Schema; returns the validator's exit code and report.
test::ProcessResult validateFhir(const QString& file)
{
    return test::runTool(QStringLiteral("python3"),
        {test::sourcePath(QStringLiteral("tests/export/validate_fhir.py")), QStringLiteral(TECHO_FHIR_SCHEMA), file});
}

// Checks every resource against the required elements and fixed values of its JP Core profile
// (tests/export/check_jp_core.py, the rules transcribed from JP Core v1.x); returns its exit code and report.
test::ProcessResult checkJpCore(const QString& file)
{
    return test::runTool(
        QStringLiteral("python3"), {test::sourcePath(QStringLiteral("tests/export/check_jp_core.py")), file});
}

QJsonObject readJson(const QString& path)
{
    return QJsonDocument::fromJson(test::readAll(path)).object();
}

QList<QJsonObject> resources(const QJsonObject& bundle, const QString& type = {})
{
    QList<QJsonObject> out;
    for (const QJsonValue& entry : bundle[QStringLiteral("entry")].toArray()) {
        const QJsonObject r = entry[QStringLiteral("resource")].toObject();
        if (type.isEmpty() || r[QStringLiteral("resourceType")].toString() == type)
            out.append(r);
    }
    return out;
}

QString profileOf(const QJsonObject& r)
{
    const QJsonArray profiles = r[QStringLiteral("meta")][QStringLiteral("profile")].toArray();
    return profiles.size() == 1 ? profiles[0].toString() : QString();
}

// The observation with this JLAC10 item code (the first one).
QJsonObject observation(const QJsonObject& bundle, const QString& itemCode)
{
    for (const QJsonObject& r : resources(bundle, QStringLiteral("Observation"))) {
        const QJsonObject coding = r[QStringLiteral("code")][QStringLiteral("coding")][0].toObject();
        if (coding[QStringLiteral("system")].toString() == kJlac10
            && coding[QStringLiteral("code")].toString() == itemCode)
            return r;
    }
    return {};
}

QString interpretationCode(const QJsonObject& r)
{
    return r[QStringLiteral("interpretation")][0][QStringLiteral("coding")][0][QStringLiteral("code")].toString();
}

QString interpretationText(const QJsonObject& r)
{
    return r[QStringLiteral("interpretation")][0][QStringLiteral("text")].toString();
}

// Every "reference" member anywhere in a value.
void collectReferences(const QJsonValue& value, QStringList& out)
{
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            collectReferences(item, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == QStringLiteral("reference"))
                out.append(it.value().toString());
            else
                collectReferences(it.value(), out);
        }
    }
}

// resourceType/id of every resource, sorted: what must not change between two exports of the same records.
QStringList identities(const QJsonObject& bundle)
{
    QStringList out;
    for (const QJsonObject& r : resources(bundle))
        out.append(
            r[QStringLiteral("resourceType")].toString() + QLatin1Char('/') + r[QStringLiteral("id")].toString());
    out.sort();
    return out;
}

// The bundle without what differs by nature between two exports: its timestamp, and the time the Provenance of a
// self-recorded record gives (it has no fetch time: the export's own time).
QJsonObject withoutExportTime(QJsonObject bundle)
{
    const QJsonValue timestamp = bundle.take(QStringLiteral("timestamp"));
    QJsonArray entries = bundle[QStringLiteral("entry")].toArray();
    for (int i = 0; i < entries.size(); ++i) {
        QJsonObject entry = entries[i].toObject();
        QJsonObject r = entry[QStringLiteral("resource")].toObject();
        const QString agentType = r.value(QStringLiteral(
            "agent"))[0][QStringLiteral("type")][QStringLiteral("coding")][0][QStringLiteral("code")]
                                      .toString();
        if (agentType == QStringLiteral("enterer") && r.value(QStringLiteral("recorded")) == timestamp)
            r.remove(QStringLiteral("recorded"));
        entry[QStringLiteral("resource")] = r;
        entries[i] = entry;
    }
    bundle[QStringLiteral("entry")] = entries;
    return bundle;
}

} // namespace

class TestFhirExport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_vault;
    QString m_bundlePath;
    QJsonObject m_bundle;
    QJsonObject m_report;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QJsonObject exportFhir(const QString& vault, const QString& out)
    {
        const test::ProcessResult r = cli(vault,
            {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("fhir"), QStringLiteral("--out"), out,
                QStringLiteral("--json")});
        if (r.exitCode != 0)
            qWarning("export failed: %s", r.err.constData());
        return QJsonDocument::fromJson(r.out).object();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(TECHO_FHIR_SCHEMA)),
            "the FHIR R4 JSON Schema is missing: run packaging/install-deps.sh");
        m_vault = path(QStringLiteral("source.techo"));
        auto vault = test::createTestVault(m_vault);
        QVERIFY(vault);
        vault::Database& db = vault->database();
        // Real API shapes: a checkup, vaccinations (one deleted → entered-in-error), claims and 電子処方箋 records,
        // and comparators (case 01, another person sent under P0001, kept apart).
        import::ImportPolicy policy;
        policy.personResolutions["P0001"] = import::PersonResolution::KeepApart;
        for (const char* file :
            {"tkk-valid.json", "pmh-valid.json", "yzk-valid.json", "cases/01-comparator-value.json"}) {
            auto imported = import::importFromFile(db, apiFile(file).toStdString(), {}, nullptr, policy);
            QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().message.c_str());
        }
        // A self-recorded checkup (no import run): its Provenance names the person as the one who entered it.
        domain::Checkup self;
        self.profileId = 1;
        self.performedOn = domain::makeDate(2025, 6, 1);
        self.kind = domain::checkup_kind::kMunicipal;
        self.provenance.source = "manual";
        domain::Observation weight;
        weight.itemCode = "9N006000000000001";
        weight.itemName = "体重";
        weight.valueNum = 57.5;
        weight.unit = "kg";
        weight.unitAsSent = "kg";
        self.observations.push_back(weight);
        domain::Observation systolic;
        systolic.itemCode = "9A751000000000001";
        systolic.itemName = "収縮期血圧（1回目）";
        systolic.valueNum = 142;
        systolic.unit = "mmHg";
        systolic.unitAsSent = "mmHg";
        self.observations.push_back(systolic);
        QVERIFY(vault::CheckupRepository(db).insert(self).ok());
        // A self-recorded dispensing whose whole amount is a product that binary floating point cannot hold exactly
        // (0.1 g a day for 3 days).
        domain::Provider pharmacy;
        pharmacy.kind = domain::ProviderKind::Pharmacy;
        pharmacy.name = "みどり薬局";
        QVERIFY(vault::ProviderRepository(db).insert(pharmacy).ok());
        domain::Dispensing own;
        own.profileId = 1;
        own.kind = domain::DispensingKind::Manual;
        own.dispensedOn = domain::makeDate(2025, 7, 1);
        own.pharmacyId = pharmacy.id;
        own.provenance.source = "manual";
        domain::MedicationLine powder;
        powder.drugName = "ビオフェルミン配合散";
        powder.quantity = 0.1;
        powder.unit = "g";
        powder.days = 3;
        powder.usageText = "1日3回毎食後";
        powder.claimsCategory = "21";
        own.lines.push_back(powder);
        QVERIFY(vault::DispensingRepository(db).insert(own).ok());
        vault.reset();

        m_bundlePath = path(QStringLiteral("bundle.json"));
        m_report = exportFhir(m_vault, m_bundlePath);
        QCOMPARE(m_report[QStringLiteral("format")].toString(), QStringLiteral("fhir"));
        m_bundle = readJson(m_bundlePath);
        QCOMPARE(m_bundle[QStringLiteral("resourceType")].toString(), QStringLiteral("Bundle"));
    }

    // HL7's schema accepts every resource of the bundle; the counts the CLI reports are the resources written.
    void bundleValidatesAgainstTheFhirSchema()
    {
        const test::ProcessResult r = validateFhir(m_bundlePath);
        QVERIFY2(r.exitCode == 0, r.out.constData());
        QVERIFY(r.out.contains("0 errors"));
        QCOMPARE(m_bundle[QStringLiteral("type")].toString(), QStringLiteral("collection"));
        const QJsonObject counts = m_report[QStringLiteral("counts")].toObject();
        const std::map<QString, QString> kinds {{QStringLiteral("patients"), QStringLiteral("Patient")},
            {QStringLiteral("observations"), QStringLiteral("Observation")},
            {QStringLiteral("immunizations"), QStringLiteral("Immunization")},
            {QStringLiteral("medication_dispenses"), QStringLiteral("MedicationDispense")},
            {QStringLiteral("medication_requests"), QStringLiteral("MedicationRequest")},
            {QStringLiteral("organizations"), QStringLiteral("Organization")},
            {QStringLiteral("provenances"), QStringLiteral("Provenance")}};
        for (const auto& [key, type] : kinds) {
            QVERIFY2(counts[key].toInt() > 0, qPrintable(key));
            QCOMPARE(resources(m_bundle, type).size(), counts[key].toInt());
        }
        // Two persons (P0001 and the one kept apart); tkk 7 + case 01 items + the self-recorded weight.
        QCOMPARE(counts[QStringLiteral("patients")].toInt(), 2);
        QCOMPARE(resources(m_bundle).size(), m_bundle[QStringLiteral("entry")].toArray().size());
    }

    // The validator is not a rubber stamp: the same bundle with one resource broken in any of three ways fails,
    // and the report names the resource and element.
    void validatorRejectsABrokenResource()
    {
        const auto broken = [&](const QString& name, const std::function<void(QJsonObject&)>& breakIt) {
            QJsonObject bundle = m_bundle;
            QJsonArray entries = bundle[QStringLiteral("entry")].toArray();
            for (int i = 0; i < entries.size(); ++i) {
                QJsonObject entry = entries[i].toObject();
                QJsonObject r = entry[QStringLiteral("resource")].toObject();
                if (r[QStringLiteral("resourceType")].toString() != QStringLiteral("Observation")
                    || !r.contains(QStringLiteral("valueQuantity")))
                    continue;
                breakIt(r);
                entry[QStringLiteral("resource")] = r;
                entries[i] = entry;
                break;
            }
            bundle[QStringLiteral("entry")] = entries;
            const QString file = path(name);
            QFile out(file);
            if (!out.open(QIODevice::WriteOnly))
                return test::ProcessResult {};
            out.write(QJsonDocument(bundle).toJson());
            out.close();
            return validateFhir(file);
        };
        const test::ProcessResult comparator = broken(QStringLiteral("bad-comparator.json"), [](QJsonObject& r) {
            QJsonObject q = r[QStringLiteral("valueQuantity")].toObject();
            q[QStringLiteral("comparator")] = QStringLiteral("≦");
            r[QStringLiteral("valueQuantity")] = q;
        });
        QCOMPARE(comparator.exitCode, 1);
        QVERIFY2(comparator.out.contains("Observation/valueQuantity/comparator"), comparator.out.constData());
        const test::ProcessResult status = broken(QStringLiteral("bad-status.json"),
            [](QJsonObject& r) { r[QStringLiteral("status")] = QStringLiteral("done"); });
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.out.contains("Observation/status"), status.out.constData());
        const test::ProcessResult date = broken(QStringLiteral("bad-date.json"),
            [](QJsonObject& r) { r[QStringLiteral("effectiveDateTime")] = QStringLiteral("2023/11/20"); });
        QCOMPARE(date.exitCode, 1);
        QVERIFY2(date.out.contains("Observation/effectiveDateTime"), date.out.constData());
    }

    // Every resource has what its JP Core profile requires and the values it fixes; the only deviations are the
    // listed ones (no MERIT-9 unit codes). The checker fails a bundle broken in any of four ways, naming the rule.
    void bundleMeetsJpCoreProfiles()
    {
        const test::ProcessResult r = checkJpCore(m_bundlePath);
        QVERIFY2(r.exitCode == 0, r.out.constData());
        QVERIFY2(r.out.contains("0 errors"), r.out.constData());
        QVERIFY2(r.out.contains(QByteArray("checked ")
                     + QByteArray::number(m_bundle[QStringLiteral("entry")].toArray().size()) + " resources"),
            r.out.constData());
        const auto broken
            = [&](const QString& name, const QString& type, const std::function<void(QJsonObject&)>& breakIt) {
                  QJsonObject bundle = m_bundle;
                  QJsonArray entries = bundle[QStringLiteral("entry")].toArray();
                  for (int i = 0; i < entries.size(); ++i) {
                      QJsonObject entry = entries[i].toObject();
                      QJsonObject resource = entry[QStringLiteral("resource")].toObject();
                      if (resource[QStringLiteral("resourceType")].toString() != type)
                          continue;
                      breakIt(resource);
                      entry[QStringLiteral("resource")] = resource;
                      entries[i] = entry;
                      break;
                  }
                  bundle[QStringLiteral("entry")] = entries;
                  const QString file = path(name);
                  QFile out(file);
                  if (!out.open(QIODevice::WriteOnly))
                      return test::ProcessResult {};
                  out.write(QJsonDocument(bundle).toJson());
                  out.close();
                  return checkJpCore(file);
              };
        const test::ProcessResult noIdentifier = broken(QStringLiteral("jp-no-identifier.json"),
            QStringLiteral("Patient"), [](QJsonObject& p) { p.remove(QStringLiteral("identifier")); });
        QCOMPARE(noIdentifier.exitCode, 1);
        QVERIFY2(noIdentifier.out.contains("(JP_Patient): identifier is required"), noIdentifier.out.constData());
        const test::ProcessResult noAuthoredOn = broken(QStringLiteral("jp-no-authored.json"),
            QStringLiteral("MedicationRequest"), [](QJsonObject& m) { m.remove(QStringLiteral("authoredOn")); });
        QCOMPARE(noAuthoredOn.exitCode, 1);
        QVERIFY2(
            noAuthoredOn.out.contains("(JP_MedicationRequest): authoredOn is required"), noAuthoredOn.out.constData());
        const test::ProcessResult noRp
            = broken(QStringLiteral("jp-no-rp.json"), QStringLiteral("MedicationDispense"), [](QJsonObject& m) {
                  QJsonArray ids = m[QStringLiteral("identifier")].toArray();
                  ids.removeFirst();
                  m[QStringLiteral("identifier")] = ids;
              });
        QCOMPARE(noRp.exitCode, 1);
        QVERIFY2(noRp.out.contains("Medication-RPGroupNumber].value is required"), noRp.out.constData());
        const test::ProcessResult days
            = broken(QStringLiteral("jp-days.json"), QStringLiteral("MedicationRequest"), [](QJsonObject& m) {
                  QJsonObject request = m[QStringLiteral("dispenseRequest")].toObject();
                  QJsonObject supply = request[QStringLiteral("expectedSupplyDuration")].toObject();
                  supply[QStringLiteral("unit")] = QStringLiteral("days");
                  request[QStringLiteral("expectedSupplyDuration")] = supply;
                  m[QStringLiteral("dispenseRequest")] = request;
              });
        QCOMPARE(days.exitCode, 1);
        QVERIFY2(days.out.contains("expectedSupplyDuration.unit must be '日'"), days.out.constData());
        // JP Core: dispenseRequest.performer only Reference(JP_Organization).
        const test::ProcessResult target
            = broken(QStringLiteral("jp-target.json"), QStringLiteral("MedicationRequest"), [](QJsonObject& m) {
                  QJsonObject request = m[QStringLiteral("dispenseRequest")].toObject();
                  request[QStringLiteral("performer")] = m[QStringLiteral("subject")];
                  m[QStringLiteral("dispenseRequest")] = request;
              });
        QCOMPARE(target.exitCode, 1);
        QVERIFY2(target.out.contains("dispenseRequest.performer must point at one of JP_Organization, points at "
                                     "JP_Patient/Patient"),
            target.out.constData());
    }

    // What the sandbox generates for a family over 40 years (every kind of record, claims records superseded by
    // their 電子処方箋 調剤 record, 電子処方箋 処方 records), imported from the API: the whole bundle passes HL7's
    // schema and the JP Core rules, and each 処方 line is a MedicationRequest.
    void sandboxFamilyMeetsTheSchemaAndJpCore()
    {
        test::SandboxProcess sandbox({QStringLiteral("--persons"), QStringLiteral("4"), QStringLiteral("--years"),
            QStringLiteral("40"), QStringLiteral("--process-delay-ms"), QStringLiteral("0"), QStringLiteral("--seed"),
            QStringLiteral("7")});
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        const QString vault = path(QStringLiteral("family.techo"));
        QVERIFY(test::createTestVault(vault));
        const test::ProcessResult imported = cli(vault,
            {QStringLiteral("import"), QStringLiteral("--from"), sandbox.baseUrl(), QStringLiteral("--ca-file"),
                sandbox.caFile()});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QString file = path(QStringLiteral("family.json"));
        const QJsonObject report = exportFhir(vault, file);
        const QJsonObject counts = report[QStringLiteral("counts")].toObject();
        const QJsonObject bundle = readJson(file);
        qInfo("the family's bundle: %s", QJsonDocument(counts).toJson(QJsonDocument::Compact).constData());
        QVERIFY(counts[QStringLiteral("patients")].toInt() > 1);
        QVERIFY(counts[QStringLiteral("medication_requests")].toInt() > 0);
        QCOMPARE(resources(bundle, QStringLiteral("MedicationRequest")).size(),
            counts[QStringLiteral("medication_requests")].toInt());
        QVERIFY(counts[QStringLiteral("medication_dispenses")].toInt() > 0);
        QVERIFY(counts[QStringLiteral("dispensings_not_mapped")].toInt() > 0);
        const test::ProcessResult schema = validateFhir(file);
        QVERIFY2(schema.exitCode == 0, schema.out.constData());
        const test::ProcessResult jpCore = checkJpCore(file);
        QVERIFY2(jpCore.exitCode == 0, jpCore.out.constData());
        QVERIFY2(jpCore.out.contains(QByteArray("checked ")
                     + QByteArray::number(bundle[QStringLiteral("entry")].toArray().size()) + " resources"),
            jpCore.out.constData());
    }

    // Every resource names its profile; every reference points at an entry of the bundle.
    void profilesAndReferences()
    {
        const std::map<QString, QString> expected {{QStringLiteral("Patient"), kJpCore + QStringLiteral("JP_Patient")},
            {QStringLiteral("Immunization"), kJpCore + QStringLiteral("JP_Immunization")},
            {QStringLiteral("MedicationDispense"), kJpCore + QStringLiteral("JP_MedicationDispense")},
            {QStringLiteral("MedicationRequest"), kJpCore + QStringLiteral("JP_MedicationRequest")},
            {QStringLiteral("Organization"), kJpCore + QStringLiteral("JP_Organization")},
            {QStringLiteral("Provenance"), QStringLiteral("http://hl7.org/fhir/StructureDefinition/Provenance")}};
        QSet<QString> fullUrls;
        for (const QJsonValue& entry : m_bundle[QStringLiteral("entry")].toArray()) {
            const QJsonObject r = entry[QStringLiteral("resource")].toObject();
            const QString type = r[QStringLiteral("resourceType")].toString();
            QCOMPARE(entry[QStringLiteral("fullUrl")].toString(),
                QStringLiteral("urn:uuid:") + r[QStringLiteral("id")].toString());
            QVERIFY2(!fullUrls.contains(entry[QStringLiteral("fullUrl")].toString()), "two entries share an id");
            fullUrls.insert(entry[QStringLiteral("fullUrl")].toString());
            if (type == QStringLiteral("Observation"))
                QVERIFY2(
                    profileOf(r).startsWith(kJpCore + QStringLiteral("JP_Observation_")), qPrintable(profileOf(r)));
            else
                QCOMPARE(profileOf(r), expected.at(type));
        }
        QStringList references;
        collectReferences(m_bundle[QStringLiteral("entry")], references);
        QVERIFY(references.size() > 20);
        for (const QString& reference : references)
            QVERIFY2(fullUrls.contains(reference), qPrintable(reference));
    }

    // JP Core Observation specifics: profile and category by item, JLAC10 codes, canonical UCUM units, the
    // comparator kept, the judgement the app gives as interpretation, specimen on lab results.
    void observationsFollowJpCore()
    {
        for (const QJsonObject& r : resources(m_bundle, QStringLiteral("Observation"))) {
            QCOMPARE(r[QStringLiteral("status")].toString(), QStringLiteral("final"));
            QVERIFY(r[QStringLiteral("subject")][QStringLiteral("reference")].toString().startsWith(
                QStringLiteral("urn:uuid:")));
            QVERIFY(!r[QStringLiteral("effectiveDateTime")].toString().isEmpty());
            QCOMPARE(
                r[QStringLiteral("code")][QStringLiteral("coding")][0][QStringLiteral("system")].toString(), kJlac10);
            QVERIFY(!r[QStringLiteral("code")][QStringLiteral("text")].toString().isEmpty());
            const QString category
                = r[QStringLiteral("category")][0][QStringLiteral("coding")][0][QStringLiteral("code")].toString();
            if (profileOf(r).endsWith(QStringLiteral("JP_Observation_LabResult"))) {
                QCOMPARE(category, QStringLiteral("laboratory"));
                QVERIFY(!r[QStringLiteral("specimen")][QStringLiteral("display")].toString().isEmpty());
            }
        }
        const QJsonObject ldl = observation(m_bundle, QStringLiteral("3F077000002327101"));
        QCOMPARE(profileOf(ldl), kJpCore + QStringLiteral("JP_Observation_LabResult"));
        QCOMPARE(ldl[QStringLiteral("specimen")][QStringLiteral("display")].toString(),
            QStringLiteral("血清（JLAC10 材料コード 023）"));
        const QJsonObject ldlValue = ldl[QStringLiteral("valueQuantity")].toObject();
        QCOMPARE(ldlValue[QStringLiteral("value")].toDouble(), 145.0);
        QCOMPARE(ldlValue[QStringLiteral("system")].toString(), kUcum);
        QCOMPARE(ldlValue[QStringLiteral("code")].toString(), QStringLiteral("mg/dL"));
        // LDL 145 ≥ 140: 受診勧奨判定値 (別紙5), high side.
        QCOMPARE(interpretationCode(ldl), QStringLiteral("H"));
        QCOMPARE(interpretationText(ldl), QStringLiteral("受診勧奨判定値"));

        const QJsonObject height = observation(m_bundle, QStringLiteral("9N001000000000001"));
        QCOMPARE(profileOf(height), kJpCore + QStringLiteral("JP_Observation_BodyMeasurement"));
        QCOMPARE(height[QStringLiteral("category")][0][QStringLiteral("coding")][0][QStringLiteral("code")].toString(),
            QStringLiteral("body-measurement"));
        QVERIFY2(!height.contains(QStringLiteral("interpretation")), "身長 has no judgement value: not judged, not N");

        // Comparators (case 01): γ-GT "<5" stays a bound and is judged 基準範囲内; ALT ">=500" 受診勧奨判定値.
        const QJsonObject ggt = observation(m_bundle, QStringLiteral("3B090000002327101"));
        QCOMPARE(ggt[QStringLiteral("valueQuantity")][QStringLiteral("comparator")].toString(), QStringLiteral("<"));
        QCOMPARE(ggt[QStringLiteral("valueQuantity")][QStringLiteral("value")].toDouble(), 5.0);
        QCOMPARE(ggt[QStringLiteral("valueQuantity")][QStringLiteral("code")].toString(), QStringLiteral("U/L"));
        QCOMPARE(interpretationCode(ggt), QStringLiteral("N"));
        const QJsonObject alt = observation(m_bundle, QStringLiteral("3B045000002327201"));
        QCOMPARE(alt[QStringLiteral("valueQuantity")][QStringLiteral("comparator")].toString(), QStringLiteral(">="));
        QCOMPARE(interpretationText(alt), QStringLiteral("受診勧奨判定値"));

        // 血圧 is a vital sign with UCUM's mm[Hg].
        bool sawBloodPressure = false;
        for (const QJsonObject& r : resources(m_bundle, QStringLiteral("Observation"))) {
            if (!profileOf(r).endsWith(QStringLiteral("JP_Observation_VitalSigns")))
                continue;
            sawBloodPressure = true;
            QCOMPARE(r[QStringLiteral("category")][0][QStringLiteral("coding")][0][QStringLiteral("code")].toString(),
                QStringLiteral("vital-signs"));
            QCOMPARE(r[QStringLiteral("valueQuantity")][QStringLiteral("code")].toString(), QStringLiteral("mm[Hg]"));
        }
        QVERIFY(sawBloodPressure);

        // 尿蛋白 ± is coded, judged 保健指導判定値 by the qualitative rule.
        const QJsonObject protein = observation(m_bundle, QStringLiteral("1A010000000191111"));
        QCOMPARE(protein[QStringLiteral("valueCodeableConcept")][QStringLiteral("coding")][0][QStringLiteral("code")]
                     .toString(),
            QStringLiteral("2"));
        QCOMPARE(interpretationText(protein), QStringLiteral("保健指導判定値"));
    }

    // JP_Immunization: vaccine code systems as sent (HOT13 OID), the deletion kept as entered-in-error, dose number.
    void immunizations()
    {
        bool sawHot13 = false;
        bool sawDeleted = false;
        for (const QJsonObject& r : resources(m_bundle, QStringLiteral("Immunization"))) {
            QVERIFY(!r[QStringLiteral("status")].toString().isEmpty());
            QVERIFY(r[QStringLiteral("patient")][QStringLiteral("reference")].toString().startsWith(
                QStringLiteral("urn:uuid:")));
            QVERIFY(!r[QStringLiteral("occurrenceDateTime")].toString().isEmpty());
            QVERIFY(!r[QStringLiteral("vaccineCode")][QStringLiteral("text")].toString().isEmpty());
            const QJsonObject coding = r[QStringLiteral("vaccineCode")][QStringLiteral("coding")][0].toObject();
            if (coding[QStringLiteral("system")].toString() == QStringLiteral("urn:oid:1.2.392.100495.20.2.75")) {
                sawHot13 = true;
                QCOMPARE(coding[QStringLiteral("code")].toString(), QStringLiteral("1234567890123"));
                QCOMPARE(r[QStringLiteral("protocolApplied")][0][QStringLiteral("doseNumberPositiveInt")].toInt(), 3);
            }
            if (r[QStringLiteral("status")].toString() == QStringLiteral("entered-in-error"))
                sawDeleted = true;
        }
        QVERIFY(sawHot13);
        QVERIFY(sawDeleted);
    }

    // JP_MedicationDispense: one per drug line with its RP and order, YJ code, 用法 as dosage text; days supply only
    // for 内服 (フロモックス 5 日分), a 屯服 (カロナール, 10 回分) is as-needed with its dose and no days.
    void medicationDispenses()
    {
        QJsonObject flomox;
        QJsonObject calonal;
        for (const QJsonObject& r : resources(m_bundle, QStringLiteral("MedicationDispense"))) {
            QCOMPARE(r[QStringLiteral("status")].toString(), QStringLiteral("completed"));
            QCOMPARE(r[QStringLiteral("identifier")].toArray().size(), 2);
            QVERIFY(r[QStringLiteral("subject")][QStringLiteral("reference")].toString().startsWith(
                QStringLiteral("urn:uuid:")));
            const QString name = r[QStringLiteral("medicationCodeableConcept")][QStringLiteral("text")].toString();
            if (name.startsWith(QStringLiteral("フロモックス")))
                flomox = r;
            if (name.startsWith(QStringLiteral("カロナール")))
                calonal = r;
        }
        QVERIFY(!flomox.isEmpty());
        const QJsonObject yj
            = flomox[QStringLiteral("medicationCodeableConcept")][QStringLiteral("coding")][0].toObject();
        QCOMPARE(yj[QStringLiteral("system")].toString(), QStringLiteral("urn:oid:1.2.392.100495.20.1.73"));
        QCOMPARE(yj[QStringLiteral("code")].toString(), QStringLiteral("6132999F9920"));
        QCOMPARE(flomox[QStringLiteral("daysSupply")][QStringLiteral("value")].toInt(), 5);
        QCOMPARE(flomox[QStringLiteral("daysSupply")][QStringLiteral("code")].toString(), QStringLiteral("d"));
        QCOMPARE(flomox[QStringLiteral("dosageInstruction")][0][QStringLiteral("text")].toString(),
            QStringLiteral("1日3回毎食後"));
        // The whole amount handed over: 3 錠 a day for 5 days.
        QCOMPARE(flomox[QStringLiteral("quantity")][QStringLiteral("value")].toDouble(), 15.0);
        QCOMPARE(flomox[QStringLiteral("quantity")][QStringLiteral("unit")].toString(), QStringLiteral("錠"));
        QVERIFY(!calonal.isEmpty());
        QVERIFY(!calonal.contains(QStringLiteral("daysSupply")));
        QCOMPARE(calonal[QStringLiteral("dosageInstruction")][0][QStringLiteral("asNeededBoolean")].toBool(), true);
        QCOMPARE(calonal[QStringLiteral("dosageInstruction")][0][QStringLiteral("doseAndRate")][0]
                        [QStringLiteral("doseQuantity")][QStringLiteral("value")]
                            .toDouble(),
            1.5);
        // The whole amount as a person writes it: 0.1 g × 3 days is 0.3 g, not 0.30000000000000004.
        const QByteArray raw = test::readAll(m_bundlePath);
        const qsizetype own = raw.indexOf("ビオフェルミン配合散");
        QVERIFY(own > 0);
        const QByteArray line
            = raw.mid(raw.lastIndexOf('\n', own), raw.indexOf('\n', own) - raw.lastIndexOf('\n', own));
        QVERIFY2(line.contains("\"quantity\":{\"value\":0.3,\"unit\":\"g\"}"), line.constData());
        // 屯服: one dose × 10 回分.
        QCOMPARE(calonal[QStringLiteral("quantity")][QStringLiteral("value")].toDouble(), 15.0);
        // The 電子処方箋 処方 record is a prescription (medicationRequests), not a dispensing; nothing is left out.
        QCOMPARE(m_report[QStringLiteral("counts")][QStringLiteral("dispensings_not_mapped")].toInt(), 0);
    }

    // JP_MedicationRequest: the 電子処方箋 処方 record of yzk-valid (アムロジピン 1日1回朝食後, 56 日分, prescribed
    // 2024-03-01 by ひまわり内科クリニック for ゆうひ調剤薬局) with the elements JP Core requires (RP identifiers,
    // status, intent, medication, subject, authoredOn), the prescriber as requester, days as expectedSupplyDuration.
    void medicationRequests()
    {
        const QList<QJsonObject> requests = resources(m_bundle, QStringLiteral("MedicationRequest"));
        QCOMPARE(requests.size(), 1);
        QCOMPARE(m_report[QStringLiteral("counts")][QStringLiteral("medication_requests")].toInt(), 1);
        const QJsonObject r = requests.first();
        QCOMPARE(profileOf(r), kJpCore + QStringLiteral("JP_MedicationRequest"));
        QCOMPARE(r[QStringLiteral("status")].toString(), QStringLiteral("unknown"));
        QCOMPARE(r[QStringLiteral("intent")].toString(), QStringLiteral("order"));
        const QJsonArray identifiers = r[QStringLiteral("identifier")].toArray();
        QCOMPARE(identifiers.size(), 2);
        QCOMPARE(identifiers[0][QStringLiteral("system")].toString(),
            QStringLiteral("http://jpfhir.jp/fhir/core/mhlw/IdSystem/Medication-RPGroupNumber"));
        QCOMPARE(identifiers[0][QStringLiteral("value")].toString(), QStringLiteral("1"));
        QCOMPARE(identifiers[1][QStringLiteral("system")].toString(),
            QStringLiteral("http://jpfhir.jp/fhir/core/mhlw/IdSystem/MedicationAdministrationIndex"));
        const QJsonObject coding
            = r[QStringLiteral("medicationCodeableConcept")][QStringLiteral("coding")][0].toObject();
        QCOMPARE(coding[QStringLiteral("system")].toString(), QStringLiteral("urn:oid:1.2.392.100495.20.1.73"));
        QCOMPARE(coding[QStringLiteral("code")].toString(), QStringLiteral("2149040F1020"));
        QCOMPARE(r[QStringLiteral("authoredOn")].toString(), QStringLiteral("2024-03-01"));
        QCOMPARE(r[QStringLiteral("category")][0][QStringLiteral("coding")][0][QStringLiteral("code")].toString(),
            QStringLiteral("O"));
        const QJsonObject dosage = r[QStringLiteral("dosageInstruction")][0].toObject();
        QCOMPARE(dosage[QStringLiteral("text")].toString(), QStringLiteral("1日1回朝食後"));
        QCOMPARE(dosage[QStringLiteral("doseAndRate")][0][QStringLiteral("rateRatio")][QStringLiteral("numerator")]
                       [QStringLiteral("value")]
                           .toDouble(),
            1.0);
        const QJsonObject supply
            = r[QStringLiteral("dispenseRequest")][QStringLiteral("expectedSupplyDuration")].toObject();
        QCOMPARE(supply[QStringLiteral("value")].toInt(), 56);
        QCOMPARE(supply[QStringLiteral("unit")].toString(), QStringLiteral("日"));
        QCOMPARE(supply[QStringLiteral("system")].toString(), kUcum);
        QCOMPARE(supply[QStringLiteral("code")].toString(), QStringLiteral("d"));
        // Requester and intended pharmacy are Organizations of the bundle, with their 医療機関等コード.
        const auto organizationCode = [&](const QString& url) {
            for (const QJsonValue& entry : m_bundle[QStringLiteral("entry")].toArray())
                if (entry[QStringLiteral("fullUrl")].toString() == url)
                    return entry[QStringLiteral("resource")][QStringLiteral("identifier")][0][QStringLiteral("value")]
                        .toString();
            return QString();
        };
        QCOMPARE(organizationCode(r[QStringLiteral("requester")][QStringLiteral("reference")].toString()),
            QStringLiteral("1310110016"));
        QCOMPARE(organizationCode(
                     r[QStringLiteral("dispenseRequest")][QStringLiteral("performer")][QStringLiteral("reference")]
                         .toString()),
            QStringLiteral("1340608088"));
        QCOMPARE(r[QStringLiteral("subject")][QStringLiteral("reference")].toString(),
            resources(m_bundle, QStringLiteral("MedicationDispense"))
                .first()[QStringLiteral("subject")][QStringLiteral("reference")]
                .toString());
        // Its Provenance names it.
        bool traced = false;
        for (const QJsonObject& p : resources(m_bundle, QStringLiteral("Provenance")))
            traced |= p[QStringLiteral("target")][0][QStringLiteral("reference")].toString()
                == QStringLiteral("urn:uuid:") + r[QStringLiteral("id")].toString();
        QVERIFY(traced);
    }

    // Provenance: the API's records name the source as author; the self-recorded checkup names the person.
    void provenance()
    {
        const QJsonObject selfWeight = [&] {
            for (const QJsonObject& r : resources(m_bundle, QStringLiteral("Observation")))
                if (r[QStringLiteral("effectiveDateTime")].toString() == QStringLiteral("2025-06-01"))
                    return r;
            return QJsonObject {};
        }();
        QVERIFY(!selfWeight.isEmpty());
        const QString selfUrl = QStringLiteral("urn:uuid:") + selfWeight[QStringLiteral("id")].toString();
        // The self-recorded dispensing's line (initTestCase) is entered by the person too.
        QString selfDispenseUrl;
        for (const QJsonObject& r : resources(m_bundle, QStringLiteral("MedicationDispense")))
            if (r[QStringLiteral("whenHandedOver")].toString() == QStringLiteral("2025-07-01"))
                selfDispenseUrl = QStringLiteral("urn:uuid:") + r[QStringLiteral("id")].toString();
        QVERIFY(!selfDispenseUrl.isEmpty());
        bool sawSelf = false;
        bool sawSelfDispense = false;
        for (const QJsonObject& r : resources(m_bundle, QStringLiteral("Provenance"))) {
            QVERIFY(!r[QStringLiteral("recorded")].toString().isEmpty());
            const QJsonObject agent = r[QStringLiteral("agent")][0].toObject();
            const QString who = agent[QStringLiteral("who")][QStringLiteral("reference")].toString();
            if (r[QStringLiteral("target")][0][QStringLiteral("reference")].toString() == selfUrl) {
                sawSelf = true;
                QCOMPARE(who, selfWeight[QStringLiteral("subject")][QStringLiteral("reference")].toString());
                QCOMPARE(agent[QStringLiteral("type")][QStringLiteral("coding")][0][QStringLiteral("code")].toString(),
                    QStringLiteral("enterer"));
            } else if (r[QStringLiteral("target")][0][QStringLiteral("reference")].toString() == selfDispenseUrl) {
                sawSelfDispense = true;
                QCOMPARE(who, selfWeight[QStringLiteral("subject")][QStringLiteral("reference")].toString());
                QCOMPARE(agent[QStringLiteral("type")][QStringLiteral("coding")][0][QStringLiteral("code")].toString(),
                    QStringLiteral("enterer"));
            } else {
                QCOMPARE(agent[QStringLiteral("type")][QStringLiteral("coding")][0][QStringLiteral("code")].toString(),
                    QStringLiteral("author"));
            }
        }
        QVERIFY(sawSelf);
        QVERIFY(sawSelfDispense);
    }

    // Ids come from the records' identities: a second export of the vault, and an export of another vault the
    // records were moved to (JSON export → import into a fresh vault), give every resource the same id.
    void idsAreStable()
    {
        const QString again = path(QStringLiteral("again.json"));
        exportFhir(m_vault, again);
        const QJsonObject second = readJson(again);
        QCOMPARE(identities(second), identities(m_bundle));
        const QJsonObject a = withoutExportTime(m_bundle);
        const QJsonObject b = withoutExportTime(second);
        const QJsonArray entriesA = a[QStringLiteral("entry")].toArray();
        const QJsonArray entriesB = b[QStringLiteral("entry")].toArray();
        QCOMPARE(entriesB.size(), entriesA.size());
        for (int i = 0; i < entriesA.size(); ++i)
            QCOMPARE(QJsonDocument(entriesB[i].toObject()).toJson(QJsonDocument::Compact),
                QJsonDocument(entriesA[i].toObject()).toJson(QJsonDocument::Compact));
        QCOMPARE(b, a);

        const QString movedJson = path(QStringLiteral("moved.json"));
        QCOMPARE(cli(m_vault,
                     {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
                         QStringLiteral("--out"), movedJson})
                     .exitCode,
            0);
        const QString fresh = path(QStringLiteral("fresh.techo"));
        QVERIFY(test::createTestVault(fresh));
        // Records the fresh vault holds before the import (another person's), so every moved record gets other row
        // ids than in the source vault.
        {
            auto vault = vault::Vault::open(fresh.toStdString(), test::secret(test::kTestPassphrase));
            QVERIFY(vault.ok());
            vault::Database& db = vault.value()->database();
            domain::Profile other;
            other.displayName = "別の人";
            other.createdAt = domain::nowUtc();
            QVERIFY(vault::ProfileRepository(db).insert(other).ok());
            domain::Vaccination flu;
            flu.profileId = other.id;
            flu.occurredOn = domain::makeDate(2024, 11, 1);
            flu.vaccineName = "インフルエンザHAワクチン";
            QVERIFY(vault::VaccinationRepository(db).insert(flu).ok());
            domain::Checkup checkup;
            checkup.profileId = other.id;
            checkup.performedOn = domain::makeDate(2024, 5, 1);
            domain::Observation height;
            height.itemCode = "9N001000000000001";
            height.itemName = "身長";
            height.valueNum = 160;
            height.unit = "cm";
            checkup.observations.push_back(height);
            QVERIFY(vault::CheckupRepository(db).insert(checkup).ok());
        }
        const test::ProcessResult imported
            = cli(fresh, {QStringLiteral("import"), QStringLiteral("--file"), movedJson});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QString fromFresh = path(QStringLiteral("from-fresh.json"));
        exportFhir(fresh, fromFresh);
        // Every resource keeps its id, and the same id holds the same resource; the other person adds a Patient, an
        // Immunization, an Observation and their two Provenances.
        std::map<QString, QJsonObject> movedById;
        for (const QJsonValue& entry : withoutExportTime(readJson(fromFresh))[QStringLiteral("entry")].toArray())
            movedById[entry[QStringLiteral("fullUrl")].toString()] = entry[QStringLiteral("resource")].toObject();
        for (const QJsonValue& entry : withoutExportTime(m_bundle)[QStringLiteral("entry")].toArray()) {
            const QString url = entry[QStringLiteral("fullUrl")].toString();
            QVERIFY2(movedById.count(url) == 1, qPrintable(url));
            QCOMPARE(QJsonDocument(movedById[url]).toJson(QJsonDocument::Compact),
                QJsonDocument(entry[QStringLiteral("resource")].toObject()).toJson(QJsonDocument::Compact));
        }
        const QStringList moved = identities(readJson(fromFresh));
        QCOMPARE(moved.size(), identities(m_bundle).size() + 5);
    }

    // Ids are RFC 4122 name-based UUIDs, version 5 (§4.3): the version digit 5 and the variant bits 10 in every id
    // and every urn:uuid reference, and a known identity gives the UUID that Python's uuid.uuid5 computes from
    // Techo's namespace and the same name (an independent implementation of §4.3).
    void idsAreRfc4122Version5()
    {
        static const QRegularExpression kVersion5(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QStringList ids;
        for (const QJsonValue& entry : m_bundle[QStringLiteral("entry")].toArray()) {
            const QString id = entry[QStringLiteral("resource")][QStringLiteral("id")].toString();
            QCOMPARE(entry[QStringLiteral("fullUrl")].toString(), QStringLiteral("urn:uuid:") + id);
            ids.append(id);
        }
        QStringList references;
        collectReferences(m_bundle, references);
        for (const QString& reference : std::as_const(references)) {
            QVERIFY2(reference.startsWith(QStringLiteral("urn:uuid:")), qPrintable(reference));
            ids.append(reference.mid(9));
        }
        QVERIFY(ids.size() > 100);
        for (const QString& id : std::as_const(ids))
            QVERIFY2(kVersion5.match(id).hasMatch(), qPrintable(id));

        // uuid.uuid5(UUID('1adc2a52-8d0e-4cc8-ac84-667dced289b8'), 'patient\x1fmynaportal\x1fP0001\x1f') and
        // (…, 'source\x1fmynaportal'): the person P0001 of tkk-valid.json and the source Organization.
        QStringList patients;
        for (const QJsonObject& r : resources(m_bundle, QStringLiteral("Patient")))
            patients.append(r[QStringLiteral("id")].toString());
        QVERIFY2(patients.contains(QStringLiteral("804f80dd-fa01-58f5-b71b-19223edf5722")),
            qPrintable(patients.join(QStringLiteral(" "))));
        QStringList sources;
        for (const QJsonObject& r : resources(m_bundle, QStringLiteral("Organization")))
            if (r[QStringLiteral("name")].toString() == QStringLiteral("マイナポータル（自己情報取得API）"))
                sources.append(r[QStringLiteral("id")].toString());
        QCOMPARE(sources, QStringList {QStringLiteral("b5c521aa-8ce4-5af4-ab0f-48a3ab1bc689")});
    }

    // JP_Patient names: the kanji name (IDE) and the kana (SYL) each with family and given, split on their one space
    // (full-width as the API sends it, or half-width), the text then joined by a half-width space as JP Core's
    // JP_HumanName requires; a name with no space or more than one keeps its text as written, alone.
    void patientNamesHaveFamilyAndGiven()
    {
        const auto nameWith = [](const QJsonObject& patient, const QString& representation) {
            for (const QJsonValue& name : patient[QStringLiteral("name")].toArray())
                if (name[QStringLiteral("extension")][0][QStringLiteral("valueCode")].toString() == representation)
                    return name.toObject();
            return QJsonObject();
        };
        const auto given
            = [](const QJsonObject& name) { return name[QStringLiteral("given")].toArray().toVariantList(); };
        // tkk-valid.json: "藤田　剛" / "フジタ　ツヨシ" (U+3000).
        QJsonObject fujita;
        for (const QJsonObject& r : resources(m_bundle, QStringLiteral("Patient")))
            if (r[QStringLiteral("id")].toString() == QStringLiteral("804f80dd-fa01-58f5-b71b-19223edf5722"))
                fujita = r;
        const QJsonObject kanji = nameWith(fujita, QStringLiteral("IDE"));
        QCOMPARE(kanji[QStringLiteral("text")].toString(), QStringLiteral("藤田 剛"));
        QCOMPARE(kanji[QStringLiteral("family")].toString(), QStringLiteral("藤田"));
        QCOMPARE(given(kanji), QVariantList {QStringLiteral("剛")});
        QCOMPARE(kanji[QStringLiteral("use")].toString(), QStringLiteral("official"));
        const QJsonObject kana = nameWith(fujita, QStringLiteral("SYL"));
        QCOMPARE(kana[QStringLiteral("text")].toString(), QStringLiteral("フジタ ツヨシ"));
        QCOMPARE(kana[QStringLiteral("family")].toString(), QStringLiteral("フジタ"));
        QCOMPARE(given(kana), QVariantList {QStringLiteral("ツヨシ")});

        const QString vaultPath = path(QStringLiteral("names.techo"));
        {
            auto vault = test::createTestVault(vaultPath);
            QVERIFY(vault);
            vault::ProfileRepository profiles(vault->database());
            const auto add = [&](const char* name, std::optional<std::string> kanaName) {
                domain::Profile p;
                p.displayName = name;
                p.kanaName = std::move(kanaName);
                p.createdAt = domain::nowUtc();
                return profiles.insert(p).ok();
            };
            QVERIFY(add("山田 花子", "ヤマダ　ハナコ"));
            QVERIFY(add("ジョン ロバート スミス", "ジョン　ロバート　スミス"));
            QVERIFY(add("鈴木一郎", "スズキイチロウ"));
            QVERIFY(add(" 佐藤", std::nullopt));
        }
        const QString out = path(QStringLiteral("names.json"));
        exportFhir(vaultPath, out);
        QVERIFY(validateFhir(out).exitCode == 0);
        std::map<QString, QJsonObject> byText;
        for (const QJsonObject& r : resources(readJson(out), QStringLiteral("Patient")))
            for (const QJsonValue& name : r[QStringLiteral("name")].toArray())
                byText[name[QStringLiteral("text")].toString()] = name.toObject();
        QCOMPARE(byText.size(), std::size_t {7});
        QCOMPARE(byText[QStringLiteral("山田 花子")][QStringLiteral("family")].toString(), QStringLiteral("山田"));
        QCOMPARE(given(byText[QStringLiteral("山田 花子")]), QVariantList {QStringLiteral("花子")});
        QCOMPARE(
            byText[QStringLiteral("ヤマダ ハナコ")][QStringLiteral("family")].toString(), QStringLiteral("ヤマダ"));
        QCOMPARE(given(byText[QStringLiteral("ヤマダ ハナコ")]), QVariantList {QStringLiteral("ハナコ")});
        for (const QString& textOnly :
            {QStringLiteral("ジョン ロバート スミス"), QStringLiteral("ジョン　ロバート　スミス"),
                QStringLiteral("鈴木一郎"), QStringLiteral("スズキイチロウ"), QStringLiteral(" 佐藤")}) {
            QVERIFY2(!byText[textOnly].contains(QStringLiteral("family")), qPrintable(textOnly));
            QVERIFY2(!byText[textOnly].contains(QStringLiteral("given")), qPrintable(textOnly));
        }
    }

    // Every FHIR export is an audit event, as JSON and CSV are.
    void exportIsAudited()
    {
        auto vault = vault::Vault::open(m_vault.toStdString(), test::secret(test::kTestPassphrase));
        QVERIFY(vault.ok());
        auto events = vault::AuditRepository(vault.value()->database()).listRecent(100);
        QVERIFY(events.ok());
        // initTestCase's export and idsAreStable's second one (the other vault's export is audited there).
        std::vector<std::string> details;
        for (const domain::AuditEvent& e : events.value())
            if (e.action == "export.completed" && e.detail && e.detail->find("format=fhir") != std::string::npos)
                details.push_back(*e.detail);
        QCOMPARE(details.size(), std::size_t {2});
        const std::string digest = "sha256=" + m_report[QStringLiteral("sha256")].toString().toStdString();
        QVERIFY(std::any_of(details.begin(), details.end(), [&](const std::string& d) {
            return d.find(digest) != std::string::npos && d.find(" observations=") != std::string::npos;
        }));
        QCOMPARE(test::readAll(m_bundlePath).contains(QByteArray(test::kTestPassphrase)), false);
    }
};

QTEST_GUILESS_MAIN(TestFhirExport)
#include "TestFhirExport.moc"

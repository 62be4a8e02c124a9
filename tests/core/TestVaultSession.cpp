// VaultSession's import door: a second connection opened with the key the session keeps (no passphrase, no
// second key derivation), importFromFile / importFromApi on it, and what lock() takes away.
#include "core/session/VaultSession.h"
#include "core/vault/Vault.h"
#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace techo;

namespace {

std::unique_ptr<session::VaultSession> createSession(const QString& path)
{
    auto created = session::VaultSession::create(
        path.toStdString(), test::secret(test::kTestPassphrase), crypto::KdfParams::insecureForTestsOnly());
    if (!created.ok()) {
        QTest::qFail(("cannot create the vault: " + created.error().message).c_str(), __FILE__, __LINE__);
        return nullptr;
    }
    return std::move(created).value();
}

// The content digest, through a connection of its own opened with the passphrase (not through the sessions
// under test).
std::string digestOfWith(const QString& path, const char* passphrase)
{
    auto vault = vault::Vault::open(path.toStdString(), test::secret(passphrase));
    if (!vault.ok())
        return "cannot open: " + vault.error().message;
    auto digest = vault.value()->contentDigest();
    return digest.ok() ? digest.value() : "no digest: " + digest.error().message;
}

std::string digestOf(const QString& path)
{
    return digestOfWith(path, test::kTestPassphrase);
}

std::int64_t topLevelRecords(const session::RecordCounts& counts)
{
    return counts.at("checkups") + counts.at("dispensings") + counts.at("vaccinations");
}

} // namespace

class TestVaultSession : public QObject {
    Q_OBJECT

private slots:
    void anotherConnection_writesWhatTheFirstReads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.techo"));
        auto first = createSession(path);
        QVERIFY(first);
        auto another = first->openAnotherConnection();
        QVERIFY2(another.ok(), another.ok() ? "" : another.error().message.c_str());
        auto second = std::move(another).value();
        QCOMPARE(second->path(), first->path());

        const auto report
            = second->importFromFile(test::sourcePath(QStringLiteral("tests/data/api/tkk-valid.json")).toStdString());
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QVERIFY(report->counts.added > 0);

        // Read back through the FIRST connection: what the other connection committed is there.
        const auto counts = first->counts();
        QVERIFY(counts.ok());
        QCOMPARE(counts->at("checkups"), report->byKind.at("checkups").added);
        QCOMPARE(counts->at("import_runs"), std::int64_t {1});
    }

    void lock_wipesTheKey_andLeavesTheOtherConnectionOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.techo"));
        auto first = createSession(path);
        QVERIFY(first);
        auto another = first->openAnotherConnection();
        QVERIFY(another.ok());
        auto second = std::move(another).value();

        first->lock();
        const auto refused = first->openAnotherConnection();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().key, std::string("query.vault_locked"));
        const auto importRefused
            = first->importFromFile(test::sourcePath(QStringLiteral("tests/data/api/tkk-valid.json")).toStdString());
        QVERIFY(!importRefused.ok());
        QCOMPARE(importRefused.error().key, std::string("query.vault_locked"));

        // The worker's connection is its own: it still reads and opens connections of its own.
        QVERIFY(second->isOpen());
        QVERIFY(second->counts().ok());
        auto third = second->openAnotherConnection();
        QVERIFY2(third.ok(), third.ok() ? "" : third.error().message.c_str());
        QVERIFY(third.value()->counts().ok());
    }

    void anotherConnection_refusesAKeyTheFileNoLongerHas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.techo"));
        auto first = createSession(path);
        QVERIFY(first);
        // Another vault now lies at the path (made with another passphrase): the kept key must not open it,
        // and it must be refused by the header's key check rather than handed to SQLCipher.
        QVERIFY(QFile::remove(path));
        auto other = session::VaultSession::create(
            path.toStdString(), test::secret("another passphrase"), crypto::KdfParams::insecureForTestsOnly());
        QVERIFY(other.ok());
        const std::string before = digestOfWith(path, "another passphrase");
        const auto refused = first->openAnotherConnection();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::WrongPassphrase);
        QCOMPARE(digestOfWith(path, "another passphrase"), before);
    }

    void importFromApi_networkPhaseLeavesTheVaultReadable_andCountsMatch()
    {
        test::SandboxProcess sandbox;
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.techo"));
        auto gui = createSession(path);
        QVERIFY(gui);
        auto another = gui->openAnotherConnection();
        QVERIFY(another.ok());
        auto worker = std::move(another).value();

        import::ApiImportRequest request;
        request.client.baseUrl = sandbox.baseUrl().toStdString();
        request.client.http.caFile = sandbox.caFile().toStdString();
        std::optional<bool> readDuringFetch;
        const auto report = worker->importFromApi(request, [&](const import::ImportProgress& p) {
            // The GUI's connection reads while the worker fetches (on this thread: the GUI is idle meanwhile).
            if (p.stage == import::ImportStage::Fetch && !readDuringFetch) {
                const auto counts = gui->counts();
                readDuringFetch = counts.ok() && topLevelRecords(counts.value()) == 0;
            }
        });
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QVERIFY(readDuringFetch.has_value());
        QVERIFY(*readDuringFetch);

        const auto counts = gui->counts();
        QVERIFY(counts.ok());
        QVERIFY(report->counts.added > 0);
        QCOMPARE(counts->at("checkups"), report->byKind.at("checkups").added);
        QCOMPARE(counts->at("dispensings"), report->byKind.at("dispensings").added);
        QCOMPARE(counts->at("vaccinations"), report->byKind.at("vaccinations").added);
    }

    void importFromApi_cancelledAtFetch_changesNothing()
    {
        test::SandboxProcess sandbox;
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.techo"));
        auto gui = createSession(path);
        QVERIFY(gui);
        // Something in the vault first, so that "unchanged" is not just "empty".
        QVERIFY(
            gui->importFromFile(test::sourcePath(QStringLiteral("tests/data/api/tkk-valid.json")).toStdString()).ok());
        const std::string before = digestOf(path);
        auto another = gui->openAnotherConnection();
        QVERIFY(another.ok());
        auto worker = std::move(another).value();

        import::ApiImportRequest request;
        request.client.baseUrl = sandbox.baseUrl().toStdString();
        request.client.http.caFile = sandbox.caFile().toStdString();
        net::CancelToken cancel;
        int fetchesSeen = 0;
        const auto report = worker->importFromApi(
            request,
            [&](const import::ImportProgress& p) {
                if (p.stage == import::ImportStage::Fetch && ++fetchesSeen == 2)
                    cancel.cancel();
            },
            &cancel);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, ErrorCode::Cancelled);
        QCOMPARE(fetchesSeen, 2);
        QCOMPARE(digestOf(path), before);
    }

    // probe() says before any passphrase what open() says after one, for every file no passphrase opens.
    void probe_givesOpensErrorBeforeAnyPassphrase()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.techo"));
        createSession(good).reset();
        QVERIFY(session::VaultSession::probe(good.toStdString()).ok());
        const QByteArray vaultBytes = test::readAll(good);
        QVERIFY(vaultBytes.contains("format_version=1\n"));

        const auto write = [&](const char* name, const QByteArray& bytes) {
            QFile file(dir.filePath(QLatin1String(name)));
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
                QTest::qFail("cannot write the test file", __FILE__, __LINE__);
            return file.fileName();
        };
        QByteArray newer = vaultBytes;
        newer.replace("format_version=1\n", "format_version=7\n");
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder.techo")));
        const std::vector<std::pair<QString, ErrorCode>> cases = {
            {write("text.techo", "hello, world\n"), ErrorCode::NotAVault},
            {write("empty.techo", QByteArray()), ErrorCode::NotAVault},
            {write("truncated.techo", vaultBytes.left(vaultBytes.size() - 1000)), ErrorCode::Damaged},
            {write("newer.techo", newer), ErrorCode::NewerFormat},
            {dir.filePath(QStringLiteral("folder.techo")), ErrorCode::Io},
            {dir.filePath(QStringLiteral("missing.techo")), ErrorCode::NotFound},
        };
        for (const auto& [path, code] : cases) {
            const Status probed = session::VaultSession::probe(path.toStdString());
            QVERIFY2(!probed.ok(), qPrintable(path));
            QCOMPARE(probed.error().code, code);
            const auto opened = session::VaultSession::open(path.toStdString(), test::secret(test::kTestPassphrase));
            QVERIFY2(!opened.ok(), qPrintable(path));
            QCOMPARE(opened.error().code, code);
        }
    }
};

QTEST_GUILESS_MAIN(TestVaultSession)
#include "TestVaultSession.moc"

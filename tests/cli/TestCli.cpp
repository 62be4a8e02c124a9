// techo-cli as a user or a script drives it: the real executable, a real vault in a temp folder.
#include "core/vault/Vault.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace techo;

namespace {

const QString kPass = QStringLiteral("TECHO_PASSPHRASE=") + QString::fromUtf8(test::kTestPassphrase);

test::ProcessResult cli(const QStringList& args, const QStringList& env = {})
{
    return test::runTool(test::builtTool(QStringLiteral("techo-cli")), args, env);
}

// Without a controlling terminal, so a missing passphrase cannot fall back to a prompt.
test::ProcessResult cliDetached(const QStringList& args, const QStringList& env = {})
{
    QStringList all {QStringLiteral("-w"), test::builtTool(QStringLiteral("techo-cli"))};
    all << args;
    return test::runTool(QStringLiteral("/usr/bin/setsid"), all, env);
}

QString initVault(const QTemporaryDir& dir)
{
    const QString p = dir.filePath(QStringLiteral("cli.techo"));
    const auto r
        = cli({QStringLiteral("--vault"), p, QStringLiteral("--insecure-fast-kdf"), QStringLiteral("init")}, {kPass});
    if (r.exitCode != 0)
        qWarning("init failed: %s", r.err.constData());
    return p;
}

// Fills a vault with enough rows that re-encrypting it takes a while (a wide window to kill in).
void fillVault(const QString& p, int rows)
{
    auto v = vault::Vault::open(p.toStdString(), test::secret(test::kTestPassphrase));
    QVERIFY(v.ok());
    auto& db = v.value()->database();
    QVERIFY(db.exec("BEGIN").ok());
    auto stmt = db.prepare("INSERT INTO audit_events (occurred_at, action, detail) VALUES "
                           "('2026-01-01T00:00:00Z', 'test.fill', ?)");
    QVERIFY(stmt.ok());
    const std::string padding(200, 'x');
    for (int i = 0; i < rows; ++i) {
        stmt->bind(1, padding + std::to_string(i));
        QVERIFY(stmt->run().ok());
    }
    QVERIFY(db.exec("COMMIT").ok());
}

// ガード健康パスワード composed (NFC: ガ = U+30AC) and decomposed (NFD: カ + U+3099), by Qt's own
// normaliser, independent of the one techo-cli uses.
const QString kJapanesePassphrase = QStringLiteral("ガード健康パスワード");

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Identity of the file a path names now (a passphrase change renames a new file over the vault).
struct FileIdentity {
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FileIdentity&) const = default;
};
FileIdentity identityOf(const QString& path)
{
    struct stat st { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return {st.st_dev, st.st_ino};
}

// Waits for condition while process runs; returns whether the condition was met (false: it ended).
template <typename Condition> bool whileRunningUntil(QProcess& process, Condition condition)
{
    while (!condition()) {
        if (process.state() == QProcess::NotRunning || process.waitForFinished(1))
            return false;
    }
    return true;
}

QJsonObject infoJson(const QString& p, const QString& passEnv)
{
    const auto r = cli({QStringLiteral("--vault"), p, QStringLiteral("info"), QStringLiteral("--json")}, {passEnv});
    if (r.exitCode != 0)
        return {};
    return QJsonDocument::fromJson(r.out).object();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void help_listsCommandsAndExitCodes()
    {
        const auto r = cli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char* word : {"init", "info", "change-passphrase", "TECHO_PASSPHRASE", "3  wrong passphrase",
                 "4  not a Techo vault", "5  network", "6  invalid data", "7  the vault is in use", "2  usage"})
            QVERIFY2(r.out.contains(word), word);
        const auto v = cli({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith("techo-cli "));
    }

    void usageErrors_exitWith2()
    {
        QCOMPARE(cli({}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("--bogus"), QStringLiteral("info")}).exitCode, 2);
        // A passphrase is never taken from the command line (it would show in `ps`).
        const auto r = cli({QStringLiteral("--passphrase"), QStringLiteral("x"), QStringLiteral("info")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("never accepted"));
    }

    void init_thenInfoJson_reportsFormatKdfAndCounts()
    {
        QTemporaryDir dir;
        const QString p = initVault(dir);
        QVERIFY(QFile::exists(p));
        const QJsonObject info = infoJson(p, kPass);
        QCOMPARE(info.value(QStringLiteral("format_version")).toInt(), 1);
        const QJsonObject kdf = info.value(QStringLiteral("kdf")).toObject();
        QCOMPARE(kdf.value(QStringLiteral("name")).toString(), QStringLiteral("argon2id"));
        QCOMPARE(
            kdf.value(QStringLiteral("memory_kib")).toInt(), int(crypto::KdfParams::insecureForTestsOnly().memoryKib));
        QCOMPARE(
            kdf.value(QStringLiteral("iterations")).toInt(), int(crypto::KdfParams::insecureForTestsOnly().iterations));
        const QJsonObject counts = info.value(QStringLiteral("counts")).toObject();
        for (const char* kind : {"profiles", "checkups", "observations", "vaccinations", "dispensings",
                 "medication_lines", "providers", "consents", "share_records", "audit_events", "import_runs"}) {
            QVERIFY2(counts.contains(QLatin1String(kind)), kind);
            QCOMPARE(counts.value(QLatin1String(kind)).toInt(-1), 0);
        }
    }

    void init_defaultKdf_isTheInteractiveDefault()
    {
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("strong.techo"));
        QCOMPARE(cli({QStringLiteral("--vault"), p, QStringLiteral("init")}, {kPass}).exitCode, 0);
        const QJsonObject kdf = infoJson(p, kPass).value(QStringLiteral("kdf")).toObject();
        QCOMPARE(
            kdf.value(QStringLiteral("memory_kib")).toInt(), int(crypto::KdfParams::interactiveDefault().memoryKib));
        QCOMPARE(
            kdf.value(QStringLiteral("iterations")).toInt(), int(crypto::KdfParams::interactiveDefault().iterations));
    }

    void passphrase_fromFile_andMissingWithoutTerminal()
    {
        QTemporaryDir dir;
        const QString p = initVault(dir);
        const QString passFile = dir.filePath(QStringLiteral("pass.txt"));
        QFile f(passFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(test::kTestPassphrase) + "\n");
        f.close();
        QCOMPARE(cliDetached({QStringLiteral("--vault"), p, QStringLiteral("--passphrase-file"), passFile,
                                 QStringLiteral("info")})
                     .exitCode,
            0);
        const auto none = cliDetached({QStringLiteral("--vault"), p, QStringLiteral("info")});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.err.contains("TECHO_PASSPHRASE"));
    }

    void errors_haveTheirExitCodes()
    {
        QTemporaryDir dir;
        const QString p = initVault(dir);
        const auto wrong
            = cli({QStringLiteral("--vault"), p, QStringLiteral("info")}, {QStringLiteral("TECHO_PASSPHRASE=wrong")});
        QCOMPARE(wrong.exitCode, 3);
        QVERIFY(wrong.err.contains("passphrase is not correct"));

        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("just some notes\n");
        f.close();
        const auto notVault = cli({QStringLiteral("--vault"), text, QStringLiteral("info")}, {kPass});
        QCOMPARE(notVault.exitCode, 4);
        QVERIFY(notVault.err.contains("not a Techo vault"));

        const auto exists = cli({QStringLiteral("--vault"), p, QStringLiteral("init")}, {kPass});
        QCOMPARE(exists.exitCode, 1);
        QVERIFY(exists.err.contains("already exists"));
    }

    void changePassphrase_thenOnlyTheNewOneOpens()
    {
        QTemporaryDir dir;
        const QString p = initVault(dir);
        const auto r = cli(
            {QStringLiteral("--vault"), p, QStringLiteral("--insecure-fast-kdf"), QStringLiteral("change-passphrase")},
            {kPass, QStringLiteral("TECHO_NEW_PASSPHRASE=brand new")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(infoJson(p, kPass).isEmpty());
        QCOMPARE(
            infoJson(p, QStringLiteral("TECHO_PASSPHRASE=brand new")).value(QStringLiteral("format_version")).toInt(),
            1);
    }

    // Fault 8: the vault was made with the composed form; the decomposed form of the same text (another
    // input method, or a file saved on macOS) opens it, from the environment and from a file with a BOM.
    void passphrase_nfdOpensAVaultMadeInNfc_fromEnvironmentAndBomFile()
    {
        const QByteArray composed = kJapanesePassphrase.normalized(QString::NormalizationForm_C).toUtf8();
        const QByteArray decomposed = kJapanesePassphrase.normalized(QString::NormalizationForm_D).toUtf8();
        QVERIFY(composed != decomposed);
        QTemporaryDir dir;
        const QString p = dir.filePath(QStringLiteral("nfc.techo"));
        QCOMPARE(cli({QStringLiteral("--vault"), p, QStringLiteral("--insecure-fast-kdf"), QStringLiteral("init")},
                     {QStringLiteral("TECHO_PASSPHRASE=") + QString::fromUtf8(composed)})
                     .exitCode,
            0);
        const auto fromEnv = cli({QStringLiteral("--vault"), p, QStringLiteral("info")},
            {QStringLiteral("TECHO_PASSPHRASE=") + QString::fromUtf8(decomposed)});
        QVERIFY2(fromEnv.exitCode == 0, fromEnv.err.constData());

        const QString passFile = dir.filePath(QStringLiteral("pass.txt"));
        writeFile(passFile, QByteArray("\xEF\xBB\xBF") + decomposed + "\r\n");
        const auto fromFile = cliDetached(
            {QStringLiteral("--vault"), p, QStringLiteral("--passphrase-file"), passFile, QStringLiteral("info")});
        QVERIFY2(fromFile.exitCode == 0, fromFile.err.constData());

        // Normalisation is not leniency: a different text is still wrong.
        const auto wrong = cli({QStringLiteral("--vault"), p, QStringLiteral("info")},
            {QStringLiteral("TECHO_PASSPHRASE=") + kJapanesePassphrase.left(9)});
        QCOMPARE(wrong.exitCode, 3);
    }

    // Another techo-cli holds the vault open (an import waiting for its input file, a FIFO here): the
    // passphrase change refuses with "in use" (exit 7), and the import's commit is in the vault after.
    // Before the lock existed the change went ahead and the import then committed into the replaced,
    // deleted file: its records were gone.
    void changePassphrase_whileAnImportHoldsTheVault_refusesAndTheImportIsKept()
    {
        QTemporaryDir dir;
        const QString p = initVault(dir);
        const QString fifo = dir.filePath(QStringLiteral("result.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QProcess import;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TECHO_PASSPHRASE"), QString::fromUtf8(test::kTestPassphrase));
        import.setProcessEnvironment(env);
        import.start(test::builtTool(QStringLiteral("techo-cli")),
            {QStringLiteral("--vault"), p, QStringLiteral("import"), QStringLiteral("--file"), fifo});
        QVERIFY(import.waitForStarted());
        // A non-blocking open for writing succeeds once the import (with the vault open) opens the FIFO.
        int writer = -1;
        QVERIFY(whileRunningUntil(import, [&] {
            writer = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
            return writer >= 0;
        }));

        const auto change = cli(
            {QStringLiteral("--vault"), p, QStringLiteral("--insecure-fast-kdf"), QStringLiteral("change-passphrase")},
            {kPass, QStringLiteral("TECHO_NEW_PASSPHRASE=while importing")});
        QCOMPARE(change.exitCode, 7);
        QVERIFY2(change.err.contains("in use"), change.err.constData());

        const QByteArray body = test::readAll(test::sourcePath(QStringLiteral("tests/data/api/pmh-valid.json")));
        QVERIFY(!body.isEmpty());
        QCOMPARE(::fcntl(writer, F_SETFL, 0), 0);
        QCOMPARE(::write(writer, body.constData(), std::size_t(body.size())), ssize_t(body.size()));
        ::close(writer);
        QVERIFY(import.waitForFinished(60000));
        QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());

        const QJsonObject counts = infoJson(p, kPass).value(QStringLiteral("counts")).toObject();
        QVERIFY(counts.value(QStringLiteral("vaccinations")).toInt() > 0);
        QCOMPARE(counts.value(QStringLiteral("import_runs")).toInt(), 1);
        // With the import gone, the change goes through and keeps what was imported.
        const auto later = cli(
            {QStringLiteral("--vault"), p, QStringLiteral("--insecure-fast-kdf"), QStringLiteral("change-passphrase")},
            {kPass, QStringLiteral("TECHO_NEW_PASSPHRASE=after importing")});
        QVERIFY2(later.exitCode == 0, later.err.constData());
        QCOMPARE(infoJson(p, QStringLiteral("TECHO_PASSPHRASE=after importing"))
                     .value(QStringLiteral("counts"))
                     .toObject()
                     .value(QStringLiteral("import_runs"))
                     .toInt(),
            1);
    }

    // A change-passphrase is copying: another techo-cli must neither open the vault about to be
    // replaced nor delete the copy (which made the change fail, or lose what it wrote).
    void changePassphrase_inProgress_anotherOpenIsRefused_andTheChangeCompletes()
    {
        QTemporaryDir dir;
        const QString p = initVault(dir);
        fillVault(p, 60000);
        QProcess change;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TECHO_PASSPHRASE"), QString::fromUtf8(test::kTestPassphrase));
        env.insert(QStringLiteral("TECHO_NEW_PASSPHRASE"), QStringLiteral("changed meanwhile"));
        change.setProcessEnvironment(env);
        change.start(test::builtTool(QStringLiteral("techo-cli")),
            {QStringLiteral("--vault"), p, QStringLiteral("--insecure-fast-kdf"), QStringLiteral("change-passphrase")});
        QVERIFY(change.waitForStarted());
        const QString rekey = p + QStringLiteral(".rekey");
        QVERIFY2(whileRunningUntil(change, [&] { return QFile::exists(rekey); }), "the copy never appeared");
        const auto other = cli({QStringLiteral("--vault"), p, QStringLiteral("info")}, {kPass});
        QVERIFY(change.waitForFinished(120000));
        QVERIFY2(change.exitCode() == 0, change.readAllStandardError().constData());
        QVERIFY2(other.exitCode == 7, other.err.constData());
        QCOMPARE(infoJson(p, QStringLiteral("TECHO_PASSPHRASE=changed meanwhile"))
                     .value(QStringLiteral("counts"))
                     .toObject()
                     .value(QStringLiteral("audit_events"))
                     .toInt(),
            60001);
    }

    // The new file is in place but the folder cannot be synced: the change HAS happened, so techo-cli
    // says so (exit 0, a warning) and the new passphrase works. Reporting "failed" would make the user
    // keep the old passphrase and forget the new one.
    void changePassphrase_folderSyncFailsAfterTheSwitch_succeedsWithAWarning()
    {
        QTemporaryDir dir;
        const QString p = initVault(dir);
        const auto r = cli(
            {QStringLiteral("--vault"), p, QStringLiteral("--insecure-fast-kdf"), QStringLiteral("change-passphrase")},
            {kPass, QStringLiteral("TECHO_NEW_PASSPHRASE=synced or not"),
                QStringLiteral("LD_PRELOAD=") + QStringLiteral(TECHO_FAIL_FOLDER_SYNC_SHIM),
                QStringLiteral("ASAN_OPTIONS=verify_asan_link_order=0")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("warning") && r.err.contains("folder could not be synced"), r.err.constData());
        QVERIFY(r.out.contains("Passphrase changed."));
        QVERIFY(infoJson(p, kPass).isEmpty());
        QCOMPARE(infoJson(p, QStringLiteral("TECHO_PASSPHRASE=synced or not"))
                     .value(QStringLiteral("format_version"))
                     .toInt(),
            1);
    }

    // `import --browser` runs xdg-open, which starts the browser: neither may inherit a passphrase,
    // nor anything else from techo-cli's environment beyond what a desktop opener needs. A fake
    // xdg-open first on PATH records what it got.
    void importBrowser_xdgOpenGetsACleanEnvironment()
    {
        QTemporaryDir dir;
        const QString p = initVault(dir);
        const QString bin = dir.filePath(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(bin));
        const QString recorded = dir.filePath(QStringLiteral("xdg-open.env"));
        const QString fake = bin + QStringLiteral("/xdg-open");
        writeFile(fake,
            "#!/bin/sh\n/usr/bin/env > '" + QFile::encodeName(recorded) + ".tmp' && mv '" + QFile::encodeName(recorded)
                + ".tmp' '" + QFile::encodeName(recorded) + "'\n");
        QVERIFY(QFile::setPermissions(fake, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

        QProcess import;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), bin + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("TECHO_PASSPHRASE"), QString::fromUtf8(test::kTestPassphrase));
        env.insert(QStringLiteral("TECHO_NEW_PASSPHRASE"), QStringLiteral("never used here"));
        env.insert(QStringLiteral("TECHO_TEST_UNRELATED"), QStringLiteral("not for the browser"));
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":77"));
        import.setProcessEnvironment(env);
        import.start(test::builtTool(QStringLiteral("techo-cli")),
            {QStringLiteral("--vault"), p, QStringLiteral("import"), QStringLiteral("--from"),
                QStringLiteral("https://127.0.0.1:9"), QStringLiteral("--browser")});
        QVERIFY(import.waitForStarted());
        const bool opened = whileRunningUntil(import, [&] { return QFile::exists(recorded); });
        import.kill();
        import.waitForFinished();
        QVERIFY2(opened, import.readAllStandardError().constData());

        const QByteArray childEnv = test::readAll(recorded);
        QVERIFY(childEnv.contains("PATH=" + QFile::encodeName(bin)));
        QVERIFY(childEnv.contains("\nDISPLAY=:77\n") || childEnv.startsWith("DISPLAY=:77\n"));
        for (const QByteArray& secret : {QByteArray("TECHO_PASSPHRASE"), QByteArray("TECHO_NEW_PASSPHRASE"),
                 QByteArray(test::kTestPassphrase), QByteArray("never used here"), QByteArray("TECHO_TEST_UNRELATED")})
            QVERIFY2(!childEnv.contains(secret), secret.constData());
    }

    // Kill change-passphrase (SIGKILL: no clean-up code runs) at points spread evenly from its start to
    // past its end, once as soon as its copy appears and once as soon as the copy has replaced the
    // vault. Every time exactly one of the two passphrases opens a complete vault, and both outcomes
    // must occur (kills that all land on one side of the switch would prove nothing).
    void changePassphrase_killedMidway_oneOfTheTwoOpensACompleteVault()
    {
        QTemporaryDir dir;
        const QString pristine = initVault(dir);
        const int rows = 60000;
        fillVault(pristine, rows);
        const QStringList args {QStringLiteral("--vault"), QString(), QStringLiteral("--insecure-fast-kdf"),
            QStringLiteral("change-passphrase")};
        const QString newPass = QStringLiteral("TECHO_NEW_PASSPHRASE=after the kill");

        // Measure one uninterrupted run to spread the kill points over its whole duration.
        const QString timed = dir.filePath(QStringLiteral("timed.techo"));
        QVERIFY(QFile::copy(pristine, timed));
        QElapsedTimer timer;
        timer.start();
        QStringList timedArgs = args;
        timedArgs[1] = timed;
        QCOMPARE(cli(timedArgs, {kPass, newPass}).exitCode, 0);
        const qint64 fullMs = std::max<qint64>(timer.elapsed(), 20);

        enum class KillWhen { AfterDelay, CopyAppears, VaultReplaced };
        struct Plan {
            KillWhen when;
            qint64 delayMs;
        };
        std::vector<Plan> plans;
        const int spread = 20;
        for (int i = 0; i < spread; ++i)
            plans.push_back({KillWhen::AfterDelay, fullMs * 5 / 4 * i / (spread - 1)});
        plans.push_back({KillWhen::CopyAppears, 0});
        plans.push_back({KillWhen::VaultReplaced, 0});

        int oldOpened = 0;
        int newOpened = 0;
        int killedAfterTheSwitch = 0;
        for (std::size_t run = 0; run < plans.size(); ++run) {
            const Plan& plan = plans[run];
            const QString p = dir.filePath(QStringLiteral("kill-%1.techo").arg(run));
            QVERIFY(QFile::copy(pristine, p));
            const FileIdentity original = identityOf(p);
            QStringList runArgs = args;
            runArgs[1] = p;
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("TECHO_PASSPHRASE"), QString::fromUtf8(test::kTestPassphrase));
            env.insert(QStringLiteral("TECHO_NEW_PASSPHRASE"), QStringLiteral("after the kill"));
            process.setProcessEnvironment(env);
            process.start(test::builtTool(QStringLiteral("techo-cli")), runArgs);
            QVERIFY(process.waitForStarted());
            bool replacedWhileRunning = false;
            if (plan.when == KillWhen::AfterDelay)
                process.waitForFinished(int(plan.delayMs));
            else if (plan.when == KillWhen::CopyAppears)
                (void)whileRunningUntil(process, [&] { return QFile::exists(p + QStringLiteral(".rekey")); });
            else
                replacedWhileRunning = whileRunningUntil(process, [&] { return !(identityOf(p) == original); });
            process.kill();
            process.waitForFinished();
            if (replacedWhileRunning && process.exitStatus() == QProcess::CrashExit)
                ++killedAfterTheSwitch;

            auto withOld = vault::Vault::open(p.toStdString(), test::secret(test::kTestPassphrase));
            auto withNew = vault::Vault::open(p.toStdString(), test::secret("after the kill"));
            QVERIFY2(withOld.ok() != withNew.ok(),
                qPrintable(QStringLiteral("run %1 (plan %2, %3 ms)").arg(run).arg(int(plan.when)).arg(plan.delayMs)));
            auto& opened = withOld.ok() ? withOld.value() : withNew.value();
            (withOld.ok() ? oldOpened : newOpened)++;
            auto integrity = opened->database().prepare("PRAGMA integrity_check");
            QVERIFY(integrity.ok());
            QVERIFY(integrity->step().value());
            QCOMPARE(integrity->text(0), std::string("ok"));
            QCOMPARE(
                opened->database().queryInt("SELECT count(*) FROM audit_events WHERE action = 'test.fill'").value(),
                rows);
            // The passphrase change is in the audit trail exactly when the new passphrase is in force.
            QCOMPARE(opened->database()
                         .queryInt("SELECT count(*) FROM audit_events WHERE action = 'vault.passphrase_changed'")
                         .value(),
                withNew.ok() ? 1 : 0);
        }
        qInfo("change-passphrase killed %zu times (full run %lld ms): old passphrase opened %d, new %d "
              "(%d killed after the switch, before exiting)",
            plans.size(), fullMs, oldOpened, newOpened, killedAfterTheSwitch);
        QVERIFY2(oldOpened >= 1, "no kill landed before the switch");
        QVERIFY2(newOpened >= 1, "no kill landed after the switch");
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"

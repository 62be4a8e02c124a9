// SIGKILL at many points of `techo-cli import` against the real sandbox over HTTPS: the vault must
// always open, pass integrity_check and hold all of that import or none of it — and both outcomes must
// actually happen, or the kills proved nothing.
#include "core/net/HttpClient.h"
#include "core/vault/Vault.h"
#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <vector>

using namespace techo;

namespace {

const char* const kKinds[]
    = {"profiles", "checkups", "observations", "vaccinations", "dispensings", "medication_lines"};

QJsonObject sandboxTotals(const test::SandboxProcess& sandbox)
{
    net::HttpOptions options;
    options.caFile = sandbox.caFile().toStdString();
    options.maxAttempts = 1;
    net::HttpClient client(options);
    net::HttpRequest request;
    request.url = sandbox.baseUrl().toStdString() + "/_sandbox/stats";
    auto response = client.send(request);
    if (!response.ok() || response->status != 200)
        return {};
    return QJsonDocument::fromJson(QByteArray::fromStdString(response->body))
        .object()
        .value(QStringLiteral("totals"))
        .toObject();
}

std::int64_t count(vault::Vault& v, const char* kind)
{
    auto counts = v.counts();
    return counts.ok() ? counts->at(kind) : -1;
}

// What the vault file looks like from outside: any committed write changes its size or times.
struct FileState {
    off_t size = 0;
    timespec modified {};
    bool operator==(const FileState& other) const
    {
        return size == other.size && modified.tv_sec == other.modified.tv_sec
            && modified.tv_nsec == other.modified.tv_nsec;
    }
};
FileState stateOf(const QString& path)
{
    struct stat st { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return {st.st_size, st.st_mtim};
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

} // namespace

class TestImportKill : public QObject {
    Q_OBJECT

private slots:
    void importKilledAtManyPoints_vaultHoldsAllOrNothing()
    {
        test::SandboxProcess sandbox({QStringLiteral("--process-delay-ms"), QStringLiteral("20"),
            QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--persons"), QStringLiteral("2"),
            QStringLiteral("--years"), QStringLiteral("6"), QStringLiteral("--page-size"), QStringLiteral("20")});
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        const QJsonObject totals = sandboxTotals(sandbox);
        QVERIFY(!totals.isEmpty());
        QTemporaryDir dir;
        const QString pristine = dir.filePath(QStringLiteral("pristine.techo"));
        {
            QVERIFY(test::createTestVault(pristine));
        }
        const QString cli = test::builtTool(QStringLiteral("techo-cli"));
        auto argsFor = [&](const QString& vaultPath) {
            return QStringList {QStringLiteral("--vault"), vaultPath, QStringLiteral("import"),
                QStringLiteral("--from"), sandbox.baseUrl(), QStringLiteral("--ca-file"), sandbox.caFile()};
        };
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TECHO_PASSPHRASE"), QString::fromUtf8(test::kTestPassphrase));

        // One uninterrupted run sets the time scale for the kill points.
        const QString timed = dir.filePath(QStringLiteral("timed.techo"));
        QVERIFY(QFile::copy(pristine, timed));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(test::runTool(cli, argsFor(timed),
                     {QStringLiteral("TECHO_PASSPHRASE=") + QString::fromUtf8(test::kTestPassphrase)})
                     .exitCode,
            0);
        const qint64 fullMs = std::max<qint64>(timer.elapsed(), 50);

        // Kill points: spread evenly from the start to past the end; as soon as the rollback journal
        // appears (the write phase has begun); and as soon as the commit is done (the vault file has
        // changed and the journal is gone — in rollback-journal mode that only happens at commit).
        enum class KillWhen { AfterDelay, JournalAppears, Committed };
        struct Plan {
            KillWhen when;
            qint64 delayMs;
        };
        std::vector<Plan> plans;
        const int spread = 18;
        for (int i = 0; i < spread; ++i)
            plans.push_back({KillWhen::AfterDelay, fullMs * 5 / 4 * i / (spread - 1)});
        plans.push_back({KillWhen::JournalAppears, 0});
        plans.push_back({KillWhen::JournalAppears, 0});
        plans.push_back({KillWhen::Committed, 0});
        plans.push_back({KillWhen::Committed, 0});

        int none = 0;
        int all = 0;
        int killedAfterCommit = 0;
        for (std::size_t run = 0; run < plans.size(); ++run) {
            const Plan& plan = plans[run];
            const QString p = dir.filePath(QStringLiteral("kill-%1.techo").arg(run));
            const QString journal = p + QStringLiteral("-journal");
            QVERIFY(QFile::copy(pristine, p));
            QFile::setPermissions(p, QFile::ReadOwner | QFile::WriteOwner);
            const FileState before = stateOf(p);
            QProcess process;
            process.setProcessEnvironment(env);
            process.start(cli, argsFor(p));
            QVERIFY(process.waitForStarted());
            bool committedWhileRunning = false;
            if (plan.when == KillWhen::AfterDelay) {
                process.waitForFinished(int(plan.delayMs));
            } else if (plan.when == KillWhen::JournalAppears) {
                (void)whileRunningUntil(process, [&] { return QFile::exists(journal); });
            } else {
                committedWhileRunning = whileRunningUntil(process, [&] {
                    const bool changed = !(stateOf(p) == before);
                    return changed && !QFile::exists(journal);
                });
            }
            process.kill();
            process.waitForFinished();
            if (committedWhileRunning && process.exitStatus() == QProcess::CrashExit)
                ++killedAfterCommit;

            auto v = vault::Vault::open(p.toStdString(), test::secret(test::kTestPassphrase));
            QVERIFY2(v.ok(),
                qPrintable(QStringLiteral("run %1 (plan %2, %3 ms): %4")
                               .arg(run)
                               .arg(int(plan.when))
                               .arg(plan.delayMs)
                               .arg(QString::fromStdString(v.ok() ? "" : v.error().message))));
            auto integrity = v.value()->database().prepare("PRAGMA integrity_check");
            QVERIFY(integrity.ok() && integrity->step().value());
            QCOMPARE(integrity->text(0), std::string("ok"));
            const auto runsInVault = count(*v.value(), "import_runs");
            if (runsInVault == 0) {
                ++none;
                for (const char* kind : kKinds)
                    QCOMPARE(count(*v.value(), kind), 0);
                QCOMPARE(count(*v.value(), "audit_events"), 0);
            } else {
                ++all;
                QCOMPARE(runsInVault, 1);
                QCOMPARE(count(*v.value(), "audit_events"), 1);
                for (const char* kind : kKinds)
                    QCOMPARE(count(*v.value(), kind), std::int64_t(totals.value(QLatin1String(kind)).toInt()));
            }
        }
        qInfo("import killed %zu times (full run %lld ms): nothing imported %d, everything imported %d "
              "(%d killed after the commit, before exiting)",
            plans.size(), fullMs, none, all, killedAfterCommit);
        QVERIFY2(none >= 1, "no kill landed before the commit");
        QVERIFY2(all >= 1, "no kill landed after the commit");
    }
};

QTEST_GUILESS_MAIN(TestImportKill)
#include "TestImportKill.moc"

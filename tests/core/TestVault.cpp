// The encrypted vault: creation, opening, the distinct failure modes, file modes, passphrase change,
// and that the data can be read without Techo (the vault must never hold the user's data hostage).
#include "core/crypto/PassphraseNormalization.h"
#include "core/vault/FileUtil.h"
#include "core/vault/Migrations.h"
#include "core/vault/Statement.h"
#include "core/vault/Transaction.h"
#include "core/vault/Vault.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <functional>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace techo;
using techo::test::secret;

namespace {

const char* const kMarker = "TECHO-MARKER-7f3a9c 健康マーカー";

std::string path(const QTemporaryDir& dir, const char* name = "v.techo")
{
    return dir.filePath(QString::fromUtf8(name)).toStdString();
}

unsigned fileMode(const std::string& p)
{
    struct stat st { };
    return ::stat(p.c_str(), &st) == 0 ? (st.st_mode & 0777U) : 0U;
}

void writeBytes(const std::string& p, const QByteArray& bytes)
{
    QFile f(QString::fromStdString(p));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

void insertMarker(vault::Vault& v)
{
    auto stmt = v.database().prepare(
        "INSERT INTO profiles (display_name, relationship, source, created_at) VALUES (?, 'self', 'manual', "
        "'2026-01-01T00:00:00Z')");
    QVERIFY(stmt.ok());
    stmt->bind(1, kMarker);
    QVERIFY(stmt->run().ok());
}

std::int64_t profileCount(vault::Vault& v)
{
    auto n = v.database().queryInt("SELECT count(*) FROM profiles");
    return n.ok() ? n.value() : -1;
}

// ガード健康パスワード in Unicode's composed form (ガ = U+30AC) and decomposed form (カ + U+3099), as
// two input methods may send it. Qt's normaliser is independent of the one core uses.
const QString kJapanesePassphrase = QStringLiteral("ガード健康パスワード");
QByteArray nfc(const QString& text)
{
    return text.normalized(QString::NormalizationForm_C).toUtf8();
}
QByteArray nfd(const QString& text)
{
    return text.normalized(QString::NormalizationForm_D).toUtf8();
}

// Rewrites the header with a valid checksum, as a crafted or an older file would have it.
void rewriteHeader(const std::string& p, const std::function<void(vault::VaultHeader&)>& change)
{
    QByteArray bytes = test::readAll(QString::fromStdString(p));
    auto header = vault::VaultHeader::parse(bytes.constData(), std::size_t(bytes.size()));
    QVERIFY(header.ok());
    change(header.value());
    const std::vector<char> block = header->serialize();
    bytes.replace(0, int(block.size()), QByteArray(block.data(), int(block.size())));
    writeBytes(p, bytes);
}

// A lock held through a separate open file, exactly as another process's would be.
struct ForeignLock {
    int fd = -1;
    ForeignLock(const std::string& p, int operation)
        : fd(::open(p.c_str(), O_RDONLY | O_CLOEXEC))
    {
        if (fd < 0 || ::flock(fd, operation | LOCK_NB) != 0)
            QTest::qFail("cannot take the foreign lock", __FILE__, __LINE__);
    }
    ~ForeignLock() { ::close(fd); }
    ForeignLock(const ForeignLock&) = delete;
    ForeignLock& operator=(const ForeignLock&) = delete;
};

} // namespace

class TestVault : public QObject {
    Q_OBJECT

private slots:
    void create_thenReopen_keepsData()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        {
            auto v = test::createTestVault(QString::fromStdString(p));
            QVERIFY(v);
            insertMarker(*v);
            QCOMPARE(v->schemaVersion().value(), vault::latestSchemaVersion());
        }
        auto reopened = vault::Vault::open(p, secret(test::kTestPassphrase));
        QVERIFY2(reopened.ok(), reopened.ok() ? "" : reopened.error().message.c_str());
        QCOMPARE(profileCount(*reopened.value()), 1);
        auto counts = reopened.value()->counts();
        QVERIFY(counts.ok());
        QCOMPARE(counts->at("profiles"), 1);
        QCOMPARE(counts->at("observations"), 0);
    }

    void create_refusesToOverwrite()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        writeBytes(p, "precious");
        auto v = vault::Vault::create(p, secret("x"), crypto::KdfParams::insecureForTestsOnly());
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(test::readAll(QString::fromStdString(p)), QByteArray("precious"));
    }

    void file_isEncrypted_noPlaintextAnywhere()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        {
            auto v = test::createTestVault(QString::fromStdString(p));
            QVERIFY(v);
            insertMarker(*v);
        }
        const QByteArray bytes = test::readAll(QString::fromStdString(p));
        QVERIFY(bytes.size() > 4096);
        QVERIFY(bytes.startsWith("TECHO-VAULT\n"));
        QVERIFY(!bytes.contains("SQLite format 3"));
        QVERIFY(!bytes.mid(4096).startsWith("SQLite format 3"));
        QVERIFY(!bytes.contains("TECHO-MARKER"));
        QVERIFY(!bytes.contains(QByteArray("健康マーカー")));
        QVERIFY(!bytes.contains("CREATE TABLE"));
        QVERIFY(!bytes.contains("display_name"));
    }

    void files_areCreatedOwnerOnly_includingTheJournal()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        auto v = test::createTestVault(QString::fromStdString(p));
        QVERIFY(v);
        QCOMPARE(fileMode(p), 0600U);
        // A write transaction creates the rollback journal; it must be private too.
        auto tx = vault::Transaction::begin(v->database());
        QVERIFY(tx.ok());
        insertMarker(*v);
        QVERIFY(QFile::exists(QString::fromStdString(p + "-journal")));
        QCOMPARE(fileMode(p + "-journal"), 0600U);
        QVERIFY(tx->commit().ok());
        QVERIFY(!QFile::exists(QString::fromStdString(p + "-journal")));
    }

    void open_wrongPassphrase_isDistinctAndChangesNoByte()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        {
            auto v = test::createTestVault(QString::fromStdString(p));
            QVERIFY(v);
            insertMarker(*v);
        }
        const QByteArray before = test::readAll(QString::fromStdString(p));
        auto v = vault::Vault::open(p, secret("not the passphrase"));
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, ErrorCode::WrongPassphrase);
        QCOMPARE(test::readAll(QString::fromStdString(p)), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void open_notAVault_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("expected");
        QTest::newRow("text file") << QByteArray("hello, world\n") << int(ErrorCode::NotAVault);
        QTest::newRow("empty file") << QByteArray() << int(ErrorCode::NotAVault);
        QTest::newRow("plain SQLite") << QByteArray("SQLite format 3\0", 16).append(4080, '\0')
                                      << int(ErrorCode::NotAVault);
        QTest::newRow("header cut short") << QByteArray("TECHO-VAULT\nformat_version=1\n") << int(ErrorCode::Damaged);
    }
    void open_notAVault()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, expected);
        QTemporaryDir dir;
        const auto p = path(dir);
        writeBytes(p, content);
        auto v = vault::Vault::open(p, secret(test::kTestPassphrase));
        QVERIFY(!v.ok());
        QCOMPARE(int(v.error().code), expected);
        QCOMPARE(test::readAll(QString::fromStdString(p)), content);
    }

    void open_missingFile_isNotFound()
    {
        QTemporaryDir dir;
        auto v = vault::Vault::open(path(dir, "nothing.techo"), secret("x"));
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, ErrorCode::NotFound);
    }

    void open_damaged_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("truncated mid-page") << QStringLiteral("truncate-mid-page");
        QTest::newRow("truncated at a page boundary") << QStringLiteral("truncate-page");
        QTest::newRow("header only") << QStringLiteral("header-only");
        QTest::newRow("header byte flipped") << QStringLiteral("flip-header");
        QTest::newRow("first page byte flipped") << QStringLiteral("flip-page1");
    }
    void open_damaged()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        const auto p = path(dir);
        {
            auto v = test::createTestVault(QString::fromStdString(p));
            QVERIFY(v);
            insertMarker(*v);
        }
        QByteArray bytes = test::readAll(QString::fromStdString(p));
        QVERIFY(bytes.size() >= 4096 * 4);
        if (damage == QLatin1String("truncate-mid-page"))
            bytes.chop(1000);
        else if (damage == QLatin1String("truncate-page"))
            bytes.chop(4096 * 2);
        else if (damage == QLatin1String("header-only"))
            bytes.truncate(4096);
        else if (damage == QLatin1String("flip-header"))
            bytes[60] = char(bytes[60] ^ 0x01);
        else if (damage == QLatin1String("flip-page1"))
            bytes[4096 + 200] = char(bytes[4096 + 200] ^ 0x55);
        writeBytes(p, bytes);
        auto v = vault::Vault::open(p, secret(test::kTestPassphrase));
        if (v.ok()) {
            // Truncation at a page boundary can only surface when the missing pages are read.
            auto check = v.value()->database().queryInt("SELECT count(*) FROM profiles");
            QVERIFY(!check.ok());
            QCOMPARE(check.error().code, ErrorCode::Damaged);
        } else {
            QCOMPARE(v.error().code, ErrorCode::Damaged);
        }
        QCOMPARE(test::readAll(QString::fromStdString(p)), bytes);
    }

    void open_newerFormat_isRefusedUntouched()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        {
            QVERIFY(test::createTestVault(QString::fromStdString(p)));
        }
        QByteArray bytes = test::readAll(QString::fromStdString(p));
        bytes.replace("format_version=1\n", "format_version=7\n");
        writeBytes(p, bytes);
        auto v = vault::Vault::open(p, secret(test::kTestPassphrase));
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, ErrorCode::NewerFormat);
        QCOMPARE(test::readAll(QString::fromStdString(p)), bytes);
    }

    void open_newerSchema_isRefusedUntouched()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        {
            auto v = test::createTestVault(QString::fromStdString(p));
            QVERIFY(v);
            QVERIFY(v->database().exec("PRAGMA user_version = 99").ok());
        }
        const QByteArray before = test::readAll(QString::fromStdString(p));
        auto v = vault::Vault::open(p, secret(test::kTestPassphrase));
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, ErrorCode::NewerFormat);
        QCOMPARE(test::readAll(QString::fromStdString(p)), before);
    }

    void changePassphrase_oldStopsWorking_newOpensSameData()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        {
            auto v = test::createTestVault(QString::fromStdString(p));
            QVERIFY(v);
            insertMarker(*v);
            const auto changed
                = v->changePassphrase(secret("新しい passphrase"), crypto::KdfParams::insecureForTestsOnly());
            QVERIFY2(changed.ok(), changed.ok() ? "" : changed.error().message.c_str());
            QVERIFY(!changed->warning);
            // The same object keeps working on the re-encrypted file.
            insertMarker(*v);
            QCOMPARE(profileCount(*v), 2);
        }
        auto old = vault::Vault::open(p, secret(test::kTestPassphrase));
        QVERIFY(!old.ok());
        QCOMPARE(old.error().code, ErrorCode::WrongPassphrase);
        auto fresh = vault::Vault::open(p, secret("新しい passphrase"));
        QVERIFY(fresh.ok());
        QCOMPARE(profileCount(*fresh.value()), 2);
        QCOMPARE(fresh.value()
                     ->database()
                     .queryInt("SELECT count(*) FROM audit_events WHERE action = 'vault.passphrase_changed'")
                     .value(),
            1);
        QCOMPARE(fileMode(p), 0600U);
        QVERIFY(!QFile::exists(QString::fromStdString(p + ".rekey")));
        QVERIFY(!test::readAll(QString::fromStdString(p)).contains("TECHO-MARKER"));
    }

    void changePassphrase_failure_keepsOldPassphraseWorking()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        auto v = test::createTestVault(QString::fromStdString(p));
        QVERIFY(v);
        insertMarker(*v);
        // Something in the way of the temporary copy: the change must fail cleanly.
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("v.techo.rekey")));
        const auto changed = v->changePassphrase(secret("other"), crypto::KdfParams::insecureForTestsOnly());
        QVERIFY(!changed.ok());
        QCOMPARE(profileCount(*v), 1);
        v.reset();
        auto reopened = vault::Vault::open(p, secret(test::kTestPassphrase));
        QVERIFY(reopened.ok());
        QCOMPARE(profileCount(*reopened.value()), 1);
        QCOMPARE(reopened.value()->database().queryInt("SELECT count(*) FROM audit_events").value(), 0);
    }

    // Fault 8: the same text typed by another input method (decomposed kana) must open the vault.
    void passphrase_nfdOpensAVaultMadeWithNfc()
    {
        const QByteArray composed = nfc(kJapanesePassphrase);
        const QByteArray decomposed = nfd(kJapanesePassphrase);
        QVERIFY(composed != decomposed);
        QTemporaryDir dir;
        const auto p = path(dir);
        {
            auto v = vault::Vault::create(p, secret(composed.constData()), crypto::KdfParams::insecureForTestsOnly());
            QVERIFY(v.ok());
            insertMarker(*v.value());
        }
        QVERIFY(test::readAll(QString::fromStdString(p)).left(4096).contains("\npassphrase_normalization=NFC\n"));
        auto withNfd = vault::Vault::open(p, secret(decomposed.constData()));
        QVERIFY2(withNfd.ok(), withNfd.ok() ? "" : withNfd.error().message.c_str());
        QCOMPARE(profileCount(*withNfd.value()), 1);
        withNfd.value().reset();
        auto withNfc = vault::Vault::open(p, secret(composed.constData()));
        QVERIFY(withNfc.ok());
        auto other = vault::Vault::open(p, secret(nfd(QStringLiteral("ガード健康パスワート")).constData()));
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code, ErrorCode::WrongPassphrase);
    }

    // A vault made before the rule (no passphrase_normalization line) keeps its raw-bytes rule: it
    // opens with exactly the bytes it was made with, and a passphrase change moves it to NFC.
    void passphrase_vaultWithoutTheRule_keepsRawBytes_untilThePassphraseChanges()
    {
        const QByteArray composed = nfc(kJapanesePassphrase);
        const QByteArray decomposed = nfd(kJapanesePassphrase);
        QTemporaryDir dir;
        const auto p = path(dir);
        {
            auto v = vault::Vault::create(p, secret(composed.constData()), crypto::KdfParams::insecureForTestsOnly());
            QVERIFY(v.ok());
            insertMarker(*v.value());
        }
        rewriteHeader(p, [](vault::VaultHeader& h) { h.passphraseRule = crypto::PassphraseRule::RawBytes; });
        QVERIFY(!test::readAll(QString::fromStdString(p)).left(4096).contains("passphrase_normalization"));
        auto withNfd = vault::Vault::open(p, secret(decomposed.constData()));
        QVERIFY(!withNfd.ok());
        QCOMPARE(withNfd.error().code, ErrorCode::WrongPassphrase);
        auto raw = vault::Vault::open(p, secret(composed.constData()));
        QVERIFY2(raw.ok(), raw.ok() ? "" : raw.error().message.c_str());
        QCOMPARE(raw.value()->header().passphraseRule, crypto::PassphraseRule::RawBytes);
        QCOMPARE(profileCount(*raw.value()), 1);
        QVERIFY(raw.value()
                    ->changePassphrase(secret(decomposed.constData()), crypto::KdfParams::insecureForTestsOnly())
                    .ok());
        QCOMPARE(raw.value()->header().passphraseRule, crypto::PassphraseRule::Nfc);
        raw.value().reset();
        auto after = vault::Vault::open(p, secret(composed.constData()));
        QVERIFY(after.ok());
        QCOMPARE(profileCount(*after.value()), 1);
    }

    // The checked-in v0 fixture predates the rule; it still opens (TestMigrations checks its content).
    void passphrase_fixtureFromBeforeTheRule_stillOpens()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        QVERIFY(QFile::copy(test::sourcePath(QStringLiteral("tests/data/vault-v0.techo")), QString::fromStdString(p)));
        QFile::setPermissions(QString::fromStdString(p), QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(!test::readAll(QString::fromStdString(p)).left(4096).contains("passphrase_normalization"));
        auto v = vault::Vault::open(p, secret("v0 fixture"));
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().message.c_str());
        QCOMPARE(v.value()->header().passphraseRule, crypto::PassphraseRule::RawBytes);
    }

    void passphrase_notUtf8_isRefusedAtCreate_andIsWrongAtOpen()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        auto bad = vault::Vault::create(p, secret("caf\xE9"), crypto::KdfParams::insecureForTestsOnly());
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::Usage);
        QVERIFY(!QFile::exists(QString::fromStdString(p)));
        QVERIFY(test::createTestVault(QString::fromStdString(p)));
        auto v = vault::Vault::open(p, secret("caf\xE9"));
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, ErrorCode::WrongPassphrase);
    }

    void normalizePassphrase_nfcOfDecomposedKana_equalsTheComposedBytes()
    {
        const QByteArray composed = nfc(kJapanesePassphrase);
        auto normalized
            = crypto::normalizePassphrase(secret(nfd(kJapanesePassphrase).constData()), crypto::PassphraseRule::Nfc);
        QVERIFY(normalized.ok());
        QCOMPARE(QByteArray(normalized->view().data(), qsizetype(normalized->size())), composed);
        auto raw = crypto::normalizePassphrase(
            secret(nfd(kJapanesePassphrase).constData()), crypto::PassphraseRule::RawBytes);
        QVERIFY(raw.ok());
        QCOMPARE(QByteArray(raw->view().data(), qsizetype(raw->size())), nfd(kJapanesePassphrase));
    }

    // A crafted header must not make Techo allocate or compute without bound: out-of-range Argon2id
    // parameters are "damaged" before any key is derived, and the file is left as it was.
    void open_kdfParametersOutOfBounds_isDamaged_data()
    {
        QTest::addColumn<quint32>("memoryKib");
        QTest::addColumn<quint32>("iterations");
        QTest::addColumn<quint32>("parallelism");
        QTest::newRow("memory above 4 GiB") << quint32(4 * 1024 * 1024 + 1) << 1U << 1U;
        QTest::newRow("memory 4 TiB") << quint32(4294967295U) << 1U << 1U;
        QTest::newRow("memory below 8 MiB") << quint32(1024) << 1U << 1U;
        QTest::newRow("65 passes") << quint32(8 * 1024) << 65U << 1U;
        QTest::newRow("no pass") << quint32(8 * 1024) << 0U << 1U;
        QTest::newRow("2 lanes") << quint32(8 * 1024) << 1U << 2U;
    }
    void open_kdfParametersOutOfBounds_isDamaged()
    {
        QFETCH(quint32, memoryKib);
        QFETCH(quint32, iterations);
        QFETCH(quint32, parallelism);
        QTemporaryDir dir;
        const auto p = path(dir);
        QVERIFY(test::createTestVault(QString::fromStdString(p)));
        rewriteHeader(p, [&](vault::VaultHeader& h) { h.kdf = {memoryKib, iterations, parallelism}; });
        const QByteArray before = test::readAll(QString::fromStdString(p));
        // Refused by the header parser itself, so nothing can be derived from it.
        auto header = vault::VaultHeader::readFrom(p);
        QVERIFY(!header.ok());
        QCOMPARE(header.error().code, ErrorCode::Damaged);
        auto v = vault::Vault::open(p, secret(test::kTestPassphrase));
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, ErrorCode::Damaged);
        QVERIFY2(v.error().message.find("key derivation") != std::string::npos, v.error().message.c_str());
        QCOMPARE(test::readAll(QString::fromStdString(p)), before);
    }

    // One writer at a time: another holder of the vault (here a second open file, which flock treats
    // like another process) makes the passphrase change refuse, and both keep working afterwards.
    void changePassphrase_whileAnotherHolderHasItOpen_isRefusedInUse()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        auto first = test::createTestVault(QString::fromStdString(p));
        QVERIFY(first);
        auto second = vault::Vault::open(p, secret(test::kTestPassphrase));
        QVERIFY(second.ok());
        const auto changed = first->changePassphrase(secret("other"), crypto::KdfParams::insecureForTestsOnly());
        QVERIFY(!changed.ok());
        QCOMPARE(changed.error().code, ErrorCode::InUse);
        QCOMPARE(changed.error().key, std::string("vault.in_use"));
        QVERIFY2(changed.error().message.find("in use") != std::string::npos, changed.error().message.c_str());
        QVERIFY(!QFile::exists(QString::fromStdString(p + ".rekey")));
        // The other holder's commit lands in the one and only vault.
        insertMarker(*second.value());
        QCOMPARE(profileCount(*first), 1);
        second.value().reset();
        // Alone now: the change goes through and keeps that commit.
        QVERIFY(first->changePassphrase(secret("other"), crypto::KdfParams::insecureForTestsOnly()).ok());
        first.reset();
        auto reopened = vault::Vault::open(p, secret("other"));
        QVERIFY(reopened.ok());
        QCOMPARE(profileCount(*reopened.value()), 1);
    }

    // While another process re-keys (it holds the exclusive lock and writes `.rekey`), open() must
    // neither delete that file nor read a vault about to be replaced.
    void open_whileAnotherProcessRekeys_leavesItsRekeyAlone()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        {
            QVERIFY(test::createTestVault(QString::fromStdString(p)));
        }
        const ForeignLock rekeying(p, LOCK_EX);
        writeBytes(p + ".rekey", "a copy being written");
        auto v = vault::Vault::open(p, secret(test::kTestPassphrase));
        QVERIFY(!v.ok());
        QCOMPARE(v.error().code, ErrorCode::InUse);
        QCOMPARE(test::readAll(QString::fromStdString(p + ".rekey")), QByteArray("a copy being written"));
    }

    // Nobody holds the lock: a `.rekey` is a crashed change's leftover and goes.
    void open_leftoverRekeyFromACrash_isRemoved()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        {
            QVERIFY(test::createTestVault(QString::fromStdString(p)));
        }
        writeBytes(p + ".rekey", "half a copy");
        auto v = vault::Vault::open(p, secret(test::kTestPassphrase));
        QVERIFY(v.ok());
        QVERIFY(!QFile::exists(QString::fromStdString(p + ".rekey")));
    }

    // Readers and writers share: two holders at once are fine, and a lock() releases the file.
    void open_twice_isShared_andLockReleases()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        auto first = test::createTestVault(QString::fromStdString(p));
        QVERIFY(first);
        auto second = vault::Vault::open(p, secret(test::kTestPassphrase));
        QVERIFY(second.ok());
        second.value()->lock();
        QVERIFY(first->changePassphrase(secret("other"), crypto::KdfParams::insecureForTestsOnly()).ok());
    }

    void parentDirectory_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("file") << QStringLiteral("file") << QStringLiteral(".");
        QTest::newRow("dir/file") << QStringLiteral("dir/file") << QStringLiteral("dir");
        QTest::newRow("/file") << QStringLiteral("/file") << QStringLiteral("/");
        QTest::newRow("a/b/") << QStringLiteral("a/b/") << QStringLiteral("a");
        QTest::newRow("a//b") << QStringLiteral("a//b") << QStringLiteral("a");
        QTest::newRow("/a/b/c") << QStringLiteral("/a/b/c") << QStringLiteral("/a/b");
        QTest::newRow("/") << QStringLiteral("/") << QStringLiteral("/");
    }
    void parentDirectory()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(vault::parentDirectory(input.toStdString())), expected);
    }

    void createDirectories_nestedFoldersAreOwnerOnly()
    {
        QTemporaryDir dir;
        const auto p = path(dir, "one/two/three/v.techo");
        auto v = test::createTestVault(QString::fromStdString(p));
        QVERIFY(v);
        QCOMPARE(fileMode(path(dir, "one")), 0700U);
        QCOMPARE(fileMode(path(dir, "one/two/three")), 0700U);
        QCOMPARE(fileMode(p), 0600U);
    }

    // Both ways of moving a new file into place (renameat2 and the fallback for file systems without
    // RENAME_NOREPLACE, e.g. exFAT) never replace what is there, and move when nothing is.
    void renameNoReplace_data()
    {
        QTest::addColumn<bool>("fallback");
        QTest::newRow("renameat2") << false;
        QTest::newRow("placeholder fallback") << true;
    }
    void renameNoReplace()
    {
        QFETCH(bool, fallback);
        auto move = [&](const std::string& from, const std::string& to) {
            return fallback ? vault::renameNoReplaceFallback(from, to) : vault::renameNoReplace(from, to);
        };
        QTemporaryDir dir;
        const auto from = path(dir, "new");
        const auto to = path(dir, "existing");
        writeBytes(from, "new content");
        writeBytes(to, "precious");
        const Status refused = move(from, to);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(test::readAll(QString::fromStdString(to)), QByteArray("precious"));
        QCOMPARE(test::readAll(QString::fromStdString(from)), QByteArray("new content"));

        const auto free = path(dir, "free");
        QVERIFY(move(from, free).ok());
        QCOMPARE(test::readAll(QString::fromStdString(free)), QByteArray("new content"));
        QVERIFY(!QFile::exists(QString::fromStdString(from)));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);
    }

    void hex_roundTripsAndRefusesMalformedText()
    {
        const std::array<std::uint8_t, 4> bytes {0x00, 0x7f, 0xa5, 0xff};
        QCOMPARE(crypto::toHex(bytes), std::string("007fa5ff"));
        std::array<std::uint8_t, 4> back {};
        QVERIFY(crypto::fromHex("007fa5ff", back));
        QVERIFY(back == bytes);
        QVERIFY(!crypto::fromHex("007fa5f", back));
        QVERIFY(!crypto::fromHex("007fa5ffff", back));
        QVERIFY(!crypto::fromHex("007fa5fg", back));
        QVERIFY(!crypto::fromHex("007f a5f", back));
        const crypto::SecretBytes raw = crypto::sqlcipherRawKey(secret("\x01\xab"));
        QCOMPARE(std::string(raw.view()), std::string("x'01ab'"));
    }

    void lock_closesTheConnection()
    {
        QTemporaryDir dir;
        auto v = test::createTestVault(QString::fromStdString(path(dir)));
        QVERIFY(v);
        v->lock();
        QVERIFY(!v->isOpen());
        QVERIFY(!v->counts().ok());
    }

    void defaultKdf_meetsTheFloor()
    {
        const auto kdf = crypto::KdfParams::interactiveDefault();
        QVERIFY(kdf.memoryKib >= 64U * 1024U);
        QVERIFY(!kdf.isWeakerThanDefault());
        QVERIFY(crypto::KdfParams::insecureForTestsOnly().isWeakerThanDefault());
    }

    // docs/vault-format.md promises the data can be read with the sqlcipher shell and an independent
    // Argon2id (PyNaCl); this runs exactly that recipe.
    void vault_opensWithoutTecho_sqlcipherShellAndPyNaCl()
    {
        QTemporaryDir dir;
        const auto p = path(dir);
        {
            auto v = test::createTestVault(QString::fromStdString(p));
            QVERIFY(v);
            insertMarker(*v);
        }
        const QString script = test::sourcePath(QStringLiteral("docs/examples/open-vault-without-techo.sh"));
        QVERIFY2(QFile::exists(script), qPrintable(script));
        auto result = test::runTool(QStringLiteral("/bin/bash"), {script, QString::fromStdString(p)},
            {QStringLiteral("TECHO_PASSPHRASE=") + QString::fromUtf8(test::kTestPassphrase)});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.contains(kMarker), result.out.constData());

        // The recipe applies the header's passphrase rule too: NFD typed, NFC vault.
        const auto japanese = path(dir, "ja.techo");
        {
            auto v = vault::Vault::create(
                japanese, secret(nfc(kJapanesePassphrase).constData()), crypto::KdfParams::insecureForTestsOnly());
            QVERIFY(v.ok());
            insertMarker(*v.value());
        }
        auto decomposed = test::runTool(QStringLiteral("/bin/bash"), {script, QString::fromStdString(japanese)},
            {QStringLiteral("TECHO_PASSPHRASE=") + QString::fromUtf8(nfd(kJapanesePassphrase))});
        QVERIFY2(decomposed.exitCode == 0, decomposed.err.constData());
        QVERIFY2(decomposed.out.contains(kMarker), decomposed.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestVault)
#include "TestVault.moc"

// The layering rules of docs/development.md ("Layers"), checked on the source tree and on the built
// binaries, with the checker itself tested on known-bad input so that it can fail:
//   - core/ includes no Qt header and nothing from ui/ or app/;
//   - ui/ includes no SQLite/SQLCipher, Qt SQL, nlohmann/json or curl header, and none of the vault's
//     internals (Database, Statement, Transaction, Savepoint, the repositories): ui talks to core
//     services and never holds a Database&;
//   - ui/ does not reach those through core headers either (the expected failure below says where it
//     still does);
//   - no binary links libsqlite3 or Qt SQL (either can silently replace SQLCipher and turn encryption off).
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QQueue>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

// Source files by path relative to the source root ("core/vault/Vault.h"), with their text.
using SourceTree = QMap<QString, QByteArray>;

struct Rule {
    QString folder; // the layer the rule binds: "core/" or "ui/"
    QRegularExpression forbidden; // matched against an include's project path, or the header as written
    QString why;
};

// core/: Qt (<QString>, <QtCore/QString>, Qt's lower-case <qstring.h>) and anything in ui/ or app/.
const Rule& coreRule()
{
    static const Rule rule {QStringLiteral("core/"),
        QRegularExpression(QStringLiteral(R"(^(Q[A-Za-z0-9_]*|Qt[A-Za-z0-9_]*/.*|q[a-z0-9_]+\.h|(ui|app)/.*)$)")),
        QStringLiteral("core includes no Qt and nothing from ui/ or app/")};
    return rule;
}

// ui/: SQL, JSON and HTTP belong to core; so do the vault's connection, statements, transactions and
// repositories.
const Rule& uiRule()
{
    static const Rule rule {QStringLiteral("ui/"),
        QRegularExpression(QStringLiteral(R"(^(sqlite3\.h|sqlite3ext\.h|sqlcipher/.*|QSql[A-Za-z]*|QtSql/.*)"
                                          R"(|nlohmann/.*|(.*/)?json\.hpp|curl/.*)"
                                          R"(|core/vault/(Database|Statement|Transaction|Savepoint)\.h)"
                                          R"(|core/vault/[A-Za-z]*Repository\.h)$)")),
        QStringLiteral("ui includes no SQLite, Qt SQL, JSON or curl header and no vault internals")};
    return rule;
}

// A ui file that names the connection type or asks a vault for it holds a Database&.
const QRegularExpression& databaseUse()
{
    static const QRegularExpression re(QStringLiteral(R"(\bDatabase\b|\bdatabase\s*\()"));
    return re;
}

const QRegularExpression& includeLine()
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])"));
    return re;
}

SourceTree loadTree(const QStringList& folders)
{
    SourceTree tree;
    const QString root = techo::test::sourcePath(QString());
    for (const QString& folder : folders) {
        QDirIterator it(
            root + folder, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QFile f(file);
            if (f.open(QIODevice::ReadOnly))
                tree.insert(file.mid(root.size()), f.readAll());
        }
    }
    return tree;
}

struct Include {
    int line = 0;
    QString text; // the whole line, trimmed
    QString target; // the project path it resolves to, else the header as written
};

// The includes of one file. A quoted include is looked up next to the file first, then from the source
// root (the compiler's order for this project); whatever is not in the tree is a system header.
QList<Include> includesOf(const SourceTree& tree, const QString& file)
{
    QList<Include> out;
    const QString dir = file.left(file.lastIndexOf(QLatin1Char('/')) + 1);
    const QList<QByteArray> lines = tree.value(file).split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]);
        const QRegularExpressionMatch m = includeLine().match(line);
        if (!m.hasMatch())
            continue;
        QString target = m.captured(2);
        if (m.captured(1) == QLatin1String("\"")) {
            const QString besideIt = QDir::cleanPath(dir + target);
            if (tree.contains(besideIt))
                target = besideIt;
            else if (tree.contains(QDir::cleanPath(target)))
                target = QDir::cleanPath(target);
        }
        out.append({i + 1, line.trimmed(), target});
    }
    return out;
}

// "file:line: #include …" for every include in rule.folder that the rule forbids.
QStringList directViolations(const SourceTree& tree, const Rule& rule)
{
    QStringList found;
    for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
        if (!it.key().startsWith(rule.folder))
            continue;
        for (const Include& include : includesOf(tree, it.key()))
            if (rule.forbidden.match(include.target).hasMatch())
                found << QStringLiteral("%1:%2: %3").arg(it.key()).arg(include.line).arg(include.text);
    }
    return found;
}

// Every header reachable from file through includes inside the tree (system headers included, not
// followed), each with the shortest chain that reaches it: "ui/A.cpp -> core/x/B.h -> sqlite3.h".
QMap<QString, QStringList> reachable(const SourceTree& tree, const QString& file)
{
    QMap<QString, QStringList> chains;
    QQueue<QString> queue;
    chains.insert(file, {file});
    queue.enqueue(file);
    while (!queue.isEmpty()) {
        const QString current = queue.dequeue();
        for (const Include& include : includesOf(tree, current)) {
            if (chains.contains(include.target))
                continue;
            chains.insert(include.target, chains.value(current) + QStringList {include.target});
            if (tree.contains(include.target))
                queue.enqueue(include.target);
        }
    }
    chains.remove(file);
    return chains;
}

// The include chains by which a file of rule.folder reaches a header the rule forbids.
QList<QStringList> transitiveViolations(const SourceTree& tree, const Rule& rule)
{
    QList<QStringList> found;
    for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
        if (!it.key().startsWith(rule.folder))
            continue;
        const QMap<QString, QStringList> chains = reachable(tree, it.key());
        for (auto chain = chains.cbegin(); chain != chains.cend(); ++chain)
            if (rule.forbidden.match(chain.key()).hasMatch())
                found << chain.value();
    }
    return found;
}

// "file:line: text" for every ui line (comments removed) that names Database or calls database().
QStringList databaseUses(const SourceTree& tree)
{
    QStringList found;
    for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("ui/")))
            continue;
        const QList<QByteArray> lines = it.value().split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            QString code = QString::fromUtf8(lines[i]);
            code.truncate(code.indexOf(QLatin1String("//")) < 0 ? code.size() : code.indexOf(QLatin1String("//")));
            if (databaseUse().match(code).hasMatch())
                found << QStringLiteral("%1:%2: %3").arg(it.key()).arg(i + 1).arg(code.trimmed());
        }
    }
    return found;
}

QString joinChains(const QList<QStringList>& chains)
{
    QStringList lines;
    for (const QStringList& chain : chains)
        lines << chain.join(QStringLiteral(" -> "));
    return lines.join(QLatin1Char('\n'));
}

// The first header outside ui/ through which a ui file reaches something.
QString entryIntoCore(const QStringList& chain)
{
    for (const QString& step : chain)
        if (!step.startsWith(QLatin1String("ui/")))
            return step;
    return {};
}

bool isVaultInternal(const QString& target)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^core/vault/((Database|Statement|Transaction|Savepoint)|[A-Za-z]*Repository)\.h$)"));
    return re.match(target).hasMatch();
}

bool isElf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly)
        && file.read(4)
        == QByteArray("\x7f"
                      "ELF");
}

} // namespace

class TestLayering : public QObject {
    Q_OBJECT

private:
    SourceTree m_tree;

private slots:
    void initTestCase()
    {
        m_tree = loadTree({QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app")});
        // A wrong TECHO_SOURCE_DIR would make every rule pass on nothing.
        QVERIFY2(m_tree.contains(QStringLiteral("core/vault/Vault.h")), "source tree not found");
        QVERIFY(m_tree.contains(QStringLiteral("ui/MainWindow.cpp")));
    }

    // The checker on known-bad and known-good lines: every rule can fail, and flags only what it should.
    void checker_flagsKnownBadIncludes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("flagged");
        const QString core = QStringLiteral("core/vault/Fake.cpp");
        const QString ui = QStringLiteral("ui/Fake.cpp");
        QTest::newRow("core: <QString>") << core << QStringLiteral("#include <QString>") << true;
        QTest::newRow("core: <QtCore/QString>") << core << QStringLiteral("#include <QtCore/QString>") << true;
        QTest::newRow("core: <qstring.h>") << core << QStringLiteral("#include <qstring.h>") << true;
        QTest::newRow("core: \"QObject\"") << core << QStringLiteral("  #  include \"QObject\"") << true;
        QTest::newRow("core: ui/") << core << QStringLiteral("#include \"ui/MainWindow.h\"") << true;
        QTest::newRow("core: ../../ui/") << core << QStringLiteral("#include \"../../ui/MainWindow.h\"") << true;
        QTest::newRow("core: app/") << core << QStringLiteral("#include \"app/techo-cli/Commands.h\"") << true;
        QTest::newRow("core may use <queue>") << core << QStringLiteral("#include <queue>") << false;
        QTest::newRow("core may use sqlite3.h") << core << QStringLiteral("#include <sqlite3.h>") << false;
        QTest::newRow("core may use core/") << core << QStringLiteral("#include \"core/util/Result.h\"") << false;
        QTest::newRow("core: commented out") << core << QStringLiteral("// #include <QString>") << false;
        QTest::newRow("ui: <sqlite3.h>") << ui << QStringLiteral("#include <sqlite3.h>") << true;
        QTest::newRow("ui: <sqlcipher/sqlite3.h>") << ui << QStringLiteral("#include <sqlcipher/sqlite3.h>") << true;
        QTest::newRow("ui: <QSqlDatabase>") << ui << QStringLiteral("#include <QSqlDatabase>") << true;
        QTest::newRow("ui: <QtSql/QSqlQuery>") << ui << QStringLiteral("#include <QtSql/QSqlQuery>") << true;
        QTest::newRow("ui: <nlohmann/json.hpp>") << ui << QStringLiteral("#include <nlohmann/json.hpp>") << true;
        QTest::newRow("ui: \"json.hpp\"") << ui << QStringLiteral("#include \"json.hpp\"") << true;
        QTest::newRow("ui: <curl/curl.h>") << ui << QStringLiteral("#include <curl/curl.h>") << true;
        QTest::newRow("ui: Database.h") << ui << QStringLiteral("#include \"core/vault/Database.h\"") << true;
        QTest::newRow("ui: Statement.h") << ui << QStringLiteral("#include \"core/vault/Statement.h\"") << true;
        QTest::newRow("ui: Transaction.h") << ui << QStringLiteral("#include \"core/vault/Transaction.h\"") << true;
        QTest::newRow("ui: Savepoint.h") << ui << QStringLiteral("#include \"core/vault/Savepoint.h\"") << true;
        QTest::newRow("ui: a repository")
            << ui << QStringLiteral("#include \"core/vault/CheckupRepository.h\"") << true;
        QTest::newRow("ui: ../core/vault/Database.h")
            << ui << QStringLiteral("#include \"../core/vault/Database.h\"") << true;
        QTest::newRow("ui may use <QString>") << ui << QStringLiteral("#include <QString>") << false;
        QTest::newRow("ui may use ui/") << ui << QStringLiteral("#include \"ui/MainWindow.h\"") << false;
        QTest::newRow("ui may use a domain type")
            << ui << QStringLiteral("#include \"core/domain/Checkup.h\"") << false;
    }
    void checker_flagsKnownBadIncludes()
    {
        QFETCH(QString, file);
        QFETCH(QString, line);
        QFETCH(bool, flagged);
        // The real tree (so quoted includes resolve as they would) plus the one fake file.
        SourceTree tree = m_tree;
        tree.insert(file, "// a file made up by the test\n" + line.toUtf8() + "\n");
        const Rule& rule = file.startsWith(QLatin1String("core/")) ? coreRule() : uiRule();
        const QStringList found = directViolations(tree, rule).filter(file + QLatin1Char(':'));
        QCOMPARE(found.size(), flagged ? 1 : 0);
        if (flagged)
            QCOMPARE(found.first(), file + QStringLiteral(":2: ") + line.trimmed());
    }

    void checker_followsIncludesThroughCore()
    {
        SourceTree tree;
        tree.insert(QStringLiteral("ui/View.cpp"), "#include \"ui/View.h\"\n");
        tree.insert(QStringLiteral("ui/View.h"), "#include \"core/service/Facade.h\"\n#include <QWidget>\n");
        tree.insert(QStringLiteral("core/service/Facade.h"), "#include \"../vault/Database.h\"\n#include <vector>\n");
        tree.insert(QStringLiteral("core/vault/Database.h"), "#include <sqlite3.h>\n");
        QVERIFY(directViolations(tree, uiRule()).isEmpty()); // nothing forbidden is included directly
        const QList<QStringList> found = transitiveViolations(tree, uiRule());
        const QString chains = joinChains(found);
        QVERIFY2(chains.contains(QStringLiteral(
                     "ui/View.cpp -> ui/View.h -> core/service/Facade.h -> core/vault/Database.h -> sqlite3.h")),
            qPrintable(chains));
        QVERIFY2(chains.contains(QStringLiteral("ui/View.h -> core/service/Facade.h -> core/vault/Database.h")),
            qPrintable(chains));
        QCOMPARE(found.size(), 4); // View.cpp and View.h each reach Database.h and sqlite3.h
        for (const QStringList& chain : found)
            QCOMPARE(entryIntoCore(chain), QStringLiteral("core/service/Facade.h"));
    }

    void checker_flagsDatabaseUseInUi()
    {
        SourceTree tree;
        tree.insert(QStringLiteral("ui/A.cpp"), "auto& db = m_vault->database();\n");
        tree.insert(QStringLiteral("ui/B.h"), "void show(techo::vault::Database& db);\n");
        tree.insert(QStringLiteral("ui/C.cpp"), "// the GUI never holds a Database&\nauto n = m_service->counts();\n");
        tree.insert(QStringLiteral("core/vault/D.cpp"), "Database& db = vault.database();\n");
        const QStringList found = databaseUses(tree);
        QCOMPARE(found,
            QStringList({QStringLiteral("ui/A.cpp:1: auto& db = m_vault->database();"),
                QStringLiteral("ui/B.h:1: void show(techo::vault::Database& db);")}));
    }

    void core_includesNoQtAndNothingFromUiOrApp()
    {
        const QStringList bad = directViolations(m_tree, coreRule());
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void ui_includesNoSqlJsonCurlOrVaultInternals()
    {
        const QStringList bad = directViolations(m_tree, uiRule());
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void ui_namesNoDatabaseAndNeverAsksForOne()
    {
        const QStringList bad = databaseUses(m_tree);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void ui_reachesNoSqlJsonOrCurlHeaderThroughCore()
    {
        QList<QStringList> bad;
        for (const QStringList& chain : transitiveViolations(m_tree, uiRule()))
            if (!isVaultInternal(chain.last()))
                bad << chain;
        QVERIFY2(bad.isEmpty(), qPrintable(joinChains(bad)));
    }

    void ui_reachesNoVaultInternalsThroughCore()
    {
        const QList<QStringList> chains = transitiveViolations(m_tree, uiRule());
        // Today the only way in is core/vault/Vault.h, whose Vault::database() hands out Database&
        // (and which includes core/vault/Database.h). Any other way in fails here, now.
        QList<QStringList> otherWays;
        for (const QStringList& chain : chains)
            if (entryIntoCore(chain) != QLatin1String("core/vault/Vault.h"))
                otherWays << chain;
        QVERIFY2(otherWays.isEmpty(), qPrintable(joinChains(otherWays)));

        qInfo().noquote() << QStringLiteral("ui reaches vault internals through:\n") + joinChains(chains);

        QVERIFY2(chains.isEmpty(), qPrintable(joinChains(chains)));
    }

    void binaries_linkNoSqliteAndNoQtSql()
    {
        const QString buildDir = qEnvironmentVariable("TECHO_BINARY_DIR");
        const QByteArray cache = techo::test::readAll(buildDir + QStringLiteral("/CMakeCache.txt"));
        QVERIFY2(!cache.isEmpty(), "TECHO_BINARY_DIR has no CMakeCache.txt");
        // The shipped executables must be there; every other executable of the build is checked as well.
        QStringList required {QStringLiteral("techo-cli"), QStringLiteral("techo-sandbox")};
        const bool gui = cache.contains("\nTECHO_BUILD_GUI:BOOL=ON");
        if (gui)
            required << QStringLiteral("techo");
        QSet<QString> binaries;
        for (const QString& tool : required) {
            const QString path = techo::test::builtTool(tool);
            QVERIFY2(QFileInfo(path).isExecutable(), qPrintable(path + QStringLiteral(" is not built")));
            binaries.insert(path);
        }
        QDirIterator it(buildDir, QDir::Files | QDir::Executable, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.contains(QLatin1String("/CMakeFiles/")) && isElf(path))
                binaries.insert(path);
        }
        for (const QString& binary : binaries) {
            QProcess ldd;
            ldd.start(QStringLiteral("ldd"), {binary});
            QVERIFY(ldd.waitForFinished());
            const QByteArray libs = ldd.readAllStandardOutput();
            QVERIFY2(
                !libs.contains("libsqlite3"), qPrintable(binary + QLatin1Char('\n') + QString::fromLocal8Bit(libs)));
            QVERIFY2(
                !libs.contains("libQt6Sql"), qPrintable(binary + QLatin1Char('\n') + QString::fromLocal8Bit(libs)));
        }
        // The executables that open vaults do use SQLCipher (so the check above looks at real link lines).
        QStringList vaultTools {QStringLiteral("techo-cli")};
        if (gui)
            vaultTools << QStringLiteral("techo");
        for (const QString& tool : vaultTools) {
            QProcess ldd;
            ldd.start(QStringLiteral("ldd"), {techo::test::builtTool(tool)});
            QVERIFY(ldd.waitForFinished());
            QVERIFY2(ldd.readAllStandardOutput().contains("libsqlcipher"), qPrintable(tool));
        }
        qInfo("checked %lld binaries", qlonglong(binaries.size()));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "TestLayering.moc"

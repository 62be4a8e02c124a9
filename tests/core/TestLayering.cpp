// The layering rules of DESIGN.md, checked on the source tree and on the built binaries:
// core/ includes no Qt header and nothing from ui/ or app/; ui/ runs no SQL and builds no JSON;
// no executable links libsqlite3 (it can silently replace SQLCipher and turn encryption off).
#include "tests/support/TestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {

const char* const kQtOrUpperLayerInclude = "^\\s*#\\s*include\\s*[<\"](Q[A-Za-z]*(/|>|\")|Qt[A-Za-z]*/|ui/|app/)";
const char* const kSqlJsonOrCurlInclude
    = "^\\s*#\\s*include\\s*[<\"](sqlite3\\.h|nlohmann/|curl/|core/vault/(Database|Statement)\\.h)";
const char* const kQtInclude = "^\\s*#\\s*include\\s*<Q[A-Za-z]*>";

QStringList offenders(const QString& folder, const QRegularExpression& forbidden)
{
    QStringList found;
    QDirIterator it(techo::test::sourcePath(folder), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        int lineNo = 0;
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine());
            ++lineNo;
            if (forbidden.match(line).hasMatch())
                found << QStringLiteral("%1:%2: %3").arg(file).arg(lineNo).arg(line.trimmed());
        }
    }
    return found;
}

} // namespace

class TestLayering : public QObject {
    Q_OBJECT

private slots:
    void core_includesNoQtAndNoUpperLayer()
    {
        const QRegularExpression forbidden(QString::fromLatin1(kQtOrUpperLayerInclude));
        const QStringList bad = offenders(QStringLiteral("core"), forbidden);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void ui_runsNoSqlAndBuildsNoJson()
    {
        const QRegularExpression forbidden(QString::fromLatin1(kSqlJsonOrCurlInclude));
        const QStringList bad = offenders(QStringLiteral("ui"), forbidden);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void layeringCheck_detectsAViolation()
    {
        // The checker itself must be able to fail: it flags this test file's own Qt includes.
        const QRegularExpression forbidden(QString::fromLatin1(kQtInclude));
        QVERIFY(!offenders(QStringLiteral("tests/core"), forbidden).isEmpty());
    }

    void executables_linkSqlcipherNotSqlite()
    {
        for (const QString& tool : {QStringLiteral("techo-cli")}) {
            QProcess ldd;
            ldd.start(QStringLiteral("ldd"), {techo::test::builtTool(tool)});
            QVERIFY(ldd.waitForFinished());
            const QByteArray libs = ldd.readAllStandardOutput();
            QVERIFY2(libs.contains("libsqlcipher"), libs.constData());
            QVERIFY2(!libs.contains("libsqlite3"), libs.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "TestLayering.moc"

#include "tests/net/TestCertificates.h"

#include <QFile>
#include <QProcess>
#include <QStringList>

namespace techo::test {
namespace {

bool runOpenssl(const QString& dir, const QStringList& args)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), args);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("openssl %s failed: %s", qPrintable(args.join(QLatin1Char(' '))), process.readAll().constData());
        return false;
    }
    return true;
}

QStringList caArgs(const QString& name)
{
    return {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=") + name,
        QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".pem"),
        QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
        QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")};
}

} // namespace

bool TestCertificates::create(const QString& dir)
{
    if (!runOpenssl(dir, caArgs(QStringLiteral("ca"))) || !runOpenssl(dir, caArgs(QStringLiteral("other"))))
        return false;
    if (!runOpenssl(dir,
            {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                QStringLiteral("/CN=Techo test server"), QStringLiteral("-keyout"), QStringLiteral("srv.key"),
                QStringLiteral("-out"), QStringLiteral("srv.csr")}))
        return false;
    QFile ext(dir + QStringLiteral("/ext.cnf"));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    ext.close();
    if (!runOpenssl(dir,
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("srv.csr"),
                QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-extfile"), QStringLiteral("ext.cnf"), QStringLiteral("-out"),
                QStringLiteral("srv.pem")}))
        return false;
    caFile = (dir + QStringLiteral("/ca.pem")).toStdString();
    otherCaFile = (dir + QStringLiteral("/other.pem")).toStdString();
    serverCert = (dir + QStringLiteral("/srv.pem")).toStdString();
    serverKey = (dir + QStringLiteral("/srv.key")).toStdString();
    return true;
}

} // namespace techo::test

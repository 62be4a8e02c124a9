// The QR code on the PDF summary's last page (ui/QrCodePainter over libqrencode): what is drawn is read back by a
// decoder that shares nothing with the encoder — zbarimg (Debian zbar-tools) — from a QImage and from a PDF page
// rendered by pdftoppm, and compared byte for byte with what was drawn. The payloads are the real ones core makes
// (exports::summaryCodePayload) from a vault filled by the real techo-sandbox over HTTPS.
#include "core/export/SummaryCode.h"
#include "core/import/ImportJobs.h"
#include "core/query/HealthRecordQueries.h"
#include "core/vault/Vault.h"
#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"
#include "ui/QrCodePainter.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace techo;

namespace {

// A day the sandbox's P0001 has four medicines at hand: the largest real payload of the family (docs/sandbox-api.md).
constexpr domain::Date kMedicineDay = domain::makeDate(2026, 7, 24);

// What zbarimg reads from an image file: the bytes as encoded (-Sbinary: no charset guessing), without the newline
// zbarimg ends each symbol with. Empty when it finds no code.
QByteArray decode(const QString& imagePath)
{
    const test::ProcessResult run = test::runTool(QStringLiteral("zbarimg"),
        {QStringLiteral("--raw"), QStringLiteral("-q"), QStringLiteral("-Sbinary"), imagePath});
    QByteArray out = run.out;
    if (out.endsWith('\n'))
        out.chop(1);
    return out;
}

// Draws `data` into an image with `pixelsPerModule` (quiet zone included), white around it, and saves it as PNG.
ui::QrCodeGeometry drawToPng(const QByteArray& data, int pixelsPerModule, const QString& path,
    const ui::QrCodeOptions& options = ui::summaryCodeQrOptions())
{
    QImage image(1200, 1200, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    // Room for the largest code the summary draws; a smaller version gets larger modules.
    const int side = pixelsPerModule * (17 + 4 * exports::kSummaryCodeQrVersion + 8);
    const auto geometry = ui::paintQrCode(painter, QRectF(0, 0, side, side), data, options);
    painter.end();
    if (!geometry.ok()) {
        qWarning("paintQrCode: %s", geometry.error().message.c_str());
        return {};
    }
    image.copy(geometry->symbol.toAlignedRect()).save(path);
    return *geometry;
}

// One A4 page with the code `widthMm` wide at its top left, as the PDF summary prints it.
ui::QrCodeGeometry drawToPdf(const QByteArray& data, qreal widthMm, const QString& path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(1200);
    QPainter painter(&writer);
    const qreal dotsPerMm = 1200 / 25.4;
    const auto geometry
        = ui::paintQrCode(painter, QRectF(20 * dotsPerMm, 20 * dotsPerMm, widthMm * dotsPerMm, widthMm * dotsPerMm),
            data, ui::summaryCodeQrOptions());
    painter.end();
    if (!geometry.ok()) {
        qWarning("paintQrCode: %s", geometry.error().message.c_str());
        return {};
    }
    return *geometry;
}

// pdftoppm's PNG of the PDF's first page at `dpi`, as a scanner or a camera would see the printed page.
QString renderPage(const QString& pdf, int dpi)
{
    const QString prefix = pdf + QStringLiteral("-page");
    const test::ProcessResult run = test::runTool(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf,
            prefix});
    if (run.exitCode != 0)
        qWarning("pdftoppm: %s", run.err.constData());
    return prefix + QStringLiteral(".png");
}

// Exactly `size` bytes of JSON-like UTF-8 text with Japanese in it (3 bytes a character), like a real payload.
QByteArray textOfSize(qsizetype size)
{
    const QByteArray unit = QByteArrayLiteral("[\"yj\",\"2233002F2103\",\"カルボシステイン錠５００ｍｇ\",3,\"錠\"],");
    QByteArray out;
    while (out.size() + unit.size() <= size)
        out += unit;
    out += QByteArray(size - out.size(), '0');
    return out;
}

} // namespace

class TestQrCodePainter : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::vector<QByteArray> m_payloads; // one per person of the sandbox family, on kMedicineDay

private slots:
    void initTestCase()
    {
        test::SandboxProcess sandbox;
        QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
        auto vault = test::createTestVault(m_dir.filePath(QStringLiteral("family.techo")));
        QVERIFY(vault);
        import::ApiImportRequest request;
        request.client.baseUrl = sandbox.baseUrl().toStdString();
        request.client.http.caFile = sandbox.caFile().toStdString();
        request.client.pollInterval = std::chrono::milliseconds(10);
        const auto report = import::importFromApi(vault->database(), request);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        const auto profiles = query::HealthRecordQueries(*vault).profiles();
        QVERIFY(profiles.ok());
        for (const domain::Profile& person : *profiles) {
            const auto payload = exports::summaryCodePayload(vault->database(), person.id, kMedicineDay);
            QVERIFY2(payload.ok(), payload.ok() ? "" : payload.error().message.c_str());
            m_payloads.push_back(QByteArray::fromStdString(*payload));
        }
        QCOMPARE(m_payloads.size(), std::size_t {3});
        // The family's largest payload is near the limit: the test draws a dense code, not a small one.
        QVERIFY(std::max_element(m_payloads.begin(), m_payloads.end(),
                    [](const auto& a, const auto& b) { return a.size() < b.size(); })
                    ->size()
            > 1500);
    }

    // Each real payload, drawn into an image, reads back as the same bytes (UTF-8 Japanese included).
    void realPayloads_decodeBackExactly_fromAnImage()
    {
        int index = 0;
        for (const QByteArray& payload : m_payloads) {
            const QString png = m_dir.filePath(QStringLiteral("image-%1.png").arg(index++));
            const ui::QrCodeGeometry geometry = drawToPng(payload, 4, png);
            QVERIFY(geometry.version >= 1 && geometry.version <= exports::kSummaryCodeQrVersion);
            QCOMPARE(geometry.modules, 17 + 4 * geometry.version);
            QVERIFY(geometry.moduleSize >= 4);
            QCOMPARE(geometry.moduleSize, std::floor(geometry.moduleSize)); // whole pixels on an image
            QCOMPARE(decode(png), payload);
        }
    }

    // The largest real payload on an A4 PDF page, 70 mm wide as docs/export-format.md asks, rendered at 300 and 200 dpi
    // (a scan; a phone photo of the print) reads back exactly, and the modules are vector paths, not an image.
    void realPayload_decodesBackExactly_fromAPdfPage()
    {
        const QByteArray payload = *std::max_element(
            m_payloads.begin(), m_payloads.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
        const QString pdf = m_dir.filePath(QStringLiteral("summary.pdf"));
        const ui::QrCodeGeometry geometry = drawToPdf(payload, 70, pdf);
        QVERIFY(geometry.version > 0);
        QCOMPARE(decode(renderPage(pdf, 300)), payload);
        QCOMPARE(decode(renderPage(pdf, 200)), payload);

        // Kept for a person to look at (and for the figures in docs/export-format.md) when asked to.
        const QString keep = qEnvironmentVariable("TECHO_SCREENSHOT_DIR");
        if (!keep.isEmpty()) {
            QFile::remove(keep + QStringLiteral("/summary-qr.pdf"));
            QVERIFY(QFile::copy(pdf, keep + QStringLiteral("/summary-qr.pdf")));
        }

        const test::ProcessResult images = test::runTool(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
        QCOMPARE(images.exitCode, 0);
        QCOMPARE(images.out.trimmed().split('\n').size(), 2); // the header lines only: no raster image
    }

    // The core's limit is exactly what libqrencode puts in the largest symbol allowed: a payload of
    // kSummaryCodeMaxBytes is a version-35 code that reads back from a 70 mm print; one byte more is refused.
    void coreLimit_isTheSymbolsCapacity_andOneMoreByteIsRefused()
    {
        const ui::QrCodeOptions options = ui::summaryCodeQrOptions();
        const QByteArray full = textOfSize(static_cast<qsizetype>(exports::kSummaryCodeMaxBytes));
        QImage image(800, 800, QImage::Format_RGB32);
        QPainter painter(&image);
        const auto fits = ui::paintQrCode(painter, QRectF(0, 0, 800, 800), full, options);
        QVERIFY2(fits.ok(), fits.ok() ? "" : fits.error().message.c_str());
        QCOMPARE(fits->version, exports::kSummaryCodeQrVersion);

        const auto refused = ui::paintQrCode(painter, QRectF(0, 0, 800, 800), full + 'x', options);
        painter.end();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Usage);
        QCOMPARE(refused.error().key, std::string("qr.too_long"));
        QCOMPARE(refused.error().param("bytes"), std::to_string(exports::kSummaryCodeMaxBytes + 1));
        QCOMPARE(refused.error().param("capacity"), std::to_string(exports::kSummaryCodeMaxBytes));

        const QString pdf = m_dir.filePath(QStringLiteral("full.pdf"));
        QCOMPARE(drawToPdf(full, 70, pdf).version, exports::kSummaryCodeQrVersion);
        QCOMPARE(decode(renderPage(pdf, 300)), full);
    }

    // Byte mode carries any bytes, NUL and invalid UTF-8 included: nothing is re-encoded on the way (without ECI, as a
    // generic code).
    void everyByteValue_roundTrips()
    {
        QByteArray bytes;
        for (int i = 0; i < 256; ++i)
            bytes.append(static_cast<char>(i));
        const QString png = m_dir.filePath(QStringLiteral("bytes.png"));
        QVERIFY(drawToPng(bytes, 3, png, ui::QrCodeOptions {}).version > 0);
        QCOMPARE(decode(png), bytes);
    }

    // The symbol sits on white with its 4-module quiet zone (drawn even on a dark background) and starts with the
    // dark corner of a finder pattern.
    void quietZone_isLight_onADarkBackground()
    {
        QImage image(400, 400, QImage::Format_RGB32);
        image.fill(Qt::darkBlue);
        QPainter painter(&image);
        const auto geometry = ui::paintQrCode(painter, QRectF(10, 10, 380, 380), m_payloads.back());
        painter.end();
        QVERIFY(geometry.ok());
        const QRect symbol = geometry->symbol.toAlignedRect();
        const int zone = static_cast<int>(4 * geometry->moduleSize);
        QVERIFY(zone >= 4);
        for (int i = 0; i < symbol.width(); ++i)
            for (int d = 0; d < zone; ++d) {
                QCOMPARE(image.pixel(symbol.left() + i, symbol.top() + d), qRgb(255, 255, 255));
                QCOMPARE(image.pixel(symbol.left() + d, symbol.top() + i), qRgb(255, 255, 255));
                QCOMPARE(image.pixel(symbol.left() + i, symbol.bottom() - d), qRgb(255, 255, 255));
                QCOMPARE(image.pixel(symbol.right() - d, symbol.top() + i), qRgb(255, 255, 255));
            }
        QCOMPARE(image.pixel(symbol.left() + zone, symbol.top() + zone), qRgb(0, 0, 0));
        QCOMPARE(image.pixel(symbol.left() - 1, symbol.top()), QColor(Qt::darkBlue).rgb()); // nothing drawn outside
    }

    void emptyData_andTooSmallArea_areErrors()
    {
        QImage image(40, 40, QImage::Format_RGB32);
        image.fill(Qt::gray);
        const QImage before = image;
        QPainter painter(&image);
        const auto empty = ui::paintQrCode(painter, QRectF(0, 0, 40, 40), QByteArray());
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().key, std::string("qr.empty"));
        const auto tooSmall = ui::paintQrCode(painter, QRectF(0, 0, 40, 40), m_payloads.front());
        QVERIFY(!tooSmall.ok());
        QCOMPARE(tooSmall.error().key, std::string("qr.too_small"));
        painter.end();
        QCOMPARE(image, before); // a refused code draws nothing
    }
};

QTEST_MAIN(TestQrCodePainter)
#include "TestQrCodePainter.moc"

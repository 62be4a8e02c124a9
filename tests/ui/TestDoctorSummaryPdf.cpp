// The PDF summary for a doctor as a clinic receives it: a real vault filled by a real import of saved API responses,
// exported through exportRecords with ui::renderDoctorSummaryPdf as the renderer, then read back with poppler's
// tools as a person's PDF viewer would: `pdftotext` (text NFKC-normalised by python3's unicodedata, since the
// embedded CJK font maps some kanji to their compatibility radicals), `pdffonts` (every font embedded), `pdfinfo`
// (the page count) and `pdftoppm` (every page renders). It checks the section titles, the person, item names, the
// latest values with their marks, the thresholds column, the medicines and vaccinations, the sources, "n / N" on
// every page, and that the PDF is Japanese with the UI in English. Pages are saved as PNGs in
// $TECHO_SCREENSHOT_DIR (else screenshots/ in the build folder) for looking at.
#include "core/export/ExportJobs.h"
#include "core/export/SummaryCode.h"
#include "core/import/ImportJobs.h"
#include "core/vault/ProfileRepository.h"
#include "core/vault/Vault.h"
#include "tests/support/SandboxProcess.h"
#include "tests/support/TestSupport.h"
#include "ui/DoctorSummaryPdf.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QPalette>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace techo;

namespace {

domain::Timestamp ts(const char* value)
{
    return *domain::parseTimestamp(value);
}

QString screenshotDir()
{
    QString dir = qEnvironmentVariable("TECHO_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::current().filePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    return dir;
}

// pdftotext's text, NFKC-normalised (python3), with runs of white space made one space and page numbers written
// "n / N" (pdftotext does not see the narrow spaces around the slash).
QString pdfText(const QString& pdf)
{
    const test::ProcessResult text
        = test::runTool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (text.exitCode != 0)
        return {};
    QFile raw(pdf + QStringLiteral(".txt"));
    if (!raw.open(QIODevice::WriteOnly))
        return {};
    raw.write(text.out);
    raw.close();
    const test::ProcessResult nfkc = test::runTool(QStringLiteral("python3"),
        {QStringLiteral("-c"),
            QStringLiteral("import sys,unicodedata;sys.stdout.write(unicodedata.normalize('NFKC',"
                           "open(sys.argv[1],encoding='utf-8').read()))"),
            raw.fileName()});
    if (nfkc.exitCode != 0)
        return {};
    return QString::fromUtf8(nfkc.out)
        .replace(QRegularExpression(QStringLiteral("[ \\t]+")), QStringLiteral(" "))
        .replace(QRegularExpression(QStringLiteral("で本人が作成 (\\d+) ?/ ?(\\d+)")),
            QStringLiteral("で本人が作成 \\1 / \\2"));
}

int pdfPages(const QString& pdf)
{
    const test::ProcessResult info = test::runTool(QStringLiteral("pdfinfo"), {pdf});
    const auto match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(QString::fromUtf8(info.out));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// The QR codes zbarimg (zbar-tools, a decoder that shares nothing with libqrencode) reads on page `page` of `pdf`
// rendered by pdftoppm at 200 dpi: the bytes as encoded (-Sbinary), one entry per code found.
QList<QByteArray> codesOnPage(const QString& pdf, int page)
{
    const QString png = pdf + QStringLiteral("-page%1").arg(page);
    const test::ProcessResult render = test::runTool(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QStringLiteral("200"), QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
            QString::number(page), QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf, png});
    if (render.exitCode != 0)
        return {QByteArray("pdftoppm failed")};
    const test::ProcessResult run = test::runTool(QStringLiteral("zbarimg"),
        {QStringLiteral("--raw"), QStringLiteral("-q"), QStringLiteral("-Sbinary"), png + QStringLiteral(".png")});
    QList<QByteArray> codes;
    if (!run.out.isEmpty()) {
        QByteArray out = run.out;
        if (out.endsWith('\n'))
            out.chop(1);
        codes.push_back(out); // the summary's payload is JSON on one line: one code, one line
    }
    return codes;
}

// The payload core makes for a summary of `profileId` made on `asOf` with every section (the PDF's defaults).
QByteArray corePayload(
    vault::Vault& vault, std::int64_t profileId, domain::Date asOf, const exports::SummarySections& sections = {})
{
    exports::SummaryCodeRequest request;
    request.profileId = profileId;
    request.asOf = asOf;
    request.sections = sections;
    auto code = exports::buildSummaryCode(vault.database(), request);
    if (!code.ok())
        return {};
    return QByteArray::fromStdString(code->payload);
}

} // namespace

class TestDoctorSummaryPdf final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<vault::Vault> m_one; // 藤田 剛: checkups, dispensings, vaccinations
    std::unique_ptr<vault::Vault> m_family; // 架空 一郎 and 架空 花子: fifteen years of checkups
    QString m_pdf; // the summary of 藤田 剛
    QString m_text;

    void importInto(vault::Vault& vault, const char* file)
    {
        auto report
            = import::importFromFile(vault.database(), test::sourcePath(QString::fromLatin1(file)).toStdString());
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
    }

    QString exportPdf(vault::Vault& vault, const QString& name, std::optional<std::int64_t> profile,
        const exports::SummarySections& sections = {})
    {
        exports::ExportRequest request;
        request.format = exports::ExportFormat::Pdf;
        request.outPath = m_dir.filePath(name).toStdString();
        request.now = ts("2024-05-10T03:00:00Z");
        request.selection.profileId = profile;
        request.summary = sections;
        request.renderPdf = ui::renderDoctorSummaryPdf;
        auto report = exports::exportRecords(vault.database(), request);
        if (!report.ok()) {
            qWarning("export failed: %s", report.error().message.c_str());
            return {};
        }
        return QString::fromStdString(report->path);
    }

    static void savePages(const QString& pdf, const QString& prefix)
    {
        const QString out = QDir(screenshotDir()).filePath(prefix);
        QFile::remove(out + QStringLiteral(".pdf"));
        QVERIFY(QFile::copy(pdf, out + QStringLiteral(".pdf")));
        const test::ProcessResult r = test::runTool(
            QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("80"), QStringLiteral("-png"), pdf, out});
        QCOMPARE(r.exitCode, 0);
    }

private slots:
    void initTestCase()
    {
        // The UI in English: the PDF must still be Japanese.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        m_one = test::createTestVault(m_dir.filePath(QStringLiteral("one.techo")));
        QVERIFY(m_one);
        for (const char* file :
            {"tests/data/api/tkk-valid.json", "tests/data/api/yzk-valid.json", "tests/data/api/pmh-valid.json"})
            importInto(*m_one, file);
        m_family = test::createTestVault(m_dir.filePath(QStringLiteral("family.techo")));
        QVERIFY(m_family);
        for (const char* file : {"tests/data/api/tkk-trend-male.json", "tests/data/api/tkk-trend-female.json"})
            importInto(*m_family, file);

        m_pdf = exportPdf(*m_one, QStringLiteral("fujita.pdf"), std::nullopt);
        QVERIFY(!m_pdf.isEmpty());
        QVERIFY(test::readAll(m_pdf).startsWith("%PDF-"));
        m_text = pdfText(m_pdf);
        QVERIFY2(!m_text.isEmpty(), "pdftotext or python3 failed");
        savePages(m_pdf, QStringLiteral("pdf-fujita"));
    }

    void header_person_and_period()
    {
        QVERIFY(m_text.contains(QStringLiteral("医師提出用サマリー")));
        QVERIFY(m_text.contains(QStringLiteral("藤田 剛(フジタ ツヨシ)")));
        QVERIFY(m_text.contains(QStringLiteral("1971/01/28(53歳)")));
        QVERIFY(m_text.contains(QStringLiteral("男性")));
        QVERIFY(m_text.contains(QStringLiteral("2024/05/10")));
        QVERIFY2(m_text.contains(QStringLiteral("2023/11/10 〜 2025/01/20")), qPrintable(m_text.left(800)));
        // Japanese, although the UI language is English.
        QVERIFY(!m_text.contains(QStringLiteral("Health guidance")));
        QVERIFY(!m_text.contains(QStringLiteral("Within reference")));
        QCOMPARE(QLocale().language(), QLocale::English); // put back after rendering
    }

    void sections_itemNames_values_marks()
    {
        for (const char* title :
            {"最新の健診結果", "経年変化", "服薬", "現在の薬", "直近6か月の調剤", "予防接種歴", "データの出どころ"})
            QVERIFY2(m_text.contains(QString::fromUtf8(title)), title);
        // Item names in the official order, with the latest values, their marks and the thresholds column.
        // 身長 and 食後 read as written: Qt named their glyphs by radicals (⻑ U+2ED1, which NFKC keeps) until
        // PdfToUnicode put the ideographs back; ・ likewise (‧ U+2027).
        QVERIFY2(m_text.contains(QStringLiteral("身長")), "身長 (not 身⻑)");
        QVERIFY(m_text.contains(QStringLiteral("採血時間(食後)")));
        QVERIFY(m_text.contains(QStringLiteral("腹囲・BMI")));
        QVERIFY(!m_text.contains(QChar(0x2ED1)) && !m_text.contains(QChar(0x2027)));
        const qsizetype height = m_text.indexOf(QStringLiteral("身長"));
        const qsizetype weight = m_text.indexOf(QStringLiteral("体重"));
        const qsizetype bmi = m_text.indexOf(QStringLiteral("BMI"));
        const qsizetype ldl = m_text.indexOf(QStringLiteral("LDLコレステロール"));
        const qsizetype hba1c = m_text.indexOf(QStringLiteral("HbA1c(NGSP値)"));
        const qsizetype protein = m_text.indexOf(QStringLiteral("尿蛋白"));
        QVERIFY(height > 0 && weight > height && bmi > weight && ldl > bmi && hba1c > ldl && protein > hba1c);
        QVERIFY2(m_text.contains(QStringLiteral("▲ 145")), "LDL 145 is 受診勧奨 (▲)");
        QVERIFY2(m_text.contains(QStringLiteral("△ 5.8")), "HbA1c 5.8 is 保健指導 (△)");
        QVERIFY2(m_text.contains(QStringLiteral("△ (±)")), "尿蛋白 (±) is 保健指導 (△), written as clinics do");
        QVERIFY(m_text.contains(QStringLiteral("保健指導 ≥120")));
        QVERIFY(m_text.contains(QStringLiteral("受診勧奨 ≥6.5")));
        QVERIFY(m_text.contains(QStringLiteral("168.0")));
        QVERIFY(m_text.contains(QStringLiteral("56.2")));
        // The legend says the marks in words (black-and-white printing).
        QVERIFY(m_text.contains(QStringLiteral("○ 基準範囲内")));
        QVERIFY(m_text.contains(QStringLiteral("▲ 受診勧奨判定値")));
    }

    void medicines_and_vaccinations()
    {
        QVERIFY(m_text.contains(QStringLiteral("アムロジピン錠5mg「サワイ」")));
        QVERIFY(m_text.contains(QStringLiteral("1日1回朝食後")));
        QVERIFY(m_text.contains(QStringLiteral("28日分")));
        QVERIFY(m_text.contains(QStringLiteral("ロキソニン錠60mg")));
        QVERIFY(!m_text.contains(QStringLiteral("フロモックス"))); // seven months old
        QVERIFY(m_text.contains(QStringLiteral("インフルエンザHAワクチン「KMB」")));
        QVERIFY(!m_text.contains(QStringLiteral("コミナティ"))); // deleted at the source
        QVERIFY(m_text.contains(QStringLiteral("マイナポータルの記録")));
    }

    void pageNumbers_onEveryPage()
    {
        const int pages = pdfPages(m_pdf);
        QVERIFY(pages >= 2);
        for (int n = 1; n <= pages; ++n)
            QVERIFY2(m_text.contains(QStringLiteral("%1 / %2").arg(n).arg(pages)), qPrintable(QString::number(n)));
        QVERIFY(!m_text.contains(QStringLiteral("%1 / %2").arg(pages + 1).arg(pages)));
    }

    void fonts_embedded_and_pagesRender()
    {
        const test::ProcessResult fonts = test::runTool(QStringLiteral("pdffonts"), {m_pdf});
        QCOMPARE(fonts.exitCode, 0);
        const QStringList lines = QString::fromUtf8(fonts.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() > 2, fonts.out.constData()); // a header of two lines, then the fonts
        bool noto = false;
        for (const QString& line : lines.mid(2)) {
            // name type encoding emb sub uni object: "emb" is the fourth column from the end but two.
            const QStringList cols = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QVERIFY2(cols.size() >= 7, qPrintable(line));
            QVERIFY2(cols.at(cols.size() - 5) == QLatin1String("yes"), qPrintable(line));
            QVERIFY2(!line.contains(QLatin1String("Type 3")), qPrintable(line));
            noto = noto || line.startsWith(QLatin1String("NotoSansCJKjp"));
        }
        QVERIFY(noto);
        // Every page renders, and none is blank.
        QTemporaryDir pngs;
        const test::ProcessResult r = test::runTool(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-png"), m_pdf,
                pngs.filePath(QStringLiteral("p"))});
        QCOMPARE(r.exitCode, 0);
        const QStringList files = QDir(pngs.path()).entryList({QStringLiteral("*.png")});
        QCOMPARE(files.size(), pdfPages(m_pdf));
        for (const QString& file : files) {
            const QImage page(pngs.filePath(file));
            QVERIFY(!page.isNull());
            int dark = 0;
            for (int y = 0; y < page.height(); y += 2)
                for (int x = 0; x < page.width(); x += 2)
                    dark += qGray(page.pixel(x, y)) < 128 ? 1 : 0;
            QVERIFY2(dark > 200, qPrintable(file));
        }
    }

    void trends_ofAFifteenYearPerson_withBloodPressure()
    {
        auto profiles = vault::ProfileRepository(m_family->database()).list();
        QVERIFY(profiles.ok());
        std::int64_t man = 0;
        for (const auto& p : *profiles)
            if (p.sex == domain::Sex::Male)
                man = p.id;
        QVERIFY(man != 0);
        const QString pdf = exportPdf(*m_family, QStringLiteral("kakuu.pdf"), man);
        QVERIFY(!pdf.isEmpty());
        savePages(pdf, QStringLiteral("pdf-kakuu"));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("架空 一郎")));
        QVERIFY(!text.contains(QStringLiteral("架空 花子")));
        for (const char* title : {"血圧", "収縮期血圧", "拡張期血圧", "血糖", "脂質", "HDLコレステロール"})
            QVERIFY2(text.contains(QString::fromUtf8(title)), title);
        // The charts' band labels are the app's, in Japanese.
        QVERIFY(text.contains(QStringLiteral("保健指導判定値")));
        QVERIFY(!text.contains(QStringLiteral("guidance level")));
    }

    void darkDesktop_chartsStayOnWhitePaper()
    {
        // On a dark desktop palette the app's charts are dark; on paper they must not be.
        auto profiles = vault::ProfileRepository(m_family->database()).list();
        QVERIFY(profiles.ok());
        const QPalette before = QApplication::palette();
        QPalette dark;
        for (const auto role : {QPalette::Window, QPalette::Base, QPalette::Button})
            dark.setColor(role, QColor(0x20, 0x20, 0x20));
        for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            dark.setColor(role, QColor(0xEE, 0xEE, 0xEE));
        QApplication::setPalette(dark);
        const QString pdf = exportPdf(*m_family, QStringLiteral("dark.pdf"), profiles->front().id);
        QApplication::setPalette(before);
        QVERIFY(!pdf.isEmpty());
        QTemporaryDir pngs;
        QCOMPARE(test::runTool(QStringLiteral("pdftoppm"),
                     {QStringLiteral("-r"), QStringLiteral("30"), QStringLiteral("-png"), pdf,
                         pngs.filePath(QStringLiteral("p"))})
                     .exitCode,
            0);
        // Page 2 is all charts: mostly white paper, a few lines, bands in light tints.
        const QImage page(pngs.filePath(QStringLiteral("p-2.png")));
        QVERIFY(!page.isNull());
        int dark_ = 0;
        int all = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x, ++all)
                dark_ += qGray(page.pixel(x, y)) < 100 ? 1 : 0;
        QVERIFY2(dark_ * 20 < all, qPrintable(QStringLiteral("%1 of %2 pixels dark").arg(dark_).arg(all)));
    }

    void sandboxFamily_tablesBreakWithTheirHeader_noHeadingEndsAPage()
    {
        // The sandbox's demo family over HTTPS (the demo vault's data): 藤田 剛 has five checkup days of about
        // thirty items, so the first table runs onto a second page.
        const QString path = m_dir.filePath(QStringLiteral("sandbox.techo"));
        std::int64_t person = 0;
        {
            test::SandboxProcess sandbox;
            QVERIFY2(sandbox.isRunning(), qPrintable(sandbox.errorString()));
            auto vault = test::createTestVault(path);
            QVERIFY(vault);
            import::ApiImportRequest request;
            request.client.baseUrl = sandbox.baseUrl().toStdString();
            request.client.http.caFile = sandbox.caFile().toStdString();
            request.client.pollInterval = std::chrono::milliseconds(10);
            auto report = import::importFromApi(vault->database(), request);
            QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
            auto profiles = vault::ProfileRepository(vault->database()).list();
            QVERIFY(profiles.ok());
            for (const auto& p : *profiles)
                if (p.displayName == "藤田　剛")
                    person = p.id;
            QVERIFY(person != 0);
            exports::ExportRequest r;
            r.format = exports::ExportFormat::Pdf;
            r.outPath = m_dir.filePath(QStringLiteral("sandbox.pdf")).toStdString();
            r.now = ts("2026-10-01T03:00:00Z"); // the sandbox's own today (docs/sandbox-api.md)
            r.selection.profileId = person;
            r.renderPdf = ui::renderDoctorSummaryPdf;
            auto done = exports::exportRecords(vault->database(), r);
            QVERIFY2(done.ok(), done.ok() ? "" : done.error().message.c_str());
            // The last page's code is core's payload for the same person and day (a large one: four medicines).
            const QString written = QString::fromStdString(done->path);
            const QList<QByteArray> codes = codesOnPage(written, pdfPages(written));
            QCOMPARE(codes.size(), 1);
            const QByteArray expected = corePayload(*vault, person, domain::makeDate(2026, 10, 1));
            QVERIFY(expected.size() > 1000);
            QCOMPARE(codes.front(), expected);
        }
        const QString pdf = m_dir.filePath(QStringLiteral("sandbox.pdf"));
        savePages(pdf, QStringLiteral("pdf-sandbox"));
        const QString text = pdfText(pdf);
        const QStringList pages = text.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
        QCOMPARE(pages.size(), pdfPages(pdf));
        QVERIFY(pages.size() >= 3);
        // The checkup table's header is on page 1 and again on top of page 2, where the table goes on.
        const QString header = QStringLiteral("項目 単位 判定値");
        QVERIFY(pages[0].contains(header));
        QVERIFY2(pages[1].contains(header), qPrintable(pages[1].left(400)));
        QVERIFY(pages[0].indexOf(QStringLiteral("最新の健診結果")) < pages[0].indexOf(header));
        // No page ends with a heading: the last line before the footer is never a section or chart title.
        const QStringList headings {QStringLiteral("最新の健診結果"), QStringLiteral("経年変化"),
            QStringLiteral("服薬"), QStringLiteral("予防接種歴"), QStringLiteral("データの出どころ"),
            QStringLiteral("血圧"), QStringLiteral("血糖"), QStringLiteral("脂質"), QStringLiteral("体重・BMI"),
            QStringLiteral("腎機能(eGFR)"), QStringLiteral("重複投薬の可能性")};
        for (qsizetype i = 0; i < pages.size(); ++i) {
            QStringList lines = pages[i].split(QLatin1Char('\n'));
            for (QString& line : lines)
                line = line.trimmed();
            lines.removeAll(QString());
            QVERIFY(lines.size() >= 2);
            QVERIFY2(lines.last().contains(QStringLiteral("で本人が作成")), qPrintable(lines.last()));
            const QString beforeFooter = lines.at(lines.size() - 2);
            QVERIFY2(!headings.contains(beforeFooter),
                qPrintable(QStringLiteral("page %1 ends with %2").arg(i + 1).arg(beforeFooter)));
            QVERIFY2(!beforeFooter.startsWith(QStringLiteral("現在の薬("))
                    && !beforeFooter.startsWith(QStringLiteral("直近6か月の調剤("))
                    && !beforeFooter.startsWith(QStringLiteral("重複投薬の可能性(")),
                qPrintable(beforeFooter));
        }
        // The sandbox's duplicate medication, and the source named as the demo server.
        QVERIFY(text.contains(QStringLiteral("重複投薬の可能性")));
        QVERIFY(text.contains(QStringLiteral("デモサーバー")));
        QVERIFY(text.contains(QStringLiteral("収縮期血圧")));
        // All five checkups are at one facility: named once above the table, never in the column headers.
        QCOMPARE(text.count(QStringLiteral("けやき健診センター")), 1);
        QVERIFY(text.contains(QStringLiteral("健診機関:けやき健診センター")));
        // The duplicate notice follows the dispensings it is about and names their period; the sources' count
        // column says what it counts.
        QVERIFY(text.indexOf(QStringLiteral("重複投薬の可能性(")) > text.indexOf(QStringLiteral("直近6か月の調剤(")));
        QVERIFY(text.contains(QStringLiteral("掲載した記録数")));
    }

    void renders_fromAWorkerThread()
    {
        // An export worker calls the renderer off the GUI thread: the layout hops to the GUI thread and the
        // worker gets the same PDF text.
        exports::ExportRequest request;
        request.format = exports::ExportFormat::Pdf;
        request.outPath = m_dir.filePath(QStringLiteral("worker.pdf")).toStdString();
        request.now = ts("2024-05-10T03:00:00Z");
        request.renderPdf = ui::renderDoctorSummaryPdf;
        std::optional<Result<exports::ExportReport>> report;
        QThread* worker = QThread::create([&] { report.emplace(exports::exportRecords(m_one->database(), request)); });
        worker->start();
        QTRY_VERIFY_WITH_TIMEOUT(worker->isFinished(), 60000);
        delete worker;
        QVERIFY(report && report->ok());
        const QString text = pdfText(QString::fromStdString(request.outPath));
        QVERIFY(text.contains(QStringLiteral("▲ 145")));
        QVERIFY(text.contains(QStringLiteral("藤田 剛")));
    }

    void workerThread_givesUp_whenTheGuiThreadWaitsForIt()
    {
        // A window closing during a PDF export asks the worker to stop and waits for it, without returning to the
        // event loop; the worker must not wait for the GUI thread in turn (that was a deadlock: a blocking queued
        // call the waiting GUI thread never ran).
        exports::ExportRequest request;
        request.now = ts("2024-05-10T03:00:00Z");
        auto summary = exports::buildDoctorSummary(m_one->database(), request);
        QVERIFY(summary.ok());
        std::optional<Result<std::string>> out;
        QThread* worker = QThread::create([&] { out.emplace(ui::renderDoctorSummaryPdf(*summary)); });
        worker->start();
        worker->requestInterruption();
        const bool finished = worker->wait(20000);
        if (!finished) {
            QCoreApplication::processEvents(); // let the old code's blocked worker end, so the test can fail cleanly
            worker->wait();
        }
        delete worker;
        QVERIFY2(finished, "the worker waited for the GUI thread while the GUI thread waited for it");
        QVERIFY(out && !out->ok());
        QCOMPARE(out->error().code, ErrorCode::Cancelled);
        // The abandoned layout, reached later by the event loop, is skipped without harm.
        QCoreApplication::processEvents();
    }

    void qrCode_onTheLastPage_holdsCoresPayload()
    {
        // The one person of the vault, summarised on 2024-05-10 (Japan): the code is core's payload for that day.
        auto profiles = vault::ProfileRepository(m_one->database()).list();
        QVERIFY(profiles.ok() && profiles->size() == 1);
        const QByteArray expected = corePayload(*m_one, profiles->front().id, domain::makeDate(2024, 5, 10));
        QVERIFY(expected.startsWith("{"));
        const int pages = pdfPages(m_pdf);
        QVERIFY(pages >= 2);
        const QList<QByteArray> last = codesOnPage(m_pdf, pages);
        QCOMPARE(last.size(), 1);
        QCOMPARE(last.front(), expected);
        // Only on the last page, and not alone there: the sources come before it on the same page.
        for (int page = 1; page < pages; ++page)
            QVERIFY2(codesOnPage(m_pdf, page).isEmpty(), qPrintable(QStringLiteral("a code on page %1").arg(page)));
        const QStringList texts = m_text.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
        QCOMPARE(texts.size(), pages);
        QVERIFY(texts.last().contains(QStringLiteral("データの出どころ")));
        // The caption: what it holds, the format and its version, the size, and that it is not signed.
        const QString caption = QString(texts.last()).remove(QLatin1Char('\n')).remove(QLatin1Char(' '));
        QVERIFY2(caption.contains(QStringLiteral("読み取り用QRコード")), qPrintable(texts.last()));
        QVERIFY(caption.contains(QStringLiteral("最新の健診日の検査値と判定")));
        QVERIFY(caption.contains(QStringLiteral("techo-summary第1版")));
        QVERIFY2(caption.contains(QLocale(QLocale::Japanese).toString(expected.size()).remove(QLatin1Char(' '))
                     + QStringLiteral("バイト")),
            qPrintable(caption));
        QVERIFY(caption.contains(QStringLiteral("電子署名はなく")));
    }

    void qrCode_leftOut_noCodeNoCaption()
    {
        exports::SummarySections sections;
        sections.qrCode = false;
        const QString pdf = exportPdf(*m_one, QStringLiteral("no-qr.pdf"), std::nullopt, sections);
        QVERIFY(!pdf.isEmpty());
        const int pages = pdfPages(pdf);
        QVERIFY(pages >= 1);
        for (int page = 1; page <= pages; ++page)
            QVERIFY2(codesOnPage(pdf, page).isEmpty(), qPrintable(QStringLiteral("a code on page %1").arg(page)));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("データの出どころ")));
        QVERIFY(!text.contains(QStringLiteral("読み取り用QRコード")));
        QVERIFY(!text.contains(QStringLiteral("techo-summary")));
    }

    void oneSection_only()
    {
        exports::SummarySections sections;
        sections.latestCheckups = false;
        sections.trends = false;
        sections.medicines = false;
        const QString pdf = exportPdf(*m_one, QStringLiteral("vaccinations.pdf"), std::nullopt, sections);
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("予防接種歴")));
        QVERIFY(!text.contains(QStringLiteral("最新の健診結果")));
        QVERIFY(!text.contains(QStringLiteral("服薬")));
        QCOMPARE(pdfPages(pdf), 1);
        QVERIFY(text.contains(QStringLiteral("1 / 1")));
    }

    void cli_exportFormatPdf()
    {
        // techo-cli lays the PDF out with the same renderer in an offscreen QApplication (no display).
        const QString cli = test::builtTool(QStringLiteral("techo-cli"));
        const QString vault = m_dir.filePath(QStringLiteral("cli.techo"));
        const QString pass = m_dir.filePath(QStringLiteral("pass"));
        QFile file(pass);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(test::kTestPassphrase);
        file.close();
        const QStringList vaultArgs {QStringLiteral("--vault"), vault, QStringLiteral("--passphrase-file"), pass};
        QCOMPARE(
            test::runTool(cli, vaultArgs + QStringList {QStringLiteral("--insecure-fast-kdf"), QStringLiteral("init")})
                .exitCode,
            0);
        for (const char* name : {"tkk-valid.json", "yzk-valid.json", "pmh-valid.json"})
            QCOMPARE(test::runTool(cli,
                         vaultArgs
                             + QStringList {QStringLiteral("import"), QStringLiteral("--file"),
                                 test::sourcePath(QStringLiteral("tests/data/api/") + QString::fromLatin1(name))})
                         .exitCode,
                0);
        const QString pdf = m_dir.filePath(QStringLiteral("cli.pdf"));
        // No display and no login session (XDG_RUNTIME_DIR unset), as in a cron job or over ssh.
        const QStringList env {QStringLiteral("DISPLAY="), QStringLiteral("WAYLAND_DISPLAY="),
            QStringLiteral("QT_QPA_PLATFORM="), QStringLiteral("XDG_RUNTIME_DIR=")};
        const test::ProcessResult done = test::runTool(cli,
            vaultArgs
                + QStringList {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("pdf"),
                    QStringLiteral("--out"), pdf, QStringLiteral("--sections"),
                    QStringLiteral("latest,vaccinations,qr"), QStringLiteral("--checkups"), QStringLiteral("1"),
                    QStringLiteral("--json")},
            env);
        QVERIFY2(done.exitCode == 0, done.err.constData());
        // Nothing on stderr: the offscreen platform's harmless chatter (propagateSizeHints, XDG_RUNTIME_DIR) is not
        // the person's business.
        QVERIFY2(done.err.isEmpty(), done.err.constData());
        QVERIFY(done.out.contains("\"format\":\"pdf\""));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("最新の健診結果")));
        QVERIFY(text.contains(QStringLiteral("予防接種歴")));
        QVERIFY(!text.contains(QStringLiteral("服薬")));
        // One checkup side by side: the newest (2024/11/15, 体重 only), not the 2023 one.
        QVERIFY(text.contains(QStringLiteral("2024/11/15")));
        QVERIFY(!text.contains(QStringLiteral("LDLコレステロール")));
        // `qr` named: the code is on the last page, carrying the chosen sections only (no medicines: no "rx").
        const QList<QByteArray> codes = codesOnPage(pdf, pdfPages(pdf));
        QCOMPARE(codes.size(), 1);
        QVERIFY(codes.front().contains("\"vx\""));
        QVERIFY(!codes.front().contains("\"rx\""));
        // Not named: no code.
        const QString noQr = m_dir.filePath(QStringLiteral("cli-no-qr.pdf"));
        QCOMPARE(test::runTool(cli,
                     vaultArgs
                         + QStringList {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("pdf"),
                             QStringLiteral("--out"), noQr, QStringLiteral("--sections"),
                             QStringLiteral("latest,vaccinations")},
                     env)
                     .exitCode,
            0);
        QVERIFY(codesOnPage(noQr, pdfPages(noQr)).isEmpty());
        QVERIFY(!pdfText(noQr).contains(QStringLiteral("読み取り用QRコード")));

        // Bad choices are usage errors (exit 2) and write nothing.
        const QString bad = m_dir.filePath(QStringLiteral("bad.pdf"));
        for (const QStringList& args : {QStringList {QStringLiteral("--sections"), QStringLiteral("latest,latest")},
                 QStringList {QStringLiteral("--sections"), QStringLiteral("labs")},
                 QStringList {QStringLiteral("--sections"), QStringLiteral("qr,qr")},
                 QStringList {QStringLiteral("--checkups"), QStringLiteral("6")},
                 // The PDF's parts are its sections: kinds of record could only hide a chosen one.
                 QStringList {QStringLiteral("--categories"), QStringLiteral("vaccinations")}}) {
            const test::ProcessResult refused = test::runTool(cli,
                vaultArgs
                    + QStringList {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("pdf"),
                        QStringLiteral("--out"), bad}
                    + args);
            QCOMPARE(refused.exitCode, 2);
            QVERIFY(!QFile::exists(bad));
        }
        const test::ProcessResult jsonWithSections = test::runTool(cli,
            vaultArgs
                + QStringList {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
                    QStringLiteral("--out"), bad, QStringLiteral("--checkups"), QStringLiteral("2")});
        QCOMPARE(jsonWithSections.exitCode, 2);
    }
};

QTEST_MAIN(TestDoctorSummaryPdf)
#include "TestDoctorSummaryPdf.moc"

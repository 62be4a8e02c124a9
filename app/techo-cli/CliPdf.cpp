#include "app/techo-cli/CliPdf.h"

#ifdef TECHO_CLI_PDF
#include "ui/DoctorSummaryPdf.h"

#include <QApplication>
#include <QString>

#include <string_view>

namespace {

QtMessageHandler g_previousHandler = nullptr;

// Messages the offscreen platform prints while a PDF is laid out that tell the person nothing and are harmless:
// every shown widget (the charts are widgets) asks for size hints the offscreen platform has no use for, and
// QStandardPaths notes a missing XDG_RUNTIME_DIR (a shell without a login session) though nothing is written there.
bool isOffscreenNoise(const QString& message)
{
    return message == QLatin1String("This plugin does not support propagateSizeHints()")
        || message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"));
}

// Drops the known noise and hands every other message (a real warning) to Qt's handler as before.
void cliMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type != QtFatalMsg && type != QtCriticalMsg && isOffscreenNoise(message))
        return;
    g_previousHandler(type, context, message);
}

} // namespace

#endif

namespace techo::cli {

exports::PdfRenderer pdfRenderer()
{
#ifdef TECHO_CLI_PDF
    return [](const exports::DoctorSummary& summary) -> Result<std::string> {
        // Qt keeps argc by reference and argv for the application's lifetime.
        static int argc = 3;
        static char name[] = "techo-cli";
        static char platformOption[] = "-platform";
        static char platform[] = "offscreen";
        static char* argv[] = {name, platformOption, platform, nullptr};
        // Never destroyed: destroying it among the static destructors at exit crashes (Qt's own globals may be gone
        // by then); the process ends right after the export.
        if (!QCoreApplication::instance()) {
            // Only for the PDF path: a CLI prints what the person needs, not the offscreen platform's chatter.
            g_previousHandler = qInstallMessageHandler(cliMessageHandler);
            new QApplication(argc, argv); // NOLINT(cppcoreguidelines-owning-memory)
        }
        return ui::renderDoctorSummaryPdf(summary);
    };
#else
    return {};
#endif
}

} // namespace techo::cli

#include "app/techo-cli/CliPdf.h"

#ifdef TECHO_CLI_PDF
#include "ui/DoctorSummaryPdf.h"

#include <QApplication>

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
        if (!QCoreApplication::instance())
            new QApplication(argc, argv); // NOLINT(cppcoreguidelines-owning-memory)
        return ui::renderDoctorSummaryPdf(summary);
    };
#else
    return {};
#endif
}

} // namespace techo::cli

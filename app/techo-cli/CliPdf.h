#pragma once

#include "core/export/ExportRequest.h"

namespace techo::cli {

// The renderer techo-cli hands to exportRecords for --format pdf: ui::renderDoctorSummaryPdf inside a QApplication
// made on first use with the offscreen platform (no display needed), kept until the program ends. An empty function
// when techo-cli is built without the GUI (TECHO_BUILD_GUI=OFF): exportRecords then refuses the PDF with a Usage
// error that says so.
[[nodiscard]] exports::PdfRenderer pdfRenderer();

} // namespace techo::cli

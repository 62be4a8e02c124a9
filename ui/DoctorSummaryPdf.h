#pragma once

#include "core/export/DoctorSummary.h"
#include "core/util/Result.h"

#include <string>

namespace techo::ui {

// Lays a summary for a doctor (医師提出用サマリー, core/export/DoctorSummary.h) out as a PDF: A4 portrait at 300 dpi,
// Noto Sans CJK JP embedded (a TrueType-flavoured CID font in the file; `pdffonts` lists it "emb yes"), always in
// Japanese whatever the UI language (docs/export-format.md, "PDF"). Pages: a header with the person (name, kana,
// birth date and age, sex), the day made and the period; the chosen sections — the latest checkups side by side
// with a thresholds column and ○ △ ▲ marks that survive black-and-white printing, trend charts drawn by the app's
// own TrendChartPlot (vector), current medicines, six months of dispensings, duplicate-medication notices,
// vaccinations; the sources and fetch dates last; "1 / N" on every page. Tables that break across pages repeat
// their header; a heading never ends a page.
// Returns the PDF's bytes, its text layer repaired so that copied or extracted text reads as written (ui/PdfToUnicode).
// Errors: Internal when the font is missing (fonts-noto-cjk, key export.pdf_font_missing), no QApplication exists,
// or qpdf cannot rewrite the file.
// Threads: Qt Charts objects belong to the GUI thread, so when called on another thread (an export worker) the
// layout is queued to qApp's thread and the calling thread waits for it (the GUI thread's event loop must run).
// A GUI thread that must wait for that worker (QThread::wait) first calls QThread::requestInterruption() on it: the
// worker then stops waiting and returns Cancelled (key export.cancelled) instead of deadlocking. Called on the GUI
// thread, it runs there directly.
// While it runs, the process' default QLocale is Japanese and a Japanese catalogue (embedded in techo_ui) is
// installed, so the app's shared texts (dates, band names in the charts) read in Japanese; both are restored.
[[nodiscard]] Result<std::string> renderDoctorSummaryPdf(const exports::DoctorSummary& summary);

} // namespace techo::ui

#pragma once

#include "core/util/Result.h"

#include <QString>

#include <functional>
#include <string>
#include <string_view>

namespace techo::ui {

// Repairs the text layer of a PDF that QPdfWriter wrote with a CJK font, so that copying, searching, screen readers
// and `pdftotext` get the characters that were drawn.
//
// Why: Qt names each glyph of an embedded font in the font's /ToUnicode CMap by the LOWEST code point the font maps
// to that glyph (QFontSubset::getReverseMap). Noto Sans CJK maps the CJK radicals to the same glyphs as the
// ideographs, so 長 (U+9577) comes out as ⻑ (U+2ED1, CJK RADICAL C-SIMPLIFIED LONG), 食 as ⾷ (U+2FB7), and the
// katakana middle dot ・ (U+30FB) as ‧ (U+2027). NFKC recovers the Kangxi radicals (U+2F00–2FD5) but not the
// radicals supplement, so "身長" could not be found in the file at all.
//
// What: for every /ToUnicode CMap of a font whose /BaseFont names `fontFamily`'s PostScript name prefix
// ("NotoSansCJK"), each code point the map names is replaced by the code point a person writes for that glyph —
// among the code points the font maps to the same glyph, one outside the radicals (U+2E80–2FDF), the CJK
// compatibility ideographs (U+F900–FAFF) and U+2027 — and the map is written back as plain bfchar entries. The PDF is
// read and written with qpdf (libqpdf): the drawing itself is not touched.
// Errors: Internal when qpdf cannot read or write the file (qpdf's message, which holds no page text).
class PdfToUnicode final {
public:
    PdfToUnicode() = delete;

    [[nodiscard]] static Result<std::string> preferWrittenCodePoints(std::string_view pdf, const QString& fontFamily);

    // The CMap `cmap` (a /ToUnicode stream's text) with every single-UTF-16-unit destination passed through `remap`,
    // written as bfchar blocks of at most 100 entries (PDF 32000-1 9.10.3). Entries it cannot parse are kept as they
    // were mapped; nullopt-free: a CMap without mappings comes back with none.
    [[nodiscard]] static std::string rewriteCMap(std::string_view cmap, const std::function<char16_t(char16_t)>& remap);
};

} // namespace techo::ui

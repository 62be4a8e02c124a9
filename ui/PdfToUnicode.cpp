#include "ui/PdfToUnicode.h"

#include <QFont>
#include <QRawFont>

// qpdf 11: shared_ptr everywhere, none of the deprecated PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <array>
#include <charconv>
#include <cstdio>
#include <exception>
#include <map>
#include <unordered_map>
#include <vector>

namespace techo::ui {
namespace {

// How much a code point is what a person writes: 0 for the scripts text is written in, 2 for the radicals, the
// compatibility ideographs and U+2027 (a font's duplicate names of a glyph), 1 for anything else.
int rank(char16_t c)
{
    if ((c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x2027)
        return 2;
    if (c < 0x2000 || (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF))
        return 0;
    return 1;
}

// For each code point of the BMP that shares its glyph with a better-ranked one: that one.
std::unordered_map<char16_t, char16_t> preferredCodePoints(const QString& family)
{
    QFont font(family);
    const QRawFont raw = QRawFont::fromFont(font);
    std::unordered_map<char16_t, char16_t> out;
    if (!raw.isValid())
        return out;
    QString all;
    std::vector<char16_t> codes;
    for (char32_t c = 0x20; c < 0x10000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        all.append(QChar(char16_t(c)));
        codes.push_back(char16_t(c));
    }
    const QList<quint32> glyphs = raw.glyphIndexesForString(all);
    std::unordered_map<quint32, char16_t> best; // glyph → best code point
    for (std::size_t i = 0; i < codes.size() && i < std::size_t(glyphs.size()); ++i) {
        const quint32 g = glyphs[qsizetype(i)];
        if (g == 0)
            continue;
        auto [it, inserted] = best.try_emplace(g, codes[i]);
        if (!inserted && rank(codes[i]) < rank(it->second))
            it->second = codes[i];
    }
    for (std::size_t i = 0; i < codes.size() && i < std::size_t(glyphs.size()); ++i) {
        const quint32 g = glyphs[qsizetype(i)];
        if (g == 0)
            continue;
        const char16_t preferred = best.at(g);
        if (preferred != codes[i] && rank(preferred) < rank(codes[i]))
            out.emplace(codes[i], preferred);
    }
    return out;
}

// "<0A1F>" → its bytes as a hex string without brackets; "" when `text` at `pos` is not one.
std::string_view hexToken(std::string_view text, std::size_t& pos)
{
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r' || text[pos] == '\t'))
        ++pos;
    if (pos >= text.size() || text[pos] != '<')
        return {};
    const std::size_t end = text.find('>', pos);
    if (end == std::string_view::npos)
        return {};
    const std::string_view hex = text.substr(pos + 1, end - pos - 1);
    pos = end + 1;
    return hex;
}

unsigned long hexValue(std::string_view hex)
{
    unsigned long value = 0;
    std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
    return value;
}

std::string hex4(unsigned long value)
{
    std::array<char, 8> buffer {};
    std::snprintf(buffer.data(), buffer.size(), "%04lX", value);
    return std::string(buffer.data());
}

} // namespace

std::string PdfToUnicode::rewriteCMap(std::string_view cmap, const std::function<char16_t(char16_t)>& remap)
{
    std::map<unsigned long, std::string> mappings; // CID → destination hex
    auto destination = [&](std::string_view hex) {
        if (hex.size() == 4)
            return hex4(remap(char16_t(hexValue(hex))));
        return std::string(hex);
    };
    std::size_t pos = 0;
    while (true) {
        const std::size_t chars = cmap.find("beginbfchar", pos);
        const std::size_t ranges = cmap.find("beginbfrange", pos);
        if (chars == std::string_view::npos && ranges == std::string_view::npos)
            break;
        const bool isRange = ranges < chars;
        pos = (isRange ? ranges : chars) + (isRange ? 12 : 11);
        const std::size_t end = cmap.find(isRange ? "endbfrange" : "endbfchar", pos);
        if (end == std::string_view::npos)
            break;
        while (pos < end) {
            const std::string_view from = hexToken(cmap, pos);
            if (from.empty() || pos > end)
                break;
            if (!isRange) {
                const std::string_view to = hexToken(cmap, pos);
                mappings[hexValue(from)] = destination(to);
                continue;
            }
            const std::string_view to = hexToken(cmap, pos);
            while (pos < end && cmap[pos] == ' ')
                ++pos;
            const unsigned long first = hexValue(from);
            const unsigned long last = hexValue(to);
            if (pos < end && cmap[pos] == '[') {
                ++pos;
                for (unsigned long cid = first; cid <= last; ++cid)
                    mappings[cid] = destination(hexToken(cmap, pos));
                const std::size_t close = cmap.find(']', pos);
                if (close == std::string_view::npos || close > end)
                    break;
                pos = close + 1;
            } else {
                const std::string_view start = hexToken(cmap, pos);
                const unsigned long base = hexValue(start);
                for (unsigned long cid = first; cid <= last; ++cid)
                    mappings[cid]
                        = start.size() == 4 ? hex4(remap(char16_t(base + (cid - first)))) : std::string(start);
            }
        }
        pos = end;
    }
    std::string out = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    auto it = mappings.begin();
    while (it != mappings.end()) {
        std::string block;
        int n = 0;
        for (; it != mappings.end() && n < 100; ++it, ++n)
            block += "<" + hex4(it->first) + "> <" + it->second + ">\n";
        out += std::to_string(n) + " beginbfchar\n" + block + "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

Result<std::string> PdfToUnicode::preferWrittenCodePoints(std::string_view pdf, const QString& fontFamily)
{
    static const std::unordered_map<char16_t, char16_t> preferred = preferredCodePoints(fontFamily);
    const auto remap = [](char16_t c) {
        const auto it = preferred.find(c);
        return it == preferred.end() ? c : it->second;
    };
    try {
        QPDF file;
        file.setSuppressWarnings(true);
        const std::string input(pdf);
        file.processMemoryFile("summary.pdf", input.data(), input.size());
        for (QPDFObjectHandle object : file.getAllObjects()) {
            if (!object.isDictionary() || !object.hasKey("/ToUnicode") || !object.hasKey("/BaseFont"))
                continue;
            QPDFObjectHandle base = object.getKey("/BaseFont");
            if (!base.isName() || base.getName().find("NotoSansCJK") == std::string::npos)
                continue;
            QPDFObjectHandle map = object.getKey("/ToUnicode");
            if (!map.isStream())
                continue;
            const auto data = map.getStreamData(qpdf_dl_generalized);
            const std::string_view text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
            map.replaceStreamData(rewriteCMap(text, remap), QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        }
        QPDFWriter writer(file);
        writer.setOutputMemory();
        writer.setDeterministicID(true); // the same summary gives the same bytes
        writer.setCompressStreams(true);
        writer.write();
        const auto buffer = writer.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("cannot repair the PDF's text layer: ") + e.what());
    }
}

} // namespace techo::ui

#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QRectF>

class QPainter;

namespace techo::ui {

// QR code error correction levels (ISO/IEC 18004): how much of the symbol may be lost and still read back.
enum class QrErrorCorrection {
    Low, // L,  7 %
    Medium, // M, 15 % — what the doctor's summary uses (exports::kSummaryCodeQrVersion)
    Quartile, // Q, 25 %
    High, // H, 30 %
};

// The ECI (Extended Channel Interpretation) designator that says the bytes are UTF-8 (AIM ECI 26).
inline constexpr int kEciUtf8 = 26;

struct QrCodeOptions {
    QrErrorCorrection level = QrErrorCorrection::Medium;
    int maxVersion = 40; // 1..40: the largest symbol allowed (version v has 17 + 4v modules a side)
    int quietZone = 4; // light modules around the symbol; the standard asks for 4
    // 0: none (a reader guesses the bytes' character set); else an ECI designator written before the data, e.g.
    // kEciUtf8. Costs 12 bits of capacity.
    int eci = 0;
};

// The options the PDF summary's code is drawn with: level M, at most exports::kSummaryCodeQrVersion, ECI UTF-8
// (a Japanese reader that would otherwise take the bytes for Shift_JIS is told they are UTF-8). Its capacity is
// exports::kSummaryCodeMaxBytes (test_qr_code checks it).
[[nodiscard]] QrCodeOptions summaryCodeQrOptions();

// Where and how a code was drawn.
struct QrCodeGeometry {
    int version = 0; // 1..40, the smallest that holds the data at the level
    int modules = 0; // modules a side, without the quiet zone
    qreal moduleSize = 0; // in the painter's logical units
    QRectF symbol; // the square drawn, quiet zone included (inside the target, centred)
};

// Draws `data` as a QR code in byte mode (the bytes as they are, never re-encoded) with Debian's
// libqrencode, as large as fits in `target` (a square, centred). Dark modules are black vector rectangles (one path,
// so a PDF keeps them sharp at any zoom and printers do not blur them) on a white square that covers the quiet zone:
// a code must be dark on light whatever the palette, so these two colours are fixed on purpose. On a raster device
// (QImage, a widget) the module size is rounded down to whole device pixels, so every module has the same size.
// Errors: Usage with key qr.empty (no data), qr.too_long (the data does not fit options.maxVersion at the level;
// params "bytes" and "capacity", the most bytes that fit), qr.too_small (the target leaves less than one device
// pixel per module) or qr.bad_options; Internal when libqrencode fails otherwise (out of memory).
[[nodiscard]] Result<QrCodeGeometry> paintQrCode(
    QPainter& painter, const QRectF& target, const QByteArray& data, const QrCodeOptions& options = {});

} // namespace techo::ui

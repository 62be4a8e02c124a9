#include "ui/QrCodePainter.h"

#include "core/export/SummaryCode.h"

#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <limits>
#include <memory>

namespace techo::ui {
namespace {

struct QrCodeDeleter {
    void operator()(QRcode* code) const noexcept { QRcode_free(code); }
};
using QrCodePtr = std::unique_ptr<QRcode, QrCodeDeleter>;

QRecLevel toLibraryLevel(QrErrorCorrection level)
{
    switch (level) {
    case QrErrorCorrection::Low:
        return QR_ECLEVEL_L;
    case QrErrorCorrection::Medium:
        return QR_ECLEVEL_M;
    case QrErrorCorrection::Quartile:
        return QR_ECLEVEL_Q;
    case QrErrorCorrection::High:
        return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

struct QrInputDeleter {
    void operator()(QRinput* input) const noexcept { QRinput_free(input); }
};
using QrInputPtr = std::unique_ptr<QRinput, QrInputDeleter>;

// The symbol of the smallest version that holds `size` bytes in byte mode, after an ECI designator when `eci` is
// not 0; nullptr with errno set (ERANGE: too long for version 40, EINVAL: bad input, ENOMEM).
QrCodePtr encode(const unsigned char* data, int size, QRecLevel level, int eci)
{
    errno = 0;
    const QrInputPtr input(QRinput_new2(0, level));
    if (!input)
        return nullptr;
    if (eci != 0 && QRinput_appendECIheader(input.get(), static_cast<unsigned int>(eci)) != 0)
        return nullptr;
    if (QRinput_append(input.get(), QR_MODE_8, size, data) != 0)
        return nullptr;
    return QrCodePtr(QRcode_encodeInput(input.get()));
}

// The most bytes that fit `maxVersion` at `level`, asked of libqrencode itself (a binary search over sizes), so the
// figure in an error is exactly what the encoder accepts.
int capacity(int maxVersion, QRecLevel level, int eci)
{
    const std::string filler(4096, 'a');
    const auto* bytes = reinterpret_cast<const unsigned char*>(filler.data());
    int fits = 0, fails = static_cast<int>(filler.size());
    while (fails - fits > 1) {
        const int mid = (fits + fails) / 2;
        const QrCodePtr code = encode(bytes, mid, level, eci);
        if (code && code->version <= maxVersion)
            fits = mid;
        else
            fails = mid;
    }
    return fits;
}

Error tooLong(qsizetype bytes, int maxVersion, QRecLevel level, int eci)
{
    return makeError(ErrorCode::Usage, "the data is too long for the QR code")
        .withKey("qr.too_long")
        .with("bytes", std::to_string(bytes))
        .with("capacity", std::to_string(capacity(maxVersion, level, eci)));
}

} // namespace

QrCodeOptions summaryCodeQrOptions()
{
    QrCodeOptions options;
    options.level = QrErrorCorrection::Medium;
    options.maxVersion = exports::kSummaryCodeQrVersion;
    options.eci = kEciUtf8;
    return options;
}

Result<QrCodeGeometry> paintQrCode(
    QPainter& painter, const QRectF& target, const QByteArray& data, const QrCodeOptions& options)
{
    if (options.maxVersion < 1 || options.maxVersion > QRSPEC_VERSION_MAX || options.quietZone < 0 || options.eci < 0
        || options.eci > 999999)
        return makeError(ErrorCode::Usage, "the QR code options are out of range").withKey("qr.bad_options");
    if (data.isEmpty())
        return makeError(ErrorCode::Usage, "there is nothing to draw as a QR code").withKey("qr.empty");
    const QRecLevel level = toLibraryLevel(options.level);
    if (data.size() > std::numeric_limits<int>::max())
        return tooLong(data.size(), options.maxVersion, level, options.eci);
    const QrCodePtr code = encode(
        reinterpret_cast<const unsigned char*>(data.constData()), static_cast<int>(data.size()), level, options.eci);
    if (!code) {
        if (errno == ERANGE || errno == EINVAL)
            return tooLong(data.size(), options.maxVersion, level, options.eci);
        return makeError(ErrorCode::Internal, "libqrencode could not encode the data");
    }
    if (code->version > options.maxVersion)
        return tooLong(data.size(), options.maxVersion, level, options.eci);

    const int modules = code->width;
    const int total = modules + 2 * options.quietZone;
    const qreal side = std::min(target.width(), target.height());
    qreal moduleSize = side / total;
    // A raster device gets whole device pixels per module (a module of 2.5 pixels would be drawn 2 or 3 wide, which
    // readers tolerate badly); vector devices (PDF, SVG, a QPicture) keep the exact size.
    const QPaintEngine* engine = painter.paintEngine();
    const bool vector = engine != nullptr
        && (engine->type() == QPaintEngine::Pdf || engine->type() == QPaintEngine::Picture
            || engine->type() == QPaintEngine::SVG);
    if (!vector) {
        const qreal scale = std::hypot(painter.deviceTransform().m11(), painter.deviceTransform().m12());
        if (scale <= 0)
            return makeError(ErrorCode::Usage, "the QR code's area is too small").withKey("qr.too_small");
        moduleSize = std::floor(moduleSize * scale) / scale;
        if (moduleSize <= 0)
            return makeError(ErrorCode::Usage, "the QR code's area is too small").withKey("qr.too_small");
    } else if (moduleSize <= 0) {
        return makeError(ErrorCode::Usage, "the QR code's area is too small").withKey("qr.too_small");
    }

    const qreal drawn = moduleSize * total;
    QPointF corner(target.x() + (target.width() - drawn) / 2, target.y() + (target.height() - drawn) / 2);
    if (!vector) {
        // On whole device pixels too, so module edges fall on pixel edges.
        const QPointF device = painter.deviceTransform().map(corner);
        corner = painter.deviceTransform().inverted().map(QPointF(std::round(device.x()), std::round(device.y())));
    }
    const QRectF symbol(corner, QSizeF(drawn, drawn));
    const QPointF origin = symbol.topLeft() + QPointF(options.quietZone * moduleSize, options.quietZone * moduleSize);

    // One rectangle per horizontal run of dark modules, all in one path: fewer objects than one per module, and no
    // hairline seams between neighbours where a renderer anti-aliases each rectangle's edges on its own.
    QPainterPath dark;
    dark.setFillRule(Qt::WindingFill);
    for (int y = 0; y < modules; ++y) {
        const unsigned char* row = code->data + static_cast<std::ptrdiff_t>(y) * modules;
        for (int x = 0; x < modules;) {
            if ((row[x] & 1) == 0) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < modules && (row[x] & 1) != 0)
                ++x;
            dark.addRect(QRectF(
                origin.x() + start * moduleSize, origin.y() + y * moduleSize, (x - start) * moduleSize, moduleSize));
        }
    }

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.fillRect(symbol, Qt::white);
    painter.fillPath(dark, Qt::black);
    painter.restore();

    return QrCodeGeometry {code->version, modules, moduleSize, symbol};
}

} // namespace techo::ui

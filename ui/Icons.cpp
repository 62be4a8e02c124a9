#include "ui/Icons.h"

#include <QApplication>
#include <QFile>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

// Q_INIT_RESOURCE must run outside any namespace; the icons are in a static library.
static void initIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace techo::ui {
namespace {

class TintedSvgEngine final : public QIconEngine {
public:
    explicit TintedSvgEngine(QString path)
        : m_path(std::move(path))
    { }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap image = render(rect.size(), ratio, mode, state);
        painter->drawPixmap(rect, image);
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return render(size, 1.0, mode, state);
    }

    // Qt hands over the size in device pixels already (QIcon::pixmap multiplies by the ratio).
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return render(scale > 0 ? size / scale : size, scale > 0 ? scale : 1.0, mode, state);
    }

    QIconEngine* clone() const override { return new TintedSvgEngine(m_path); }

private:
    QPixmap render(const QSize& size, qreal ratio, QIcon::Mode mode, QIcon::State) const
    {
        QPixmap image(size * ratio);
        image.setDevicePixelRatio(ratio);
        image.fill(Qt::transparent);
        QSvgRenderer renderer(m_path);
        if (!renderer.isValid())
            return image;
        QPainter painter(&image);
        renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
        // The drawing's own colour is replaced by the palette's: SourceIn keeps the shape, takes the colour.
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        const QPalette palette = QApplication::palette();
        QColor colour = palette.color(QPalette::Active, QPalette::WindowText);
        if (mode == QIcon::Disabled)
            colour = palette.color(QPalette::Disabled, QPalette::WindowText);
        else if (mode == QIcon::Selected)
            colour = palette.color(QPalette::Active, QPalette::HighlightedText);
        painter.fillRect(QRectF(QPointF(0, 0), QSizeF(size)), colour);
        return image;
    }

    QString m_path;
};

} // namespace

QIcon appIcon(const QString& name)
{
    static const bool initialised = [] {
        initIconResources();
        return true;
    }();
    (void)initialised;
    const QString path = QStringLiteral(":/icons/") + name + QStringLiteral(".svg");
    if (!QFile::exists(path))
        return {};
    return QIcon(new TintedSvgEngine(path));
}

} // namespace techo::ui

#include "ui/devices/QrCodeView.h"

#include <QPainter>

namespace cc {

QrCodeView::QrCodeView(QWidget *parent)
    : QWidget(parent)
{
    // As large as the layout gives, drawn square in the middle; only the minimum counts when a
    // layout adds up what its page needs.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
}

void QrCodeView::setCode(const QrCode &code)
{
    m_code = code;
    updateGeometry();
    update();
}

void QrCodeView::clear()
{
    setCode(QrCode());
}

void QrCodeView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

QSize QrCodeView::sizeHint() const
{
    // A version 9 symbol (53 modules, a pairing URI with a fingerprint) at 4 px a module.
    const int modules = (m_code.isNull() ? 53 : m_code.size()) + 2 * kQuietZone;
    return QSize(modules * 4, modules * 4);
}

QSize QrCodeView::minimumSizeHint() const
{
    // Below 3 px a module a phone camera struggles.
    const int modules = (m_code.isNull() ? 53 : m_code.size()) + 2 * kQuietZone;
    return QSize(modules * 3, modules * 3);
}

void QrCodeView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_code.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const int modules = m_code.size() + 2 * kQuietZone;
    const int moduleSize = std::max(1, std::min(width(), height()) / modules);
    const int side = modules * moduleSize;
    const QPoint origin((width() - side) / 2, (height() - side) / 2);
    painter.fillRect(QRect(origin, QSize(side, side)), Qt::white);
    for (int y = 0; y < m_code.size(); ++y)
        for (int x = 0; x < m_code.size(); ++x)
            if (m_code.isDark(x, y))
                painter.fillRect(origin.x() + (x + kQuietZone) * moduleSize,
                                 origin.y() + (y + kQuietZone) * moduleSize, moduleSize, moduleSize,
                                 Qt::black);
}

} // namespace cc

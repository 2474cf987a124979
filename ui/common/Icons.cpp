#include "ui/common/Icons.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace cc::Icons {

namespace {

QPixmap applicationPixmap(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 256.0, size / 256.0);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x1f, 0x5f, 0x8b));
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 48, 48);
    p.setBrush(Qt::white);
    p.drawEllipse(QPointF(96, 98), 34, 34);
    QPainterPath body;
    body.moveTo(40, 206);
    body.cubicTo(40, 166, 65, 142, 96, 142);
    body.cubicTo(127, 142, 152, 166, 152, 206);
    body.closeSubpath();
    p.drawPath(body);
    p.setBrush(QColor(0xff, 0xd1, 0x66));
    p.drawRoundedRect(QRectF(166, 84, 18, 96), 6, 6);
    p.drawRoundedRect(QRectF(198, 84, 18, 96), 6, 6);
    return pixmap;
}

void drawPerson(QPainter &p, QPointF at, double scale)
{
    p.drawEllipse(at + QPointF(0, -5 * scale), 3.2 * scale, 3.2 * scale);
    QPainterPath body;
    body.moveTo(at + QPointF(-6 * scale, 7 * scale));
    body.cubicTo(at + QPointF(-6 * scale, 1 * scale), at + QPointF(-3 * scale, -1 * scale),
                 at + QPointF(0, -1 * scale));
    body.cubicTo(at + QPointF(3 * scale, -1 * scale), at + QPointF(6 * scale, 1 * scale),
                 at + QPointF(6 * scale, 7 * scale));
    body.closeSubpath();
    p.drawPath(body);
}

// Draws a glyph into a 24×24 box in `color`.
void drawGlyph(QPainter &p, Glyph which, const QColor &color)
{
    QPen pen(color, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    switch (which) {
    case Glyph::PeerMentors:
        p.setBrush(color);
        p.setPen(Qt::NoPen);
        drawPerson(p, QPointF(10, 12), 1.2);
        p.drawRoundedRect(QRectF(17, 6, 2.5, 9), 1, 1);
        p.drawRoundedRect(QRectF(21, 6, 2.5, 9), 1, 1);
        break;
    case Glyph::Records:
        for (int i = 0; i < 4; ++i) {
            p.drawPoint(QPointF(4, 5 + i * 5));
            p.drawLine(QPointF(8, 5 + i * 5), QPointF(21, 5 + i * 5));
        }
        break;
    case Glyph::Templates:
        p.drawRoundedRect(QRectF(4, 2.5, 16, 19), 2, 2);
        p.drawText(QRectF(4, 4, 16, 16), Qt::AlignCenter, QStringLiteral("{ }"));
        break;
    case Glyph::Statistics:
        p.setBrush(color);
        p.setPen(Qt::NoPen);
        p.drawRect(QRectF(3, 13, 4, 8));
        p.drawRect(QRectF(10, 7, 4, 14));
        p.drawRect(QRectF(17, 10, 4, 11));
        break;
    case Glyph::Server:
        p.drawRoundedRect(QRectF(3, 4, 18, 7), 2, 2);
        p.drawRoundedRect(QRectF(3, 13, 18, 7), 2, 2);
        p.drawPoint(QPointF(7, 7.5));
        p.drawPoint(QPointF(7, 16.5));
        break;
    case Glyph::Users:
        p.setBrush(color);
        p.setPen(Qt::NoPen);
        drawPerson(p, QPointF(8, 12), 1.0);
        drawPerson(p, QPointF(16, 12), 1.0);
        break;
    case Glyph::Paused:
        p.setBrush(color);
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(QRectF(6, 4, 4, 16), 1, 1);
        p.drawRoundedRect(QRectF(14, 4, 4, 16), 1, 1);
        break;
    case Glyph::Active: {
        p.setBrush(color);
        p.setPen(Qt::NoPen);
        QPainterPath play;
        play.moveTo(7, 4);
        play.lineTo(19, 12);
        play.lineTo(7, 20);
        play.closeSubpath();
        p.drawPath(play);
        break;
    }
    case Glyph::Push:
        p.drawRoundedRect(QRectF(7, 2, 10, 20), 2, 2);
        p.drawPoint(QPointF(12, 18.5));
        break;
    case Glyph::InApp:
        p.drawRoundedRect(QRectF(3, 4, 18, 13), 2, 2);
        p.drawLine(QPointF(8, 17), QPointF(6, 21));
        p.drawLine(QPointF(6, 21), QPointF(12, 17));
        break;
    case Glyph::Email:
        p.drawRect(QRectF(3, 6, 18, 12));
        p.drawLine(QPointF(3, 6), QPointF(12, 13));
        p.drawLine(QPointF(12, 13), QPointF(21, 6));
        break;
    case Glyph::Sms:
        p.drawRoundedRect(QRectF(3, 4, 18, 12), 5, 5);
        p.drawLine(QPointF(8, 16), QPointF(7, 21));
        break;
    }
}

QPixmap glyphPixmap(Glyph which, int size, const QColor &color)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 24.0, size / 24.0);
    drawGlyph(p, which, color);
    return pixmap;
}

} // namespace

QIcon application()
{
    QIcon icon;
    for (int size : {16, 22, 32, 48, 64, 128, 256})
        icon.addPixmap(applicationPixmap(size));
    return icon;
}

QIcon glyph(Glyph which)
{
    const QPalette palette = QGuiApplication::palette();
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48}) {
        icon.addPixmap(glyphPixmap(which, size, palette.color(QPalette::Active, QPalette::WindowText)),
                       QIcon::Normal);
        icon.addPixmap(glyphPixmap(which, size, palette.color(QPalette::Active, QPalette::HighlightedText)),
                       QIcon::Selected);
        icon.addPixmap(glyphPixmap(which, size, palette.color(QPalette::Disabled, QPalette::WindowText)),
                       QIcon::Disabled);
    }
    return icon;
}

QIcon channel(Channel which)
{
    switch (which) {
    case Channel::Push:
        return glyph(Glyph::Push);
    case Channel::InApp:
        return glyph(Glyph::InApp);
    case Channel::Email:
        return glyph(Glyph::Email);
    case Channel::Sms:
        return glyph(Glyph::Sms);
    }
    return {};
}

} // namespace cc::Icons

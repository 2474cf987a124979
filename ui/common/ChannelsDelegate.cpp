#include "ui/common/ChannelsDelegate.h"

#include "core/Records.h"
#include "ui/common/Icons.h"

#include <QApplication>
#include <QPainter>

namespace cc {

namespace {

constexpr int kMargin = 4;
constexpr int kGap = 6;

} // namespace

ChannelsDelegate::ChannelsDelegate(int namesRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_namesRole(namesRole)
{
    for (const Channel channel : allChannels())
        m_icons.insert(channelName(channel), Icons::channel(channel));
}

int ChannelsDelegate::iconExtent(const QStyleOptionViewItem &option) const
{
    // Follows the font, so a large system font gets large glyphs.
    return std::max(16, option.fontMetrics.height());
}

void ChannelsDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~(QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection, focus

    const QStringList names = index.data(m_namesRole).toStringList();
    const int extent = iconExtent(option);
    const QIcon::Mode mode = !(option.state & QStyle::State_Enabled) ? QIcon::Disabled
        : (option.state & QStyle::State_Selected)                    ? QIcon::Selected
                                                                     : QIcon::Normal;
    const bool rightToLeft = option.direction == Qt::RightToLeft;
    int x = rightToLeft ? option.rect.right() - kMargin - extent : option.rect.left() + kMargin;
    const int y = option.rect.top() + (option.rect.height() - extent) / 2;
    for (const QString &name : names) {
        const QIcon glyph = m_icons.value(name);
        if (glyph.isNull())
            continue;
        if (rightToLeft ? x < option.rect.left() : x + extent > option.rect.right())
            break; // a narrow column shows what fits; the tooltip names them all
        glyph.paint(painter, QRect(x, y, extent, extent), Qt::AlignCenter, mode);
        x += rightToLeft ? -(extent + kGap) : extent + kGap;
    }
}

QSize ChannelsDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    const qsizetype count = std::max<qsizetype>(1, index.data(m_namesRole).toStringList().size());
    const int extent = iconExtent(option);
    const int width = int(2 * kMargin + count * extent + (count - 1) * kGap);
    return {width, std::max(base.height(), extent + 2 * kMargin)};
}

} // namespace cc

#pragma once

#include <QHash>
#include <QIcon>
#include <QStyledItemDelegate>

namespace cc {

// Draws a cell's notification channels (push, in_app, email, sms) as a row of icons
// (Icons::channel). The names are read from `namesRole` (a QStringList, e.g. HistoryModel::RawRole);
// the model's DisplayRole text ("Push and SMS") stays what screen readers and the tooltip say, so
// the icons are never the only way to tell the channels.
class ChannelsDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ChannelsDelegate(int namesRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int iconExtent(const QStyleOptionViewItem &option) const;

    int m_namesRole;
    QHash<QString, QIcon> m_icons;
};

} // namespace cc

#pragma once

#include <QHash>
#include <QIcon>
#include <QIdentityProxyModel>

namespace cc {

// Puts a glyph beside the text of one column, chosen by the column's raw value ("paused",
// "pause_activated", …). A view detail, so the models stay free of pixmaps (they are also used
// without a GUI).
class GlyphColumnProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    GlyphColumnProxy(int column, int rawRole, const QHash<QString, QIcon> &icons, QObject *parent);

    QVariant data(const QModelIndex &index, int role) const override;

private:
    int m_column;
    int m_rawRole;
    QHash<QString, QIcon> m_icons;
};

} // namespace cc

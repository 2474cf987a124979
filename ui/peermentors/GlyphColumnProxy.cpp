#include "ui/peermentors/GlyphColumnProxy.h"

namespace cc {

GlyphColumnProxy::GlyphColumnProxy(int column, int rawRole, const QHash<QString, QIcon> &icons,
                                   QObject *parent)
    : QIdentityProxyModel(parent)
    , m_column(column)
    , m_rawRole(rawRole)
    , m_icons(icons)
{}

QVariant GlyphColumnProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DecorationRole && index.column() == m_column) {
        const auto found = m_icons.constFind(QIdentityProxyModel::data(index, m_rawRole).toString());
        return found == m_icons.cend() ? QVariant() : QVariant(*found);
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace cc

#include "tests/ui/Accessibility.h"

#include "ui/common/ConsolePage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSlider>
#include <QTabBar>
#include <QTextEdit>

namespace cc::test::ui::a11y {

QString describe(const QWidget *w)
{
    QString path;
    for (const QObject *o = w; o; o = o->parent()) {
        const QString name =
            o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className()) : o->objectName();
        path = path.isEmpty() ? name : name + QLatin1Char('/') + path;
        if (qobject_cast<const ConsolePage *>(o)
            || (o->isWidgetType() && static_cast<const QWidget *>(o)->isWindow()))
            break;
    }
    return path;
}

bool isPartOfAnother(const QWidget *w)
{
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p))
            return true;
    }
    return false;
}

bool isInteractive(const QWidget *w)
{
    // A view's header is part of the view (sorting also has a keyboard way on each page); scroll
    // bars and tab bars are driven through their views and tab widgets.
    if (qobject_cast<const QScrollBar *>(w) || qobject_cast<const QTabBar *>(w)
        || qobject_cast<const QHeaderView *>(w) || isPartOfAnother(w))
        return false;
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w)
        || qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w)
        || qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QPlainTextEdit *>(w)
        || qobject_cast<const QTextEdit *>(w) || qobject_cast<const QSlider *>(w)
        || (w->focusPolicy() & Qt::TabFocus);
}

QString accessibleName(QWidget *w)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

} // namespace cc::test::ui::a11y

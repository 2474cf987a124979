#include "tests/ui/Accessibility.h"

#include "ui/common/ConsolePage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSet>
#include <QSlider>
#include <QTabBar>
#include <QTest>
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

QList<QWidget *> interactiveWidgets(QWidget *window)
{
    QList<QWidget *> out;
    const QList<QWidget *> all = window->findChildren<QWidget *>();
    for (QWidget *w : all) {
        if (w->isVisibleTo(window) && isInteractive(w) && w->window() == window)
            out << w;
    }
    return out;
}

TabWalk walkTab(QWidget *start, const QList<QWidget *> &interactive)
{
    TabWalk walk;
    start->setFocus(Qt::TabFocusReason);
    QCoreApplication::processEvents();
    QSet<QWidget *> visited{start};
    QWidget *previous = start;
    int stayed = 0;
    for (int step = 0; step < 400; ++step) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        if (!now)
            break;
        // A date edit takes Tab from day to month to year before it lets go; a text edit that
        // keeps tabs, or a table that moves from cell to cell, never does.
        if (now == previous) {
            if (++stayed < 4)
                continue;
            walk.trap = now;
            break;
        }
        stayed = 0;
        if (now == start)
            break;
        visited << now;
        previous = now;
    }
    for (QWidget *w : interactive) {
        if (!w->isEnabled() || visited.contains(w))
            continue;
        // A view's focus proxy, or a widget whose focus goes to a child, counts through that.
        bool reached = false;
        for (QWidget *v : std::as_const(visited))
            reached = reached || (w->focusProxy() == v) || w->isAncestorOf(v);
        if (!reached)
            walk.unreachable << w;
    }
    return walk;
}

} // namespace cc::test::ui::a11y

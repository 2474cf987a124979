#pragma once

#include <QList>
#include <QString>

class QWidget;

// The checks the accessibility walk makes, shared by the tests that make them (tst_accessibility
// over MainWindow's pages, and the tests of a page or dialog on its own).
namespace cc::test::ui::a11y {

// The path of object names (or class names) from `w` up to its page or window, for messages.
QString describe(const QWidget *w);
// A part of a compound control: the line edit of a combo or spin box is named through its owner.
bool isPartOfAnother(const QWidget *w);
// Something a person operates: it must have a name and be reachable with Tab.
bool isInteractive(const QWidget *w);
// The name assistive technology reads for `w` (trimmed); empty when it has none.
QString accessibleName(QWidget *w);

// The controls of `window` a person operates: visible, interactive and of this window (not of a
// popup or a dialog of its own).
QList<QWidget *> interactiveWidgets(QWidget *window);

// Tab pressed from `start` until the focus comes round to it again (400 presses at most).
struct TabWalk
{
    QWidget *trap = nullptr;      // where Tab does not leave (a text edit that keeps tabs, say)
    QList<QWidget *> unreachable; // enabled controls of `interactive` the focus never came to
};
TabWalk walkTab(QWidget *start, const QList<QWidget *> &interactive);

} // namespace cc::test::ui::a11y

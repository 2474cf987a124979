#pragma once

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

} // namespace cc::test::ui::a11y

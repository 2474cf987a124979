#pragma once

#include <QString>

class QComboBox;
class QLineEdit;
class QWidget;

// The fields of the console's forms (the user, peer mentor and coordinator dialogs): each with the
// object name the tests find it by and the accessible name a screen reader reads.
namespace cc::form {

QLineEdit *lineEdit(QWidget *parent, const QString &objectName, const QString &accessibleName,
                    const QString &text = {});
QComboBox *comboBox(QWidget *parent, const QString &objectName, const QString &accessibleName);
// A field that shows what cannot be changed (an id): read-only, saying `why`, and looking it (the
// window's colour behind the text, as a disabled field has), yet still selectable and reachable.
void showReadOnly(QLineEdit *edit, const QString &why);

} // namespace cc::form

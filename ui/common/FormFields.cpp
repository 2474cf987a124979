#include "ui/common/FormFields.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPalette>

namespace cc::form {

QLineEdit *lineEdit(QWidget *parent, const QString &objectName, const QString &accessibleName,
                    const QString &text)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    return edit;
}

QComboBox *comboBox(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessibleName);
    return combo;
}

void showReadOnly(QLineEdit *edit, const QString &why)
{
    edit->setReadOnly(true);
    edit->setAccessibleDescription(why);
    edit->setToolTip(why);
    QPalette readOnly = edit->palette();
    readOnly.setColor(QPalette::Base, readOnly.color(QPalette::Window));
    edit->setPalette(readOnly);
}

} // namespace cc::form

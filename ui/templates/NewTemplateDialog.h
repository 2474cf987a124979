#pragma once

#include "core/Caller.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace cc {

struct ConsoleServices;

// Creates a custom template: an id, the kind of notification it is for (one of the four payload
// types) and a description. It starts with the texts of the template of that kind the caller sees
// now, in both languages, ready to be edited.
class NewTemplateDialog : public QDialog
{
    Q_OBJECT
public:
    NewTemplateDialog(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    // The id of the template made; empty until it was.
    QString createdId() const { return m_createdId; }

    void accept() override;

private:
    void showError(const QString &text);

    ConsoleServices &m_services;
    Caller m_caller;
    QString m_createdId;
    QLineEdit *m_id;
    QComboBox *m_type;
    QLineEdit *m_description;
    QLabel *m_error;
};

} // namespace cc

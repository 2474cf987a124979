#include "ui/templates/NewTemplateDialog.h"

#include "core/BuiltinTemplates.h"
#include "core/Ids.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace cc {

NewTemplateDialog::NewTemplateDialog(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
{
    setObjectName(QStringLiteral("NewTemplateDialog"));
    setWindowTitle(tr("New template"));

    auto *intro =
        new QLabel(tr("A custom template starts with the texts of the template of the same kind, in "
                      "English and Norwegian, and can then be edited."),
                   this);
    intro->setWordWrap(true);

    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("newTemplateId"));
    m_id->setAccessibleName(tr("Template id"));
    m_id->setPlaceholderText(tr("e.g. coordinator-pause-short"));
    m_id->setMaxLength(templates::kMaxIdLength);
    m_id->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z0-9-]{0,%1}").arg(templates::kMaxIdLength)), m_id));

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("newTemplateType"));
    m_type->setAccessibleName(tr("Kind of notification"));
    for (const PayloadTemplate &builtin : builtinTemplates())
        m_type->addItem(tr("%1 (%2)").arg(builtin.en.title, builtin.type), builtin.type);

    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("newTemplateDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setMaxLength(templates::kMaxDescription);

    auto *form = new QFormLayout;
    const auto addRow = [&](const QString &label, QWidget *field) {
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        form->addRow(l, field);
    };
    addRow(tr("&Id:"), m_id);
    addRow(tr("&Kind:"), m_type);
    addRow(tr("&Description:"), m_description);
    form->addRow(
        QString(),
        new QLabel(tr("An id is 1 to %1 characters of a–z, 0–9 and “-”.").arg(templates::kMaxIdLength),
                   this));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("newTemplateError"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *create = buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("createTemplateButton"));
    create->setAccessibleName(tr("Create the template"));
    create->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewTemplateDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void NewTemplateDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(true);
}

void NewTemplateDialog::accept()
{
    const QString id = m_id->text().trimmed();
    if (!isValidTemplateId(id)) {
        showError(tr("An id is 1 to %1 characters of a–z, 0–9 and “-”.").arg(templates::kMaxIdLength));
        m_id->setFocus();
        return;
    }
    // Saving to an id that exists would change that template instead of making a new one.
    if (auto existing = m_services.templates.get(m_caller, id); existing) {
        showError(tr("A template with the id “%1” exists already. Choose another id.").arg(id));
        m_id->setFocus();
        return;
    } else if (existing.error().code != ErrorCode::NotFound) {
        showError(ErrorMessages::text(existing.error()));
        return;
    }

    const QString type = m_type->currentData().toString();
    const PayloadTemplate *builtin = builtinTemplateOfType(type);
    if (!builtin)
        return;
    PayloadTemplate base = *builtin;
    if (auto seen = m_services.templates.get(m_caller, builtin->id); seen)
        base = *seen;

    TemplateChange english;
    english.locale = templates::kEnglish;
    english.type = type;
    english.title = base.en.title;
    english.body = base.en.body;
    english.description = m_description->text().trimmed();
    auto created = m_services.templates.update(m_caller, id, english);
    if (!created) {
        showError(ErrorMessages::text(created.error()));
        return;
    }
    m_createdId = id;
    // The service gives a new template the same text in both languages; the Norwegian one of the
    // template it starts from is the better start.
    if (base.nb != created->item.nb) {
        TemplateChange norwegian;
        norwegian.locale = templates::kNorwegian;
        norwegian.title = base.nb.title;
        norwegian.body = base.nb.body;
        if (auto s =
                m_services.templates.update(m_caller, id, norwegian, TemplateService::etag(created->item));
            !s)
            ErrorMessages::show(this, tr("The Norwegian text could not be copied"), s.error());
    }
    QDialog::accept();
}

} // namespace cc

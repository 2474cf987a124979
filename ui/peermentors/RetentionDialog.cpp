#include "ui/peermentors/RetentionDialog.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace cc {

RetentionDialog::RetentionDialog(ConsoleServices &services, const Caller &caller, const QString &orgId,
                                 QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_caller(caller)
{
    setObjectName(QStringLiteral("RetentionDialog"));
    setWindowTitle(tr("Retention rules"));

    auto *intro = new QLabel(tr("How long the organisation keeps personal data. A rule that is switched on "
                                "is applied every hour while the API server runs; what it erases or deletes "
                                "cannot be brought back."),
                             this);
    intro->setWordWrap(true);

    m_organisation = new QComboBox(this);
    m_organisation->setObjectName(QStringLiteral("retentionOrganisation"));
    m_organisation->setAccessibleName(tr("Organisation"));
    if (auto orgs = services.directory.organisations(caller)) {
        for (const Organisation &o : std::as_const(*orgs))
            m_organisation->addItem(o.name, o.id);
    }
    m_organisation->setCurrentIndex(std::max(0, m_organisation->findData(orgId)));
    auto *organisationLabel = new QLabel(tr("&Organisation:"), this);
    organisationLabel->setBuddy(m_organisation);
    // Only a global admin has more than one.
    organisationLabel->setVisible(m_organisation->count() > 1);
    m_organisation->setVisible(m_organisation->count() > 1);

    m_eraseOn = new QCheckBox(tr("&Erase the personal data of peer mentors who left more than"), this);
    m_eraseOn->setObjectName(QStringLiteral("retentionEraseOn"));
    m_eraseOn->setAccessibleName(tr("Erase the personal data of peer mentors who left long ago"));
    m_months = new QSpinBox(this);
    m_months->setObjectName(QStringLiteral("retentionMonths"));
    m_months->setAccessibleName(tr("Months since they left"));
    m_months->setRange(1, RetentionService::kMaxMonths);
    m_months->setValue(24);
    m_months->setSuffix(tr(" months ago"));

    m_deleteOn = new QCheckBox(tr("&Delete notification records and built messages older than"), this);
    m_deleteOn->setObjectName(QStringLiteral("retentionDeleteOn"));
    m_deleteOn->setAccessibleName(tr("Delete old notification records and built messages"));
    m_years = new QSpinBox(this);
    m_years->setObjectName(QStringLiteral("retentionYears"));
    m_years->setAccessibleName(tr("Years"));
    m_years->setRange(1, RetentionService::kMaxYears);
    m_years->setValue(10);
    m_years->setSuffix(tr(" years"));
    auto *deleteNote =
        new QLabel(tr("A pause that is still going on keeps its record; statistics of the years "
                      "deleted no longer count them."),
                   this);
    deleteNote->setWordWrap(true);

    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("retentionPreview"));
    m_preview->setAccessibleName(tr("What the rules would do now"));
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_preview->setFocusPolicy(Qt::StrongFocus);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("retentionError"));
    m_error->setAccessibleName(tr("Message"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(organisationLabel, m_organisation);
    auto *erase = new QHBoxLayout;
    erase->addWidget(m_eraseOn, 1);
    erase->addWidget(m_months);
    auto *remove = new QHBoxLayout;
    remove->addWidget(m_deleteOn, 1);
    remove->addWidget(m_years);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton *save = buttons->button(QDialogButtonBox::Save);
    save->setObjectName(QStringLiteral("saveRetentionButton"));
    save->setAccessibleName(tr("Save"));
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RetentionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(erase);
    layout->addLayout(remove);
    layout->addWidget(deleteNote);
    layout->addWidget(m_preview);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(560);

    // Counting takes a moment on a large database: once the typing has paused.
    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(300);
    connect(m_previewTimer, &QTimer::timeout, this, &RetentionDialog::updatePreview);
    const auto changed = [this] {
        updateEnabled();
        m_previewTimer->start();
    };
    connect(m_eraseOn, &QCheckBox::toggled, this, changed);
    connect(m_deleteOn, &QCheckBox::toggled, this, changed);
    connect(m_months, &QSpinBox::valueChanged, this, changed);
    connect(m_years, &QSpinBox::valueChanged, this, changed);
    connect(m_organisation, &QComboBox::currentIndexChanged, this, [this] { load(); });
    load();
}

QString RetentionDialog::organisationId() const
{
    return m_organisation->currentData().toString();
}

RetentionPolicy RetentionDialog::policy() const
{
    RetentionPolicy p;
    if (m_eraseOn->isChecked())
        p.eraseInactiveAfterMonths = m_months->value();
    if (m_deleteOn->isChecked())
        p.deleteRecordsAfterYears = m_years->value();
    return p;
}

void RetentionDialog::load()
{
    RetentionService retention(m_services.database, m_services.clock, m_services.directory,
                               m_services.records);
    const QSignalBlocker blockErase(m_eraseOn);
    const QSignalBlocker blockDelete(m_deleteOn);
    const QSignalBlocker blockMonths(m_months);
    const QSignalBlocker blockYears(m_years);
    auto stored = retention.policy(m_caller, organisationId());
    m_error->setVisible(!stored);
    if (!stored)
        m_error->setText(ErrorMessages::text(stored.error()));
    const RetentionPolicy current = stored ? *stored : RetentionPolicy{};
    m_eraseOn->setChecked(current.eraseInactiveAfterMonths.has_value());
    if (current.eraseInactiveAfterMonths)
        m_months->setValue(*current.eraseInactiveAfterMonths);
    m_deleteOn->setChecked(current.deleteRecordsAfterYears.has_value());
    if (current.deleteRecordsAfterYears)
        m_years->setValue(*current.deleteRecordsAfterYears);
    updateEnabled();
    updatePreview();
}

void RetentionDialog::updateEnabled()
{
    m_months->setEnabled(m_eraseOn->isChecked());
    m_years->setEnabled(m_deleteOn->isChecked());
}

QString RetentionDialog::previewText()
{
    if (m_previewTimer->isActive()) {
        m_previewTimer->stop();
        updatePreview();
    }
    return m_preview->text();
}

void RetentionDialog::updatePreview()
{
    const RetentionPolicy rules = policy();
    if (rules.isOff()) {
        m_preview->setText(tr("No rule is switched on: nothing is erased or deleted."));
        return;
    }
    RetentionService retention(m_services.database, m_services.clock, m_services.directory,
                               m_services.records);
    auto now = retention.preview(m_caller, organisationId(), rules);
    if (!now) {
        m_preview->setText(
            tr("What the rules would do could not be counted: %1").arg(ErrorMessages::text(now.error())));
        return;
    }
    QStringList parts;
    if (rules.eraseInactiveAfterMonths)
        parts << tr("erase the personal data of %Ln peer mentor(s)", nullptr, now->mentors);
    if (rules.deleteRecordsAfterYears)
        parts << tr("delete %Ln record(s)", nullptr, int(now->records))
              << tr("%Ln built message(s)", nullptr, int(now->payloads));
    m_preview->setText(
        tr("Switched on now, these rules would %1.").arg(QLocale().createSeparatedList(parts)));
}

void RetentionDialog::accept()
{
    RetentionService retention(m_services.database, m_services.clock, m_services.directory,
                               m_services.records);
    if (auto s = retention.setPolicy(m_caller, organisationId(), policy()); !s) {
        m_error->setText(ErrorMessages::text(s.error()));
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

} // namespace cc

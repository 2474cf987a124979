#pragma once

#include "core/Caller.h"
#include "core/RetentionService.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QTimer;

namespace cc {

struct ConsoleServices;

// How long an organisation keeps personal data (RetentionService): erase the personal data of
// peer mentors who left more than N months ago, delete records and built messages older than N
// years; both off until ticked. While they are changed, the dialog counts what the rules would do
// now, before they are saved; the API server applies saved rules hourly. A global admin chooses
// the organisation; an org admin sets her own.
class RetentionDialog : public QDialog
{
    Q_OBJECT
public:
    RetentionDialog(ConsoleServices &services, const Caller &caller, const QString &orgId,
                    QWidget *parent = nullptr);

    // The rules as the dialog shows them, and the organisation they are for.
    RetentionPolicy policy() const;
    QString organisationId() const;
    // What they would do now, in words (updated shortly after each change; at once by this call).
    QString previewText();

    void accept() override;

private:
    void load();
    void updatePreview();
    void updateEnabled();

    ConsoleServices &m_services;
    Caller m_caller;
    QComboBox *m_organisation = nullptr;
    QCheckBox *m_eraseOn = nullptr;
    QSpinBox *m_months = nullptr;
    QCheckBox *m_deleteOn = nullptr;
    QSpinBox *m_years = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_error = nullptr;
    QTimer *m_previewTimer = nullptr;
};

} // namespace cc

#pragma once

#include "core/Caller.h"
#include "core/Directory.h"
#include "core/Result.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace cc {

struct ConsoleServices;

// Adds a coordinator (id, organisation — a global admin chooses it, an org admin adds to her own —,
// name, email) or edits one (name and email; the id and organisation are shown, not changed). OK
// goes through DirectoryService::addCoordinator or updateCoordinator; what that refuses is shown in
// the dialog, which stays open with the focus on the field the error names.
class CoordinatorDialog : public QDialog
{
    Q_OBJECT
public:
    // Adds a new coordinator.
    CoordinatorDialog(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);
    // Edits `coordinator`.
    CoordinatorDialog(ConsoleServices &services, const Caller &caller, const Coordinator &coordinator,
                      QWidget *parent = nullptr);

    bool isEdit() const { return m_edit; }
    // The coordinator as stored, once the dialog was accepted.
    const Coordinator &coordinator() const { return m_coordinator; }

    void accept() override;

private:
    void build();
    void showError(const Error &error);

    ConsoleServices &m_services;
    Caller m_caller;
    bool m_edit = false;
    QLineEdit *m_id = nullptr;
    QComboBox *m_organisation = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QLabel *m_error = nullptr;
    Coordinator m_coordinator;
};

} // namespace cc

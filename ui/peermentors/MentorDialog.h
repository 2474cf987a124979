#pragma once

#include "core/Caller.h"
#include "core/Directory.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace cc {

struct ConsoleServices;

// Adds a peer mentor (id, organisation for a global admin, name, email, phone, coordinator) or
// edits one (everything but the id and the organisation). OK saves through DirectoryService
// (addPeerMentor or updatePeerMentor), which decides what the caller may change: a coordinator
// edits only the contact details of her own mentors, so the coordinator is fixed for her. What
// core refuses is shown in the dialog, which stays open with the focus in the field it names.
class MentorDialog : public QDialog
{
    Q_OBJECT
public:
    // Adds a new mentor.
    MentorDialog(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);
    // Edits `mentor`.
    MentorDialog(ConsoleServices &services, const Caller &caller, const PeerMentor &mentor,
                 QWidget *parent = nullptr);

    // The mentor as saved, once the dialog was accepted.
    const PeerMentor &mentor() const { return m_mentor; }

    void accept() override;

private:
    void build();
    void updateCoordinators();
    void showError(const QString &text);

    ConsoleServices &m_services;
    Caller m_caller;
    bool m_editing = false;
    PeerMentor m_mentor;
    QLineEdit *m_id = nullptr;
    QComboBox *m_organisation = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_phone = nullptr;
    QComboBox *m_coordinator = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace cc

#pragma once

#include "core/Caller.h"
#include "core/Directory.h"
#include "core/PersonalDataService.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cc {

struct ConsoleServices;

// Erases a peer mentor's personal data for good (PersonalDataService::eraseMentor), after a plain
// warning of what goes and what stays. The person types the mentor's name to confirm; the Erase
// button is enabled only while what is typed matches it. The erasure runs on a LongTask (on SQLite
// it rewrites the database file); what core refuses is shown in the dialog.
class EraseMentorDialog : public QDialog
{
    Q_OBJECT
public:
    EraseMentorDialog(ConsoleServices &services, const Caller &caller, const PeerMentor &mentor,
                      QWidget *parent = nullptr);

    // True while the typed confirmation matches the mentor's name (the Erase button is enabled).
    bool isConfirmed() const;
    // What the erasure did, once accepted.
    const ErasureReport &report() const { return m_report; }

    void accept() override;

private:
    void updateButton();

    ConsoleServices &m_services;
    Caller m_caller;
    PeerMentor m_mentor;
    QLineEdit *m_confirmation = nullptr;
    QPushButton *m_erase = nullptr;
    QLabel *m_error = nullptr;
    ErasureReport m_report;
};

} // namespace cc

#pragma once

#include "core/Caller.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;

namespace cc {

struct ConsoleServices;

// Gives the chosen peer mentors to another (active) coordinator of their organisation, all or
// none (DirectoryService::moveMentors). What core refuses is shown in the dialog.
class MoveMentorsDialog : public QDialog
{
    Q_OBJECT
public:
    MoveMentorsDialog(ConsoleServices &services, const Caller &caller, const QStringList &mentorIds,
                      const QString &orgId, QWidget *parent = nullptr);

    // How many changed coordinator, once accepted.
    int moved() const { return m_moved; }

    void accept() override;

private:
    ConsoleServices &m_services;
    Caller m_caller;
    QStringList m_mentorIds;
    QComboBox *m_coordinator = nullptr;
    QLabel *m_error = nullptr;
    int m_moved = 0;
};

} // namespace cc

#pragma once

#include "core/Caller.h"

#include <QDate>
#include <QWidget>

#include <utility>

class QComboBox;
class QDateEdit;
class QLabel;

namespace cc {

struct ConsoleServices;

// What the Statistics page counts: the period (a quick choice such as last year, or two dates) and
// the scope (the organisation or one coordinator; a global admin also picks the organisation). Each
// choice is remembered in the settings and restored by load().
class PeriodSelector : public QWidget
{
    Q_OBJECT
public:
    // The quick choices of the period box, in its order.
    enum class QuickPeriod
    {
        Custom,
        LastYear,
        ThisYear,
        Last12Months
    };
    // The first and last day of a quick choice, as of `today`.
    static std::pair<QDate, QDate> periodOf(QuickPeriod choice, const QDate &today);

    PeriodSelector(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    // Fills the organisations and coordinators and restores the choices from the settings.
    void load();
    // Reads the coordinators again (the directory changed), keeping the one chosen.
    void loadCoordinators();

    QDate from() const;
    QDate to() const;
    QString orgId() const;
    QString organisationName() const; // as the box shows it (global admins only)
    QString coordinatorId() const;    // empty: the whole organisation
    QString coordinatorName() const;
    // The first and the last box a Tab reaches.
    QWidget *firstInTabOrder() const;
    QWidget *lastInTabOrder() const;

signals:
    // A valid choice was made (and remembered).
    void changed();
    // Something to tell the user: a period that ends before it begins, or a list that could not be read.
    void problem(const QString &text);

private:
    QDate today() const;
    void loadOrganisations();
    void restorePeriod();
    void periodEdited();
    void quickPeriodChosen(int index);
    void organisationChosen();
    void coordinatorChosen();

    ConsoleServices &m_services;
    Caller m_caller;

    QComboBox *m_quickPeriod = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLabel *m_organisationLabel = nullptr;
    QComboBox *m_organisation = nullptr;
    QComboBox *m_coordinator = nullptr;
};

} // namespace cc

#pragma once

#include "core/Caller.h"
#include "core/Records.h"

#include <QDate>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QPushButton;

namespace cc {

struct ConsoleServices;

// The filters of the notification records page, as the API offers them: peer mentor, event type,
// coordinator and a range of sent dates (each end may be "any"). Each choice is kept in Settings
// and restored when the bar is made, so the page opens as it was left.
class RecordFilterBar : public QWidget
{
    Q_OBJECT
public:
    RecordFilterBar(ConsoleServices &services, const Caller &caller, QWidget *parent = nullptr);

    // The filter of the current choices. Dates are whole days in the local time zone.
    RecordFilter filter() const;
    // Reads the caller's peer mentors and coordinators again, keeping the choices that still exist.
    void reloadChoices();
    // Every filter back to "All" / any date.
    void clear();

signals:
    void filterChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Every choice applies at once.
    void connectFilters();
    void restore();
    void store();
    void onChanged();
    void updateDateEdits();
    // The item of `combo` whose data is `id`; 0 ("All") when there is none.
    static int indexOfId(const QComboBox *combo, const QString &id);

    ConsoleServices &m_services;
    Caller m_caller;
    QComboBox *m_mentor = nullptr;
    QComboBox *m_event = nullptr;
    QComboBox *m_coordinator = nullptr;
    QCheckBox *m_fromOn = nullptr;
    QDateEdit *m_from = nullptr;
    QCheckBox *m_toOn = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_clear = nullptr;
    QList<QPair<QString, QString>> m_mentorChoices; // id and text of each mentor in the combo
    bool m_restoring = false;
};

} // namespace cc

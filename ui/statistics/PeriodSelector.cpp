#include "ui/statistics/PeriodSelector.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/ErrorMessages.h"
#include "ui/common/Settings.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cc {

PeriodSelector::PeriodSelector(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_caller(caller)
{
    m_quickPeriod = new QComboBox(this);
    m_quickPeriod->setObjectName(QStringLiteral("statisticsQuickPeriod"));
    m_quickPeriod->addItem(tr("Chosen dates"), int(QuickPeriod::Custom));
    m_quickPeriod->addItem(tr("Last year"), int(QuickPeriod::LastYear));
    m_quickPeriod->addItem(tr("This year"), int(QuickPeriod::ThisYear));
    m_quickPeriod->addItem(tr("Last 12 months"), int(QuickPeriod::Last12Months));
    m_quickPeriod->setAccessibleName(tr("Period"));
    auto *quickLabel = new QLabel(tr("&Period:"), this);
    quickLabel->setBuddy(m_quickPeriod);

    auto dateEdit = [this](const QString &objectName, const QString &name) {
        auto *edit = new QDateEdit(this);
        edit->setObjectName(objectName);
        edit->setCalendarPopup(true);
        edit->setDateRange(QDate(2000, 1, 1), today().addYears(5));
        edit->setAccessibleName(name);
        return edit;
    };
    m_from = dateEdit(QStringLiteral("statisticsFrom"), tr("First day of the period"));
    m_to = dateEdit(QStringLiteral("statisticsTo"), tr("Last day of the period"));
    auto *fromLabel = new QLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_to);

    m_organisation = new QComboBox(this);
    m_organisation->setObjectName(QStringLiteral("statisticsOrganisation"));
    m_organisation->setAccessibleName(tr("Organisation"));
    m_organisation->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_organisationLabel = new QLabel(tr("&Organisation:"), this);
    m_organisationLabel->setBuddy(m_organisation);
    m_coordinator = new QComboBox(this);
    m_coordinator->setObjectName(QStringLiteral("statisticsCoordinator"));
    m_coordinator->setAccessibleName(tr("Coordinator"));
    m_coordinator->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *coordinatorLabel = new QLabel(tr("&Coordinator:"), this);
    coordinatorLabel->setBuddy(m_coordinator);
    if (!m_caller.isGlobalAdmin()) {
        m_organisation->hide();
        m_organisationLabel->hide();
    }

    auto *periodRow = new QHBoxLayout;
    periodRow->addWidget(quickLabel);
    periodRow->addWidget(m_quickPeriod);
    periodRow->addSpacing(12);
    periodRow->addWidget(fromLabel);
    periodRow->addWidget(m_from);
    periodRow->addWidget(toLabel);
    periodRow->addWidget(m_to);
    periodRow->addStretch(1);
    auto *scopeRow = new QHBoxLayout;
    scopeRow->addWidget(m_organisationLabel);
    scopeRow->addWidget(m_organisation);
    scopeRow->addWidget(coordinatorLabel);
    scopeRow->addWidget(m_coordinator);
    scopeRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(periodRow);
    layout->addLayout(scopeRow);

    setTabOrder(m_quickPeriod, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_organisation);
    setTabOrder(m_organisation, m_coordinator);

    connect(m_quickPeriod, &QComboBox::activated, this, &PeriodSelector::quickPeriodChosen);
    connect(m_from, &QDateEdit::dateChanged, this, &PeriodSelector::periodEdited);
    connect(m_to, &QDateEdit::dateChanged, this, &PeriodSelector::periodEdited);
    connect(m_organisation, &QComboBox::activated, this, &PeriodSelector::organisationChosen);
    connect(m_coordinator, &QComboBox::activated, this, &PeriodSelector::coordinatorChosen);
}

void PeriodSelector::load()
{
    loadOrganisations();
    loadCoordinators();
    restorePeriod();
}

QDate PeriodSelector::today() const
{
    return m_services.clock.now().toLocalTime().date();
}

QDate PeriodSelector::from() const
{
    return m_from->date();
}

QDate PeriodSelector::to() const
{
    return m_to->date();
}

QString PeriodSelector::orgId() const
{
    return m_caller.isGlobalAdmin() ? m_organisation->currentData().toString() : m_caller.orgId;
}

QString PeriodSelector::organisationName() const
{
    return m_organisation->currentText();
}

QString PeriodSelector::coordinatorId() const
{
    return m_coordinator->currentData().toString();
}

QString PeriodSelector::coordinatorName() const
{
    return m_coordinator->currentText();
}

QWidget *PeriodSelector::firstInTabOrder() const
{
    return m_quickPeriod;
}

QWidget *PeriodSelector::lastInTabOrder() const
{
    return m_coordinator;
}

std::pair<QDate, QDate> PeriodSelector::periodOf(QuickPeriod choice, const QDate &today)
{
    switch (choice) {
    case QuickPeriod::LastYear:
    case QuickPeriod::Custom:
        return {QDate(today.year() - 1, 1, 1), QDate(today.year() - 1, 12, 31)};
    case QuickPeriod::ThisYear:
        return {QDate(today.year(), 1, 1), today};
    case QuickPeriod::Last12Months:
        return {today.addYears(-1).addDays(1), today};
    }
    return {today, today};
}

void PeriodSelector::restorePeriod()
{
    Settings &settings = m_services.settings;
    // What a coordinator wants to see first is the last twelve months; the funding applications'
    // calendar year is one choice away ("Last year").
    const auto [defaultFrom, defaultTo] = periodOf(QuickPeriod::Last12Months, today());
    QDate from = QDate::fromString(settings.string(Settings::Key::StatisticsFrom), Qt::ISODate);
    QDate to = QDate::fromString(settings.string(Settings::Key::StatisticsTo), Qt::ISODate);
    if (!from.isValid() || !to.isValid() || from > to) {
        from = defaultFrom;
        to = defaultTo;
    }
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    periodEdited();
}

void PeriodSelector::loadOrganisations()
{
    if (!m_caller.isGlobalAdmin())
        return;
    const QString wanted = m_organisation->count() > 0
        ? m_organisation->currentData().toString()
        : m_services.settings.string(Settings::Key::StatisticsOrganisation);
    const QSignalBlocker block(m_organisation);
    m_organisation->clear();
    auto organisations = m_services.directory.organisations(m_caller);
    if (!organisations) {
        emit problem(ErrorMessages::text(organisations.error()));
        return;
    }
    for (const Organisation &org : std::as_const(*organisations))
        m_organisation->addItem(org.name, org.id);
    const int index = m_organisation->findData(wanted);
    m_organisation->setCurrentIndex(index >= 0 ? index : 0);
}

void PeriodSelector::loadCoordinators()
{
    const QString wanted = m_coordinator->count() > 0
        ? m_coordinator->currentData().toString()
        : m_services.settings.string(Settings::Key::StatisticsCoordinator);
    const QSignalBlocker block(m_coordinator);
    m_coordinator->clear();
    m_coordinator->addItem(tr("Whole organisation"), QString());
    const QString orgId =
        m_caller.isGlobalAdmin() ? m_organisation->currentData().toString() : m_caller.orgId;
    if (m_caller.isGlobalAdmin() && orgId.isEmpty())
        return; // no organisation yet
    auto coordinators = m_services.directory.coordinators(m_caller, orgId);
    if (!coordinators) {
        emit problem(ErrorMessages::text(coordinators.error()));
        return;
    }
    for (const Coordinator &c : std::as_const(*coordinators))
        m_coordinator->addItem(c.name, c.id);
    const int index = m_coordinator->findData(wanted);
    m_coordinator->setCurrentIndex(index >= 0 ? index : 0);
}

void PeriodSelector::periodEdited()
{
    // Name the quick choice these dates are, if any.
    int match = m_quickPeriod->findData(int(QuickPeriod::Custom));
    for (QuickPeriod choice : {QuickPeriod::LastYear, QuickPeriod::ThisYear, QuickPeriod::Last12Months}) {
        const auto [from, to] = periodOf(choice, today());
        if (m_from->date() == from && m_to->date() == to)
            match = m_quickPeriod->findData(int(choice));
    }
    m_quickPeriod->setCurrentIndex(match);
    if (m_from->date() > m_to->date()) {
        emit problem(tr("The first day of the period is after the last day. Choose a first day on or before "
                        "the last day."));
        return;
    }
    m_services.settings.setValue(Settings::Key::StatisticsFrom, m_from->date().toString(Qt::ISODate));
    m_services.settings.setValue(Settings::Key::StatisticsTo, m_to->date().toString(Qt::ISODate));
    emit changed();
}

void PeriodSelector::quickPeriodChosen(int index)
{
    const auto choice = QuickPeriod(m_quickPeriod->itemData(index).toInt());
    if (choice == QuickPeriod::Custom) {
        m_from->setFocus(Qt::OtherFocusReason);
        return;
    }
    const auto [from, to] = periodOf(choice, today());
    {
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        m_from->setDate(from);
        m_to->setDate(to);
    }
    periodEdited();
}

void PeriodSelector::organisationChosen()
{
    m_services.settings.setValue(Settings::Key::StatisticsOrganisation,
                                 m_organisation->currentData().toString());
    {
        // Another organisation's coordinators: start from the whole organisation.
        const QSignalBlocker block(m_coordinator);
        m_coordinator->clear();
    }
    m_services.settings.setValue(Settings::Key::StatisticsCoordinator, QString());
    loadCoordinators();
    emit changed();
}

void PeriodSelector::coordinatorChosen()
{
    m_services.settings.setValue(Settings::Key::StatisticsCoordinator,
                                 m_coordinator->currentData().toString());
    emit changed();
}

} // namespace cc

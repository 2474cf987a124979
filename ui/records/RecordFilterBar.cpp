#include "ui/records/RecordFilterBar.h"

#include "ui/common/ConsoleServices.h"
#include "ui/common/DisplayText.h"
#include "ui/common/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QTimer>

namespace cc {

namespace {

QComboBox *makeCombo(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessibleName);
    // Long names do not widen the bar past the window; the list shows them whole.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(16);
    combo->setMaxVisibleItems(20);
    return combo;
}

QDateEdit *makeDateEdit(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    return edit;
}

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

} // namespace

RecordFilterBar::RecordFilterBar(ConsoleServices &services, const Caller &caller, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_caller(caller)
{
    setObjectName(QStringLiteral("recordFilterBar"));

    m_mentor = makeCombo(this, QStringLiteral("mentorFilter"), tr("Peer mentor filter"));
    m_event = makeCombo(this, QStringLiteral("eventFilter"), tr("Event type filter"));
    m_event->addItem(tr("All events"), QString());
    for (EventType type : {EventType::PauseActivated, EventType::PauseDeactivated})
        m_event->addItem(DisplayText::event(type), eventTypeName(type));
    m_coordinator = makeCombo(this, QStringLiteral("coordinatorFilter"), tr("Coordinator filter"));

    auto *mentorLabel = new QLabel(tr("&Peer mentor:"), this);
    mentorLabel->setBuddy(m_mentor);
    auto *eventLabel = new QLabel(tr("E&vent:"), this);
    eventLabel->setBuddy(m_event);
    auto *coordinatorLabel = new QLabel(tr("C&oordinator:"), this);
    coordinatorLabel->setBuddy(m_coordinator);

    // A date range end is "any" until its box is ticked.
    m_fromOn = new QCheckBox(tr("Sent &from:"), this);
    m_fromOn->setObjectName(QStringLiteral("fromFilterEnabled"));
    m_fromOn->setAccessibleName(tr("Only records sent from a date"));
    m_from = makeDateEdit(this, QStringLiteral("fromFilter"), tr("Sent from date"));
    m_toOn = new QCheckBox(tr("Sent &to:"), this);
    m_toOn->setObjectName(QStringLiteral("toFilterEnabled"));
    m_toOn->setAccessibleName(tr("Only records sent up to a date"));
    m_to = makeDateEdit(this, QStringLiteral("toFilter"), tr("Sent to date"));
    const QDate today = m_services.clock.now().toLocalTime().date();
    m_from->setDate(today.addMonths(-1));
    m_to->setDate(today);
    // Tab leaves a date edit instead of walking its day, month and year (typing a part moves on).
    m_from->installEventFilter(this);
    m_to->installEventFilter(this);

    m_clear = new QPushButton(tr("C&lear filters"), this);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setAccessibleName(tr("Clear filters"));
    m_clear->setToolTip(tr("Show every record again: all peer mentors, events and coordinators, any date."));

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(mentorLabel, 0, 0);
    grid->addWidget(m_mentor, 0, 1);
    grid->addWidget(eventLabel, 0, 2);
    grid->addWidget(m_event, 0, 3);
    grid->addWidget(coordinatorLabel, 0, 4);
    grid->addWidget(m_coordinator, 0, 5);
    grid->addWidget(m_fromOn, 1, 0);
    grid->addWidget(m_from, 1, 1);
    grid->addWidget(m_toOn, 1, 2);
    grid->addWidget(m_to, 1, 3);
    auto *clearRow = new QHBoxLayout;
    clearRow->addStretch(1);
    clearRow->addWidget(m_clear);
    grid->addLayout(clearRow, 1, 4, 1, 2);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 2);

    reloadChoices();
    restore();

    // New or renamed mentors and coordinators show up in the choices (once for a whole import).
    auto *reload = new QTimer(this);
    reload->setSingleShot(true);
    reload->setInterval(0);
    connect(reload, &QTimer::timeout, this, &RecordFilterBar::reloadChoices);
    connect(&m_services.directory, &DirectoryService::directoryChanged, reload, qOverload<>(&QTimer::start));

    connectFilters();
}

void RecordFilterBar::connectFilters()
{
    for (QComboBox *combo : {m_mentor, m_event, m_coordinator})
        connect(combo, &QComboBox::currentIndexChanged, this, &RecordFilterBar::onChanged);
    for (QCheckBox *box : {m_fromOn, m_toOn})
        connect(box, &QCheckBox::toggled, this, &RecordFilterBar::onChanged);
    // The range never runs backwards: moving one end past the other moves the other along.
    connect(m_from, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (m_toOn->isChecked() && m_to->date() < date) {
            const QSignalBlocker block(m_to);
            m_to->setDate(date);
        }
        onChanged();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (m_fromOn->isChecked() && m_from->date() > date) {
            const QSignalBlocker block(m_from);
            m_from->setDate(date);
        }
        onChanged();
    });
    connect(m_clear, &QPushButton::clicked, this, &RecordFilterBar::clear);
}

bool RecordFilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_from || watched == m_to) && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier)))
            return focusNextChild();
        if (key->key() == Qt::Key_Backtab)
            return focusPreviousChild();
    }
    return QWidget::eventFilter(watched, event);
}

int RecordFilterBar::indexOfId(const QComboBox *combo, const QString &id)
{
    if (id.isEmpty())
        return 0;
    const int found = combo->findData(id);
    return found < 0 ? 0 : found;
}

void RecordFilterBar::reloadChoices()
{
    const QSignalBlocker blockMentor(m_mentor);
    const QSignalBlocker blockCoordinator(m_coordinator);
    const QString mentorId = m_mentor->currentData().toString();
    const QString coordinatorId = m_coordinator->currentData().toString();

    // An organisation may have thousands of mentors: the combo is only rebuilt when they changed.
    QList<QPair<QString, QString>> mentorChoices;
    if (auto mentors = m_services.directory.peerMentors(m_caller, MentorQuery{{}, {}, Activity::Any})) {
        // Names that occur twice get their id, so the two can be told apart.
        QSet<QString> seen;
        QSet<QString> twice;
        for (const PeerMentor &m : std::as_const(*mentors)) {
            if (seen.contains(m.name))
                twice.insert(m.name);
            seen.insert(m.name);
        }
        mentorChoices.reserve(mentors->size());
        for (const PeerMentor &m : std::as_const(*mentors))
            mentorChoices.append({m.id, twice.contains(m.name) ? tr("%1 (%2)").arg(m.name, m.id) : m.name});
    }
    if (mentorChoices != m_mentorChoices || m_mentor->count() == 0) {
        m_mentorChoices = mentorChoices;
        m_mentor->clear();
        m_mentor->addItem(tr("All peer mentors"), QString());
        for (const auto &[id, text] : std::as_const(m_mentorChoices))
            m_mentor->addItem(text, id);
    }
    m_coordinator->clear();
    m_coordinator->addItem(tr("All coordinators"), QString());
    if (auto coordinators = m_services.directory.coordinators(m_caller)) {
        for (const Coordinator &c : std::as_const(*coordinators))
            m_coordinator->addItem(c.name, c.id);
    }
    m_mentor->setCurrentIndex(indexOfId(m_mentor, mentorId));
    m_coordinator->setCurrentIndex(indexOfId(m_coordinator, coordinatorId));
}

void RecordFilterBar::restore()
{
    m_restoring = true;
    const Settings &settings = m_services.settings;
    m_mentor->setCurrentIndex(indexOfId(m_mentor, settings.string(Settings::Key::RecordsMentorFilter)));
    m_event->setCurrentIndex(indexOfId(m_event, settings.string(Settings::Key::RecordsEventFilter)));
    m_coordinator->setCurrentIndex(
        indexOfId(m_coordinator, settings.string(Settings::Key::RecordsCoordinatorFilter)));
    const QDate from = QDate::fromString(settings.string(Settings::Key::RecordsFromFilter), Qt::ISODate);
    const QDate to = QDate::fromString(settings.string(Settings::Key::RecordsToFilter), Qt::ISODate);
    m_fromOn->setChecked(from.isValid());
    if (from.isValid())
        m_from->setDate(from);
    m_toOn->setChecked(to.isValid());
    if (to.isValid())
        m_to->setDate(std::max(to, from.isValid() ? from : to));
    m_restoring = false;
    updateDateEdits();
}

void RecordFilterBar::store()
{
    Settings &settings = m_services.settings;
    settings.setValue(Settings::Key::RecordsMentorFilter, m_mentor->currentData().toString());
    settings.setValue(Settings::Key::RecordsEventFilter, m_event->currentData().toString());
    settings.setValue(Settings::Key::RecordsCoordinatorFilter, m_coordinator->currentData().toString());
    settings.setValue(Settings::Key::RecordsFromFilter,
                      m_fromOn->isChecked() ? isoDate(m_from->date()) : QString());
    settings.setValue(Settings::Key::RecordsToFilter,
                      m_toOn->isChecked() ? isoDate(m_to->date()) : QString());
}

void RecordFilterBar::updateDateEdits()
{
    m_from->setEnabled(m_fromOn->isChecked());
    m_to->setEnabled(m_toOn->isChecked());
}

void RecordFilterBar::onChanged()
{
    if (m_restoring)
        return;
    if (m_fromOn->isChecked() && m_toOn->isChecked() && m_from->date() > m_to->date()) {
        const QSignalBlocker block(m_to);
        m_to->setDate(m_from->date());
    }
    updateDateEdits();
    store();
    emit filterChanged();
}

void RecordFilterBar::clear()
{
    {
        m_restoring = true;
        m_mentor->setCurrentIndex(0);
        m_event->setCurrentIndex(0);
        m_coordinator->setCurrentIndex(0);
        m_fromOn->setChecked(false);
        m_toOn->setChecked(false);
        m_restoring = false;
    }
    onChanged();
}

RecordFilter RecordFilterBar::filter() const
{
    RecordFilter f;
    f.peerMentorId = m_mentor->currentData().toString();
    f.coordinatorId = m_coordinator->currentData().toString();
    f.eventType = eventTypeFromName(m_event->currentData().toString());
    // Whole local days: from the first moment of the first day to the last of the last.
    if (m_fromOn->isChecked())
        f.from = QDateTime(m_from->date(), QTime(0, 0)).toUTC();
    if (m_toOn->isChecked())
        f.to = QDateTime(m_to->date().addDays(1), QTime(0, 0)).addMSecs(-1).toUTC();
    return f;
}

} // namespace cc

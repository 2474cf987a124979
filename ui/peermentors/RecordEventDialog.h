#pragma once

#include "core/Caller.h"
#include "core/Result.h"
#include "core/Templates.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QDialogButtonBox;
class QDateEdit;
class QFormLayout;
class QLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace cc {

struct ConsoleServices;

// Records a pause or a resume on a peer mentor's behalf, as the mobile app does through the API:
// the effective date, the reason (pauses only), the channels and notes; the coordinator's and the
// peer mentor's messages rendered from the organisation's templates as they are typed; and on
// Record the two payloads built and the notification recorded, in one core call
// (PauseEventService::recordEvent). A refusal is shown in the dialog, which stays open with
// everything that was typed.
class RecordEventDialog : public QDialog
{
    Q_OBJECT
public:
    RecordEventDialog(ConsoleServices &services, const Caller &caller, const PeerMentorProfile &profile,
                      EventType event, QWidget *parent = nullptr);

    EventType event() const { return m_event; }
    // After a successful Record: what was stored and built.
    const NotificationRecord &recorded() const { return m_recorded; }
    const QList<BuiltPayload> &payloads() const { return m_payloads; }

public slots:
    // Builds, records and closes; on a refusal shows why and stays open.
    void accept() override;
    // Renders both messages again with what is entered now (also called, delayed, on each change).
    void updatePreview();

private:
    struct Preview
    {
        QLabel *title = nullptr;
        QLabel *body = nullptr;
    };

    QFormLayout *buildForm();
    QDialogButtonBox *buildButtons();
    void followTyping();
    QLayout *buildPreviews(const QString &name);
    QWidget *buildPreview(const QString &heading, const QString &objectPrefix, Preview &preview);
    void renderInto(const QString &payloadType, const Preview &preview);
    QDateTime effectiveDate() const;
    QStringList channels() const;
    QString reason() const;
    void showError(const QString &what, const Error &error);
    void clearError();

    ConsoleServices &m_services;
    Caller m_caller;
    PeerMentorProfile m_profile;
    EventType m_event;

    QDateEdit *m_date = nullptr;
    QLineEdit *m_reason = nullptr;
    QHash<QString, QCheckBox *> m_channels;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_notesCount = nullptr;
    QLabel *m_language = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_record = nullptr;
    Preview m_coordinatorPreview;
    Preview m_mentorPreview;
    QTimer *m_previewTimer = nullptr;

    NotificationRecord m_recorded;
    QList<BuiltPayload> m_payloads;
};

} // namespace cc

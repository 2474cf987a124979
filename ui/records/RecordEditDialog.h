#pragma once

#include "core/Caller.h"
#include "core/NotificationRecordService.h"
#include "core/Records.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cc {

// Edits the channels and notes of one notification record (what an org admin or a global admin
// may change). Saves with the record's ETag as it was read, so a change made meanwhile by someone
// else — another console, the API — is not overwritten: the dialog says so and offers to load the
// current version.
class RecordEditDialog : public QDialog
{
    Q_OBJECT
public:
    RecordEditDialog(NotificationRecordService &records, const Caller &caller,
                     const NotificationRecord &record, QWidget *parent = nullptr);

    // The record as last read or saved.
    const NotificationRecord &record() const { return m_record; }
    // The message shown in the dialog (a refused save); empty when none.
    QString message() const;

public slots:
    // Saves; closes only when saved (or when nothing changed).
    void accept() override;
    // Reads the record again and shows its current channels and notes.
    void loadCurrentVersion();

private:
    // A check box per channel, in the order of allChannels().
    QWidget *buildChannelsBox();
    void showRecord(const NotificationRecord &record);
    QStringList checkedChannels() const;
    void setMessage(const QString &text);
    void updateNotesCount();

    NotificationRecordService &m_records;
    Caller m_caller;
    NotificationRecord m_record;
    QString m_etag;

    QLabel *m_summary = nullptr;
    QHash<QString, QCheckBox *> m_channels;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_notesCount = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace cc

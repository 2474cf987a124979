#pragma once

#include <QObject>
#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>

namespace cc {

// The console's settings in one table: each key has its name in QSettings, a default and a type,
// and every change is announced with changed(key). Pages keep their filters here, so a restart
// opens them as they were left.
class Settings : public QObject
{
    Q_OBJECT
public:
    enum class Key
    {
        Language,                 // "" (the system's), "en" or "nb"
        WindowGeometry,           // QByteArray of QWidget::saveGeometry()
        WindowState,              // QByteArray of QMainWindow::saveState()
        LastPage,                 // the page's object name
        LastUsername,             // prefilled at sign-in
        TrayNotifications,        // bool: a tray message when a pause arrives through the API
        ServerAutoStart,          // bool: start the embedded API server with the console
        ServerPort,               // int
        ServerTls,                // bool
        ServerCertificateFile,    // PEM
        ServerKeyFile,            // PEM
        PeerMentorsSearch,        // text of the search field
        RecordsEventFilter,       // "" or an event type name
        RecordsCoordinatorFilter, // "" or a coordinator id
        RecordsMentorFilter,      // "" or a peer mentor id
        RecordsFromFilter,        // ISO date or ""
        RecordsToFilter,          // ISO date or ""
        StatisticsFrom,           // ISO date or "" (a year back)
        StatisticsTo,             // ISO date or "" (today)
        StatisticsCoordinator,    // "" (the whole organisation) or a coordinator id
        StatisticsOrganisation,   // a global admin's organisation on the statistics page ("" the first)
        LastExportFolder,         // where the last CSV/PDF was saved
        DatabaseUrl,              // "" this computer's SQLite file, else a PostgreSQL URL (no password)
    };
    Q_ENUM(Key)

    // Settings in the user's QSettings (organisation and application name of the program).
    explicit Settings(QObject *parent = nullptr);
    // Settings in an INI file of its own (the tests).
    explicit Settings(const QString &iniFile, QObject *parent = nullptr);
    ~Settings() override;

    static QString name(Key key);
    static QVariant defaultValue(Key key);

    QVariant value(Key key) const;
    // Whether the key was ever set (a default is not).
    bool contains(Key key) const;
    // Stores the value and emits changed() when it differs from what was there.
    void setValue(Key key, const QVariant &value);
    void reset(Key key); // back to the default
    void sync();

    QString string(Key key) const { return value(key).toString(); }
    bool boolean(Key key) const { return value(key).toBool(); }
    int integer(Key key) const { return value(key).toInt(); }
    QByteArray bytes(Key key) const { return value(key).toByteArray(); }

signals:
    void changed(cc::Settings::Key key);

private:
    std::unique_ptr<QSettings> m_store;
};

} // namespace cc

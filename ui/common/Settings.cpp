#include "ui/common/Settings.h"

#include "core/Defaults.h"

namespace cc {

namespace {

struct Entry
{
    Settings::Key key;
    const char *name;
    QVariant defaultValue;
};

// The one table: key, name in the settings file, default.
const QList<Entry> &entries()
{
    using K = Settings::Key;
    static const QList<Entry> table = {
        {K::Language, "ui/language", QString()},
        {K::WindowGeometry, "ui/geometry", QByteArray()},
        {K::WindowState, "ui/windowState", QByteArray()},
        {K::LastPage, "ui/lastPage", QString()},
        {K::LastUsername, "ui/lastUsername", QString()},
        {K::TrayNotifications, "ui/trayNotifications", true},
        {K::ServerAutoStart, "server/autoStart", true},
        {K::ServerPort, "server/port", int(kDefaultPort)},
        {K::ServerTls, "server/tls", true},
        {K::ServerCertificateFile, "server/certificateFile", QString()},
        {K::ServerKeyFile, "server/keyFile", QString()},
        {K::PeerMentorsSearch, "peerMentors/search", QString()},
        {K::RecordsEventFilter, "records/event", QString()},
        {K::RecordsCoordinatorFilter, "records/coordinator", QString()},
        {K::RecordsMentorFilter, "records/peerMentor", QString()},
        {K::RecordsFromFilter, "records/from", QString()},
        {K::RecordsToFilter, "records/to", QString()},
        {K::StatisticsFrom, "statistics/from", QString()},
        {K::StatisticsTo, "statistics/to", QString()},
        {K::StatisticsCoordinator, "statistics/coordinator", QString()},
        {K::StatisticsOrganisation, "statistics/organisation", QString()},
        {K::LastExportFolder, "ui/lastExportFolder", QString()},
        {K::DatabaseUrl, "database/url", QString()},
    };
    return table;
}

const Entry &entry(Settings::Key key)
{
    for (const Entry &e : entries()) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
}

} // namespace

Settings::Settings(QObject *parent)
    : QObject(parent)
    , m_store(std::make_unique<QSettings>())
{}

Settings::Settings(const QString &iniFile, QObject *parent)
    : QObject(parent)
    , m_store(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

Settings::~Settings() = default;

QString Settings::name(Key key)
{
    return QString::fromLatin1(entry(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

bool Settings::contains(Key key) const
{
    return m_store->contains(QString::fromLatin1(entry(key).name));
}

QVariant Settings::value(Key key) const
{
    const Entry &e = entry(key);
    QVariant stored = m_store->value(QString::fromLatin1(e.name), e.defaultValue);
    // INI files give strings back: convert to the type of the default.
    if (e.defaultValue.isValid() && stored.metaType() != e.defaultValue.metaType()
        && stored.canConvert(e.defaultValue.metaType()))
        stored.convert(e.defaultValue.metaType());
    return stored;
}

void Settings::setValue(Key key, const QVariant &value)
{
    if (this->value(key) == value)
        return;
    m_store->setValue(name(key), value);
    emit changed(key);
}

void Settings::reset(Key key)
{
    if (!m_store->contains(name(key)))
        return;
    m_store->remove(name(key));
    emit changed(key);
}

void Settings::sync()
{
    m_store->sync();
}

} // namespace cc

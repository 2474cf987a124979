#pragma once

#include "core/AuthService.h"
#include "core/ChangeFeed.h"
#include "core/ChangeRelay.h"
#include "core/Clock.h"
#include "core/Database.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/PayloadService.h"
#include "core/TemplateService.h"
#include "server/OwnCertificate.h"

#include <memory>

namespace cc::app {

// The program's parts, built once and passed by reference to whatever needs them (the admin
// command line, `serve`, the console): one database, one clock, one instance of each service.
class AppContext
{
public:
    static cc::Result<std::unique_ptr<AppContext>> open(const QString &databaseUrl);
    // The default database: CC_DATABASE, else an SQLite file in the data folder.
    static QString defaultDatabaseUrl();
    // Where the program keeps its own files: $STATE_DIRECTORY when systemd gives one (the service's
    // StateDirectory=), else the application-data folder (~/.local/share/CoordinatorConsole/…).
    static QString dataFolder();
    // The API server's own certificate and key in the data folder, made on the first start.
    static cc::Result<cc::api::OwnCertificate> ownCertificate();
    // A warning for a person when `urlText`, given as --database, carries a PostgreSQL password:
    // every user of the machine sees a command line (ps). Empty when there is nothing to say.
    static QString passwordWarning(const QString &urlText);
    // The help text of every --database option: the forms of a URL and the default, shown without
    // a password.
    static QString databaseOptionHelp();

    cc::Database &database() { return *m_database; }
    const cc::Clock &clock() const { return m_clock; }
    cc::DirectoryService &directory() { return *m_directory; }
    cc::AuthService &auth() { return *m_auth; }
    cc::NotificationRecordService &records() { return *m_records; }
    cc::TemplateService &templates() { return *m_templates; }
    cc::PayloadService &payloads() { return *m_payloads; }

    // Follows what other programs on the same database change (the change feed), so the services
    // signal it as if it was made here: for the console. On the calling thread. A failure is only
    // logged: the console then shows other programs' changes on F5.
    void followChanges();

private:
    AppContext() = default;
    cc::SystemClock m_clock;
    std::unique_ptr<cc::Database> m_database;
    std::unique_ptr<cc::DirectoryService> m_directory;
    std::unique_ptr<cc::AuthService> m_auth;
    std::unique_ptr<cc::NotificationRecordService> m_records;
    std::unique_ptr<cc::TemplateService> m_templates;
    std::unique_ptr<cc::PayloadService> m_payloads;
    std::unique_ptr<cc::ChangeFeed> m_feed; // before the services and the database go
    std::unique_ptr<cc::ChangeRelay> m_relay;
};

} // namespace cc::app

#pragma once

#include "core/AuthService.h"
#include "core/Clock.h"
#include "core/DirectoryService.h"
#include "core/NotificationRecordService.h"
#include "core/PayloadService.h"
#include "core/TemplateService.h"
#include "tests/support/TestDatabase.h"
#include "tests/support/TestMain.h"
#include "tests/ui/UiTestData.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/ServerControl.h"
#include "ui/common/Settings.h"
#include "ui/common/Translator.h"

#include <QApplication>
#include <QTemporaryDir>

#include <memory>

namespace cc::test::ui {

// The rows of a CSV file as the console exports it (ReportWriter: BOM, CRLF, quoted fields), read
// with core's CSV parser, the one the import uses; empty when it does not parse.
QList<QStringList> csvRows(const QByteArray &bytes);
QList<QStringList> csvRowsOfFile(const QString &path);

// A ServerControl that only keeps state: the page tests start and stop it and read it back.
class FakeServerControl : public ServerControl
{
    Q_OBJECT
public:
    using ServerControl::ServerControl;
    Status start(const Options &options) override;
    void stop() override;
    State state() const override { return m_state; }
    // Emits requestLogged(line), as the real server does after each request.
    void logRequest(const QString &line) { emit requestLogged(line); }
    QList<Options> starts; // every start() asked for
    QString failWith;      // start() fails with this message when set
private:
    State m_state;
};

// Everything a page or dialog needs, over a fresh test database (SQLite or PostgreSQL) with the
// directory of UiTestData (organisations A and B, their coordinators and mentors), a manual clock
// at testNow(), settings in a temporary INI file, and a fake server. One per test function:
// construct it in init() and drop it in cleanup().
class ConsoleFixture
{
public:
    ConsoleFixture();
    ~ConsoleFixture();

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }

    Database &db() { return m_database->db(); }
    ManualClock clock{testNow()};
    std::unique_ptr<DirectoryService> directory;
    std::unique_ptr<AuthService> auth;
    std::unique_ptr<NotificationRecordService> records;
    std::unique_ptr<TemplateService> templates;
    std::unique_ptr<PayloadService> payloads;
    std::unique_ptr<Settings> settings;
    FakeServerControl server;
    ConsoleServices &services() { return *m_services; }

    // Empties every table: the database of a first start.
    void emptyDatabase() { m_database->reset(); }
    // Adds a user with this password (hashing at the tests' low cost) and answers its caller.
    Caller addUser(const QString &username, Role role, const QString &orgId,
                   const QString &coordinatorId = {},
                   const QString &password = QStringLiteral("correct horse battery"));

private:
    std::unique_ptr<TestDatabase> m_database;
    QTemporaryDir m_dir;
    std::unique_ptr<ConsoleServices> m_services;
    bool m_ok = false;
    QString m_error;
};

} // namespace cc::test::ui

// main() for widget tests: a QApplication (offscreen under ctest) in English, and exit 77 (skipped) when the
// run is for PostgreSQL and no server was given.
#define CC_UI_TEST_MAIN(TestObject)                                                                          \
    CC_TEST_MAIN_WITH(QApplication, TestObject,                                                              \
                      cc::Translator translator; /* English, with its plural forms */                        \
                      translator.apply(QStringLiteral("en"));)

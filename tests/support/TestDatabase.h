#pragma once

#include "core/Clock.h"
#include "core/Database.h"
#include "core/Passwords.h"
#include "tests/support/TestMain.h" // CC_DATABASE_TEST_MAIN, for every test of a database

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace cc::test {

// A fresh, migrated database for one test executable: an SQLite file in a temporary folder, or
// (CC_TEST_DATABASE=postgresql) a new database on the server of CC_TEST_POSTGRES_URL, dropped at
// the end. reset() empties every table between test functions.
class TestDatabase
{
public:
    // `schemaVersion` -1: the latest; else migrated only that far (to test upgrades).
    explicit TestDatabase(int schemaVersion = -1);
    ~TestDatabase();

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    Database &db() { return *m_db; }
    QString url() const { return m_url; }
    bool isPostgres() const;
    void reset();

    // "sqlite" or "postgresql": the backend this run of the test was registered for.
    static QString backend();
    // True when this run is for PostgreSQL but no server was given (the test should skip).
    static bool postgresMissing();

private:
    QTemporaryDir m_dir;
    QString m_url;
    QString m_adminUrl;
    QString m_pgName;
    std::unique_ptr<Database> m_db;
    bool m_ok = false;
    QString m_error;
};

// Fixed "now" for tests: 2026-03-19T14:30:05.000Z unless set otherwise.
QDateTime testNow();

} // namespace cc::test

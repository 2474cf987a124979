#pragma once

#include "core/Passwords.h"

#include <QCoreApplication>
#include <QtTest>

namespace cc::test {

// True when this run is for PostgreSQL (CC_TEST_DATABASE) but no server was given
// (CC_TEST_POSTGRES_URL); says so on stderr. A test's main() then returns 77: skipped.
bool skipWithoutPostgres();

} // namespace cc::test

// The main() of every test that needs a database. It makes an `Application` (QCoreApplication,
// or QApplication for widgets), exits with 77 (ctest: skipped) when this run is for PostgreSQL and
// CC_TEST_POSTGRES_URL is not set, makes password hashing cheap, runs the statements given after
// `TestObject` (say, a translator that lives as long as the test), then the test.
#define CC_TEST_MAIN_WITH(Application, TestObject, ...)                                                      \
    int main(int argc, char **argv)                                                                          \
    {                                                                                                        \
        Application app(argc, argv);                                                                         \
        if (cc::test::skipWithoutPostgres())                                                                 \
            return 77;                                                                                       \
        cc::usePasswordHashingCostForTests();                                                                \
        __VA_ARGS__                                                                                          \
        TestObject tc;                                                                                       \
        QTEST_SET_MAIN_SOURCE_PATH                                                                           \
        return QTest::qExec(&tc, argc, argv);                                                                \
    }

// A main() for tests that need a database but no widgets.
#define CC_DATABASE_TEST_MAIN(TestObject) CC_TEST_MAIN_WITH(QCoreApplication, TestObject)

// The console's choice of database (issue 9): this computer or a shared PostgreSQL server, with a
// connection test against the real throwaway cluster (CC_TEST_POSTGRES_URL) when there is one.
#include "core/Database.h"
#include "ui/shell/DatabaseDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QtTest>

using namespace cc;

class TestDatabaseDialog : public QObject
{
    Q_OBJECT
private slots:
    void thisComputerIsTheDefault();
    void sharedServerMakesAUrlWithoutThePassword();
    void sharedServerNeedsAConnectionThatWorks();
    void connectsToTheRealServer();
    void everyControlIsNamed();

private:
    template<typename T>
    static T *child(QWidget *w, const char *name)
    {
        auto *c = w->findChild<T *>(QLatin1String(name));
        if (!c)
            qFatal("no %s", name);
        return c;
    }
    static void fill(DatabaseDialog &d, const DatabaseUrl &url)
    {
        child<QRadioButton>(&d, "databaseShared")->setChecked(true);
        child<QLineEdit>(&d, "databaseHost")->setText(url.host);
        child<QSpinBox>(&d, "databasePort")->setValue(url.port);
        child<QLineEdit>(&d, "databaseName")->setText(url.database);
        child<QLineEdit>(&d, "databaseUser")->setText(url.user);
        child<QLineEdit>(&d, "databasePassword")->setText(url.password);
        auto *encryption = child<QComboBox>(&d, "databaseEncryption");
        encryption->setCurrentIndex(encryption->findData(QStringLiteral("disable")));
    }
};

void TestDatabaseDialog::thisComputerIsTheDefault()
{
    DatabaseDialog d(QStringLiteral("/home/kari/cc.db"), QString());
    QVERIFY(child<QRadioButton>(&d, "databaseLocal")->isChecked());
    QVERIFY(child<QRadioButton>(&d, "databaseLocal")->text().contains(QStringLiteral("/home/kari/cc.db")));
    QVERIFY(!child<QLineEdit>(&d, "databaseHost")->isEnabled());
    QCOMPARE(d.url(), QString());
    d.accept();
    QCOMPARE(d.result(), int(QDialog::Accepted));
}

void TestDatabaseDialog::sharedServerMakesAUrlWithoutThePassword()
{
    DatabaseDialog d(QStringLiteral("/tmp/x.db"), QString());
    child<QRadioButton>(&d, "databaseShared")->setChecked(true);
    QVERIFY(child<QLineEdit>(&d, "databaseHost")->isEnabled());
    child<QLineEdit>(&d, "databaseHost")->setText(QStringLiteral("db.example.org"));
    child<QLineEdit>(&d, "databaseName")->setText(QStringLiteral("cc"));
    child<QLineEdit>(&d, "databaseUser")->setText(QStringLiteral("coordinator"));
    child<QLineEdit>(&d, "databasePassword")->setText(QStringLiteral("secret"));
    QCOMPARE(d.url(), QStringLiteral("postgresql://coordinator@db.example.org:5432/cc?sslmode=require"));
    QCOMPARE(d.password(), QStringLiteral("secret"));
    QVERIFY(d.rememberPassword());
    // The URL in use comes back into the fields.
    DatabaseDialog again(QStringLiteral("/tmp/x.db"), d.url());
    QVERIFY(child<QRadioButton>(&again, "databaseShared")->isChecked());
    QCOMPARE(child<QLineEdit>(&again, "databaseHost")->text(), QStringLiteral("db.example.org"));
    QCOMPARE(again.url(), d.url());
}

void TestDatabaseDialog::sharedServerNeedsAConnectionThatWorks()
{
    DatabaseDialog d(QStringLiteral("/tmp/x.db"), QString());
    child<QRadioButton>(&d, "databaseShared")->setChecked(true);
    d.accept(); // nothing filled in
    QVERIFY(d.result() != QDialog::Accepted);
    QVERIFY2(child<QLabel>(&d, "databaseTestResult")->text().contains(QStringLiteral("server")),
             qPrintable(child<QLabel>(&d, "databaseTestResult")->text()));
    // A server that is not there: refused with libpq's reason, the dialog stays.
    child<QLineEdit>(&d, "databaseHost")->setText(QStringLiteral("127.0.0.1"));
    child<QSpinBox>(&d, "databasePort")->setValue(1);
    child<QLineEdit>(&d, "databaseName")->setText(QStringLiteral("cc"));
    child<QLineEdit>(&d, "databaseUser")->setText(QStringLiteral("cc"));
    d.accept();
    QVERIFY(d.result() != QDialog::Accepted);
    QVERIFY2(child<QLabel>(&d, "databaseTestResult")->text().startsWith(QStringLiteral("No connection")),
             qPrintable(child<QLabel>(&d, "databaseTestResult")->text()));
}

void TestDatabaseDialog::connectsToTheRealServer()
{
    const QString admin = qEnvironmentVariable("CC_TEST_POSTGRES_URL");
    if (admin.isEmpty())
        QSKIP("CC_TEST_POSTGRES_URL is not set (./test.sh sets it)");
    const auto url = DatabaseUrl::parse(admin);
    QVERIFY(url);
    DatabaseDialog d(QStringLiteral("/tmp/x.db"), QString());
    fill(d, *url);
    child<QPushButton>(&d, "databaseTest")->click();
    const QString said = child<QLabel>(&d, "databaseTestResult")->text();
    QVERIFY2(said.startsWith(QStringLiteral("Connected to PostgreSQL")), qPrintable(said));
    d.accept();
    QCOMPARE(d.result(), int(QDialog::Accepted));
    // A wrong password is refused by the server, and said so.
    DatabaseDialog wrong(QStringLiteral("/tmp/x.db"), QString());
    DatabaseUrl bad = *url;
    bad.password = QStringLiteral("not the password");
    fill(wrong, bad);
    if (url->password.isEmpty())
        QSKIP("the cluster takes no password: nothing to get wrong");
    wrong.accept();
    QVERIFY(wrong.result() != QDialog::Accepted);
    QVERIFY(child<QLabel>(&wrong, "databaseTestResult")->text().startsWith(QStringLiteral("No connection")));
}

void TestDatabaseDialog::everyControlIsNamed()
{
    DatabaseDialog d(QStringLiteral("/tmp/x.db"), QString());
    const auto widgets = d.findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!(w->focusPolicy() & Qt::TabFocus) || qobject_cast<QLabel *>(w))
            continue;
        if (w->objectName().startsWith(QLatin1String("qt_")) || w->parentWidget() == nullptr)
            continue;
        if (w->window() != &d)
            continue; // a combo box's popup list, a window of its own (Qt 6.8 makes it at once)
        if (qobject_cast<QLineEdit *>(w) && qobject_cast<QSpinBox *>(w->parentWidget()))
            continue; // the spin box's own editor
        QVERIFY2(!w->accessibleName().isEmpty() || qobject_cast<QPushButton *>(w),
                 qPrintable(QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ')
                            + w->objectName()));
    }
}

QTEST_MAIN(TestDatabaseDialog)
#include "tst_databasedialog.moc"

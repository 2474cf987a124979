// PgPass: the password file libpq reads, written by the console's database choice.
#include "core/PgPass.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace cc;

class TestPgPass : public QObject
{
    Q_OBJECT
private slots:
    void escapesColonsAndBackslashes();
    void writesAPrivateFileAndReplacesTheLine();
    void refusesLineBreaks();
};

void TestPgPass::escapesColonsAndBackslashes()
{
    QCOMPARE(PgPass::escaped(QStringLiteral("a:b\\c")), QStringLiteral("a\\:b\\\\c"));
}

void TestPgPass::writesAPrivateFileAndReplacesTheLine()
{
    ::umask(022);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("pgpass"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("other:5432:db:someone:keep\ndb.example.org:5432:cc:coordinator:old\n");
    }
    QVERIFY(PgPass::remember(QStringLiteral("db.example.org"), 5432, QStringLiteral("cc"),
                             QStringLiteral("coordinator"), QStringLiteral("new:pass"), file)
                .ok());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(),
             QByteArray("other:5432:db:someone:keep\ndb.example.org:5432:cc:coordinator:new\\:pass\n"));
    QCOMPARE(QFileInfo(file).permissions(),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                 | QFileDevice::WriteUser);
    QVERIFY(!QFile::exists(file + QStringLiteral(".partial")));
}

void TestPgPass::refusesLineBreaks()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("pgpass"));
    const auto s = PgPass::remember(QStringLiteral("h"), 5432, QStringLiteral("d"), QStringLiteral("u"),
                                    QStringLiteral("a\nb"), file);
    QVERIFY(!s.ok());
    QVERIFY(!QFile::exists(file));
}

QTEST_GUILESS_MAIN(TestPgPass)
#include "tst_pgpass.moc"

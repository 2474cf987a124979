#include "core/TimeText.h"
#include "ui/common/DisplayText.h"
#include "ui/common/RecordTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cc;

namespace {

// The smallest record table: three columns, rows set by the test.
class ThreeColumns : public RecordListModel
{
public:
    ThreeColumns()
        : RecordListModel(
            {RecordFields::Field::SentAt, RecordFields::Field::Event, RecordFields::Field::Channels}, nullptr)
    {}
    using RecordListModel::appendRecords;
    using RecordListModel::insertRecord;
    using RecordListModel::removeRecord;
    using RecordListModel::replaceRecord;
    using RecordTableModel::clearError;
    using RecordTableModel::fail;
};

NotificationRecord record(const QString &id, int minutes)
{
    NotificationRecord r;
    r.id = id;
    r.eventType = EventType::PauseActivated;
    r.sentAt = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC).addSecs(60 * minutes);
    r.channels = {QStringLiteral("push"), QStringLiteral("sms")};
    return r;
}

} // namespace

class TestRecordTableModel : public QObject
{
    Q_OBJECT

private slots:
    void columnsAndHeaders();
    void rolesOfACell();
    void insertReplaceRemove();
    void errorIsKeptAndCleared();
};

void TestRecordTableModel::columnsAndHeaders()
{
    ThreeColumns model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(),
             RecordFields::header(RecordFields::Field::SentAt));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(),
             RecordFields::header(RecordFields::Field::Channels));
    QVERIFY(!model.headerData(3, Qt::Horizontal).isValid());
}

void TestRecordTableModel::rolesOfACell()
{
    ThreeColumns model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const NotificationRecord r = record(QStringLiteral("r1"), 0);
    model.appendRecords({r});
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex sent = model.index(0, 0);
    QCOMPARE(sent.data(RecordTableModel::IdRole).toString(), QStringLiteral("r1"));
    QCOMPARE(sent.data(Qt::DisplayRole).toString(), DisplayText::dateTime(r.sentAt));
    QCOMPARE(sent.data(Qt::ToolTipRole).toString(), DisplayText::dateTime(r.sentAt));
    QCOMPARE(sent.data(RecordTableModel::SortRole).toDateTime(), r.sentAt);
    QCOMPARE(sent.data(RecordTableModel::RawRole).toString(), formatTimestamp(r.sentAt));
    const QModelIndex channels = model.index(0, 2);
    QCOMPARE(channels.data().toString(), DisplayText::channels(r.channels));
    QCOMPARE(channels.data(RecordTableModel::RawRole).toStringList(), r.channels);
}

void TestRecordTableModel::insertReplaceRemove()
{
    ThreeColumns model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendRecords({record(QStringLiteral("a"), 0), record(QStringLiteral("c"), 2)});
    model.appendRecords({});
    QCOMPARE(model.rowCount(), 2);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.insertRecord(1, record(QStringLiteral("b"), 1));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowOf(QStringLiteral("b")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("c")), 2);
    QCOMPARE(model.rowOf(QStringLiteral("missing")), -1);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    NotificationRecord b = record(QStringLiteral("b"), 1);
    b.channels = {QStringLiteral("email")};
    model.replaceRecord(1, b);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(1, 0));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(1, 2));
    QCOMPARE(model.recordAt(1).channels, QStringList{QStringLiteral("email")});

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.removeRecord(0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.recordAt(0).id, QStringLiteral("b"));
}

void TestRecordTableModel::errorIsKeptAndCleared()
{
    ThreeColumns model;
    QSignalSpy errors(&model, &RecordTableModel::errorOccurred);
    QVERIFY(!model.lastError());
    model.fail(Error::notFound(QStringLiteral("gone")));
    QCOMPARE(errors.count(), 1);
    QVERIFY(model.lastError());
    QCOMPARE(model.lastError()->code, ErrorCode::NotFound);
    model.clearError();
    QVERIFY(!model.lastError());
    QCOMPARE(errors.count(), 1);
}

QTEST_MAIN(TestRecordTableModel)
#include "tst_recordtablemodel.moc"

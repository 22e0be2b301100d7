// Database::statement(): per-thread cached statements on the SQLite C API. A lease leaves no read
// transaction open behind it (a later read sees later commits), threads never share a statement,
// and threads that end take their statements and connection with them.
#include "store/database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace Qt::StringLiterals;
using Latchkey::Core::Status;
using Latchkey::Store::Database;

namespace {

constexpr char SelectValue[] = "SELECT value FROM cells WHERE id = ?1";

Status setValue(Database &db, qint64 value)
{
    return db.write([&]() -> Status {
        Database::Statement update = db.statement("UPDATE cells SET value = ?1 WHERE id = 1");
        update.bind(1, value);
        (void)update.next();
        return update.error().isEmpty() ? Status() : Latchkey::Core::makeError(Latchkey::Core::ErrorCode::Internal, update.error());
    });
}

qint64 readValue(Database &db)
{
    Database::Statement select = db.statement(SelectValue);
    select.bind(1, qint64(1));
    return select.next() ? select.integer(0) : -1;
}

} // namespace

class TestDatabaseStatements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void leaseLeavesNoSnapshotBehind();
    void invalidSqlGivesInvalidLease();
    void textRoundTrips();
    void threadsUseTheirOwnStatements();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

void TestDatabaseStatements::init()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(u"db.sqlite"_s));
    auto opened = Database::open(m_dir.filePath(u"db.sqlite"_s));
    QVERIFY(opened);
    m_db = std::move(*opened);
    QVERIFY(m_db->write([&]() -> Status {
        QSqlQuery query(m_db->connection());
        if (!query.exec(u"CREATE TABLE IF NOT EXISTS cells (id INTEGER PRIMARY KEY, value INTEGER, label TEXT)"_s)
            || !query.exec(u"INSERT INTO cells VALUES (1, 10, 'ten')"_s))
            return Latchkey::Core::makeError(Latchkey::Core::ErrorCode::Internal, u"setup"_s);
        return {};
    }));
}

void TestDatabaseStatements::leaseLeavesNoSnapshotBehind()
{
    QCOMPARE(readValue(*m_db), 10);
    // Another thread commits; this thread's cached SELECT must not still hold the old snapshot.
    std::atomic<bool> written {false};
    QThread *writer = QThread::create([&] { written = bool(setValue(*m_db, 11)); });
    writer->start();
    QVERIFY(writer->wait(10'000));
    delete writer;
    QVERIFY(written.load());
    QCOMPARE(readValue(*m_db), 11);
}

void TestDatabaseStatements::invalidSqlGivesInvalidLease()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot prepare SELECT"_s));
    Database::Statement broken = m_db->statement("SELECT nothing FROM nowhere");
    QVERIFY(!broken.isValid());
    QVERIFY(!broken.next());
}

void TestDatabaseStatements::textRoundTrips()
{
    {
        Database::Statement select = m_db->statement("SELECT label, ?1, ?2 FROM cells WHERE id = 1");
        select.bind(1, u"gr\u00fc\u00dfe \U0001F511"_s);
        select.bind(2, QByteArrayView("latin"));
        QVERIFY(select.next());
        QCOMPARE(select.text(0), u"ten"_s);
        QCOMPARE(select.text(1), u"gr\u00fc\u00dfe \U0001F511"_s);
        QCOMPARE(select.text(2), u"latin"_s);
        QVERIFY(!select.isNull(0));
    }
    Database::Statement missing = m_db->statement(SelectValue);
    missing.bind(1, qint64(99));
    QVERIFY(!missing.next());
    QVERIFY(missing.error().isEmpty()); // no row is not an error
}

void TestDatabaseStatements::threadsUseTheirOwnStatements()
{
    constexpr int threads = 4;
    constexpr int rounds = 300;
    std::atomic<int> wrong {0};
    QList<QThread *> workers;
    for (int t = 0; t < threads; ++t) {
        workers.append(QThread::create([&, t] {
            for (int i = 0; i < rounds; ++i) {
                Database::Statement select = m_db->statement("SELECT ?1 + 0");
                select.bind(1, qint64(t * 100'000 + i));
                if (!select.next() || select.integer(0) != t * 100'000 + i)
                    ++wrong;
            }
        }));
        workers.constLast()->start();
    }
    for (QThread *worker : std::as_const(workers))
        QVERIFY(worker->wait(30'000));
    qDeleteAll(workers); // their connections and statements are closed as they finished
    QCOMPARE(wrong.load(), 0);
    QCOMPARE(readValue(*m_db), 10);
}

QTEST_GUILESS_MAIN(TestDatabaseStatements)
#include "tst_databasestatements.moc"

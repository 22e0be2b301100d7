// Every qsTr()/tr() string of the dashboard has a finished German and Spanish translation, and every
// plural string its English forms (latchkey_en.ts holds only those): lupdate runs over the same
// sources and include paths as the update_translations target (the lupdate project that
// dashboard/CMakeLists.txt writes) into copies of dashboard/i18n/*.ts, and the copies must come out
// with nothing unfinished or empty (a string missing from a file, or kept under another context,
// comes out unfinished), nothing obsolete (a string no source has any more), and every translation
// with its source's placeholders. The committed files are only read. And they are byte for byte
// what update_translations writes, so that running it changes nothing but what the sources changed.
#include <algorithm>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

/// One <message> of a .ts file.
struct Message {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;      ///< the translation's type: empty (finished), unfinished, vanished or obsolete
    QStringList forms; ///< the translation, or its plural forms

    bool obsolete() const { return type == u"vanished"_s || type == u"obsolete"_s; }
    QString where() const
    {
        return u"<context> %1: \"%2\"%3"_s.arg(context, source,
                                               comment.isEmpty() ? QString() : u" (comment \"%1\")"_s.arg(comment));
    }
};

/// The messages of the .ts file @p path; sets @p error when it cannot be read.
QList<Message> readTs(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = path + u": "_s + file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    Message message;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"message"_s) {
            messages.append(message);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const QString name = xml.name().toString();
        if (name == u"name"_s)
            context = xml.readElementText();
        else if (name == u"message"_s)
            message = Message{context, {}, {}, xml.attributes().value(u"numerus"_s) == u"yes"_s, {}, {}};
        else if (name == u"source"_s)
            message.source = xml.readElementText();
        else if (name == u"comment"_s)
            message.comment = xml.readElementText();
        else if (name == u"numerusform"_s)
            message.forms.append(xml.readElementText());
        else if (name == u"translation"_s) {
            message.type = xml.attributes().value(u"type"_s).toString();
            if (!message.numerus) // a plural translation's forms follow as <numerusform>s
                message.forms = {xml.readElementText()};
        }
    }
    if (xml.hasError())
        error = u"%1:%2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

/// The placeholders of @p text (%1 … %99, %L1, %n), sorted, each once.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(u"%L?(\\d{1,2}|n)"_s);
    QStringList found;
    for (const QRegularExpressionMatch &match : placeholder.globalMatch(text))
        found.append(match.captured(1));
    found.removeDuplicates();
    found.sort();
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyStringTranslated_data();
    void everyStringTranslated();
    void noObsoleteEntries_data();
    void noObsoleteEntries();
    void placeholdersKept_data();
    void placeholdersKept();
    void filesAreAsUpdateTranslationsWritesThem();

private:
    void languages();
    /// lupdate's view of latchkey_<language>.ts: the committed file brought up to the sources.
    QList<Message> updated(const QString &language) const { return m_updated.value(language); }

    QTemporaryDir m_dir;
    QHash<QString, QByteArray> m_committed; ///< the committed files' bytes, to see they stay as they are
    QHash<QString, QList<Message>> m_updated;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QDir tsDir(QStringLiteral(LATCHKEY_TS_DIR));
    const QStringList files = tsDir.entryList({u"latchkey_*.ts"_s}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 3, qPrintable(files.join(u", "_s)));
    QStringList copies;
    for (const QString &file : files) {
        QFile committed(tsDir.filePath(file));
        QVERIFY2(committed.open(QIODevice::ReadOnly), qPrintable(committed.fileName()));
        m_committed.insert(file, committed.readAll());
        QVERIFY(QFile::copy(committed.fileName(), m_dir.filePath(file)));
        QFile::setPermissions(m_dir.filePath(file), QFile::ReadOwner | QFile::WriteOwner);
        copies.append(m_dir.filePath(file));
    }
    // Obsolete entries are kept (no -no-obsolete, unlike update_translations) so that they are seen.
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(LATCHKEY_LUPDATE),
                  QStringList{u"-project"_s, QStringLiteral(LATCHKEY_LUPDATE_PROJECT), u"-locations"_s, u"none"_s,
                              u"-ts"_s} + copies);
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    const QString output = QString::fromLocal8Bit(lupdate.readAll());
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(output));
    // Every copy was written (lupdate reports each), so none of them was left as committed.
    for (const QString &file : files)
        QVERIFY2(output.contains(u"/%1'..."_s.arg(file)), qPrintable(output));
    for (const QString &file : files) {
        QString error;
        const QString language = file.mid(9, file.size() - 12); // latchkey_<language>.ts
        m_updated.insert(language, readTs(m_dir.filePath(file), error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(m_updated.value(language).size() > 10, qPrintable(file));
    }
}

void TestTranslations::cleanupTestCase()
{
    const QDir tsDir(QStringLiteral(LATCHKEY_TS_DIR));
    for (auto it = m_committed.cbegin(); it != m_committed.cend(); ++it) {
        QFile committed(tsDir.filePath(it.key()));
        QVERIFY(committed.open(QIODevice::ReadOnly));
        QVERIFY2(committed.readAll() == it.value(), qPrintable(it.key() + u" changed"_s));
    }
}

void TestTranslations::languages()
{
    QTest::addColumn<QString>("language");
    // English holds only the plural forms ("1 key", "2 keys"); its other strings stay as written.
    for (const QString &language : {u"de"_s, u"es"_s, u"en"_s})
        QTest::newRow(qPrintable(language)) << language;
}

void TestTranslations::everyStringTranslated_data()
{
    languages();
}

/// A string that some qsTr()/tr() has and the file lacks, or has unfinished or empty, shows as
/// the source (and the English) text where the user chose German or Spanish.
void TestTranslations::everyStringTranslated()
{
    QFETCH(QString, language);
    QStringList missing;
    for (const Message &message : updated(language)) {
        if (message.obsolete() || (language == u"en"_s && !message.numerus))
            continue;
        const bool empty = std::any_of(message.forms.cbegin(), message.forms.cend(),
                                       [](const QString &form) { return form.trimmed().isEmpty(); });
        if (!message.type.isEmpty() || empty || message.forms.isEmpty())
            missing.append(message.where());
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"%1 string(s) without a finished translation in latchkey_%2.ts:\n"_s
                                               .arg(missing.size()).arg(language) + missing.join(u'\n')));
}

void TestTranslations::noObsoleteEntries_data()
{
    languages();
}

/// An entry no source string has any more (its text or context changed, or it was removed) is
/// dead weight that update_translations (-no-obsolete) would drop; the file should not carry it.
void TestTranslations::noObsoleteEntries()
{
    QFETCH(QString, language);
    QStringList obsolete;
    for (const Message &message : updated(language)) {
        if (message.obsolete())
            obsolete.append(message.where());
    }
    QVERIFY2(obsolete.isEmpty(), qPrintable(u"%1 obsolete entr(ies) in latchkey_%2.ts, remove them:\n"_s
                                                .arg(obsolete.size()).arg(language) + obsolete.join(u'\n')));
}

void TestTranslations::placeholdersKept_data()
{
    languages();
}

/// A translation that drops or invents a %1 shows an argument in the wrong place or not at all. A
/// plural form may leave %n out ("Den ausgewählten Schlüssel löschen?" for one key).
void TestTranslations::placeholdersKept()
{
    QFETCH(QString, language);
    QStringList wrong;
    for (const Message &message : updated(language)) {
        if (message.obsolete() || !message.type.isEmpty())
            continue;
        QStringList expected = placeholders(message.source);
        if (message.numerus)
            expected.removeAll(u"n"_s);
        for (const QString &form : message.forms) {
            QStringList shown = placeholders(form);
            if (message.numerus)
                shown.removeAll(u"n"_s);
            if (shown != expected)
                wrong.append(message.where() + u" → \"%1\""_s.arg(form));
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(u"%1 translation(s) in latchkey_%2.ts with other placeholders than their source:\n"_s
                                             .arg(wrong.size()).arg(language) + wrong.join(u'\n')));
}

/// A hand-written entry in another layout than lupdate's, or in another order, turns the next
/// update_translations run into a rewrite of every line, and a review of it into guesswork. The
/// options are those of dashboard/CMakeLists.txt's lupdate targets (English: plural forms only).
void TestTranslations::filesAreAsUpdateTranslationsWritesThem()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto runLupdate = [&](const QStringList &files, const QStringList &options) {
        QStringList copies;
        for (const QString &file : files) {
            QVERIFY(QFile::copy(QStringLiteral(LATCHKEY_TS_DIR) + u'/' + file, dir.filePath(file)));
            QFile::setPermissions(dir.filePath(file), QFile::ReadOwner | QFile::WriteOwner);
            copies.append(dir.filePath(file));
        }
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(LATCHKEY_LUPDATE),
                      QStringList{u"-project"_s, QStringLiteral(LATCHKEY_LUPDATE_PROJECT), u"-no-obsolete"_s,
                                  u"-locations"_s, u"none"_s} + options + QStringList{u"-ts"_s} + copies);
        QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 qPrintable(QString::fromLocal8Bit(lupdate.readAll())));
    };
    runLupdate({u"latchkey_de.ts"_s, u"latchkey_es.ts"_s}, {});
    runLupdate({u"latchkey_en.ts"_s}, {u"-pluralonly"_s});
    for (auto it = m_committed.cbegin(); it != m_committed.cend(); ++it) {
        QFile written(dir.filePath(it.key()));
        QVERIFY2(written.open(QIODevice::ReadOnly), qPrintable(written.fileName()));
        const QList<QByteArray> expected = written.readAll().split('\n');
        const QList<QByteArray> committed = it.value().split('\n');
        qsizetype line = 0;
        while (line < expected.size() && line < committed.size() && expected[line] == committed[line])
            ++line;
        QVERIFY2(expected == committed,
                 qPrintable(u"%1 is not as update_translations writes it, from line %2 on (committed: \"%3\", "
                            "lupdate: \"%4\"); run `cmake --build build --target update_translations`"_s
                                .arg(it.key())
                                .arg(line + 1)
                                .arg(QString::fromUtf8(committed.value(line)), QString::fromUtf8(expected.value(line)))));
    }
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

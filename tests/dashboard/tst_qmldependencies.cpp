// The QML modules the dashboard imports are loaded at run time, so nothing at build time notices
// when a Debian package that provides one is missing: the app crashes or shows a blank page on the
// user's machine (issue 4: QtQuick.Dialogs' FileDialog segfaulted without Qt.labs.folderlistmodel,
// which the .deb depended on but ./dev's list lacked). This test greps every `import` of the
// dashboard's QML and of its Qt Quick tests and checks that the packages providing the module are
// in ./dev's PACKAGES (the README's run command and CI) and, for the app's own QML, in the .deb's
// Depends (installer/DashboardPackaging.cmake). A new import without an entry in modulePackages()
// fails too, so whoever adds one has to name its package. The same for the fonts that draw emoji
// and Chinese/Japanese/Korean names (./dev and the .deb's Recommends), and that fontconfig finds
// a font for such characters.
#include "testpaths.h"

#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

/// Debian 12 packages that provide a QML module, including what the module loads at run time
/// without importing it (FileDialog's folder view needs Qt.labs.folderlistmodel).
const QHash<QString, QStringList> &modulePackages()
{
    static const QHash<QString, QStringList> packages{
        {u"QtQml"_s, {u"qml6-module-qtqml"_s}},
        {u"QtQml.Models"_s, {u"qml6-module-qtqml-models"_s}},
        {u"QtQuick"_s, {u"qml6-module-qtquick"_s}},
        {u"QtQuick.Window"_s, {u"qml6-module-qtquick-window"_s}},
        {u"QtQuick.Layouts"_s, {u"qml6-module-qtquick-layouts"_s}},
        {u"QtQuick.Templates"_s, {u"qml6-module-qtquick-templates"_s}},
        {u"QtQuick.Controls"_s, {u"qml6-module-qtquick-controls"_s, u"qml6-module-qtquick-templates"_s}},
        {u"QtQuick.Controls.Material"_s,
         {u"qml6-module-qtquick-controls"_s, u"qml6-module-qtquick-templates"_s}},
        {u"QtQuick.Dialogs"_s,
         {u"qml6-module-qtquick-dialogs"_s, u"qml6-module-qt-labs-folderlistmodel"_s}},
        {u"QtWebEngine"_s, {u"qml6-module-qtwebengine"_s, u"qml6-module-qtwebchannel"_s}},
        {u"QtCore"_s, {u"qml6-module-qtcore"_s}},
        {u"QtTest"_s, {u"qml6-module-qttest"_s}},
    };
    return packages;
}

QString readSource(const QString &relativePath)
{
    QFile file(QStringLiteral(LATCHKEY_SOURCE_DIR) + u'/' + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

/// Module URIs imported by the .qml files under @p relativeDir (own module and files skipped).
QSet<QString> qmlImports(const QString &relativeDir)
{
    static const QRegularExpression importLine(u"^\\s*import\\s+([A-Za-z][\\w.]*)"_s,
                                               QRegularExpression::MultilineOption);
    QSet<QString> imports;
    QDirIterator it(QStringLiteral(LATCHKEY_SOURCE_DIR) + u'/' + relativeDir, {u"*.qml"_s},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        auto matches = importLine.globalMatch(QString::fromUtf8(file.readAll()));
        while (matches.hasNext()) {
            const QString uri = matches.next().captured(1);
            if (!uri.startsWith(u"Latchkey."_s))
                imports.insert(uri);
        }
    }
    return imports;
}

/// The words of ./dev's PACKAGES=( ... ) array, comments removed.
QSet<QString> devPackages(const QString &devScript)
{
    const qsizetype start = devScript.indexOf(u"\nPACKAGES=("_s);
    const qsizetype end = devScript.indexOf(u"\n)"_s, start);
    if (start < 0 || end < 0)
        return {};
    QSet<QString> packages;
    const QStringList lines = devScript.mid(start + 11, end - start - 11).split(u'\n');
    for (const QString &line : lines) {
        const QString code = line.section(u'#', 0, 0);
        for (const QString &word : code.split(u' ', Qt::SkipEmptyParts))
            packages.insert(word);
    }
    return packages;
}

/// The package names of CPACK_DEBIAN_DASHBOARD_PACKAGE_<field> (versions and alternatives cut).
QSet<QString> debField(const QString &packagingCmake, const QString &field)
{
    const QRegularExpression depends(u"set\\(CPACK_DEBIAN_DASHBOARD_PACKAGE_"_s + field + u"\\s*\"([^\"]*)\""_s);
    const QString list = depends.match(packagingCmake).captured(1);
    QSet<QString> packages;
    for (QString entry : list.split(u',', Qt::SkipEmptyParts)) {
        entry = entry.remove(u'\\').section(u'|', 0, 0).section(u'(', 0, 0).trimmed();
        if (!entry.isEmpty())
            packages.insert(entry);
    }
    return packages;
}

QSet<QString> debDepends(const QString &packagingCmake)
{
    return debField(packagingCmake, u"DEPENDS"_s);
}

/// Fonts for the names people give keys and owners beyond what DejaVu covers (issue 4: emoji and
/// CJK were drawn as boxes), each with characters only it provides among the listed packages.
struct FontPackage {
    QString package;
    QStringList codePoints; ///< hex, as fc-list's charset takes them
};
const QList<FontPackage> &fontPackages()
{
    static const QList<FontPackage> fonts{
        {u"fonts-noto-color-emoji"_s, {u"1f680"_s, u"1f9d1"_s, u"1f44d"_s}}, // 🚀 🧑 👍
        {u"fonts-wqy-microhei"_s, {u"4e2d"_s, u"3042"_s, u"30ab"_s, u"d55c"_s}}, // 中 あ カ 한
    };
    return fonts;
}

/// The font families fontconfig (what Qt draws with) has for the character @p codePoint.
QStringList fontsFor(const QString &codePoint)
{
    QProcess fcList;
    fcList.start(u"fc-list"_s, {u":charset="_s + codePoint, u"family"_s});
    if (!fcList.waitForFinished(30000) || fcList.exitCode() != 0)
        return {};
    return QString::fromUtf8(fcList.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
}

/// "<import>: <package>" for every package a module needs that @p available lacks, and
/// "<import>: unknown module" for imports without an entry in modulePackages().
QStringList missingPackages(const QSet<QString> &imports, const QSet<QString> &available)
{
    QStringList missing;
    for (const QString &uri : imports) {
        const auto it = modulePackages().constFind(uri);
        if (it == modulePackages().constEnd()) {
            missing.append(uri + u": unknown module, add its Debian package to modulePackages()"_s);
            continue;
        }
        for (const QString &package : *it) {
            if (!available.contains(package))
                missing.append(uri + u": "_s + package);
        }
    }
    missing.sort();
    return missing;
}

} // namespace

class TestQmlDependencies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsAreParsed();
    void checkCatchesAMissingPackage();
    void appImportsInDevAndDeb();
    void testImportsInDev();
    void emojiAndCjkFontsInDevAndDeb();
    void emojiAndCjkHaveAFont();
};

void TestQmlDependencies::listsAreParsed()
{
    const QSet<QString> dev = devPackages(readSource(u"dev"_s));
    QVERIFY2(dev.contains(u"qt6-base-dev"_s), "./dev's PACKAGES=( ... ) not found");
    QVERIFY(dev.contains(u"qml6-module-qtquick"_s));
    QVERIFY(!dev.contains(u"#"_s));
    const QSet<QString> deb = debDepends(readSource(u"installer/DashboardPackaging.cmake"_s));
    QVERIFY2(deb.contains(u"qml6-module-qtquick"_s), "the dashboard package's Depends not found");
    QVERIFY(deb.contains(u"libqt6sql6-sqlite"_s));
    // the dashboard's QML has imports at all (the grep would pass vacuously otherwise)
    QVERIFY(qmlImports(u"dashboard"_s).contains(u"QtQuick.Controls"_s));
}

void TestQmlDependencies::checkCatchesAMissingPackage()
{
    // the state of issue 4: FileDialog imported, the folder list model not in the list
    const QSet<QString> before{u"qml6-module-qtquick-dialogs"_s};
    QCOMPARE(missingPackages({u"QtQuick.Dialogs"_s}, before),
             QStringList{u"QtQuick.Dialogs: qml6-module-qt-labs-folderlistmodel"_s});
    QCOMPARE(missingPackages({u"Qt.labs.Unheard"_s}, before).size(), 1);
}

void TestQmlDependencies::appImportsInDevAndDeb()
{
    const QSet<QString> imports = qmlImports(u"dashboard"_s);
    const QStringList missingInDev = missingPackages(imports, devPackages(readSource(u"dev"_s)));
    QVERIFY2(missingInDev.isEmpty(), qPrintable(u"not in ./dev's PACKAGES: "_s + missingInDev.join(u", "_s)));
    const QStringList missingInDeb =
        missingPackages(imports, debDepends(readSource(u"installer/DashboardPackaging.cmake"_s)));
    QVERIFY2(missingInDeb.isEmpty(),
             qPrintable(u"not in the dashboard .deb's Depends: "_s + missingInDeb.join(u", "_s)));
}

void TestQmlDependencies::testImportsInDev()
{
    const QStringList missing =
        missingPackages(qmlImports(u"tests/dashboard/qml"_s), devPackages(readSource(u"dev"_s)));
    QVERIFY2(missing.isEmpty(), qPrintable(u"not in ./dev's PACKAGES: "_s + missing.join(u", "_s)));
}

void TestQmlDependencies::emojiAndCjkFontsInDevAndDeb()
{
    const QSet<QString> dev = devPackages(readSource(u"dev"_s));
    const QSet<QString> recommends = debField(readSource(u"installer/DashboardPackaging.cmake"_s), u"RECOMMENDS"_s);
    QVERIFY2(recommends.contains(u"qt6-translations-l10n"_s), "the dashboard package's Recommends not found");
    for (const FontPackage &font : fontPackages()) {
        QVERIFY2(dev.contains(font.package), qPrintable(font.package + u" not in ./dev's PACKAGES"_s));
        QVERIFY2(recommends.contains(font.package), qPrintable(font.package + u" not in the .deb's Recommends"_s));
    }
}

void TestQmlDependencies::emojiAndCjkHaveAFont()
{
    if (QStandardPaths::findExecutable(u"fc-list"_s).isEmpty())
        QSKIP("fc-list (Debian package fontconfig) is not installed: fontconfig cannot be asked");
    QVERIFY2(!fontsFor(u"41"_s).isEmpty(), "fc-list answers at all (a font for 'A')");
    QStringList missing;
    for (const FontPackage &font : fontPackages())
        for (const QString &codePoint : font.codePoints)
            if (fontsFor(codePoint).isEmpty())
                missing.append(u"U+"_s + codePoint.toUpper() + u" (" + font.package + u')');
    QVERIFY2(missing.isEmpty(), qPrintable(u"no installed font draws "_s + missing.join(u", "_s)
                                           + u": ./dev build installs the packages"_s));
}

QTEST_GUILESS_MAIN(TestQmlDependencies)
#include "tst_qmldependencies.moc"

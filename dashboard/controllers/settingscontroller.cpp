#include "settingscontroller.h"

#include "formatter.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QPalette>
#include <QQmlEngine>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSettings, "latchkey.dashboard.settings")

namespace Latchkey::Dashboard {

namespace {
const QStringList Supported{u"en"_s, u"de"_s, u"es"_s};
const QStringList Themes{u"system"_s, u"light"_s, u"dark"_s};

// Texts of Qt Quick Dialogs' own file dialog (QtQuick/Dialogs/quickimpl; the context is its QML
// file's name) that Qt 6.4's qtdeclarative catalogues do not translate: our catalogues carry
// them, and this list keeps lupdate from dropping them.
[[maybe_unused]] constexpr const char *QtDialogTexts[] = {
    QT_TRANSLATE_NOOP("FileDialog", "File name"),
    QT_TRANSLATE_NOOP("FileDialog", "Filter"),
};

/// Sets @p member to @p value and stores it under @p key; false when it was that already.
template<typename T>
bool remember(T &member, const T &value, const QString &key)
{
    if (member == value)
        return false;
    member = value;
    QSettings().setValue(key, QVariant::fromValue(value));
    return true;
}
} // namespace

SettingsController::SettingsController(Formatter *format, QObject *parent)
    : QObject(parent), m_format(format)
{
    QSettings settings;
    m_language = settings.value(u"ui/language"_s).toString();
    if (!m_language.isEmpty() && !Supported.contains(m_language))
        m_language.clear();
    m_theme = settings.value(u"ui/theme"_s, u"system"_s).toString();
    if (!Themes.contains(m_theme))
        m_theme = u"system"_s;
    m_listCharts = settings.value(u"ui/listCharts"_s, false).toBool();
}

SettingsController::~SettingsController()
{
    removeTranslators();
}

void SettingsController::setEngine(QQmlEngine *engine)
{
    m_engine = engine;
}

QString SettingsController::effectiveLanguage() const
{
    if (!m_language.isEmpty())
        return m_language;
    const QString system = QLocale::system().name().left(2);
    return Supported.contains(system) ? system : u"en"_s;
}

QVariantList SettingsController::languages()
{
    // Each language named in itself, so a user who cannot read the current one finds theirs.
    return {QVariantMap{{u"code"_s, u"en"_s}, {u"name"_s, u"English"_s}},
            QVariantMap{{u"code"_s, u"de"_s}, {u"name"_s, u"Deutsch"_s}},
            QVariantMap{{u"code"_s, u"es"_s}, {u"name"_s, u"Español"_s}}};
}

void SettingsController::setLanguage(const QString &language)
{
    const QString chosen = Supported.contains(language) ? language : QString();
    if (chosen == m_language)
        return;
    m_language = chosen;
    QSettings().setValue(u"ui/language"_s, m_language);
    apply();
    Q_EMIT languageChanged();
}

void SettingsController::apply()
{
    installTranslators();
    const QString code = effectiveLanguage();
    // English uses the system's regional formats when it matches; otherwise the language's own.
    const QLocale locale = QLocale::system().name().startsWith(code) ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    m_format->setLocale(locale);
    if (m_engine)
        m_engine->retranslate();
}

void SettingsController::removeTranslators()
{
    for (const auto &translator : m_translators)
        QCoreApplication::removeTranslator(translator.get());
    m_translators.clear();
}

void SettingsController::installTranslators()
{
    removeTranslators();
    // English too: the source strings are English, but their plural forms ("%n key(s)") are not.
    const QString code = effectiveLanguage();
    auto ours = std::make_unique<QTranslator>();
    if (ours->load(u":/i18n/latchkey_%1.qm"_s.arg(code)))
        m_translators.push_back(std::move(ours));
    else
        qCWarning(lcSettings) << "no translation for" << code;
    // Qt's own texts (dialog buttons, file dialog, context menus) are English in Qt already.
    if (code != u"en") {
        const QString qtPath = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        for (const QString &catalogue : {u"qtbase"_s, u"qtdeclarative"_s, u"qtwebengine"_s}) {
            auto qt = std::make_unique<QTranslator>();
            if (qt->load(catalogue + u'_' + code, qtPath))
                m_translators.push_back(std::move(qt));
            else
                qCInfo(lcSettings) << "no Qt translation" << catalogue << code << "in" << qtPath;
        }
    }
    for (const auto &translator : m_translators)
        QCoreApplication::installTranslator(translator.get());
}

QStringList SettingsController::inEveryLanguage(const QString &context, const QString &source) const
{
    if (m_catalogues.empty()) {
        for (const QString &code : Supported.sliced(1)) {
            auto catalogue = std::make_unique<QTranslator>();
            if (!catalogue->load(u":/i18n/latchkey_%1.qm"_s.arg(code)))
                qCWarning(lcSettings) << "no translation for" << code;
            m_catalogues.push_back(std::move(catalogue));
        }
    }
    const QByteArray contextName = context.toUtf8();
    const QByteArray sourceText = source.toUtf8();
    QStringList texts{source};
    for (const auto &catalogue : m_catalogues) {
        const QString translated = catalogue->translate(contextName.constData(), sourceText.constData());
        texts.append(translated.isEmpty() ? source : translated);
    }
    return texts;
}

void SettingsController::setTheme(const QString &theme)
{
    if (Themes.contains(theme) && remember(m_theme, theme, u"ui/theme"_s))
        Q_EMIT themeChanged();
}

void SettingsController::setListCharts(bool shown)
{
    if (remember(m_listCharts, shown, u"ui/listCharts"_s))
        Q_EMIT listChartsChanged();
}

bool SettingsController::dark() const
{
    if (m_theme != u"system")
        return m_theme == u"dark";
    // Qt 6.4 has no QStyleHints::colorScheme(); the desktop's palette tells the same.
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}

} // namespace Latchkey::Dashboard

#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QtQmlIntegration>

#include <memory>
#include <vector>

class QQmlEngine;
class QTranslator;

namespace Latchkey::Dashboard {

class Formatter;

/// The Settings page's state: language (English, German, Spanish or the system's) and theme
/// (light, dark or the system's), and whether the list pages show their charts above the list,
/// remembered with QSettings.
///
/// A language change installs the matching QTranslator — ours, plus Qt's own catalogues (qtbase,
/// qtdeclarative, qtwebengine from QLibraryInfo::TranslationsPath; Debian: qt6-translations-l10n)
/// for the texts Qt draws itself: dialog buttons, file dialogs, context menus —, sets the
/// formatter's locale and calls QQmlEngine::retranslate(), so the whole UI switches without a
/// restart.
class SettingsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("built by main()")
    /// "" = the system's language, else "en", "de" or "es".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    /// The language in effect ("en", "de" or "es").
    Q_PROPERTY(QString effectiveLanguage READ effectiveLanguage NOTIFY languageChanged)
    /// [{code, name}] for the language picker, names in their own language.
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)
    /// "system", "light" or "dark".
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)
    /// Whether the dark palette is in effect (theme "dark", or "system" on a dark desktop).
    Q_PROPERTY(bool dark READ dark NOTIFY themeChanged)
    /// Whether the keys page shows its charts above the list (its "Charts" button); off by default:
    /// the keys get the page's first screen (walkthrough 22, X12: at 1280 × 800 the summary above
    /// them left ~7 rows in sight; a support person opens "Keys of …" for its keys).
    Q_PROPERTY(bool listCharts READ listCharts WRITE setListCharts NOTIFY listChartsChanged)

public:
    /// @p format gets the locale of the chosen language. Reads the saved choices.
    explicit SettingsController(Formatter *format, QObject *parent = nullptr);
    ~SettingsController() override;

    /// The engine to retranslate on a language change (main() sets it once it exists).
    void setEngine(QQmlEngine *engine);
    /// Applies the saved language (installs the translator) without saving.
    void apply();

    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);
    [[nodiscard]] QString effectiveLanguage() const;
    [[nodiscard]] static QVariantList languages();
    [[nodiscard]] QString theme() const { return m_theme; }
    void setTheme(const QString &theme);
    [[nodiscard]] bool dark() const;
    [[nodiscard]] bool listCharts() const { return m_listCharts; }
    void setListCharts(bool shown);

    /// @p source (a qsTr() text of QML file or class @p context) in every language the dashboard
    /// speaks, English first: what a part that keeps its width through a language switch measures.
    Q_INVOKABLE [[nodiscard]] QStringList inEveryLanguage(const QString &context, const QString &source) const;

Q_SIGNALS:
    void languageChanged();
    void themeChanged();
    void listChartsChanged();

private:
    void installTranslators();
    void removeTranslators();

    Formatter *m_format;
    QPointer<QQmlEngine> m_engine;
    std::vector<std::unique_ptr<QTranslator>> m_translators;
    /// Our catalogue of each language but English, loaded for inEveryLanguage() when first asked.
    mutable std::vector<std::unique_ptr<QTranslator>> m_catalogues;
    QString m_language;
    QString m_theme;
    bool m_listCharts = false;
};

} // namespace Latchkey::Dashboard

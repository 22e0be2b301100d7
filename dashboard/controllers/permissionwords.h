#pragma once

#include <QObject>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

/// A root key's permission in words, the dashboard's one table of them: "View keys" for
/// `api.*.read_key`. The Root keys page (its list and create dialog), Settings' connection summary
/// and every sentence about a permission the root key lacks (Capabilities::missing(), the charts'
/// note) say a permission this way, the raw name beside the words for the admin who must grant it.
/// An action the dashboard does not know (a newer server) reads as its name with spaces.
///
/// The texts keep the translation context "PermissionWords" (of the QML file they came from).
///
/// QML: the singleton `PermissionWords`. QQmlEngine::retranslate() re-evaluates qsTr() only, so
/// bindings pass `revision`, counted up on every language change, as the last argument:
/// `PermissionWords.words(permission, PermissionWords.revision)`.
class PermissionWords : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    /// Counts the language changes.
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)

public:
    explicit PermissionWords(QObject *parent = nullptr);

    /// The action of @p permission ("area.scope.action") in words: "Edit keys".
    [[nodiscard]] static QString actionOf(const QString &permission);
    /// @p permission as a root key's list shows it: "View keys", one limited to a single API or
    /// namespace naming it ("View keys (api_1…)"); anything else (a wildcard action) stays raw.
    [[nodiscard]] static QString wordsOf(const QString &permission);
    /// wordsOf(), naming the one API or namespace @p permission is limited to @p scopeName
    /// ("View keys (payments-prod)"); by its id when @p scopeName is empty (e.g. the API is gone).
    [[nodiscard]] static QString wordsOf(const QString &permission, const QString &scopeName);
    /// The sentence for what the root key may not do: "Your root key lacks the permission “Edit
    /// keys” (api.*.update_key)." — words first, the raw name kept.
    [[nodiscard]] static QString lacking(const QString &permission);

    /// actionOf() for QML; @p revision is not used (see the class comment).
    Q_INVOKABLE [[nodiscard]] QString actionLabel(const QString &permission, int revision = 0) const;
    /// wordsOf() for QML.
    Q_INVOKABLE [[nodiscard]] QString words(const QString &permission, int revision = 0) const;
    /// wordsOf(permission, scopeName) for QML.
    Q_INVOKABLE [[nodiscard]] QString wordsNaming(const QString &permission, const QString &scopeName,
                                                  int revision = 0) const;

    [[nodiscard]] int revision() const { return m_revision; }

Q_SIGNALS:
    void revisionChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int m_revision = 0;
};

} // namespace Latchkey::Dashboard

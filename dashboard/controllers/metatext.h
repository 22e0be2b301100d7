#pragma once

#include <QObject>
#include <QString>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

/// What MetaEditor shows under its text: KeyValidation::parseMeta's verdict, the same check the
/// controllers run before sending, with a JSON syntax error's place as line and column.
class MetaText : public QObject
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit MetaText(QObject *parent = nullptr);

    /// "" when @p text is blank or a JSON object the API accepts; else why not.
    Q_INVOKABLE [[nodiscard]] QString problem(const QString &text) const;
};

} // namespace Latchkey::Dashboard

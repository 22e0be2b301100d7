#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

/// What a rate-limit card's Save says before anything is sent: KeyValidation::checkRatelimits's
/// verdict on the editor's draft, the same check the controllers (a key's, an owner's) run
/// before sending, so a card greys Save exactly where the save would be refused.
class RatelimitsCheck : public QObject
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit RatelimitsCheck(QObject *parent = nullptr);

    /// "" when @p ratelimits ([{name, limit, duration ms, autoApply}]) may be saved; else why not.
    Q_INVOKABLE [[nodiscard]] QString problem(const QVariantList &ratelimits) const;
};

} // namespace Latchkey::Dashboard

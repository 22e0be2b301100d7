#pragma once

#include <QObject>
#include <QQuickItem>
#include <QtQmlIntegration>

namespace Latchkey::Dashboard {

/// Hands a key press on to the items around the one that had it, as Qt Quick does with a press an
/// item leaves unaccepted: for a control whose C++ takes a key it does nothing with.
///
/// A closed ComboBox (Qt 6.4) accepts Enter and does nothing, so the form around it never heard
/// of it: Enter on the override dialog's window unit did not save, where Enter in each of its
/// fields does (ThemedComboBox hands Enter on with this while its list is closed). QML: the
/// singleton `KeyRelay`.
class KeyRelay : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;

    /// Sends a press of @p key with @p modifiers (Qt::Key, Qt::KeyboardModifiers) to each of
    /// @p item's ancestors in turn, nearest first, until one accepts it; whether one did.
    Q_INVOKABLE [[nodiscard]] static bool toAncestors(QQuickItem *item, int key, int modifiers);
};

} // namespace Latchkey::Dashboard

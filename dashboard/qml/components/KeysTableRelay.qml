import QtQuick

// A relay of the keys page's Tab chain (KeysPage says why it is joined by hand): it passes the
// focus on at once (entered()); named as the table whose parts it joins.
Item {
    signal entered()
    activeFocusOnTab: true
    Accessible.role: Accessible.Table
    Accessible.name: qsTr("Keys")
    onActiveFocusChanged: if (activeFocus) entered()
}

// Every dashboard test links the static QML module; this pulls its plugin in.
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Latchkey_DashboardPlugin)

#include "store/textfunctions.h"

#include <QLoggingCategory>
#include <QString>

#include <sqlite3.h>

namespace Latchkey::Store {

namespace {

Q_LOGGING_CATEGORY(lcTextSql, "latchkey.store.text")

void caseFold(sqlite3_context *context, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto *text = static_cast<const char16_t *>(sqlite3_value_text16(argv[0]));
    const int bytes = sqlite3_value_bytes16(argv[0]);
    const QString folded = QStringView(text, bytes / 2).toString().toCaseFolded();
    sqlite3_result_text16(context, folded.utf16(), int(folded.size() * 2), SQLITE_TRANSIENT);
}

} // namespace

bool registerTextFunctions(sqlite3 *db)
{
    if (!db)
        return false;
    constexpr int flags = SQLITE_UTF16 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    if (sqlite3_create_function_v2(db, "lk_casefold", 1, flags, nullptr, caseFold, nullptr, nullptr, nullptr)
        == SQLITE_OK)
        return true;
    qCWarning(lcTextSql) << "cannot register lk_casefold:" << sqlite3_errmsg(db);
    return false;
}

} // namespace Latchkey::Store

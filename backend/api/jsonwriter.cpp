#include "api/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <charconv>
#include <iterator>

namespace Latchkey::Api {

void appendJsonString(QByteArray &out, const QString &text)
{
    const bool plain = std::all_of(text.cbegin(), text.cend(),
        [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\'; });
    if (plain) { // ids and names almost always: nothing to escape
        out += '"';
        out += text.toLatin1();
        out += '"';
        return;
    }
    const QByteArray quoted = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    out += QByteArrayView(quoted).sliced(1, quoted.size() - 2);
}

void appendJsonInteger(QByteArray &out, qint64 value)
{
    char digits[24];
    const auto [end, error] = std::to_chars(std::begin(digits), std::end(digits), value);
    Q_ASSERT(error == std::errc());
    out.append(digits, end - digits);
}

} // namespace Latchkey::Api

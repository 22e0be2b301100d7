#pragma once

#include <QByteArrayView>
#include <QList>

#include <optional>

namespace Latchkey::Api {

/// One member of a FlatJsonObject: a plain string or a non-negative integer.
struct FlatJsonMember {
    QByteArrayView name;
    QByteArrayView text; ///< the string's characters (no escapes in it), or the integer's digits
    bool isString = false;
    qint64 integer = 0; ///< when !isString
};

/// Reads the one body shape hot routes receive from SDKs, `{"name":"text","n":123,...}`, without
/// building a QJsonDocument: a flat object whose values are strings of printable ASCII without
/// escapes, or non-negative integers of at most 15 digits (exact as doubles, as Qt's parser
/// reads them). JSON whitespace is allowed between tokens.
///
/// Returns nullopt for anything else (nested values, escapes, control or non-ASCII characters,
/// negative or fractional numbers, leading zeros, true/false/null, duplicate names, trailing
/// bytes, more than @p maxMembers members): the caller then takes the full JSON path, which also
/// produces every error message. The views point into @p body.
[[nodiscard]] std::optional<QList<FlatJsonMember>> readFlatJsonObject(QByteArrayView body, int maxMembers = 8);

} // namespace Latchkey::Api

#include "core/base58.h"

#include <vector>

namespace Latchkey::Core {

namespace {

constexpr char Alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

// Multiplies the little-endian base-58 number in `digits` by 256 and adds `byte`.
void appendByte(std::vector<quint8> &digits, quint8 byte)
{
    unsigned carry = byte;
    for (quint8 &digit : digits) {
        carry += unsigned(digit) << 8;
        digit = quint8(carry % 58);
        carry /= 58;
    }
    while (carry > 0) {
        digits.push_back(quint8(carry % 58));
        carry /= 58;
    }
}

} // namespace

QByteArray base58Encode(QByteArrayView bytes)
{
    qsizetype zeros = 0;
    while (zeros < bytes.size() && bytes[zeros] == '\0')
        ++zeros;

    // log(256) / log(58) ~ 1.37, so this reserve is never exceeded.
    std::vector<quint8> digits;
    digits.reserve(size_t(bytes.size() - zeros) * 138 / 100 + 1);
    for (qsizetype i = zeros; i < bytes.size(); ++i)
        appendByte(digits, quint8(bytes[i]));

    QByteArray encoded(zeros, Alphabet[0]);
    encoded.reserve(zeros + qsizetype(digits.size()));
    for (auto it = digits.rbegin(); it != digits.rend(); ++it)
        encoded.append(Alphabet[*it]);
    return encoded;
}

} // namespace Latchkey::Core

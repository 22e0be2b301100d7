#include "core/keyfactory.h"

#include "core/base58.h"
#include "core/keyhash.h"
#include "core/random.h"

namespace Latchkey::Core {

namespace {

constexpr int StartLength = 4;

} // namespace

GeneratedKey generateKey(QStringView prefix, int byteLength)
{
    const QString encoded = QString::fromLatin1(base58Encode(secureRandomBytes(byteLength)));
    const QString keyPrefix = prefix.isEmpty() ? QString() : prefix + u'_';

    GeneratedKey key;
    key.plaintext = keyPrefix + encoded;
    key.start = keyPrefix + encoded.left(StartLength);
    key.hash = hashKey(key.plaintext.toUtf8());
    return key;
}

} // namespace Latchkey::Core

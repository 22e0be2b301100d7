#include "core/keyhash.h"

#include <openssl/evp.h>

namespace Latchkey::Core {

QByteArray hashKey(QByteArrayView plaintextKey)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    if (EVP_Digest(plaintextKey.data(), size_t(plaintextKey.size()), digest, &digestLength, EVP_sha256(), nullptr)
        != 1) {
        // Only fails when OpenSSL itself is broken; a wrong hash would silently lock keys out.
        qFatal("SHA-256 failed in OpenSSL");
    }
    return QByteArray(reinterpret_cast<const char *>(digest), qsizetype(digestLength)).toBase64();
}

} // namespace Latchkey::Core

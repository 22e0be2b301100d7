#include "core/keyhash.h"

#include <openssl/evp.h>

#include <memory>

namespace Latchkey::Core {

namespace {

// EVP_sha256() is a legacy handle: with OpenSSL 3 every EVP_Digest() through it looks the
// provider implementation up again (about 14k instructions per hash, callgrind). Fetching it
// once, and keeping one digest context per thread, leaves only the hashing itself.
const EVP_MD *sha256()
{
    static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(
        EVP_MD_fetch(nullptr, "SHA256", nullptr), &EVP_MD_free);
    return md.get();
}

struct DigestContext {
    DigestContext()
        : ctx(EVP_MD_CTX_new())
    { }
    ~DigestContext() { EVP_MD_CTX_free(ctx); }
    DigestContext(const DigestContext &) = delete;
    DigestContext &operator=(const DigestContext &) = delete;
    EVP_MD_CTX *ctx;
};

} // namespace

QByteArray hashKey(QByteArrayView plaintextKey)
{
    thread_local DigestContext context;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    const EVP_MD *md = sha256();
    if (!md || !context.ctx || EVP_DigestInit_ex2(context.ctx, md, nullptr) != 1
        || EVP_DigestUpdate(context.ctx, plaintextKey.data(), size_t(plaintextKey.size())) != 1
        || EVP_DigestFinal_ex(context.ctx, digest, &digestLength) != 1) {
        // Only fails when OpenSSL itself is broken; a wrong hash would silently lock keys out.
        qFatal("SHA-256 failed in OpenSSL");
    }
    return QByteArray(reinterpret_cast<const char *>(digest), qsizetype(digestLength)).toBase64();
}

} // namespace Latchkey::Core

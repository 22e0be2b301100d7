#include "core/keyencryption.h"

#include "core/random.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

struct CipherContextDeleter {
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

CipherContext newContext()
{
    CipherContext context(EVP_CIPHER_CTX_new());
    if (!context)
        qFatal("OpenSSL could not allocate a cipher context");
    return context;
}

auto *bytes(char *data)
{
    return reinterpret_cast<unsigned char *>(data);
}

auto *bytes(const char *data)
{
    return reinterpret_cast<const unsigned char *>(data);
}

Error kekError(const QString &path, const QString &problem)
{
    return makeError(
        ErrorCode::Internal, u"Key-encryption key file %1: %2"_s.arg(QDir::toNativeSeparators(path), problem));
}

Error decryptionFailed()
{
    return makeError(ErrorCode::Internal,
        u"Could not decrypt the stored key: it was altered or encrypted under another "
        "key-encryption key."_s);
}

Result<QByteArray> readKek(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return kekError(path, file.errorString());
    // Read one byte more than needed so an oversized file is recognised without reading it all.
    const QByteArray key = file.read(KeyEncryption::KeySize + 1);
    if (key.size() != KeyEncryption::KeySize)
        return kekError(path, u"expected exactly %1 bytes"_s.arg(KeyEncryption::KeySize));
    return key;
}

Result<QByteArray> createKek(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    // NewOnly never overwrites; the permissions are applied when the file is created, so the
    // key is never readable by others, not even for an instant.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (file.exists()) // created concurrently by another process
            return readKek(path);
        return kekError(path, file.errorString());
    }
    const QByteArray key = secureRandomBytes(KeyEncryption::KeySize);
    if (file.write(key) != key.size() || !file.flush()) {
        const QString problem = file.errorString();
        file.remove();
        return kekError(path, problem);
    }
    return key;
}

} // namespace

KeyEncryption::KeyEncryption(QByteArrayView key)
{
    if (key.size() != KeySize)
        qFatal("KeyEncryption needs a %d-byte key, got %lld bytes", KeySize, qlonglong(key.size()));
    std::memcpy(m_key.data(), key.data(), KeySize);
}

KeyEncryption::~KeyEncryption()
{
    OPENSSL_cleanse(m_key.data(), m_key.size());
}

Result<KeyEncryption> KeyEncryption::loadOrCreate(const QString &kekFilePath)
{
    Result<QByteArray> key = QFile::exists(kekFilePath) ? readKek(kekFilePath) : createKek(kekFilePath);
    if (!key.ok())
        return key.error();
    KeyEncryption encryption(key.value());
    OPENSSL_cleanse(key.value().data(), size_t(key.value().size()));
    return encryption;
}

QByteArray KeyEncryption::encrypt(QByteArrayView plaintext) const
{
    QByteArray out = secureRandomBytes(NonceSize);
    out.resize(NonceSize + plaintext.size() + TagSize);
    char *cipherText = out.data() + NonceSize;

    CipherContext context = newContext();
    int length = 0;
    bool ok = EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, m_key.data(), bytes(out.constData())) == 1
        && EVP_EncryptUpdate(context.get(), bytes(cipherText), &length, bytes(plaintext.data()), int(plaintext.size()))
            == 1
        && EVP_EncryptFinal_ex(context.get(), bytes(cipherText + length), &length) == 1
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, TagSize, cipherText + plaintext.size()) == 1;
    if (!ok)
        qFatal("AES-256-GCM encryption failed in OpenSSL");
    return out.toBase64();
}

Result<QByteArray> KeyEncryption::decrypt(QByteArrayView encoded) const
{
    const auto decoded = QByteArray::fromBase64Encoding(encoded.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || (*decoded).size() < NonceSize + TagSize)
        return decryptionFailed();
    const QByteArray &sealed = *decoded;
    const qsizetype cipherLength = sealed.size() - NonceSize - TagSize;
    const char *cipherText = sealed.constData() + NonceSize;

    QByteArray plaintext(cipherLength, Qt::Uninitialized);
    CipherContext context = newContext();
    int length = 0;
    // The tag is a const input here; OpenSSL's ctrl signature is simply not const-correct.
    QByteArray tag = sealed.right(TagSize);
    const bool ok
        = EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, m_key.data(), bytes(sealed.constData())) == 1
        && EVP_DecryptUpdate(context.get(), bytes(plaintext.data()), &length, bytes(cipherText), int(cipherLength)) == 1
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, TagSize, tag.data()) == 1
        && EVP_DecryptFinal_ex(context.get(), bytes(plaintext.data() + length), &length) == 1;
    if (!ok) {
        OPENSSL_cleanse(plaintext.data(), size_t(plaintext.size()));
        return decryptionFailed();
    }
    return plaintext;
}

} // namespace Latchkey::Core

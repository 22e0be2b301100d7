#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>

namespace Latchkey::Core {

/// AES-256-GCM encryption of recoverable keys under a key-encryption key (KEK) that lives in a
/// file outside the database (DESIGN.md invariant 1).
///
/// The encoded form is `base64(12-byte random nonce | ciphertext | 16-byte tag)`, no AAD.
/// Copyable; const methods are safe to call from several threads at once.
class KeyEncryption
{
public:
    static constexpr int KeySize = 32;
    static constexpr int NonceSize = 12;
    static constexpr int TagSize = 16;

    /// Uses @p key as the KEK; it must be exactly KeySize bytes (qFatal otherwise: a
    /// programming error). Meant for tests and for keys obtained elsewhere.
    explicit KeyEncryption(QByteArrayView key);
    KeyEncryption(const KeyEncryption &other) = default;
    KeyEncryption &operator=(const KeyEncryption &other) = default;
    ~KeyEncryption();

    /// Reads the KEK from @p kekFilePath, or, when the file does not exist, creates it with
    /// KeySize random bytes and mode 0600 (set at creation, before anything is written). An
    /// existing file is never overwritten; one of the wrong size is an error naming the file.
    [[nodiscard]] static Result<KeyEncryption> loadOrCreate(const QString &kekFilePath);

    /// Encrypts @p plaintext with a fresh random nonce; the result is base64 text.
    [[nodiscard]] QByteArray encrypt(QByteArrayView plaintext) const;

    /// Decrypts what encrypt() produced. Malformed input or a failed authentication (tampering,
    /// another KEK) is an error; no partial plaintext is ever returned.
    [[nodiscard]] Result<QByteArray> decrypt(QByteArrayView encoded) const;

private:
    std::array<unsigned char, KeySize> m_key {};
};

} // namespace Latchkey::Core

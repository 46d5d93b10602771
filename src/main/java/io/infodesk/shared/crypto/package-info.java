/**
 * Secrets at rest (GB/T 39786: SM4): passwords and signing keys the application must read back — the SMTP password,
 * a robot's signing secret — are stored encrypted with SM4-GCM under one key of the installation
 * ({@link io.infodesk.shared.crypto.SecretCipher}); an entity field opts in with
 * {@code @Convert(converter = EncryptedText.class)}.
 */
package io.infodesk.shared.crypto;

/**
 * Field encryption: envelope encryption of protected fields and blind indexes for exact-match
 * search, on Google Tink. One data key per owner, stored only wrapped by the key-encryption key,
 * which is kept outside the database; crypto-shredding by destroying an owner's data key.
 *
 * <p>A foundation feature: it depends on no other feature of Haven. Callers pass opaque owners
 * (such as {@code case:HVN-…}) and field names, never keys; what a field means is the calling
 * feature's business.
 *
 * <p>Entry points: {@code boundary.FieldCrypto}, the one crypto service (sealing and opening, blind
 * indexes, data keys); {@code boundary.KeyEncryptionKeys}, the key-encryption key, loaded at start
 * (Haven does not start without one) and rotated by the {@code keys} feature; {@code
 * entity.Protected}, the mark on every column that holds ciphertext; {@code control.KeyTool}, the
 * operator's command line for the key. See docs/security/encryption.md and docs/operations/keys.md.
 */
package org.haven.crypto;

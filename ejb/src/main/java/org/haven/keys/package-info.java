/**
 * Key administration: the administrators' view of the key-encryption key (where it comes from, its
 * key ids and their status, never key material) and its rotation while Haven runs, rewrapping every
 * stored key in small batches in the background and resuming after a restart.
 *
 * <p>A business feature for administrators: it may use the foundation features ({@code crypto},
 * {@code audit}, {@code access}, {@code problems}) and no business feature; nothing depends on it.
 *
 * <p>Entry points: {@code boundary.KeyManagement}, for administrators only; {@code
 * control.KeyRotationJob}, the startup singleton that runs and resumes rotations. See
 * docs/operations/keys.md.
 */
package org.haven.keys;

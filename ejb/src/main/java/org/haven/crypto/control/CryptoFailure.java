package org.haven.crypto.control;

import jakarta.ejb.ApplicationException;

/**
 * A key or ciphertext that cannot be used: a wrong key-encryption key, an altered value, a value
 * moved to another record. Its message names the owner and field only, never a value. Nothing of
 * the transaction it happened in is committed; it reaches callers as itself, so a list can skip one
 * damaged case.
 */
@ApplicationException(rollback = true)
public class CryptoFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CryptoFailure(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.haven.crypto.control;

import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Exact-match search on protected values without decrypting them: a keyed PRF (Tink HMAC-SHA256,
 * one key per index) over a normalised value, truncated. Equal inputs after normalisation give
 * equal indexes; without the key an index reveals nothing useful.
 */
public final class BlindIndex {

  /** 128 bits: collisions stay negligible for any NGO's case load, and the column stays small. */
  static final int BYTES = 16;

  static {
    try {
      PrfConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final PrfSet prf;

  public BlindIndex(KeysetHandle key) throws GeneralSecurityException {
    this.prf = key.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
  }

  public static KeysetHandle newKey() throws GeneralSecurityException {
    return KeysetHandle.generateNew(KeyTemplates.get("HMAC_SHA256_PRF"));
  }

  /** The index of an already normalised value; null for a blank one. */
  public String of(String normalised) throws GeneralSecurityException {
    if (normalised == null || normalised.isEmpty()) {
      return null;
    }
    return HexFormat.of()
        .formatHex(prf.computePrimary(normalised.getBytes(StandardCharsets.UTF_8), BYTES));
  }

  /** The full 256-bit PRF output of a value, hex: for the audit chain, which must not collide. */
  public String full(String value) throws GeneralSecurityException {
    return HexFormat.of().formatHex(prf.computePrimary(value.getBytes(StandardCharsets.UTF_8), 32));
  }
}

package org.haven.crypto.control;

import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

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

  /** Names: accents and case folded, punctuation dropped, whitespace collapsed. */
  public static String name(String value) {
    if (value == null) {
      return null;
    }
    String folded =
        Normalizer.normalize(value, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", " ");
    return folded.trim().replaceAll("\\s+", " ");
  }

  /** Phone numbers: a leading + and the digits, whatever the spacing or punctuation. */
  public static String phone(String value) {
    if (value == null) {
      return null;
    }
    String digits = value.replaceAll("\\D", "");
    String trimmed = value.trim();
    if (trimmed.startsWith("00")) {
      return "+" + digits.substring(2);
    }
    return trimmed.startsWith("+") ? "+" + digits : digits;
  }

  /** Identity document numbers: letters and digits only, upper case. */
  public static String document(String value) {
    return value == null ? null : value.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
  }
}

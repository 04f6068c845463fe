package org.haven.cases.entity;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Optional;

/**
 * The survivor's age as a band (CTDC's bands): kept when the exact date of birth is unknown, and
 * derived from it when known, so statistics never need the protected date.
 */
public enum AgeBand {
  AGE_0_8("0-8", 0),
  AGE_9_17("9-17", 9),
  AGE_18_20("18-20", 18),
  AGE_21_23("21-23", 21),
  AGE_24_26("24-26", 24),
  AGE_27_29("27-29", 27),
  AGE_30_38("30-38", 30),
  AGE_39_47("39-47", 39),
  AGE_48_PLUS("48+", 48);

  private final String code;
  private final int from;

  AgeBand(String code, int from) {
    this.code = code;
    this.from = from;
  }

  /** How the band is written in the API and on screen: {@code 18-20}, {@code 48+}. */
  public String code() {
    return code;
  }

  public String getCode() {
    return code;
  }

  public static Optional<AgeBand> byCode(String code) {
    return Arrays.stream(values()).filter(b -> b.code.equals(code)).findFirst();
  }

  /** The band of someone born on {@code birthDate}, on {@code today}. */
  public static AgeBand of(LocalDate birthDate, LocalDate today) {
    int age = Math.max(0, Period.between(birthDate, today).getYears());
    AgeBand band = AGE_0_8;
    for (AgeBand b : values()) {
      if (age >= b.from) {
        band = b;
      }
    }
    return band;
  }
}

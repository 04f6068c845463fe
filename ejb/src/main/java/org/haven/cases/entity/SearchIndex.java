package org.haven.cases.entity;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The blind indexes Haven keeps of a survivor's identity, each with its own PRF key (named by the
 * index, {@link #keyName()}) and its own normalisation, so that what a caseworker types at a search
 * matches what was typed at intake.
 */
public enum SearchIndex {
  /** Given and family names (and each alias), in any order. */
  NAME,
  BIRTH_DATE,
  PHONE,
  DOCUMENT_NUMBER,
  /** Name and date of birth together: the likely-duplicate check at intake. */
  NAME_BIRTH_DATE;

  /**
   * The canonical form of a value for this index; empty when nothing searchable remains. Names are
   * folded (accents, case, punctuation) and their words sorted, because a family name is written
   * first in some places and last in others.
   */
  public String normalise(String value) {
    if (value == null) {
      return "";
    }
    return switch (this) {
      case NAME -> sortedWords(name(value));
      case BIRTH_DATE -> LocalDate.parse(value.trim()).toString();
      case PHONE -> phone(value);
      case DOCUMENT_NUMBER -> document(value);
      case NAME_BIRTH_DATE -> {
        int at = value.lastIndexOf('|');
        yield at < 0
            ? ""
            : NAME.normalise(value.substring(0, at))
                + "|"
                + BIRTH_DATE.normalise(value.substring(at + 1));
      }
    };
  }

  /**
   * The name of this index's key: the crypto service keeps one PRF key per name and knows nothing
   * of what it indexes.
   */
  public String keyName() {
    return name();
  }

  /** The value {@link #NAME_BIRTH_DATE} indexes for a name and a date of birth. */
  public static String nameAndBirthDate(String name, LocalDate birthDate) {
    return name + "|" + birthDate;
  }

  private static String sortedWords(String folded) {
    return folded.isEmpty()
        ? ""
        : Arrays.stream(folded.split(" ")).sorted().collect(Collectors.joining(" "));
  }

  /** Names: accents and case folded, punctuation dropped, whitespace collapsed. */
  static String name(String value) {
    String folded =
        Normalizer.normalize(value, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", " ");
    return folded.trim().replaceAll("\\s+", " ");
  }

  /** Phone numbers: a leading + and the digits, whatever the spacing or punctuation. */
  static String phone(String value) {
    String digits = value.replaceAll("\\D", "");
    String trimmed = value.trim();
    if (trimmed.startsWith("00")) {
      return "+" + digits.substring(2);
    }
    return trimmed.startsWith("+") ? "+" + digits : digits;
  }

  /** Identity document numbers: letters and digits only, upper case. */
  static String document(String value) {
    return value.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
  }
}

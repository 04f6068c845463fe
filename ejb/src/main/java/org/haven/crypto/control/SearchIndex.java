package org.haven.crypto.control;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The blind indexes Haven keeps, each with its own PRF key and its own normalisation, so that what
 * a caseworker types at a search matches what was typed at intake.
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
      case NAME -> sortedWords(BlindIndex.name(value));
      case BIRTH_DATE -> LocalDate.parse(value.trim()).toString();
      case PHONE -> BlindIndex.phone(value);
      case DOCUMENT_NUMBER -> BlindIndex.document(value);
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

  /** The value {@link #NAME_BIRTH_DATE} indexes for a name and a date of birth. */
  public static String nameAndBirthDate(String name, LocalDate birthDate) {
    return name + "|" + birthDate;
  }

  private static String sortedWords(String folded) {
    return folded.isEmpty()
        ? ""
        : Arrays.stream(folded.split(" ")).sorted().collect(Collectors.joining(" "));
  }
}

package org.haven.cases.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

  @Test
  void namesMatchInAnyOrderAndSpelling() {
    assertEquals(
        SearchIndex.NAME.normalise("Zoë López-García"),
        SearchIndex.NAME.normalise("GARCIA  lopez zoe"));
    assertEquals("", SearchIndex.NAME.normalise("--"));
  }

  @Test
  void datesPhonesAndDocumentsAreCanonical() {
    assertEquals("1990-04-01", SearchIndex.BIRTH_DATE.normalise(" 1990-04-01 "));
    assertEquals("+2348035550101", SearchIndex.PHONE.normalise("00234 803-555-0101"));
    assertEquals("A12345678", SearchIndex.DOCUMENT_NUMBER.normalise("a12 345-678"));
  }

  @Test
  void nameAndBirthDateTogetherForDuplicates() {
    assertEquals(
        SearchIndex.NAME_BIRTH_DATE.normalise(
            SearchIndex.nameAndBirthDate("Amina Bello", LocalDate.of(1990, 4, 1))),
        SearchIndex.NAME_BIRTH_DATE.normalise("bello AMINA|1990-04-01"));
  }

  @Test
  void namesFoldAccentsCaseAndSpacing() {
    assertEquals("zoe lopez garcia", SearchIndex.name("  Zoë   LÓPEZ-García "));
    assertEquals(SearchIndex.name("Zoë López-García"), SearchIndex.name("zoe lopez garcia"));
  }

  @Test
  void phonesAndDocumentsKeepOnlyWhatIdentifies() {
    assertEquals("+2348035550101", SearchIndex.phone("+234 (803) 555-0101"));
    assertEquals("+2348035550101", SearchIndex.phone("00234 803 555 0101"));
    assertEquals("A12345678", SearchIndex.document("a12 345-678"));
  }
}

package org.haven.referrals.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.haven.cases.entity.ConsentMethod;
import org.haven.cases.entity.DocumentType;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.SharedField;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.labels.control.CodeLabels;
import org.haven.referrals.entity.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The summary as the provider reads it: the PDF's text holds the consented fields, no other. */
class ReferralSummaryTextTest {

  /** Each field's value in the test survivor, as it would appear in the PDF's text. */
  private static final Map<SharedField, String> VALUES =
      Map.ofEntries(
          Map.entry(SharedField.NAME, "Zuleika Marrowfield"),
          Map.entry(SharedField.ALIASES, "Zuzu Quillan"),
          Map.entry(SharedField.DATE_OF_BIRTH, "1994-08-17"),
          Map.entry(SharedField.SEX, "Female"),
          Map.entry(SharedField.NATIONALITY, "Moldova (MDA)"),
          Map.entry(SharedField.LANGUAGES, "Romanian (ro), Russian (ru)"),
          Map.entry(SharedField.PHONE, "+373 600 55 017"),
          Map.entry(SharedField.EMAIL, "zm.canary@example.org"),
          Map.entry(SharedField.ADDRESS, "14 Larkspur Yard"),
          Map.entry(SharedField.IDENTITY_DOCUMENT, "MD7701942"),
          Map.entry(SharedField.PLACE_OF_ORIGIN, "Vulcanesti"),
          Map.entry(SharedField.RISK_LEVEL, "High"));

  @ParameterizedTest
  @EnumSource(
      value = SharedField.class,
      names = {"EXPLOITATION"},
      mode = EnumSource.Mode.EXCLUDE)
  void a_summary_holds_the_consented_field_and_no_other(SharedField consented) throws IOException {
    String text = textOf(pdf(EnumSet.of(consented), "Needs a safe bed tonight."));

    assertTrue(text.contains(VALUES.get(consented)), consented + " is printed:\n" + text);
    VALUES.forEach(
        (field, value) -> {
          if (field != consented) {
            assertFalse(text.contains(value), field + " is not consented but printed:\n" + text);
          }
        });
    assertTrue(text.contains("Needs a safe bed tonight."), text);
  }

  @Test
  void without_consented_fields_nothing_of_the_survivor_is_printed() throws IOException {
    String text = textOf(pdf(EnumSet.noneOf(SharedField.class), "Legal advice on wages."));

    VALUES.values().forEach(v -> assertFalse(text.contains(v), v + " printed:\n" + text));
    assertTrue(text.contains("covers no personal details"), text);
    assertTrue(text.contains("Legal aid") && text.contains("Harbour Legal Clinic"), text);
  }

  @Test
  void every_field_consented_prints_every_value() throws IOException {
    String text = textOf(pdf(EnumSet.allOf(SharedField.class), "x"));

    VALUES.values().forEach(v -> assertTrue(text.contains(v), v + " missing:\n" + text));
  }

  @Test
  void arabic_names_are_written_with_a_font_that_has_them() throws IOException {
    SurvivorIdentity id = new SurvivorIdentity();
    id.setGivenNames("أمينة");
    id.setFamilyName("Haddad");
    byte[] pdf =
        ReferralSummaryText.pdf(
            "en",
            referral("سرير آمن"),
            new ReferralSummaryText.SurvivorData(id, null, null, null),
            EnumSet.of(SharedField.NAME));

    String text = textOf(pdf);
    assertTrue(text.contains("Haddad"), text);
    assertFalse(text.contains("?"), "every Arabic letter has a glyph:\n" + text);
    // Text extraction gives the letters back in reading order.
    assertTrue(text.contains("أمينة") || text.contains("امينة"), text);
  }

  @Test
  void a_character_the_font_lacks_prints_as_a_mark_and_does_not_fail_the_approval()
      throws IOException {
    SurvivorIdentity id = new SurvivorIdentity();
    id.setGivenNames("美玲");
    id.setFamilyName("Chen");
    String text =
        textOf(
            ReferralSummaryText.pdf(
                "en",
                referral("r"),
                new ReferralSummaryText.SurvivorData(id, null, null, null),
                EnumSet.of(SharedField.NAME)));

    assertTrue(text.contains("?? Chen"), text);
  }

  @Test
  void a_long_reason_runs_onto_further_pages_whole() throws IOException {
    String reason = "word ".repeat(3_000).strip() + " END";
    byte[] pdf = pdf(EnumSet.of(SharedField.NAME), reason);

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertTrue(doc.getNumberOfPages() > 1);
    }
    String text = textOf(pdf);
    assertTrue(text.contains("END"), "the end of the reason is printed");
    assertEquals(3_000, text.split("word", -1).length - 1, "no word is lost across pages");
  }

  private static byte[] pdf(Set<SharedField> consented, String reason) {
    return pdf("en", consented, reason);
  }

  private static byte[] pdf(String language, Set<SharedField> consented, String reason) {
    SurvivorIdentity id = new SurvivorIdentity();
    id.setGivenNames("Zuleika");
    id.setFamilyName("Marrowfield");
    id.setAliases(List.of("Zuzu Quillan"));
    id.setBirthDate(LocalDate.of(1994, 8, 17));
    id.setPhones(List.of("+373 600 55 017"));
    id.setEmail("zm.canary@example.org");
    id.setAddress("14 Larkspur Yard");
    id.setDocumentType(DocumentType.PASSPORT);
    id.setDocumentNumber("MD7701942");
    id.setPlaceOfOrigin("Vulcanesti");
    Survivor coded = new Survivor(Sex.FEMALE, "MDA");
    coded.setLanguages(List.of("ro", "ru"));
    return ReferralSummaryText.pdf(
        language,
        referral(reason),
        new ReferralSummaryText.SurvivorData(id, coded, null, RiskLevel.HIGH),
        consented);
  }

  @Test
  void languagesAndCountriesAreNamedWithTheirCodes() {
    assertEquals("Tigrinya (ti)", CodeLabels.language("ti", Locale.ENGLISH));
    assertEquals("tigrigna (ti)", CodeLabels.language("ti", Locale.FRENCH));
    assertEquals("Moldova (MDA)", CodeLabels.country("MDA", Locale.ENGLISH));
    assertEquals("Nigeria (NG)", CodeLabels.country("NG", Locale.ENGLISH));
    assertEquals("XX", CodeLabels.country("XX", Locale.ENGLISH));
    assertEquals("qqq", CodeLabels.language("qqq", Locale.ENGLISH));
  }

  @Test
  void a_summary_in_french_is_worded_in_french_with_the_values_as_written() throws IOException {
    String text = textOf(pdf("fr", EnumSet.allOf(SharedField.class), "Besoin d'un lit ce soir."));

    assertTrue(text.contains("Résumé de référencement"), text);
    assertTrue(text.contains("Date de naissance"), text);
    assertTrue(text.contains("Aide juridique"), "the catalogue's service in French:\n" + text);
    assertTrue(text.contains("Féminin"), "the coded sex in French:\n" + text);
    assertTrue(text.contains("Moldavie (MDA)"), text);
    assertTrue(text.contains("roumain (ro)"), text);
    assertTrue(text.contains("Élevé"), "the risk level in French:\n" + text);
    assertTrue(text.contains("Zuleika Marrowfield") && text.contains("+373 600 55 017"), text);
    assertTrue(text.contains("Besoin d'un lit ce soir."), text);
    assertFalse(text.contains("Referral summary"), text);
  }

  @Test
  void a_summary_in_arabic_is_worded_in_arabic_with_every_letter_printable() throws IOException {
    String text = textOf(pdf("ar", EnumSet.allOf(SharedField.class), "تحتاج إلى سرير آمن الليلة"));

    assertFalse(text.contains("?"), "every letter has a glyph:\n" + text);
    assertTrue(text.contains("ملخص الإحالة") && text.contains("تاريخ الميلاد"), text);
    assertTrue(text.contains("المساعدة القانونية"), "the catalogue's service in Arabic:\n" + text);
    assertFalse(text.contains("Date of birth"), text);
    assertTrue(text.contains("Zuleika Marrowfield") && text.contains("MD7701942"), text);
  }

  @Test
  void numbers_and_codes_keep_their_order_inside_arabic_lines() {
    String phone = "+44 7700 900123";
    // Unisolated, the bidirectional algorithm turns the groups around in a right-to-left line.
    assertFalse(SummaryPdf.visualOrder("الهاتف " + phone, true).contains(phone));
    for (String value : List.of(phone, "1994-08-17", "HVN-2026-000123 / 7")) {
      String visual =
          SummaryPdf.visualOrder("الهاتف " + ReferralSummaryText.ltr(value) + " ،", true);
      assertTrue(visual.contains(value), value + " reads " + visual);
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "fr", "ar"})
  void every_language_keeps_the_consent_to_its_fields(String language) throws IOException {
    String text = textOf(pdf(language, EnumSet.of(SharedField.SEX), "x"));

    VALUES.forEach(
        (field, value) -> {
          if (field != SharedField.SEX && !value.equals("High")) {
            assertFalse(text.contains(value), language + ": " + field + " printed:\n" + text);
          }
        });
  }

  private static ReferralSummaryText.Referral referral(String reason) {
    return new ReferralSummaryText.Referral(
        "HV-2026-0001",
        7,
        "LEGAL_AID",
        "Legal aid",
        "Harbour Legal Clinic",
        Urgency.URGENT,
        "Casey Worker",
        "north",
        "Sam Supervisor",
        Instant.parse("2026-11-28T10:15:00Z"),
        reason,
        LocalDate.of(2026, 11, 20),
        ConsentMethod.WRITTEN);
  }

  private static String textOf(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }
}

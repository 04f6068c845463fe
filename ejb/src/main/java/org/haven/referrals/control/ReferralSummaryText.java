package org.haven.referrals.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.haven.cases.entity.ExploitationProfile;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.SharedField;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.referrals.control.SummaryPdf.Line;
import org.haven.referrals.control.SummaryPdf.Section;

/**
 * What a referral summary says. The survivor's part is built field by field from the consent's list
 * and from nothing else, so a field the survivor did not agree to share cannot reach the provider
 * through the summary. Written in English, the directory's working language.
 */
public final class ReferralSummaryText {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The referral's own facts: what the provider is asked for, by whom, and the consent. */
  public record Referral(
      String reference,
      String service,
      String provider,
      String urgency,
      String writtenBy,
      String team,
      String approvedBy,
      Instant approvedAt,
      String reason,
      LocalDate consentGivenOn,
      String consentObtained) {}

  /** The survivor's data as the case holds it; only what the consent names is read from it. */
  public record SurvivorData(
      SurvivorIdentity identity,
      Survivor coded,
      ExploitationProfile exploitation,
      RiskLevel riskLevel) {}

  public static final String TITLE = "Referral summary";

  private ReferralSummaryText() {}

  public static String footer(String reference) {
    return "Confidential. Shared with the survivor's consent for this referral only: do not copy"
        + " or pass on. Haven "
        + reference;
  }

  public static List<Section> sections(
      Referral referral, SurvivorData survivor, Set<SharedField> consented) {
    List<Section> sections = new ArrayList<>();
    sections.add(
        new Section(
            "Referral",
            List.of(
                new Line("Reference", referral.reference()),
                new Line("Service", referral.service()),
                new Line("Provider", referral.provider()),
                new Line("Urgency", words(referral.urgency())),
                new Line("Written by", referral.writtenBy() + " (" + referral.team() + ")"),
                new Line(
                    "Approved",
                    WHEN.format(referral.approvedAt()) + " by " + referral.approvedBy()),
                new Line(
                    "Consent",
                    referral.consentGivenOn() == null
                        ? "This referral shares no personal data of the survivor."
                        : "Given "
                            + referral.consentGivenOn()
                            + " ("
                            + words(referral.consentObtained())
                            + "), for the details below only.")),
            List.of()));
    sections.add(
        new Section(
            "Why the survivor is referred",
            List.of(),
            List.of(referral.reason() == null ? "—" : referral.reason())));
    List<Line> lines = new ArrayList<>();
    for (SharedField field : consented) {
      lines.addAll(lines(field, survivor));
    }
    sections.add(
        new Section(
            "The survivor",
            lines,
            lines.isEmpty()
                ? List.of("The survivor's consent covers no personal details: none are included.")
                : List.of()));
    return sections;
  }

  /** The lines one consented field prints; an unknown value prints as such, never as another. */
  static List<Line> lines(SharedField field, SurvivorData s) {
    SurvivorIdentity id = s.identity() == null ? new SurvivorIdentity() : s.identity();
    Survivor coded = s.coded();
    ExploitationProfile p = s.exploitation();
    return switch (field) {
      case NAME -> List.of(new Line("Name", id.fullName()));
      case ALIASES -> List.of(new Line("Also known as", String.join(", ", id.getAliases())));
      case DATE_OF_BIRTH ->
          List.of(
              id.getBirthDate() != null
                  ? new Line("Date of birth", id.getBirthDate().toString())
                  : new Line(
                      "Age",
                      coded == null || coded.getAgeBand() == null
                          ? null
                          : coded.getAgeBand().getCode()));
      case SEX -> List.of(new Line("Sex", coded == null ? null : words(coded.getSex())));
      case NATIONALITY ->
          List.of(new Line("Nationality", coded == null ? null : country(coded.getNationality())));
      case LANGUAGES ->
          List.of(
              new Line(
                  "Languages",
                  coded == null || coded.getLanguages().isEmpty()
                      ? null
                      : coded.getLanguages().stream()
                          .map(ReferralSummaryText::language)
                          .collect(Collectors.joining(", "))));
      case PHONE -> List.of(new Line("Phone", String.join(", ", id.getPhones())));
      case EMAIL -> List.of(new Line("E-mail", id.getEmail()));
      case ADDRESS -> List.of(new Line("Address", id.getAddress()));
      case IDENTITY_DOCUMENT ->
          List.of(
              new Line(
                  "Identity document",
                  id.getDocumentNumber() == null
                      ? null
                      : (id.getDocumentType() == null ? "" : words(id.getDocumentType()) + " ")
                          + id.getDocumentNumber()));
      case PLACE_OF_ORIGIN -> List.of(new Line("Place of origin", id.getPlaceOfOrigin()));
      case EXPLOITATION ->
          p == null
              ? List.of(new Line("Exploitation", null))
              : List.of(
                  new Line("Exploitation", words(p.getTypes())),
                  new Line("Forced labour sector", words(p.getLabourTypes())),
                  new Line("Sexual exploitation", words(p.getSexualExploitationTypes())),
                  new Line("Means of control", words(p.getMeansOfControl())),
                  new Line("Recruitment", words(p.getRecruitmentMethods())),
                  new Line("Country of exploitation", country(p.getCountryOfExploitation())));
      case RISK_LEVEL ->
          List.of(new Line("Risk level", s.riskLevel() == null ? null : words(s.riskLevel())));
    };
  }

  /**
   * A language by its name, from the JDK's locale data, with its code for whoever matches it
   * against their own lists: "ti" → "Tigrinya (ti)". A code the JDK does not know stays as it is.
   */
  static String language(String code) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name + " (" + code + ")";
  }

  /** A country (ISO 3166 alpha-2 or alpha-3) by its name with its code: "MDA" → "Moldova (MDA)". */
  static String country(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String alpha2 =
        code.length() == 3
            ? java.util.Arrays.stream(Locale.getISOCountries())
                .filter(c -> new Locale("", c).getISO3Country().equalsIgnoreCase(code))
                .findFirst()
                .orElse(code)
            : code;
    String name = new Locale("", alpha2).getDisplayCountry(Locale.ENGLISH);
    return name.isEmpty() || name.equalsIgnoreCase(alpha2) ? code : name + " (" + code + ")";
  }

  /** A code as words: FORCED_LABOUR → Forced labour. */
  static String words(Object code) {
    if (code == null) {
      return null;
    }
    String text = code.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String words(Collection<? extends Enum<?>> codes) {
    return codes == null || codes.isEmpty()
        ? null
        : codes.stream().map(ReferralSummaryText::words).collect(Collectors.joining(", "));
  }
}

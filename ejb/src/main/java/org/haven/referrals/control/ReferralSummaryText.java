package org.haven.referrals.control;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.haven.cases.entity.ConsentMethod;
import org.haven.cases.entity.ExploitationProfile;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.SharedField;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.labels.control.CodeLabels;
import org.haven.referrals.control.SummaryPdf.Line;
import org.haven.referrals.control.SummaryPdf.Section;
import org.haven.referrals.entity.Urgency;

/**
 * What a referral summary says, in the language the referring worker chose for the provider
 * (English, French or Arabic). The survivor's part is built field by field from the consent's list
 * and from nothing else, so a field the survivor did not agree to share cannot reach the provider
 * through the summary. Coded values read as the pages word them ({@link CodeLabels}); what people
 * wrote (names, the reason) stays as written.
 */
public final class ReferralSummaryText {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The referral's own facts: what the provider is asked for, by whom, and the consent. */
  public record Referral(
      String caseNumber,
      long referralId,
      String serviceCode,
      String serviceName,
      String provider,
      Urgency urgency,
      String writtenBy,
      String team,
      String approvedBy,
      Instant approvedAt,
      String reason,
      LocalDate consentGivenOn,
      ConsentMethod consentObtained) {}

  /** The survivor's data as the case holds it; only what the consent names is read from it. */
  public record SurvivorData(
      SurvivorIdentity identity,
      Survivor coded,
      ExploitationProfile exploitation,
      RiskLevel riskLevel) {}

  private final Locale language;
  private final ResourceBundle words;

  private ReferralSummaryText(Locale language) {
    this.language = language;
    this.words =
        ResourceBundle.getBundle(
            "org.haven.referrals.control.summary",
            language,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The summary as PDF, in {@code language} (en, fr or ar; Arabic reads right to left). */
  public static byte[] pdf(
      String language, Referral referral, SurvivorData survivor, Set<SharedField> consented) {
    ReferralSummaryText text = new ReferralSummaryText(Locale.forLanguageTag(language));
    String reference = text.reference(referral);
    return SummaryPdf.write(
        text.say("title"),
        text.sections(referral, survivor, consented),
        page -> text.say("footer", reference, String.valueOf(page)),
        "ar".equals(language));
  }

  private String reference(Referral referral) {
    return ltr(
        say("reference.value", referral.caseNumber(), String.valueOf(referral.referralId())));
  }

  List<Section> sections(Referral referral, SurvivorData survivor, Set<SharedField> consented) {
    List<Section> sections = new ArrayList<>();
    sections.add(
        new Section(
            say("section.referral"),
            List.of(
                new Line(say("reference"), reference(referral)),
                new Line(
                    say("service"),
                    CodeLabels.service(referral.serviceCode(), referral.serviceName(), language)),
                new Line(say("provider"), referral.provider()),
                new Line(say("urgency"), label(referral.urgency())),
                new Line(
                    say("writtenBy"),
                    say(
                        "writtenBy.value",
                        referral.writtenBy(),
                        CodeLabels.team(referral.team(), language))),
                new Line(
                    say("approved"),
                    say(
                        "approved.value",
                        ltr(WHEN.format(referral.approvedAt())),
                        referral.approvedBy())),
                new Line(
                    say("consent"),
                    referral.consentGivenOn() == null
                        ? say("consent.none")
                        : say(
                            "consent.given",
                            ltr(referral.consentGivenOn().toString()),
                            label(referral.consentObtained())))),
            List.of()));
    sections.add(
        new Section(
            say("section.reason"),
            List.of(),
            List.of(referral.reason() == null ? "—" : referral.reason())));
    List<Line> lines = new ArrayList<>();
    for (SharedField field : consented) {
      lines.addAll(lines(field, survivor));
    }
    sections.add(
        new Section(
            say("section.survivor"),
            lines,
            lines.isEmpty() ? List.of(say("survivor.nothing")) : List.of()));
    return sections;
  }

  /** The lines one consented field prints; an unknown value prints as such, never as another. */
  List<Line> lines(SharedField field, SurvivorData s) {
    SurvivorIdentity id = s.identity() == null ? new SurvivorIdentity() : s.identity();
    Survivor coded = s.coded();
    ExploitationProfile p = s.exploitation();
    return switch (field) {
      case NAME -> List.of(new Line(say("name"), id.fullName()));
      case ALIASES -> List.of(new Line(say("aliases"), String.join(", ", id.getAliases())));
      case DATE_OF_BIRTH ->
          List.of(
              id.getBirthDate() != null
                  ? new Line(say("birthDate"), ltr(id.getBirthDate().toString()))
                  : new Line(
                      say("age"),
                      coded == null || coded.getAgeBand() == null
                          ? null
                          : ltr(coded.getAgeBand().getCode())));
      case SEX -> List.of(new Line(say("sex"), coded == null ? null : label(coded.getSex())));
      case NATIONALITY ->
          List.of(
              new Line(
                  say("nationality"),
                  coded == null ? null : CodeLabels.country(coded.getNationality(), language)));
      case LANGUAGES ->
          List.of(
              new Line(
                  say("languages"),
                  coded == null || coded.getLanguages().isEmpty()
                      ? null
                      : coded.getLanguages().stream()
                          .map(code -> CodeLabels.language(code, language))
                          .collect(Collectors.joining(", "))));
      case PHONE ->
          List.of(
              new Line(
                  say("phone"),
                  id.getPhones().stream()
                      .map(ReferralSummaryText::ltr)
                      .collect(Collectors.joining(", "))));
      case EMAIL -> List.of(new Line(say("email"), ltr(id.getEmail())));
      case ADDRESS -> List.of(new Line(say("address"), id.getAddress()));
      case IDENTITY_DOCUMENT ->
          List.of(
              new Line(
                  say("document"),
                  id.getDocumentNumber() == null
                      ? null
                      : (id.getDocumentType() == null ? "" : label(id.getDocumentType()) + " ")
                          + ltr(id.getDocumentNumber())));
      case PLACE_OF_ORIGIN -> List.of(new Line(say("origin"), id.getPlaceOfOrigin()));
      case EXPLOITATION ->
          p == null
              ? List.of(new Line(say("exploitation"), null))
              : List.of(
                  new Line(say("exploitation"), labels(p.getTypes())),
                  new Line(say("labour"), labels(p.getLabourTypes())),
                  new Line(say("sexual"), labels(p.getSexualExploitationTypes())),
                  new Line(say("control"), labels(p.getMeansOfControl())),
                  new Line(say("recruitment"), labels(p.getRecruitmentMethods())),
                  new Line(
                      say("countryOfExploitation"),
                      CodeLabels.country(p.getCountryOfExploitation(), language)));
      case RISK_LEVEL ->
          List.of(new Line(say("risk"), s.riskLevel() == null ? null : label(s.riskLevel())));
    };
  }

  /**
   * A value that reads left to right whatever the text around it (a phone number, a date, a case
   * number), isolated so that Arabic text does not reorder its parts: "+44 7700 900123" stays so.
   */
  static String ltr(String value) {
    return value == null || value.isEmpty() ? value : "\u2066" + value + "\u2069";
  }

  private String say(String key, Object... args) {
    return new MessageFormat(words.getString(key), language).format(args);
  }

  private String label(Enum<?> code) {
    return code == null ? null : CodeLabels.of(code, language);
  }

  private String labels(Collection<? extends Enum<?>> codes) {
    return codes == null || codes.isEmpty()
        ? null
        : codes.stream().map(this::label).collect(Collectors.joining(", "));
  }
}

package org.haven.cases.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.haven.api.Dates;
import org.haven.api.OneOf;
import org.haven.cases.boundary.CaseRegistration;
import org.haven.cases.entity.AgeBand;
import org.haven.cases.entity.DocumentType;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.Sex;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorCase;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.problems.InvalidField;

/**
 * The body of {@code POST /api/v1/cases}: what a caseworker records at intake. {@code narrative}
 * and the survivor's identifying fields are encrypted before they reach the database; {@code
 * assignee} (a user name) lets a supervisor give the new case to a caseworker of the team.
 */
public record CaseIntake(
    @NotNull(message = "choose a risk level: HIGH, MEDIUM or LOW")
        @Schema(implementation = RiskLevel.class, required = true)
        @OneOf(RiskLevel.class)
        String riskLevel,
    @Size(
            max = CaseRegistration.MAX_NARRATIVE,
            message = "must be at most " + CaseRegistration.MAX_NARRATIVE + " characters")
        String narrative,
    @Valid SurvivorDetails survivor,
    @Size(max = 255, message = "must be a user name") String assignee) {

  static final String AGE_BANDS = "0-8|9-17|18-20|21-23|24-26|27-29|30-38|39-47|48\\+";

  /** The survivor: coded details in clear, identifying ones protected. */
  public record SurvivorDetails(
      @Size(max = SurvivorIdentity.MAX_NAME, message = "must be at most 200 characters")
          @Pattern(regexp = SurvivorIdentity.ONE_LINE, message = "must be one line of text")
          String givenNames,
      @Size(max = SurvivorIdentity.MAX_NAME, message = "must be at most 200 characters")
          @Pattern(regexp = SurvivorIdentity.ONE_LINE, message = "must be one line of text")
          String familyName,
      @Size(max = SurvivorIdentity.MAX_ITEMS, message = "at most 10 aliases")
          List<
                  @NotNull(message = "must be a name, not null")
                  @Size(max = SurvivorIdentity.MAX_NAME, message = "must be at most 200 characters")
                  @Pattern(regexp = SurvivorIdentity.ONE_LINE, message = "must be one line of text")
                  String>
              aliases,
      @Pattern(regexp = Dates.DATE, message = Dates.MESSAGE) String birthDate,
      @Pattern(
              regexp = AGE_BANDS,
              message = "must be one of 0-8, 9-17, 18-20, 21-23, 24-26, 27-29, 30-38, 39-47, 48+")
          String ageBand,
      @Schema(implementation = Sex.class) @OneOf(Sex.class) String sex,
      @Pattern(
              regexp = "[A-Z]{2}",
              message = "must be an ISO 3166 country code of two capital letters")
          String nationality,
      @Size(max = 8, message = "at most 8 languages")
          List<
                  @NotNull(message = "must be a language code, not null")
                  @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code")
                  String>
              languages,
      @Size(max = SurvivorIdentity.MAX_ITEMS, message = "at most 10 phone numbers")
          List<
                  @NotNull(message = "must be a phone number, not null")
                  @Pattern(
                      regexp = SurvivorIdentity.PHONE,
                      message =
                          "must be a phone number: digits, spaces, ()-./ and an optional leading"
                              + " +")
                  String>
              phones,
      @Email(message = "must be an e-mail address")
          @Size(max = 254, message = "must be at most 254 characters")
          String email,
      @Size(max = SurvivorIdentity.MAX_TEXT, message = "must be at most 2000 characters")
          @Pattern(
              regexp = SurvivorIdentity.LINES,
              message = "must be text without control characters")
          String address,
      @Valid IdentityDocument document,
      @Size(max = SurvivorIdentity.MAX_NAME, message = "must be at most 200 characters")
          @Pattern(regexp = SurvivorIdentity.ONE_LINE, message = "must be one line of text")
          String placeOfOrigin,
      @Schema(
              description =
                  "Only when correcting (PUT /cases/{caseNumber}/survivor): the version of the"
                      + " case that was read, or send If-Match. Ignored at registration.")
          Long version) {

    /** The coded details; only called on validated details, so every code is known. */
    Survivor toSurvivor() {
      Survivor details = new Survivor();
      details.setSex(sex == null ? null : Sex.valueOf(sex));
      details.setNationality(nationality);
      details.setLanguages(languages);
      details.setAgeBand(ageBand == null ? null : AgeBand.byCode(ageBand).orElseThrow());
      return details;
    }

    /** The protected part; {@code prefix} names the fields in a refusal ("survivor."). */
    SurvivorIdentity toIdentity(String prefix) {
      SurvivorIdentity identity = new SurvivorIdentity();
      identity.setGivenNames(givenNames);
      identity.setFamilyName(familyName);
      identity.setAliases(aliases);
      identity.setBirthDate(CaseIntake.birthDate(prefix + "birthDate", birthDate));
      identity.setPhones(phones);
      identity.setEmail(email);
      identity.setAddress(address);
      if (document != null) {
        identity.setDocumentType(
            document.type() == null ? null : DocumentType.valueOf(document.type()));
        identity.setDocumentNumber(document.number());
      }
      identity.setPlaceOfOrigin(placeOfOrigin);
      return identity;
    }
  }

  /** An identity document: its type and number are both protected. */
  public record IdentityDocument(
      @Schema(implementation = DocumentType.class) @OneOf(DocumentType.class) String type,
      @Size(max = 64, message = "must be at most 64 characters")
          @Pattern(regexp = SurvivorIdentity.ONE_LINE, message = "must be one line of text")
          String number) {}

  /** Only called on a validated intake, so every code is known. */
  SurvivorCase toCase() {
    return new SurvivorCase(
        RiskLevel.valueOf(riskLevel), survivor == null ? new Survivor() : survivor.toSurvivor());
  }

  /** The protected part; a date that only looks like one ("2001-02-30") is refused here. */
  SurvivorIdentity toIdentity() {
    return survivor == null ? new SurvivorIdentity() : survivor.toIdentity("survivor.");
  }

  static LocalDate birthDate(String field, String value) {
    if (value == null) {
      return null;
    }
    LocalDate date = Dates.parse(field, value);
    if (!date.isBefore(LocalDate.now(ZoneOffset.UTC))) {
      throw new InvalidField(field, "must be a date in the past");
    }
    return date;
  }
}

package org.haven.cases.entity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What identifies or locates a survivor, in plain text: it exists only in memory, between a form or
 * request and FieldCrypto. In the database each value is a ciphertext ({@link SealedDetails}); its
 * {@link #toString()} says nothing, since it could reach a log.
 */
public class SurvivorIdentity implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final int MAX_NAME = 200;
  public static final int MAX_TEXT = 2000;
  public static final int MAX_ITEMS = 10;

  /** One line of text: no control characters (list values are stored one per line). */
  public static final String ONE_LINE = "[^\\p{Cntrl}]*";

  /** Text that may span lines (an address): no control characters but line breaks and tabs. */
  public static final String LINES = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

  public static final String PHONE = "\\+?[0-9][0-9 ()./-]{2,31}";

  @Size(max = MAX_NAME, message = "must be at most " + MAX_NAME + " characters")
  @Pattern(regexp = ONE_LINE, message = "must be one line of text")
  private String givenNames;

  @Size(max = MAX_NAME, message = "must be at most " + MAX_NAME + " characters")
  @Pattern(regexp = ONE_LINE, message = "must be one line of text")
  private String familyName;

  @Size(max = MAX_ITEMS, message = "at most " + MAX_ITEMS + " aliases")
  private List<
          @Size(max = MAX_NAME, message = "must be at most " + MAX_NAME + " characters")
          @Pattern(regexp = ONE_LINE, message = "must be one line of text") String>
      aliases = new ArrayList<>();

  @Past(message = "must be a date in the past")
  private LocalDate birthDate;

  @Size(max = MAX_ITEMS, message = "at most " + MAX_ITEMS + " phone numbers")
  private List<
          @Pattern(
              regexp = PHONE,
              message = "must be a phone number: digits, spaces, ()-./ and an optional leading +")
          String>
      phones = new ArrayList<>();

  @Email(message = "must be an e-mail address")
  @Size(max = 254, message = "must be at most 254 characters")
  private String email;

  @Size(max = MAX_TEXT, message = "must be at most " + MAX_TEXT + " characters")
  @Pattern(regexp = LINES, message = "must be text without control characters")
  private String address;

  private DocumentType documentType;

  @Size(max = 64, message = "must be at most 64 characters")
  @Pattern(regexp = ONE_LINE, message = "must be one line of text")
  private String documentNumber;

  @Size(max = MAX_NAME, message = "must be at most " + MAX_NAME + " characters")
  @Pattern(regexp = ONE_LINE, message = "must be one line of text")
  private String placeOfOrigin;

  public SurvivorIdentity() {}

  /** Given names then family name, as one string; empty when neither is known. */
  public String fullName() {
    return Stream.of(givenNames, familyName)
        .filter(Objects::nonNull)
        .filter(s -> !s.isBlank())
        .collect(Collectors.joining(" "));
  }

  public String getGivenNames() {
    return givenNames;
  }

  public void setGivenNames(String givenNames) {
    this.givenNames = blankToNull(givenNames);
  }

  public String getFamilyName() {
    return familyName;
  }

  public void setFamilyName(String familyName) {
    this.familyName = blankToNull(familyName);
  }

  public List<String> getAliases() {
    return aliases;
  }

  public void setAliases(List<String> aliases) {
    this.aliases = cleaned(aliases);
  }

  /** A copy to edit: a form changes it, the case's own stays as it was until saved. */
  public SurvivorIdentity copy() {
    SurvivorIdentity c = new SurvivorIdentity();
    c.setGivenNames(givenNames);
    c.setFamilyName(familyName);
    c.setAliases(aliases);
    c.setBirthDate(birthDate);
    c.setPhones(phones);
    c.setEmail(email);
    c.setAddress(address);
    c.setDocumentType(documentType);
    c.setDocumentNumber(documentNumber);
    c.setPlaceOfOrigin(placeOfOrigin);
    return c;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public void setBirthDate(LocalDate birthDate) {
    this.birthDate = birthDate;
  }

  public List<String> getPhones() {
    return phones;
  }

  public void setPhones(List<String> phones) {
    this.phones = cleaned(phones);
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = blankToNull(email);
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = blankToNull(address);
  }

  public DocumentType getDocumentType() {
    return documentType;
  }

  public void setDocumentType(DocumentType documentType) {
    this.documentType = documentType;
  }

  public String getDocumentNumber() {
    return documentNumber;
  }

  public void setDocumentNumber(String documentNumber) {
    this.documentNumber = blankToNull(documentNumber);
  }

  public String getPlaceOfOrigin() {
    return placeOfOrigin;
  }

  public void setPlaceOfOrigin(String placeOfOrigin) {
    this.placeOfOrigin = blankToNull(placeOfOrigin);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static List<String> cleaned(List<String> values) {
    List<String> kept = new ArrayList<>();
    if (values != null) {
      values.stream()
          .map(SurvivorIdentity::blankToNull)
          .filter(Objects::nonNull)
          .forEach(kept::add);
    }
    return kept;
  }

  @Override
  public String toString() {
    return "SurvivorIdentity[protected]";
  }
}

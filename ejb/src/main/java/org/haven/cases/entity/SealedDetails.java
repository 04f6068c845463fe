package org.haven.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.Resealing;
import org.haven.crypto.entity.Protected;

/**
 * The protected fields of a case as the database holds them: ciphertexts only, each sealed with the
 * survivor's data key and bound to the case number and the field name. Lists are sealed as one
 * value, one item per line (items are single lines by validation).
 */
@Embeddable
public class SealedDetails {

  static final String GIVEN_NAMES = "survivor.givenNames";
  static final String FAMILY_NAME = "survivor.familyName";
  static final String ALIASES = "survivor.aliases";
  static final String BIRTH_DATE = "survivor.birthDate";
  static final String PHONES = "survivor.phones";
  static final String EMAIL = "survivor.email";
  static final String ADDRESS = "survivor.address";
  static final String DOCUMENT_TYPE = "survivor.document.type";
  static final String DOCUMENT_NUMBER = "survivor.document.number";
  static final String PLACE_OF_ORIGIN = "survivor.placeOfOrigin";
  static final String NARRATIVE = "narrative";
  static final String ASSESSMENT = "assessment";

  @Protected(GIVEN_NAMES)
  @Column(name = "survivor_given_names")
  private byte[] givenNames;

  @Protected(FAMILY_NAME)
  @Column(name = "survivor_family_name")
  private byte[] familyName;

  @Protected(ALIASES)
  @Column(name = "survivor_aliases")
  private byte[] aliases;

  @Protected(BIRTH_DATE)
  @Column(name = "survivor_birth_date")
  private byte[] birthDate;

  @Protected(PHONES)
  @Column(name = "survivor_phones")
  private byte[] phones;

  @Protected(EMAIL)
  @Column(name = "survivor_email")
  private byte[] email;

  @Protected(ADDRESS)
  @Column(name = "survivor_address")
  private byte[] address;

  @Protected(DOCUMENT_TYPE)
  @Column(name = "survivor_document_type")
  private byte[] documentType;

  @Protected(DOCUMENT_NUMBER)
  @Column(name = "survivor_document_number")
  private byte[] documentNumber;

  @Protected(PLACE_OF_ORIGIN)
  @Column(name = "survivor_place_of_origin")
  private byte[] placeOfOrigin;

  @Protected(NARRATIVE)
  @Column(name = "narrative")
  private byte[] narrative;

  @Protected(ASSESSMENT)
  @Column(name = "assessment")
  private byte[] assessment;

  /** Seals every value again with the survivor's new data key (a re-key). */
  void reseal(Resealing r, String record) {
    givenNames = r.reseal(record, GIVEN_NAMES, givenNames);
    familyName = r.reseal(record, FAMILY_NAME, familyName);
    aliases = r.reseal(record, ALIASES, aliases);
    birthDate = r.reseal(record, BIRTH_DATE, birthDate);
    phones = r.reseal(record, PHONES, phones);
    email = r.reseal(record, EMAIL, email);
    address = r.reseal(record, ADDRESS, address);
    documentType = r.reseal(record, DOCUMENT_TYPE, documentType);
    documentNumber = r.reseal(record, DOCUMENT_NUMBER, documentNumber);
    placeOfOrigin = r.reseal(record, PLACE_OF_ORIGIN, placeOfOrigin);
    narrative = r.reseal(record, NARRATIVE, narrative);
    assessment = r.reseal(record, ASSESSMENT, assessment);
  }

  /** Replaces every protected value of case {@code record} with its ciphertext. */
  void seal(FieldCipher cipher, String record, SurvivorIdentity identity, String story) {
    sealIdentity(cipher, record, identity);
    narrative = cipher.seal(record, NARRATIVE, story == null || story.isBlank() ? null : story);
  }

  /** Replaces the survivor's identifying values (the narrative and assessment stay). */
  void sealIdentity(FieldCipher cipher, String record, SurvivorIdentity identity) {
    SurvivorIdentity id = identity == null ? new SurvivorIdentity() : identity;
    givenNames = cipher.seal(record, GIVEN_NAMES, id.getGivenNames());
    familyName = cipher.seal(record, FAMILY_NAME, id.getFamilyName());
    aliases = cipher.seal(record, ALIASES, lines(id.getAliases()));
    birthDate =
        cipher.seal(
            record, BIRTH_DATE, id.getBirthDate() == null ? null : id.getBirthDate().toString());
    phones = cipher.seal(record, PHONES, lines(id.getPhones()));
    email = cipher.seal(record, EMAIL, id.getEmail());
    address = cipher.seal(record, ADDRESS, id.getAddress());
    documentType =
        cipher.seal(
            record,
            DOCUMENT_TYPE,
            id.getDocumentType() == null ? null : id.getDocumentType().name());
    documentNumber = cipher.seal(record, DOCUMENT_NUMBER, id.getDocumentNumber());
    placeOfOrigin = cipher.seal(record, PLACE_OF_ORIGIN, id.getPlaceOfOrigin());
  }

  SurvivorIdentity openIdentity(FieldCipher cipher, String record) {
    SurvivorIdentity id = new SurvivorIdentity();
    id.setGivenNames(cipher.open(record, GIVEN_NAMES, givenNames));
    id.setFamilyName(cipher.open(record, FAMILY_NAME, familyName));
    id.setAliases(items(cipher.open(record, ALIASES, aliases)));
    String date = cipher.open(record, BIRTH_DATE, birthDate);
    id.setBirthDate(date == null ? null : LocalDate.parse(date));
    id.setPhones(items(cipher.open(record, PHONES, phones)));
    id.setEmail(cipher.open(record, EMAIL, email));
    id.setAddress(cipher.open(record, ADDRESS, address));
    String type = cipher.open(record, DOCUMENT_TYPE, documentType);
    id.setDocumentType(type == null ? null : DocumentType.valueOf(type));
    id.setDocumentNumber(cipher.open(record, DOCUMENT_NUMBER, documentNumber));
    id.setPlaceOfOrigin(cipher.open(record, PLACE_OF_ORIGIN, placeOfOrigin));
    return id;
  }

  /** The names only, for a list: nothing else is opened (or shown) for a row. */
  SurvivorIdentity openNames(FieldCipher cipher, String record) {
    SurvivorIdentity id = new SurvivorIdentity();
    id.setGivenNames(cipher.open(record, GIVEN_NAMES, givenNames));
    id.setFamilyName(cipher.open(record, FAMILY_NAME, familyName));
    return id;
  }

  String openNarrative(FieldCipher cipher, String record) {
    return cipher.open(record, NARRATIVE, narrative);
  }

  void sealAssessment(FieldCipher cipher, String record, String text) {
    assessment = cipher.seal(record, ASSESSMENT, text == null || text.isBlank() ? null : text);
  }

  String openAssessment(FieldCipher cipher, String record) {
    return cipher.open(record, ASSESSMENT, assessment);
  }

  /** Drops every ciphertext (erasure): nothing is left even for someone holding an old key. */
  void clear() {
    assessment = null;
    givenNames = null;
    familyName = null;
    aliases = null;
    birthDate = null;
    phones = null;
    email = null;
    address = null;
    documentType = null;
    documentNumber = null;
    placeOfOrigin = null;
    narrative = null;
  }

  private static String lines(List<String> items) {
    return items == null || items.isEmpty() ? null : String.join("\n", items);
  }

  private static List<String> items(String lines) {
    return lines == null ? List.of() : Arrays.asList(lines.split("\n"));
  }
}

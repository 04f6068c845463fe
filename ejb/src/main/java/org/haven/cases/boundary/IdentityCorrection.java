package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.haven.access.boundary.AccessPolicy;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseActions;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.control.SurvivorIndexes;
import org.haven.cases.entity.CaseIndexEntry;
import org.haven.cases.entity.StatusChangeKind;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;

/**
 * Correcting what was recorded of a survivor after registration (a misspelt name, a wrong birth
 * date): the case's caseworker and the team's supervisors; break-glass reads only. The correction
 * replaces the survivor's details as a whole, like the intake recorded them.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class IdentityCorrection {

  @Inject AccessPolicy access;
  @Inject CaseActions actions;
  @Inject CaseRecords records;
  @Inject SurvivorIndexes indexes;
  @Inject DuplicateMatches duplicateMatches;
  @Inject CaseOpener opener;

  /**
   * Replaces the survivor's coded details and identity; search and the duplicate check find the
   * case by the new values only. The history and the trail name the fields changed, never their
   * values; the case file returned lists possible duplicates of the corrected identity. A stale
   * {@code expectedVersion} is a conflicting edit. Empty if the case is out of scope.
   */
  public Optional<CaseFile> correct(
      String caseNumber,
      @NotNull(message = "send the survivor's details") @Valid Survivor coded,
      @NotNull(message = "send the survivor's details") @Valid SurvivorIdentity identity,
      Long expectedVersion) {
    return actions.change(
        caseNumber,
        AuditAction.IDENTITY_CORRECTED,
        (c, trail) -> {
          CaseRecords.checkVersion(c, expectedVersion);
          // The cipher first: it share-locks the survivor's key, so that the indexes below are
          // made under the index keys a running re-key will not pass over.
          FieldCipher cipher = records.cipherFor(c);
          List<String> changed =
              changedFields(c.getSurvivor(), c.identity(cipher), coded, identity);
          if (changed.isEmpty()) {
            trail.details("changed: nothing");
            return opener.open(c);
          }
          Set<CaseIndexEntry> searchable = indexes.of(identity);
          DuplicateMatches.Found matches =
              duplicateMatches.of(indexes.lookups(identity, searchable), c.getCaseNumber());
          Instant now = Instant.now();
          c.correctIdentity(cipher, coded, identity, searchable, now);
          records.history(
              c,
              c.getStatus(),
              c.getStatus(),
              StatusChangeKind.CORRECTED,
              access.actor(),
              now,
              String.join(", ", changed));
          trail.details("changed: " + String.join(",", changed) + "; " + matches.summary());
          matches.tell("at a correction of the survivor's identity");
          return opener.open(c, matches.shown());
        });
  }

  /** The names of the fields whose values differ (names only: they go to the trail). */
  static List<String> changedFields(
      Survivor codedBefore, SurvivorIdentity before, Survivor codedAfter, SurvivorIdentity after) {
    List<String> changed = new ArrayList<>();
    differs(changed, "survivor.givenNames", before, after, SurvivorIdentity::getGivenNames);
    differs(changed, "survivor.familyName", before, after, SurvivorIdentity::getFamilyName);
    differs(changed, "survivor.aliases", before, after, SurvivorIdentity::getAliases);
    differs(changed, "survivor.birthDate", before, after, SurvivorIdentity::getBirthDate);
    if (after.getBirthDate() == null) {
      differs(changed, "survivor.ageBand", codedBefore, codedAfter, Survivor::getAgeBand);
    }
    differs(changed, "survivor.sex", codedBefore, codedAfter, Survivor::getSex);
    differs(changed, "survivor.nationality", codedBefore, codedAfter, Survivor::getNationality);
    differs(changed, "survivor.languages", codedBefore, codedAfter, Survivor::getLanguages);
    differs(changed, "survivor.phones", before, after, SurvivorIdentity::getPhones);
    differs(changed, "survivor.email", before, after, SurvivorIdentity::getEmail);
    differs(changed, "survivor.address", before, after, SurvivorIdentity::getAddress);
    differs(changed, "survivor.document.type", before, after, SurvivorIdentity::getDocumentType);
    differs(
        changed, "survivor.document.number", before, after, SurvivorIdentity::getDocumentNumber);
    differs(changed, "survivor.placeOfOrigin", before, after, SurvivorIdentity::getPlaceOfOrigin);
    return changed;
  }

  private static <T> void differs(
      List<String> changed, String name, T before, T after, Function<T, Object> value) {
    if (!Objects.equals(normal(value.apply(before)), normal(value.apply(after)))) {
      changed.add(name);
    }
  }

  /** An empty list or blank text is as absent as null: nothing was recorded either way. */
  private static Object normal(Object value) {
    if (value instanceof List<?> list && list.isEmpty()) {
      return null;
    }
    if (value instanceof String text && text.isBlank()) {
      return null;
    }
    return value;
  }
}

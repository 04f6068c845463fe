package org.haven.cases.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.haven.access.boundary.AccessPolicy;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.entity.CaseIndexEntry;
import org.haven.cases.entity.SearchIndex;
import org.haven.database.control.Where;

/**
 * The duplicate check that intake and registration share ({@link CaseRegistration}): the cases with
 * the same name and date of birth or the same identity document number, what of them the caller is
 * shown, and what the trail and other teams' supervisors are told. Runs in the calling boundary's
 * transaction.
 */
@Dependent
class DuplicateMatches {

  @PersistenceContext EntityManager em;
  @Inject AccessPolicy access;
  @Inject AuditTrail audit;
  @Inject CaseRecords records;
  @Inject Event<DuplicateMatched> matched;

  /**
   * What a duplicate check found: what the caller is shown, and the matched cases by team, for the
   * trail and for the supervisors of other teams.
   */
  final class Found {
    private final List<PossibleDuplicate> shown;
    private final Set<String> readable;
    private final Map<String, Map<String, String>> hiddenByTeam;

    Found(
        List<PossibleDuplicate> shown,
        Set<String> readable,
        Map<String, Map<String, String>> hiddenByTeam) {
      this.shown = shown;
      this.readable = readable;
      this.hiddenByTeam = hiddenByTeam;
    }

    List<PossibleDuplicate> shown() {
      return shown;
    }

    /**
     * For the caller's own event, which the caller reads in their audit view: the numbers they may
     * open, and only a count of the others.
     */
    String summary() {
      // As many as the caller was shown, no more: hidden matches are one line per team kind there.
      boolean hidden = hiddenByTeam.values().stream().anyMatch(cases -> !cases.isEmpty());
      return "possible duplicates: "
          + shown.size()
          + (readable.isEmpty() ? "" : "; yours to open: " + AuditTrail.caseNumbers(readable))
          + (hidden ? "; some you may not open" : "");
    }

    /**
     * One event per team whose cases matched unseen, about that team: its supervisors (and the
     * administrators) read the numbers there, the caller does not. Another team's supervisors are
     * notified too.
     */
    void tell(String when) {
      Optional<String> ownTeam = access.ownTeam();
      String username = access.actor().getUsername();
      hiddenByTeam.forEach(
          (team, cases) -> {
            audit.record(
                Entry.of(AuditAction.DUPLICATES_CHECKED, "team", team)
                    .details(
                        "matched: "
                            + AuditTrail.caseNumbers(cases.keySet())
                            + "; by a member of team "
                            + ownTeam.orElse("none")
                            + ", "
                            + when));
            if (ownTeam.filter(team::equals).isEmpty()) {
              cases.forEach(
                  (caseNumber, why) ->
                      matched.fire(
                          new DuplicateMatched(
                              caseNumber, team, username, ownTeam.orElse(null), why)));
            }
          });
    }
  }

  Found of(Set<CaseIndexEntry> searchable) {
    return of(searchable, null);
  }

  /** The matches of a stored case's identity: the case itself ({@code self}) is not one. */
  Found of(Set<CaseIndexEntry> searchable, String self) {
    List<CaseIndexEntry> keys = new ArrayList<>();
    for (CaseIndexEntry entry : searchable) {
      if (entry.getKind() == SearchIndex.NAME_BIRTH_DATE
          || entry.getKind() == SearchIndex.DOCUMENT_NUMBER) {
        keys.add(entry);
      }
    }
    if (keys.isEmpty()) {
      return new Found(List.of(), Set.of(), Map.of());
    }
    // One condition per key with single-valued parameters: Hibernate keeps the translation of such
    // a query, while list parameters had it translated anew on every registration.
    Where where = new Where();
    List<String> either = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      either.add("(e.kind = :kind" + i + " and e.digest = :digest" + i + ")");
      where.parameter("kind" + i, keys.get(i).getKind());
      where.parameter("digest" + i, keys.get(i).getDigest());
    }
    where.and("(" + String.join(" or ", either) + ")");
    if (self != null) {
      where.and("c.caseNumber <> :self", "self", self);
    }
    List<Object[]> matches =
        where
            .bind(
                em.createQuery(
                    "select distinct c.caseNumber, c.owningTeam, e.kind from SurvivorCase c"
                        + " join c.searchIndexes e where "
                        + where.text(),
                    Object[].class))
            .getResultList();
    if (matches.isEmpty()) {
      return new Found(List.of(), Set.of(), Map.of());
    }
    Optional<String> ownTeam = access.ownTeam();
    Set<String> readable =
        records.readableNumbers(matches.stream().map(m -> (String) m[0]).toList());
    Map<String, PossibleDuplicate> found = new LinkedHashMap<>();
    Set<String> opened = new TreeSet<>();
    Map<String, Map<String, String>> hiddenByTeam = new TreeMap<>();
    for (Object[] match : matches) {
      String caseNumber = (String) match[0];
      String team = (String) match[1];
      String why =
          match[2] == SearchIndex.DOCUMENT_NUMBER
              ? "same identity document number"
              : "same name and date of birth";
      boolean sameTeam = ownTeam.filter(team::equals).isPresent();
      if (readable.contains(caseNumber)) {
        opened.add(caseNumber);
        found.putIfAbsent(caseNumber, PossibleDuplicate.visible(caseNumber, why));
        if (!sameTeam) {
          // Opened by break-glass: still a match that the case's own team hears of.
          hiddenByTeam.computeIfAbsent(team, t -> new TreeMap<>()).putIfAbsent(caseNumber, why);
        }
      } else {
        PossibleDuplicate hidden =
            sameTeam ? PossibleDuplicate.inYourTeam() : PossibleDuplicate.inAnotherTeam();
        found.putIfAbsent(hidden.message(), hidden);
        hiddenByTeam.computeIfAbsent(team, t -> new TreeMap<>()).putIfAbsent(caseNumber, why);
      }
    }
    return new Found(List.copyOf(found.values()), opened, hiddenByTeam);
  }
}

package org.haven.cases.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import org.haven.access.boundary.AccessPolicy;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.cases.control.CaseActions;
import org.haven.cases.control.CaseListing;
import org.haven.cases.control.CaseRecords;
import org.haven.cases.entity.CaseStatusChange;
import org.haven.cases.entity.SurvivorCase;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.paging.Page;
import org.haven.paging.PageRequest;

/**
 * Opening, listing and searching the cases in the caller's scope. Every answer that shows survivor
 * data is itself an audited read: a case outside the scope is as absent as one that does not exist.
 */
@Stateless
@RolesAllowed({AccessPolicy.CASEWORKER, AccessPolicy.SUPERVISOR})
public class CaseQueries {

  @PersistenceContext EntityManager em;

  @Inject AccessPolicy access;
  @Inject AuditTrail audit;
  @Inject CaseActions actions;
  @Inject CaseRecords records;
  @Inject CaseListing listing;
  @Inject CaseOpener opener;

  /** Opens the case with this number (an audited read), if the caller may see it. */
  public Optional<CaseFile> open(String caseNumber) {
    return actions.read(caseNumber, AuditAction.CASE_READ, (c, trail) -> opener.open(c));
  }

  /** How many cases the caller may see, counted up to {@link CaseListing#COUNT_CAP}. */
  public long count() {
    return listing.count(access.caseScope(), CaseSearch.NONE.criteria());
  }

  /**
   * A page of the cases the caller may see that match the search (every given criterion, exactly,
   * through the blind indexes); unknown sort keys fall back to newest first. The total counts up to
   * {@link CaseListing#COUNT_CAP}.
   */
  public Page<CaseFile> list(@NotNull PageRequest request, CaseSearch search) {
    CaseSearch criteria = search == null ? CaseSearch.NONE : search;
    CaseListing.Listing found = listing.page(access.caseScope(), criteria.criteria(), request);
    List<SurvivorCase> items = found.items();
    Page<CaseFile> page =
        new Page<>(
            items.stream().map(opener::openForList).toList(),
            request.page(),
            request.size(),
            found.total(),
            found.totalExact());
    String shown =
        (criteria.filters().isEmpty() ? "" : "filters: " + criteria.filters() + "; ")
            + "shown: "
            + AuditTrail.caseNumbers(items.stream().map(SurvivorCase::getCaseNumber).toList());
    audit.record(
        criteria.isEmpty()
            ? Entry.of(AuditAction.CASES_LISTED, "case", null).details(shown)
            : Entry.of(AuditAction.CASES_SEARCHED, "case", null)
                .details(
                    "criteria: "
                        + criteria.criteriaNames()
                        + "; results: "
                        + page.totalItems()
                        + (page.totalExact() ? "" : "+")
                        + "; "
                        + shown));
    return page;
  }

  /** The status history of a case, oldest first, reasons opened. Empty if out of scope. */
  public Optional<List<StatusHistoryEntry>> statusHistory(String caseNumber) {
    return actions.read(
        caseNumber,
        AuditAction.CASE_READ,
        (c, trail) -> {
          Optional<FieldCipher> cipher = records.openerFor(c);
          List<StatusHistoryEntry> history =
              em.createQuery(
                      "select h from CaseStatusChange h where h.survivorCase = :c"
                          + " order by h.changedAt, h.id",
                      CaseStatusChange.class)
                  .setParameter("c", c)
                  .getResultStream()
                  .map(
                      h ->
                          new StatusHistoryEntry(
                              h.getFromStatus(),
                              h.getToStatus(),
                              h.getKind(),
                              h.getChangedBy() == null ? null : h.getChangedBy().getUsername(),
                              h.getChangedAt(),
                              cipher.map(h::reason).orElse(null)))
                  .toList();
          trail.details("status history: " + history.size());
          return history;
        });
  }
}

package org.haven.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.haven.access.boundary.CaseScope;
import org.haven.cases.entity.CaseIndexEntry;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ExploitationCode;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.SearchIndex;
import org.haven.cases.entity.SurvivorCase;
import org.haven.database.control.Where;
import org.haven.paging.PageRequest;
import org.hibernate.jpa.HibernateHints;

/**
 * The query behind every list of cases: the caller's scope and the search as one JPQL condition
 * (the exact-match criteria through the blind indexes), the page in a stable order, and a count
 * that stops at {@link #COUNT_CAP}, so that a page costs the same with a hundred cases or a hundred
 * thousand.
 */
@ApplicationScoped
public class CaseListing {

  /** Lists count their matches up to this many; beyond, they say "more than". */
  public static final int COUNT_CAP = 1000;

  /** A page of cases, how many match (up to the cap), and whether that count is exact. */
  public record Listing(List<SurvivorCase> items, long total, boolean totalExact) {}

  /** What a list is narrowed to: exact-match protected criteria and coded filters. */
  public record Criteria(
      String name,
      String birthDate,
      String phone,
      String documentNumber,
      CaseStatus status,
      RiskLevel riskLevel,
      String assignee,
      ExploitationType exploitationType) {}

  @PersistenceContext EntityManager em;
  @Inject SurvivorIndexes indexes;

  public Listing page(CaseScope scope, Criteria criteria, PageRequest request) {
    Where where = CaseRecords.scope("c", scope).and(conditions(criteria));
    List<SurvivorCase> items =
        where
            .bind(
                em.createQuery(
                    "select c, k from SurvivorCase c "
                        + CaseRecords.WITH_DATA_KEY
                        + " left join fetch c.riskAssessedBy where "
                        + where.text()
                        + " order by "
                        + ordering(request),
                    Object[].class))
            .setHint(HibernateHints.HINT_READ_ONLY, true)
            .setFirstResult(request.offset())
            .setMaxResults(request.size())
            .getResultStream()
            .map(row -> (SurvivorCase) row[0])
            .toList();
    if (items.size() < request.size() && (!items.isEmpty() || request.offset() == 0)) {
      return new Listing(items, request.offset() + items.size(), true);
    }
    // The page is full (or past the end): count, but no further than the cap.
    long counted = counted(where);
    return counted <= COUNT_CAP
        ? new Listing(items, counted, true)
        : new Listing(items, Math.max(COUNT_CAP, request.offset() + items.size()), false);
  }

  /** How many cases match, counted up to the cap. */
  public long count(CaseScope scope, Criteria criteria) {
    return Math.min(COUNT_CAP, counted(CaseRecords.scope("c", scope).and(conditions(criteria))));
  }

  /** The matches, counted up to one more than the cap (which then means "more than"). */
  private long counted(Where where) {
    return where
        .bind(em.createQuery("select c.id from SurvivorCase c where " + where.text(), Long.class))
        // Without this, Hibernate first dirty-checks the page just loaded (a fifth of the
        // count's cost in the profile); no caller changes cases before listing them in the same
        // transaction.
        .setFlushMode(FlushModeType.COMMIT)
        .setMaxResults(COUNT_CAP + 1)
        .getResultList()
        .size();
  }

  /**
   * The search as conditions: each protected criterion through its blind index (one of which
   * nothing searchable is left, such as "--", matches nothing rather than everything), each coded
   * filter on its column.
   */
  private Where conditions(Criteria c) {
    Where where = new Where();
    index(where, 0, SearchIndex.NAME, c.name());
    index(where, 1, SearchIndex.BIRTH_DATE, c.birthDate());
    index(where, 2, SearchIndex.PHONE, c.phone());
    index(where, 3, SearchIndex.DOCUMENT_NUMBER, c.documentNumber());
    if (c.status() != null) {
      where.and("c.status = :status", "status", c.status());
    }
    if (c.riskLevel() != null) {
      where.and("c.riskLevel = :riskLevel", "riskLevel", c.riskLevel());
    }
    if (c.assignee() != null) {
      where.and(
          "exists (select 1 from CaseAssignment held where held.survivorCase = c"
              + " and held.caseworker.username = :assignee and held.endedAt is null)",
          "assignee",
          c.assignee());
    }
    if (c.exploitationType() != null) {
      where
          .parameter("codeCategory", ExploitationCode.Category.TYPE)
          .and(
              "c.id in (select typed.id from SurvivorCase typed join typed.exploitationCodes code"
                  + " where code.category = :codeCategory and code.code = :code)",
              "code",
              c.exploitationType().name());
    }
    return where;
  }

  private void index(Where where, int n, SearchIndex index, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    List<CaseIndexEntry> entries = indexes.entries(index, value);
    if (entries.isEmpty()) {
      where.and("1 = 0");
      return;
    }
    // Single-valued parameters, one per digest (two only during a re-key): Hibernate keeps the
    // translation of such a query.
    List<String> digests = new ArrayList<>();
    for (int d = 0; d < entries.size(); d++) {
      String parameter = "digest" + n + "_" + d;
      digests.add("entry" + n + ".digest = :" + parameter);
      where.parameter(parameter, entries.get(d).getDigest());
    }
    where
        .parameter("kind" + n, index)
        .and(
            "c.id in (select indexed"
                + n
                + ".id from SurvivorCase indexed"
                + n
                + " join indexed"
                + n
                + ".searchIndexes entry"
                + n
                + " where entry"
                + n
                + ".kind = :kind"
                + n
                + " and ("
                + String.join(" or ", digests)
                + "))");
  }

  /** The page's order; a unique tie-breaker keeps pages stable when many share a sort value. */
  static String ordering(PageRequest request) {
    Optional<CaseSort> sort = Optional.ofNullable(request.sortBy()).flatMap(CaseSort::byProperty);
    if (sort.isEmpty()) {
      return "c.createdAt desc, c.id desc";
    }
    String key = sort.get() == CaseSort.RISK_LEVEL ? triage() : "c." + sort.get().property();
    return key + (request.ascending() ? " asc" : " desc") + ", c.id asc";
  }

  /** Risk sorts by urgency (HIGH first when ascending), not alphabetically. */
  private static String triage() {
    return Arrays.stream(RiskLevel.values())
        .map(
            level ->
                "when c.riskLevel = "
                    + RiskLevel.class.getName()
                    + "."
                    + level.name()
                    + " then "
                    + level.ordinal())
        .collect(Collectors.joining(" ", "case ", " else " + RiskLevel.values().length + " end"));
  }
}

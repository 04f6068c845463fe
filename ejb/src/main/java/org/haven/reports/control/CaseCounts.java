package org.haven.reports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.haven.access.boundary.StatisticsScope;
import org.haven.cases.entity.ExploitationCode;
import org.haven.database.control.Where;
import org.haven.problems.InvalidField;
import org.haven.reports.boundary.ReportFilters;
import org.haven.reports.control.CellSuppression.Cell;
import org.hibernate.jpa.HibernateHints;

/**
 * The counting queries behind reports: one grouping query in the database over coded columns (and
 * the exploitation profile's code rows), so that a report over a hundred thousand cases moves a few
 * hundred numbers, never a case.
 */
@ApplicationScoped
public class CaseCounts {

  @PersistenceContext EntityManager em;

  /** The cases matching {@code where} (on {@code c}), counted by the dimensions' values. */
  public List<Cell> by(List<Dimension> dimensions, Where filters) {
    Where where = new Where().and(filters);
    StringBuilder joins = new StringBuilder();
    List<String> values = new ArrayList<>();
    boolean mentions = false;
    for (int n = 0; n < dimensions.size(); n++) {
      Dimension d = dimensions.get(n);
      if (d.multiValued()) {
        mentions = true;
        joins
            .append(" left join c.exploitationCodes code")
            .append(n)
            .append(" on code")
            .append(n)
            .append(".category = :category")
            .append(n);
        where.parameter("category" + n, d.codeCategory());
      }
      values.add(d.expression(n));
    }
    String grouped = String.join(", ", values);
    String query =
        "select "
            + grouped
            + (mentions ? ", count(distinct c.id)" : ", count(c.id)")
            + " from SurvivorCase c"
            + joins
            + " where "
            + where.text()
            + " group by "
            + grouped;
    List<Cell> cells = new ArrayList<>();
    for (Object row : rows(query, where)) {
      Object[] columns = row instanceof Object[] many ? many : new Object[] {row};
      List<String> written = new ArrayList<>();
      for (int n = 0; n < dimensions.size(); n++) {
        written.add(dimensions.get(n).written(columns[n]));
      }
      cells.add(new Cell(written, ((Number) columns[dimensions.size()]).longValue()));
    }
    return cells;
  }

  /** How many cases match {@code where}: persons, whatever the dimensions. */
  public long total(Where where) {
    return where
        .bind(
            em.createQuery(
                "select count(c.id) from SurvivorCase c where " + where.text(), Long.class))
        .setFlushMode(FlushModeType.COMMIT)
        .getSingleResult();
  }

  private List<?> rows(String query, Where where) {
    return where
        .bind(em.createQuery(query, Object[].class))
        .setHint(HibernateHints.HINT_READ_ONLY, true)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList();
  }

  static final java.util.regex.Pattern TEAM =
      java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The scope and the filters as one condition on {@code c}. */
  public static Where where(StatisticsScope scope, ReportFilters f) {
    Where where = new Where();
    scope.onlyTeam().ifPresent(team -> where.and("c.owningTeam = :scopeTeam", "scopeTeam", team));
    if (f.team() != null) {
      if (!CaseCounts.TEAM.matcher(f.team()).matches()) {
        throw new InvalidField("team", "must be a team's name (letters, digits, . _ -)");
      }
      where.and("c.owningTeam = :team", "team", f.team());
    }
    if (f.from() != null && f.to() != null && f.from().isAfter(f.to())) {
      throw new InvalidField("to", "must not be before from");
    }
    if (f.from() != null) {
      where.and("c.createdAt >= :from", "from", f.from().atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    if (f.to() != null) {
      where.and(
          "c.createdAt < :to", "to", f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    if (f.status() != null) {
      where.and("c.status = :status", "status", f.status());
    }
    if (f.riskLevel() != null) {
      where.and("c.riskLevel = :riskLevel", "riskLevel", f.riskLevel());
    }
    if (f.exploitationType() != null) {
      where
          .parameter("typeCategory", ExploitationCode.Category.TYPE)
          .and(
              "c.id in (select typed.id from SurvivorCase typed join typed.exploitationCodes tc"
                  + " where tc.category = :typeCategory and tc.code = :typeCode)",
              "typeCode",
              f.exploitationType().name());
    }
    return where;
  }
}

package org.haven.reports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ServiceStatus;
import org.haven.database.control.Where;
import org.haven.reports.control.CellSuppression.Cell;
import org.hibernate.jpa.HibernateHints;

/**
 * The counting queries of the donors' indicators beyond case tables: referrals by service and
 * outcome, closures and reopenings by quarter, and the days from intake to the first service
 * delivered. Each is one query in the database over coded columns and dates.
 */
@ApplicationScoped
public class IndicatorCounts {

  private static final String QUARTER = "extract(year from %1$s) * 10 + extract(quarter from %1$s)";

  @PersistenceContext EntityManager em;

  /**
   * Survivors referred in the period, by service code and where the referral stands: persons, so
   * that one survivor referred five times is not a cell of five.
   */
  public List<Cell> referrals(Where cases, LocalDate from, LocalDate to) {
    Where where = new Where().and(cases);
    period(where, "r.createdAt", from, to);
    return cells(
        "select r.serviceType.code, r.status, count(distinct c.id) from Referral r"
            + " join r.survivorCase c"
            + " where "
            + where.text()
            + " group by r.serviceType.code, r.status",
        where,
        2);
  }

  /** Cases closed and reopened in the period, by quarter: each case once per quarter and kind. */
  public List<Cell> closures(Where cases, LocalDate from, LocalDate to) {
    Where where =
        new Where()
            .and(cases)
            .parameter("closed", CaseStatus.CLOSED)
            .parameter("reopened", CaseStatus.REOPENED)
            .and("h.toStatus in (:closed, :reopened)");
    period(where, "h.changedAt", from, to);
    String quarter = String.format(QUARTER, "h.changedAt");
    List<Cell> cells =
        cells(
            "select "
                + quarter
                + ", h.toStatus, count(distinct c.id) from CaseStatusChange h"
                + " join h.survivorCase c where "
                + where.text()
                + " group by "
                + quarter
                + ", h.toStatus",
            where,
            2);
    List<Cell> written = new ArrayList<>();
    for (Cell cell : cells) {
      int n = Integer.parseInt(cell.values().get(0));
      written.add(new Cell(List.of(n / 10 + "-Q" + n % 10, cell.values().get(1)), cell.count()));
    }
    return written;
  }

  /**
   * For each case of {@code cases} with a service delivered, the days from intake to the first one:
   * the numbers alone, one per case, never a case.
   */
  public List<Long> daysToFirstService(Where cases) {
    Where where =
        new Where().and(cases).and("s.status = :delivered", "delivered", ServiceStatus.DELIVERED);
    List<Object[]> rows =
        where
            .bind(
                em.createQuery(
                    "select c.createdAt, min(s.deliveredOn) from CaseService s"
                        + " join s.survivorCase c where "
                        + where.text()
                        + " group by c.id, c.createdAt",
                    Object[].class))
            .setHint(HibernateHints.HINT_FETCH_SIZE, 1_000)
            .setFlushMode(FlushModeType.COMMIT)
            .getResultList();
    List<Long> days = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      LocalDate intake = ((Instant) row[0]).atZone(ZoneOffset.UTC).toLocalDate();
      LocalDate first = (LocalDate) row[1];
      if (first != null) {
        days.add(Math.max(0, ChronoUnit.DAYS.between(intake, first)));
      }
    }
    return days;
  }

  private static void period(Where where, String column, LocalDate from, LocalDate to) {
    if (from != null) {
      where.and(
          column + " >= :periodFrom", "periodFrom", from.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    if (to != null) {
      where.and(
          column + " < :periodTo",
          "periodTo",
          to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
  }

  private List<Cell> cells(String query, Where where, int values) {
    List<Cell> cells = new ArrayList<>();
    for (Object[] row :
        where
            .bind(em.createQuery(query, Object[].class))
            .setFlushMode(FlushModeType.COMMIT)
            .getResultList()) {
      List<String> written = new ArrayList<>();
      for (int i = 0; i < values; i++) {
        Object v = row[i];
        written.add(
            v == null
                ? null
                : v instanceof Enum<?> e
                    ? e.name()
                    : v instanceof Number n ? String.valueOf(n.intValue()) : Objects.toString(v));
      }
      cells.add(new Cell(written, ((Number) row[values]).longValue()));
    }
    return cells;
  }
}

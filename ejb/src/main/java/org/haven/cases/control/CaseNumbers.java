package org.haven.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Hands out case numbers of the form {@code HVN-<year>-<6 digits>}. The digits come from the
 * database sequence {@code case_number_seq}, so concurrent registrations on any number of server
 * nodes never collide; they carry nothing about the survivor.
 */
@ApplicationScoped
public class CaseNumbers {

  static final String SEQUENCE = "case_number_seq";

  @PersistenceContext EntityManager em;

  private volatile String nextValue;

  public String next(Instant at) {
    String sql = nextValueSql();
    // Straight JDBC on the transaction's connection: a native query is parsed and planned by
    // Hibernate on every call, a thirtieth of the CPU of registering a case.
    long value =
        em.unwrap(Session.class)
            .doReturningWork(
                connection -> {
                  try (PreparedStatement next = connection.prepareStatement(sql);
                      ResultSet row = next.executeQuery()) {
                    if (!row.next()) {
                      throw new SQLException(SEQUENCE + " gave no value");
                    }
                    return row.getLong(1);
                  }
                });
    return format(at.atZone(ZoneOffset.UTC).getYear(), value);
  }

  private String nextValueSql() {
    String sql = nextValue;
    if (sql == null) {
      sql =
          em.getEntityManagerFactory()
              .unwrap(SessionFactoryImplementor.class)
              .getJdbcServices()
              .getDialect()
              .getSequenceSupport()
              .getSequenceNextValString(SEQUENCE);
      nextValue = sql;
    }
    return sql;
  }

  static String format(int year, long value) {
    if (value < 1) {
      throw new IllegalArgumentException("sequence value must be positive: " + value);
    }
    // Not String.format: its parsing of the pattern was a fiftieth of registering a case.
    StringBuilder number = new StringBuilder(16).append("HVN-");
    pad(number, year, 4);
    number.append('-');
    pad(number, value, 6);
    return number.toString();
  }

  private static void pad(StringBuilder to, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      to.append('0');
    }
    to.append(digits);
  }
}

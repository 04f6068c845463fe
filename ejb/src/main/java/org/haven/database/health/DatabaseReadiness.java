package org.haven.database.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Haven is ready when its database answers and the schema migrations have all succeeded; shown at
 * {@code /health/ready} on the management port. Pending migrations need no check here: they run
 * while Haven deploys, and WildFly's own {@code deployments-status} probe is down until then.
 *
 * <p>Packaged apart, in the EAR's {@code lib/haven-health.jar}: WildFly only collects health checks
 * from an EAR's library jars, not from its EJB or web modules (WFLY-12835). So this class depends
 * on nothing but the datasource.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  static final String DATASOURCE = "java:jboss/datasources/HavenDS";

  @Resource(lookup = DATASOURCE)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("haven-database");
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      response.withData("database", connection.getMetaData().getDatabaseProductName());
      try (ResultSet history =
          statement.executeQuery(
              "select count(*), sum(case when success then 0 else 1 end), max(installed_rank)"
                  + " from flyway_schema_history")) {
        history.next();
        long failed = history.getLong(2);
        response
            .withData("migrationsApplied", history.getLong(1))
            .withData("migrationsFailed", failed);
        String version = schemaVersion(statement, history.getLong(3));
        if (version != null) {
          response.withData("schemaVersion", version);
          auditQueue(statement, response);
        }
        return response.status(connection.isValid(2) && failed == 0 && version != null).build();
      }
    } catch (SQLException e) {
      // The exception text can carry the JDBC URL or user; the SQL state is enough for a probe.
      return response
          .withData("error", "database unavailable (SQL state " + e.getSQLState() + ")")
          .down()
          .build();
    }
  }

  /**
   * How far the audit sequencer is behind, for operators: events committed but not yet linked into
   * the chain, and which server holds the sequencer's lease. Information, not a reason to stop
   * serving (the verifier reports events left unlinked too long).
   */
  private static void auditQueue(Statement statement, HealthCheckResponseBuilder response)
      throws SQLException {
    try (ResultSet queue = statement.executeQuery("select count(*) from audit_pending")) {
      queue.next();
      response.withData("auditEventsWaitingForTheChain", queue.getLong(1));
    } catch (SQLException olderSchema) {
      return; // before migration 12 there is no queue
    }
    try (ResultSet head =
        statement.executeQuery("select last_seq, sequencer from audit_chain_head where id = 1")) {
      if (head.next()) {
        response.withData("auditChainLength", head.getLong(1));
        String holder = head.getString(2);
        response.withData("auditSequencer", holder == null ? "none" : holder);
      }
    }
  }

  private static String schemaVersion(Statement statement, long lastRank) throws SQLException {
    try (ResultSet row =
        statement.executeQuery(
            "select version from flyway_schema_history where installed_rank = " + lastRank)) {
      return row.next() ? row.getString(1) : null;
    }
  }
}

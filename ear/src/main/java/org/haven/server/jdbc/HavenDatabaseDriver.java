package org.haven.server.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver of Haven's datasource: hands each connection to the driver of the database its
 * URL names. WildFly binds a datasource to one driver, while Haven must run on embedded H2 by
 * default and on PostgreSQL as soon as {@code HAVEN_DB_URL} names one; with this driver, that URL
 * is the only switch, whichever way the server is started.
 */
public final class HavenDatabaseDriver implements Driver {

  private static final Driver POSTGRESQL = new org.postgresql.Driver();
  private static final Driver H2 = new org.h2.Driver();
  private static final String REWRITE = "reWriteBatchedInserts";

  private static Driver delegateFor(String url) {
    if (url == null) {
      return null;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    return null;
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    Driver delegate = delegateFor(url);
    if (delegate == null) {
      // JDBC lets a driver answer null for a URL it does not serve, which the pool would report
      // obscurely. This is the datasource's only driver, so say plainly what is wrong (without
      // the URL itself, which may hold a password).
      throw new SQLException(
          "HAVEN_DB_URL must start with jdbc:postgresql: (or jdbc:h2: for the embedded database)",
          "08001");
    }
    return delegate.connect(url, delegate == POSTGRESQL ? batchedInserts(url, info) : info);
  }

  /**
   * Hibernate sends the rows of one table in a transaction as a JDBC batch (a registration writes
   * six search-index rows, two tasks); PostgreSQL's driver sends such a batch as one multi-row
   * insert only when asked, which saves the database a statement per row. An operator's own setting
   * of the property, in the URL or the datasource, wins.
   */
  private static Properties batchedInserts(String url, Properties info) {
    if (url.contains(REWRITE) || (info != null && info.getProperty(REWRITE) != null)) {
      return info;
    }
    Properties withRewrite = new Properties();
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        withRewrite.setProperty(name, info.getProperty(name));
      }
    }
    withRewrite.setProperty(REWRITE, "true");
    return withRewrite;
  }

  @Override
  public boolean acceptsURL(String url) {
    return delegateFor(url) != null;
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Driver delegate = delegateFor(url);
    return delegate == null ? new DriverPropertyInfo[0] : delegate.getPropertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }
}

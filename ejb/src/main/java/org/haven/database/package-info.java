/**
 * The database: schema migrations (Flyway, run when Haven is deployed, before any other bean uses
 * the database), the readiness check, and the JPQL condition builder the queries share.
 *
 * <p>A foundation feature that depends on no other feature of Haven. Its {@code health} package is
 * packaged apart, in the EAR's {@code lib/haven-health.jar}, and depends on nothing but the
 * datasource.
 *
 * <p>Entry points: {@code boundary.DatabaseMigrations}, the startup singleton other startup beans
 * depend on; {@code control.Migrations}, the one Flyway configuration (the SQL migrations are in
 * {@code src/main/resources/db/migration}, the Java ones in {@code control}); {@code
 * control.Where}, a JPQL condition from parts; {@code health.DatabaseReadiness}, {@code
 * /health/ready}. See docs/operations/health.md.
 */
package org.haven.database;

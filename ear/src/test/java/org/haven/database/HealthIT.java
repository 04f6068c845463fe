package org.haven.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /health/ready} on the management port reports the database and its migrations. */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  @Test
  void readinessReportsTheDatabaseTheSuiteRunsOn() {
    String expected = System.getProperty("it.expected.database", "H2");
    given()
        .baseUri(HavenDeployment.management().toString())
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("haven-database"))
        .body("checks.find { it.name == 'haven-database' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'haven-database' }.data.database", equalTo(expected))
        .body("checks.find { it.name == 'haven-database' }.data.migrationsFailed", equalTo(0))
        .body("checks.find { it.name == 'haven-database' }.data.schemaVersion", notNullValue())
        .body(
            "checks.find { it.name == 'haven-database' }.data.auditEventsWaitingForTheChain",
            notNullValue())
        .body("checks.find { it.name == 'haven-database' }.data.auditChainLength", notNullValue())
        .body("checks.find { it.name == 'deployments-status' }.status", equalTo("UP"));
  }
}

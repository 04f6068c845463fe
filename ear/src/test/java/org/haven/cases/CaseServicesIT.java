package org.haven.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import org.haven.it.Api;
import org.haven.it.CaseFixture;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Services per case: planned from the catalogue with a provider of the directory that offers them,
 * then delivered with an outcome (sealed, erased with the survivor) or cancelled, once.
 */
@ExtendWith(ArquillianExtension.class)
class CaseServicesIT {

  static final DemoStaff CW = DemoStaff.CASEWORKER_NORTH;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static int provider(String services) {
    return Api.api(DemoStaff.ADMIN)
        .body(
            "{\"name\":\"Provider "
                + System.nanoTime()
                + "\",\"serviceTypes\":"
                + services
                + ",\"areas\":[\"North\"],\"responseTimeHours\":24}")
        .post("/admin/providers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void aServiceIsPlannedWithAProviderThenDeliveredOnceWithItsOutcome() {
    String n = CaseFixture.newCase();
    int shelter = provider("[\"SHELTER\"]");
    int legal = provider("[\"LEGAL_AID\"]");
    Api.api(CW)
        .body(
            "{\"serviceType\":\"SHELTER\",\"providerId\":"
                + legal
                + ",\"plannedOn\":\"2030-01-02\"}")
        .post("/cases/" + n + "/services")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("providerId"))
        .body("errors[0].detail", containsString("does not offer"));
    Api.api(CW)
        .body("{\"serviceType\":\"SPA\",\"plannedOn\":\"2030-01-02\"}")
        .post("/cases/" + n + "/services")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("serviceType"));
    int id =
        Api.api(CW)
            .body(
                "{\"serviceType\":\"SHELTER\",\"providerId\":"
                    + shelter
                    + ",\"plannedOn\":\""
                    + LocalDate.now()
                    + "\"}")
            .post("/cases/" + n + "/services")
            .then()
            .statusCode(201)
            .body("status", equalTo("PLANNED"))
            .body("serviceName", equalTo("Shelter"))
            .body("providerId", equalTo(shelter))
            .extract()
            .path("id");
    Api.api(CW)
        .body("{\"status\":\"DELIVERED\",\"outcome\":\"Moved in; bed until March.\"}")
        .put("/cases/" + n + "/services/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("DELIVERED"))
        .body("deliveredOn", equalTo(LocalDate.now().toString()))
        .body("outcome", equalTo("Moved in; bed until March."));
    Api.api(CW)
        .body("{\"status\":\"CANCELLED\"}")
        .put("/cases/" + n + "/services/" + id)
        .then()
        .statusCode(409);
    Api.api(DemoStaff.SUPERVISOR_SOUTH).get("/cases/" + n + "/services").then().statusCode(404);
    Api.api(DemoStaff.SUPERVISOR_NORTH)
        .body("{\"reason\":\"RECORDED_IN_ERROR\"}")
        .post("/cases/" + n + "/erasure")
        .then()
        .statusCode(200);
    Api.api(DemoStaff.SUPERVISOR_NORTH)
        .get("/cases/" + n + "/services")
        .then()
        .statusCode(200)
        .body("[0].status", equalTo("DELIVERED"))
        .body("[0].outcome", nullValue());
  }

  @Test
  void aPlannedServiceCanBeCancelledWithAReason() {
    String n = CaseFixture.newCase();
    int id =
        Api.api(CW)
            .body("{\"serviceType\":\"INTERPRETATION\",\"plannedOn\":\"2030-01-02\"}")
            .post("/cases/" + n + "/services")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.api(CW)
        .body("{\"status\":\"CANCELLED\",\"outcome\":\"Interpreter found in the family.\"}")
        .put("/cases/" + n + "/services/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("outcome", equalTo("Interpreter found in the family."));
  }
}

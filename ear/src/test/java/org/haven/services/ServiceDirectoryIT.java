package org.haven.services;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.haven.it.Api;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service catalogue and the provider directory: kept by administrators (one entry at a time, or
 * by CSV import that reports every rejected row with its line and reason), read by staff.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceDirectoryIT {

  static final DemoStaff ADMIN = DemoStaff.ADMIN;
  static final DemoStaff CW = DemoStaff.CASEWORKER_NORTH;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static String unique(String name) {
    return name + " " + System.nanoTime();
  }

  @Test
  void theCatalogueStartsWithTheCommonServicesAndAdministratorsKeepIt() {
    Api.api(CW)
        .get("/services")
        .then()
        .statusCode(200)
        .body(
            "code",
            hasItems(
                "SHELTER",
                "MEDICAL",
                "PSYCHOSOCIAL",
                "LEGAL_AID",
                "RETURN_AND_REINTEGRATION",
                "LIVELIHOOD",
                "EDUCATION",
                "INTERPRETATION",
                "FAMILY_TRACING"));
    String code = "DAY_CARE_" + (System.nanoTime() % 100000);
    Api.api(ADMIN)
        .body("{\"name\":\"Day care\",\"description\":\"For survivors' children\"}")
        .put("/admin/services/" + code)
        .then()
        .statusCode(200)
        .body("active", equalTo(true));
    Api.api(CW).get("/services").then().body("code", hasItem(code));
    Api.api(ADMIN)
        .body("{\"name\":\"Day care\",\"active\":false}")
        .put("/admin/services/" + code)
        .then()
        .statusCode(200);
    Api.api(CW).get("/services").then().body("code", not(hasItem(code)));
    Api.api(ADMIN).get("/services").then().body("code", hasItem(code));
    Api.api(ADMIN)
        .body("{\"name\":\"Bad\"}")
        .put("/admin/services/bad-code")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("code"));
    Api.api(CW).body("{\"name\":\"Mine\"}").put("/admin/services/MINE").then().statusCode(403);
  }

  @Test
  void administratorsAddAndChangeProvidersStaffFindThemByServiceAndArea() {
    String name = unique("Safe House North");
    int id =
        Api.api(ADMIN)
            .body(
                "{\"name\":\""
                    + name
                    + "\",\"serviceTypes\":[\"SHELTER\",\"PSYCHOSOCIAL\"],"
                    + "\"areas\":[\"Lagos\",\"Ogun\"],\"phone\":\"+234 1 555 0100\","
                    + "\"email\":\"intake@safehouse.example\",\"responseTimeHours\":24}")
            .post("/admin/providers")
            .then()
            .statusCode(201)
            .body("active", equalTo(true))
            .extract()
            .path("id");
    Api.api(CW)
        .get("/providers?serviceType=SHELTER&area=lagos")
        .then()
        .statusCode(200)
        .body("name", hasItem(name));
    Api.api(CW).get("/providers?serviceType=LEGAL_AID").then().body("name", not(hasItem(name)));
    Api.api(ADMIN)
        .body("{\"name\":\"" + name + "\",\"serviceTypes\":[\"SHELTER\"],\"responseTimeHours\":12}")
        .post("/admin/providers")
        .then()
        .statusCode(409);
    Api.api(ADMIN)
        .body("{\"name\":\"X\",\"serviceTypes\":[\"SPA\"],\"responseTimeHours\":12}")
        .post("/admin/providers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("serviceTypes"))
        .body("errors[0].detail", containsString("SPA"));
    int version = Api.api(ADMIN).get("/providers/" + id).path("version");
    Api.api(ADMIN)
        .body(
            "{\"name\":\""
                + name
                + "\",\"serviceTypes\":[\"SHELTER\"],\"areas\":[\"Lagos\"],"
                + "\"responseTimeHours\":48,\"active\":false,\"version\":"
                + version
                + "}")
        .put("/admin/providers/" + id)
        .then()
        .statusCode(200)
        .body("responseTimeHours", equalTo(48))
        .body("active", equalTo(false));
    Api.api(ADMIN)
        .body(
            "{\"name\":\""
                + name
                + "\",\"serviceTypes\":[\"SHELTER\"],\"responseTimeHours\":6,\"version\":"
                + version
                + "}")
        .put("/admin/providers/" + id)
        .then()
        .statusCode(409);
    Api.api(CW).get("/providers?serviceType=SHELTER").then().body("name", not(hasItem(name)));
    Api.api(CW)
        .body("{\"name\":\"Mine\",\"serviceTypes\":[\"SHELTER\"],\"responseTimeHours\":6}")
        .post("/admin/providers")
        .then()
        .statusCode(403);
  }

  @Test
  void aCsvImportTakesTheGoodRowsAndSaysWhyEachBadOneWasLeftOut() {
    String clinic = unique("Clinic Hope");
    String legal = unique("Legal Aid Office");
    String csv =
        "name,serviceTypes,areas,phone,email,address,responseTimeHours,active\n"
            + "\""
            + clinic
            + "\",MEDICAL;PSYCHOSOCIAL,Kano;Kaduna,+234 2 555,clinic@example.org,\"12 Road, Kano\",48,true\n"
            + ",SHELTER,Lagos,,,,24,\n"
            + "\""
            + legal
            + "\",LEGAL_AID,Abuja,,not-an-email,,24,\n"
            + "Nowhere,SPA,Abuja,,,,24,\n"
            + "Slow,SHELTER,Abuja,,,,soon,\n"
            + "\""
            + clinic
            + "\",MEDICAL,Kano,,,,12,\n"
            + "\n";
    Map<String, Object> report =
        Api.api(ADMIN)
            .contentType("text/csv")
            .body(csv)
            .post("/admin/providers/import")
            .then()
            .statusCode(200)
            .extract()
            .path("");
    assertEquals(1, report.get("created"), report.toString());
    assertEquals(0, report.get("updated"));
    List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.get("rejected");
    assertEquals(List.of(3, 4, 5, 6, 7), rejected.stream().map(r -> r.get("line")).toList());
    assertTrue(((String) rejected.get(0).get("reason")).contains("name"), rejected.toString());
    assertTrue(((String) rejected.get(1).get("reason")).contains("email"));
    assertTrue(((String) rejected.get(2).get("reason")).contains("SPA"));
    assertTrue(((String) rejected.get(3).get("reason")).contains("whole number of hours"));
    assertTrue(((String) rejected.get(4).get("reason")).contains("already on line 2"));
    Api.api(CW)
        .get("/providers?serviceType=MEDICAL&area=Kaduna")
        .then()
        .body("name", hasItem(clinic));
    // Importing again updates by name.
    Api.api(ADMIN)
        .contentType("text/csv")
        .body(
            "name,serviceTypes,areas,phone,email,address,responseTimeHours\n\""
                + clinic
                + "\",MEDICAL,Kano,,,,12\n")
        .post("/admin/providers/import")
        .then()
        .statusCode(200)
        .body("created", equalTo(0))
        .body("updated", equalTo(1))
        .body("rejected.size()", equalTo(0));
    Api.api(ADMIN)
        .contentType("text/csv")
        .body("provider,services\nA,B\n")
        .post("/admin/providers/import")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("file"))
        .body("errors[0].detail", containsString("name,serviceTypes,areas"));
    Api.api(ADMIN)
        .contentType("text/csv")
        .body("name,serviceTypes,areas,phone,email,address,responseTimeHours\n\"Open,SHELTER\n")
        .post("/admin/providers/import")
        .then()
        .statusCode(400)
        .body("errors[0].detail", containsString("line 2"));
    Api.api(CW)
        .contentType("text/csv")
        .body("name\n")
        .post("/admin/providers/import")
        .then()
        .statusCode(403);
  }
}

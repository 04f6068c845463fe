package org.haven.cases;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Two people editing one case: the edit made on a stale copy is refused with 409 and changes
 * nothing, whether the client names the version in the body or as If-Match; edits racing at the
 * same instant leave exactly one winner and no half-applied change; notes, being append-only, are
 * never lost.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentEditsIT {

  static final DemoStaff CW = DemoStaff.CASEWORKER_NORTH;
  static final DemoStaff SUP = DemoStaff.SUPERVISOR_NORTH;
  static final String[] COUNTRIES = {"TH", "MY", "NG", "LY", "IT", "GR", "QA", "AE"};

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  @Test
  void theEditOnAStaleCopyIsRefusedAndChangesNothing() {
    String n = CaseFixture.newCase();
    int read = Api.api(CW).get("/cases/" + n).path("version");
    // The supervisor saves first, from the same version the caseworker read.
    Api.api(SUP)
        .body("{\"riskLevel\":\"HIGH\",\"version\":" + read + "}")
        .put("/cases/" + n + "/risk")
        .then()
        .statusCode(200);
    Api.api(CW)
        .body("{\"types\":[\"FORCED_LABOUR\"],\"version\":" + read + "}")
        .put("/cases/" + n + "/exploitation")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("title", equalTo("Edited by someone else"));
    Api.api(CW)
        .get("/cases/" + n)
        .then()
        .body("riskLevel", equalTo("HIGH"))
        .body("riskAssessedBy.username", equalTo("supervisor.north"))
        .body("exploitation.types.size()", equalTo(0));
  }

  @Test
  void ifMatchCarriesTheVersionToo() {
    String n = CaseFixture.newCase();
    Response read = Api.api(CW).get("/cases/" + n);
    String etag = read.header("ETag");
    assertNotNull(etag, "a case answers with its version as ETag");
    Api.api(CW)
        .header("If-Match", etag)
        .body("{\"riskLevel\":\"LOW\"}")
        .put("/cases/" + n + "/risk")
        .then()
        .statusCode(200);
    Api.api(SUP)
        .header("If-Match", etag)
        .body("{\"to\":\"ASSESSMENT\"}")
        .post("/cases/" + n + "/transitions")
        .then()
        .statusCode(409);
    Api.api(CW).get("/cases/" + n).then().body("status", equalTo("OPEN"));
    Api.api(CW)
        .header("If-Match", "\"not-a-version\"")
        .body("{\"riskLevel\":\"HIGH\"}")
        .put("/cases/" + n + "/risk")
        .then()
        .statusCode(409);
  }

  @Test
  void editsRacingAtTheSameInstantLeaveOneWinnerWhole() throws Exception {
    String n = CaseFixture.newCase();
    int read = Api.api(CW).get("/cases/" + n).path("version");
    ExecutorService pool = Executors.newFixedThreadPool(COUNTRIES.length);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> answers = new ArrayList<>();
    try {
      for (String country : COUNTRIES) {
        // Signed in beforehand: only the edits race, not the sign-ins.
        var request =
            Api.api(CW)
                .body(
                    "{\"types\":[\"FORCED_LABOUR\"],\"countryOfExploitation\":\""
                        + country
                        + "\",\"version\":"
                        + read
                        + "}");
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return request.put("/cases/" + n + "/exploitation");
                }));
      }
      start.countDown();
      List<String> winners = new ArrayList<>();
      int refused = 0;
      for (int i = 0; i < answers.size(); i++) {
        Response answer = answers.get(i).get();
        if (answer.statusCode() == 200) {
          winners.add(COUNTRIES[i]);
        } else {
          assertEquals(409, answer.statusCode(), answer.asString());
          refused++;
        }
      }
      assertEquals(1, winners.size(), "winners: " + winners);
      assertEquals(COUNTRIES.length - 1, refused);
      Api.api(CW)
          .get("/cases/" + n)
          .then()
          .body("exploitation.countryOfExploitation", equalTo(winners.get(0)))
          .body("version", equalTo(read + 1));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void notesWrittenAtTheSameInstantAreAllKept() throws Exception {
    String n = CaseFixture.newCase();
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < writers; i++) {
        var request = Api.api(i % 2 == 0 ? CW : SUP).body("{\"text\":\"Visit " + i + ".\"}");
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return request.post("/cases/" + n + "/notes").statusCode();
                }));
      }
      start.countDown();
      for (Future<Integer> answer : answers) {
        assertEquals(201, answer.get());
      }
      Api.api(CW).get("/cases/" + n + "/notes").then().body("size()", equalTo(writers));
    } finally {
      pool.shutdownNow();
    }
  }
}

package org.haven.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.haven.it.Api;
import org.haven.it.HavenDeployment;
import org.haven.it.Keycloak;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rotating the key-encryption key while caseworkers keep working: every request succeeds during the
 * rotation, every case stays readable after it, and the old key ends up disabled, in Haven's status
 * and in the key file itself.
 */
@ExtendWith(ArquillianExtension.class)
class KeyRotationIT {

  static final String CASEWORKER = Keycloak.accessToken("caseworker.north");
  static final String ADMIN = Keycloak.accessToken("admin");
  static final String INTAKE =
      "{\"riskLevel\":\"MEDIUM\",\"narrative\":\"rotation %s\",\"survivor\":{\"givenNames\":"
          + "\"Rota%s\",\"familyName\":\"Tion\",\"phones\":[\"+44 20 7946 %04d\"]}}";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static String register(int i) {
    return Api.withToken(CASEWORKER)
        .body(INTAKE.formatted(i, i, i % 10_000))
        .post("/cases")
        .then()
        .statusCode(201)
        .extract()
        .path("caseNumber");
  }

  @Test
  void rotatesWhileCaseworkersKeepWorking() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<String> seeded = new ArrayList<>();
    List<java.util.concurrent.Future<String>> seeding = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int n = i;
      seeding.add(pool.submit(() -> register(n)));
    }
    for (var f : seeding) {
      seeded.add(f.get());
    }

    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger requests = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    for (int w = 0; w < 3; w++) {
      int worker = w;
      pool.submit(
          () -> {
            int i = 0;
            while (!stop.get()) {
              int n = 100_000 + worker * 10_000 + i++;
              Response created =
                  Api.withToken(CASEWORKER).body(INTAKE.formatted(n, n, n % 10_000)).post("/cases");
              requests.incrementAndGet();
              if (created.statusCode() != 201) {
                failures.add("POST " + created.statusCode() + " " + created.asString());
                continue;
              }
              String number = created.path("caseNumber");
              Response read = Api.withToken(CASEWORKER).get("/cases/" + number);
              Response old =
                  Api.withToken(CASEWORKER).get("/cases/" + seeded.get(i % seeded.size()));
              Response list = Api.withToken(CASEWORKER).get("/cases?size=50");
              requests.addAndGet(3);
              for (Response r : List.of(read, old, list)) {
                if (r.statusCode() != 200) {
                  failures.add("GET " + r.statusCode() + " " + r.asString());
                }
              }
            }
            return null;
          });
    }

    // The caseworkers are at work (each has gone round a few times) before the rotation starts.
    Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> requests.get() >= 24);
    Response started = Api.withToken(ADMIN).post("/admin/keys/rotation");
    assertEquals(202, started.statusCode(), started.asString());
    String newKey = started.path("rotation.newKeyId");
    List<Map<String, Object>> last = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Map<String, Object> now =
                  Api.withToken(ADMIN)
                      .get("/admin/keys")
                      .then()
                      .statusCode(200)
                      .extract()
                      .path("rotation");
              last.add(0, now);
              seen.add(now.get("state") + " " + now.get("rewrapped") + "/" + now.get("total"));
              return !"RUNNING".equals(now.get("state"));
            });
    Map<String, Object> status = last.get(0);
    // And they go on working under the new key for a while before they stop.
    int before = requests.get();
    Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> requests.get() >= before + 12);
    stop.set(true);
    pool.shutdown();
    assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES));

    System.out.printf(
        "Key rotation: %s keys rewrapped, %d requests during it, none failed; progress seen: %s%n",
        status.get("rewrapped"), requests.get(), seen);
    assertEquals("DONE", status.get("state"), "progress seen: " + seen);
    assertEquals(newKey, status.get("newKeyId"));
    assertTrue(((Number) status.get("rewrapped")).intValue() >= seeded.size(), "progress: " + seen);
    assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " failed: " + failures);
    assertTrue(requests.get() > 20, "too little work during the rotation: " + requests);

    List<Map<String, Object>> keys =
        Api.withToken(ADMIN).get("/admin/keys").then().statusCode(200).extract().path("keys");
    assertTrue(keys.size() >= 2);
    for (Map<String, Object> key : keys) {
      boolean primary = Boolean.TRUE.equals(key.get("primary"));
      assertEquals(primary ? "ENABLED" : "DISABLED", key.get("status"), keys.toString());
      assertEquals(primary, newKey.equals(key.get("id")));
    }
    // The key file says the same: the old keys are disabled there too.
    JsonNode file =
        new ObjectMapper().readTree(Path.of(System.getProperty("it.kek.file")).toFile());
    assertEquals(newKey, Integer.toUnsignedString(file.get("primaryKeyId").asInt()));
    for (JsonNode key : file.get("key")) {
      boolean primary = key.get("keyId").asLong() == file.get("primaryKeyId").asLong();
      assertEquals(primary ? "ENABLED" : "DISABLED", key.get("status").asText());
    }
    // Every case written before and during the rotation opens.
    for (String number : seeded) {
      Api.withToken(CASEWORKER).get("/cases/" + number).then().statusCode(200);
    }
    assertEquals(
        "Rota7",
        Api.withToken(CASEWORKER)
            .get("/cases/" + seeded.get(7))
            .then()
            .extract()
            .path("survivor.givenNames"));

    // Then the retired keys' material can go: gone from the key file, every case still opens.
    List<String> retired =
        Api.withToken(ADMIN).get("/admin/keys").then().statusCode(200).extract().path("retired");
    assertTrue(retired.size() >= 1, retired.toString());
    Api.withToken(CASEWORKER).delete("/admin/keys/retired").then().statusCode(403);
    Response destroyed = Api.withToken(ADMIN).delete("/admin/keys/retired");
    destroyed.then().statusCode(200);
    assertEquals(List.of(), destroyed.path("retired"));
    assertEquals(List.of(newKey), destroyed.path("keys.id"));
    JsonNode after =
        new ObjectMapper().readTree(Path.of(System.getProperty("it.kek.file")).toFile());
    assertEquals(1, after.get("key").size(), "only the primary key is left in the file");
    List<Map<String, Object>> events = Api.auditEventsOf(destroyed);
    assertEquals(1, events.size(), events.toString());
    assertEquals("KEY_DESTROYED", events.get(0).get("action"));
    for (String id : retired) {
      assertTrue(events.get(0).get("details").toString().contains(id), events.toString());
    }
    for (String number : seeded) {
      Api.withToken(CASEWORKER).get("/cases/" + number).then().statusCode(200);
    }
    // Nothing left to destroy: the same request changes nothing.
    Api.withToken(ADMIN).delete("/admin/keys/retired").then().statusCode(200);
  }
}

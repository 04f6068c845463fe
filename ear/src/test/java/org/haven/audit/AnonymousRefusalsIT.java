package org.haven.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.haven.audit.boundary.AnonymousRefusals;
import org.haven.it.AuditChainTables;
import org.haven.it.HavenDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refusals of requests without a caller, inside the server: counted, not written one by one, and
 * written as one event per client address and minute that carries the count.
 */
@ExtendWith(ArquillianExtension.class)
class AnonymousRefusalsIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return HavenDeployment.withTest(AnonymousRefusalsIT.class);
  }

  @Inject AnonymousRefusals refusals;
  @Inject AuditChainTables chain;

  static int get(HttpClient http, String authorization) throws Exception {
    HttpRequest.Builder request =
        // In the server, where HavenDeployment is not: the suite's port (ear/pom.xml).
        HttpRequest.newBuilder(URI.create("http://localhost:8280/haven/api/v1/cases"))
            .header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void refusalsWithoutACallerAreOneEventPerAddressWithTheirCount() throws Exception {
    refusals.flush(); // what earlier tests left in this minute
    long before = chain.lastId();
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 37; i++) {
      assertEquals(401, get(http, null));
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(401, get(http, "Bearer not.a.token"));
    }
    assertEquals(
        0,
        chain.number("select count(*) from audit_event where id > " + before),
        "40 refusals, no event written yet");

    refusals.flush();
    // One event for the address, unless the minute's own flush fell inside the test: then two.
    List<String> events =
        chain.strings(
            "select details from audit_event where id > "
                + before
                + " and action = 'ACCESS_DENIED' and outcome = 'DENIED' and actor_subject is null"
                + " and client_address = '127.0.0.1' order by id");
    assertTrue(events.size() == 1 || events.size() == 2, events.toString());
    assertEquals(
        events.size(), chain.number("select count(*) from audit_event where id > " + before));
    long counted = 0;
    for (String details : events) {
      Matcher m =
          Pattern.compile("requests: (\\d+); HTTP 401: (\\d+); from .+ to .+").matcher(details);
      assertTrue(m.matches(), details);
      assertEquals(m.group(1), m.group(2));
      counted += Long.parseLong(m.group(1));
    }
    assertEquals(40, counted, events.toString());
    assertEquals(0, refusals.flush(), "nothing more to write");
    assertTrue(chain.verify().intact());
  }
}

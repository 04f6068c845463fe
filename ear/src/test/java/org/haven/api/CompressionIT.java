package org.haven.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.haven.it.CaseFixture;
import org.haven.it.HavenDeployment;
import org.haven.it.Keycloak;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Answers travel compressed to a client that accepts it (field offices on weak mobile links), and
 * plain to one that does not; a compressed answer is the same answer.
 */
@ExtendWith(ArquillianExtension.class)
class CompressionIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static HttpResponse<byte[]> get(String path, String token, boolean gzip) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(HavenDeployment.api() + path))
            .header("Authorization", "Bearer " + token);
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    // java.net.http does not decompress: what it receives is what travelled.
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void jsonAndProblemsTravelCompressed() throws Exception {
    for (int i = 0; i < 5; i++) {
      CaseFixture.newCase();
    }
    String token = Keycloak.accessToken("caseworker.north");
    HttpResponse<byte[]> plain = get("/cases?size=20", token, false);
    HttpResponse<byte[]> packed = get("/cases?size=20", token, true);
    assertEquals(200, packed.statusCode());
    assertTrue(
        plain.headers().firstValue("Content-Encoding").isEmpty(), plain.headers().toString());
    assertEquals("gzip", packed.headers().firstValue("Content-Encoding").orElse(null));
    byte[] unpacked = new GZIPInputStream(new ByteArrayInputStream(packed.body())).readAllBytes();
    assertEquals(
        new String(plain.body(), StandardCharsets.UTF_8),
        new String(unpacked, StandardCharsets.UTF_8));
    assertTrue(
        packed.body().length * 2 < plain.body().length,
        "compressed " + packed.body().length + " of " + plain.body().length + " bytes");

    HttpResponse<byte[]> refused = get("/cases", "not-a-token", true);
    assertEquals(401, refused.statusCode());
    assertEquals("gzip", refused.headers().firstValue("Content-Encoding").orElse("none"));
  }
}

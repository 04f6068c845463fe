package org.haven.documents;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.haven.it.CaseFixture.CW;
import static org.haven.it.CaseFixture.SUP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * Documents in the case file over REST: stored encrypted (no canary of the content in the data
 * directory), given back byte for byte with their type and name, refused by type from their bytes
 * (an executable named .pdf) and by size without leaving a file, out of other teams' reach, deleted
 * by supervisors only, unreadable after erasure; the trail names them by id, never title.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentsIT {

  static final String CANARY = "CANARY-DOC-Q7ZX";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  /** Multipart as a browser sends it: part headers (a file's name) in UTF-8. */
  static RequestSpecification multipart(DemoStaff user) {
    return Api.api(user)
        .config(
            io.restassured.config.RestAssuredConfig.config()
                .httpClient(
                    io.restassured.config.HttpClientConfig.httpClientConfig()
                        .httpMultipartMode(
                            org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
                .multiPartConfig(
                    io.restassured.config.MultiPartConfig.multiPartConfig()
                        .defaultCharset(StandardCharsets.UTF_8)))
        .contentType("multipart/form-data");
  }

  /** A small PDF with the canary in its text. */
  static byte[] pdf() {
    String body =
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% "
            + CANARY
            + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    byte[] text = body.getBytes(StandardCharsets.ISO_8859_1);
    byte[] big = new byte[300_000];
    Arrays.fill(big, (byte) 'x');
    byte[] all = Arrays.copyOf(text, text.length + big.length);
    System.arraycopy(big, 0, all, text.length, big.length);
    return all;
  }

  static Response upload(DemoStaff user, String n, String kind, String name, byte[] bytes) {
    return multipart(user)
        .multiPart("kind", kind)
        .multiPart("title", "Passport withheld by the employer " + CANARY)
        .multiPart("file", name, bytes, "application/octet-stream")
        .post("/cases/" + n + "/documents");
  }

  static Path dataDir() {
    return Path.of(System.getProperty("it.data.dir"), "documents");
  }

  static List<Path> stored() throws IOException {
    if (!Files.isDirectory(dataDir())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dataDir())) {
      return files.toList();
    }
  }

  @Test
  void aDocumentIsStoredEncryptedAndComesBackByteForByte() throws IOException {
    String n = CaseFixture.newCase();
    byte[] bytes = pdf();
    Response created = upload(CW, n, "ID_DOCUMENT", "pass port é.pdf", bytes);
    created
        .then()
        .statusCode(201)
        .body("kind", equalTo("ID_DOCUMENT"))
        .body("contentType", equalTo("application/pdf"))
        .body("size", equalTo(bytes.length))
        .body("fileName", equalTo("pass port é.pdf"))
        .body("title", containsString("Passport"))
        .body("uploadedBy", equalTo("caseworker.north"));
    int id = created.path("id");
    assertTrue(created.header("Location").endsWith("/documents/" + id));

    Api.api(SUP).get("/cases/" + n + "/documents").then().statusCode(200).body("id", hasItem(id));
    Response content =
        Api.api(CW).accept("*/*").get("/cases/" + n + "/documents/" + id + "/content");
    content
        .then()
        .statusCode(200)
        .contentType("application/pdf")
        .header("Content-Disposition", containsString("attachment; filename=\"pass_port__.pdf\""))
        .header("Content-Disposition", containsString("filename*=UTF-8''pass%20port%20%C3%A9.pdf"));
    assertArrayEquals(bytes, content.asByteArray());

    for (Path file : stored()) {
      String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertFalse(raw.contains(CANARY), "plaintext in " + file);
      assertFalse(raw.contains("%PDF"), "plaintext in " + file);
    }
    List<Map<String, Object>> events = Api.auditEventsOf(created);
    String details = String.valueOf(events.get(0).get("details"));
    assertTrue(details.contains("document " + id) && details.contains("application/pdf"), details);
    assertFalse(details.contains("Passport") || details.contains("pass port"), details);
  }

  @Test
  void anExecutableNamedPdfAndAnOversizedFileAreRefusedLeavingNothing() throws IOException {
    String n = CaseFixture.newCase();
    byte[] exe = new byte[4096];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[60] = (byte) 0x80;
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    List<Path> before = stored();
    upload(CW, n, "OTHER", "statement.pdf", exe)
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("detail", containsString("application/pdf"));
    // 26 MB of a PDF's bytes: refused once it passes 25 MB, and its partial file is gone.
    byte[] huge = new byte[26 * 1024 * 1024];
    byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, huge, 0, head.length);
    upload(CW, n, "OTHER", "big.pdf", huge)
        .then()
        .statusCode(413)
        .body("detail", containsString("25 MB"));
    assertEquals(before.size(), stored().size(), "no file left behind: " + stored());
    Api.api(CW).get("/cases/" + n + "/documents").then().statusCode(200).body("size()", equalTo(0));
    upload(CW, n, "SHOE", "a.pdf", pdf()).then().statusCode(400).body(containsString("kind"));
  }

  @Test
  void otherTeamsSeeNothingCaseworkersDoNotDeleteAndSupervisorsDeleteWithAReason() {
    String n = CaseFixture.newCase();
    int id =
        upload(CW, n, "MEDICAL", "report.pdf", pdf()).then().statusCode(201).extract().path("id");
    for (DemoStaff other : List.of(DemoStaff.CASEWORKER_SOUTH, DemoStaff.SUPERVISOR_SOUTH)) {
      Api.api(other).get("/cases/" + n + "/documents").then().statusCode(404);
      Api.api(other)
          .accept("*/*")
          .get("/cases/" + n + "/documents/" + id + "/content")
          .then()
          .statusCode(404);
      upload(other, n, "OTHER", "x.pdf", pdf()).then().statusCode(404);
    }
    Api.api(DemoStaff.ADMIN).get("/cases/" + n + "/documents").then().statusCode(403);
    Api.api(CW)
        .body("{\"reason\":\"Uploaded to the wrong case.\"}")
        .delete("/cases/" + n + "/documents/" + id)
        .then()
        .statusCode(403);
    Api.api(SUP).body("{}").delete("/cases/" + n + "/documents/" + id).then().statusCode(400);
    Api.api(SUP)
        .body("{\"reason\":\"Uploaded to the wrong case.\"}")
        .delete("/cases/" + n + "/documents/" + id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
    Api.api(CW)
        .accept("*/*")
        .get("/cases/" + n + "/documents/" + id + "/content")
        .then()
        .statusCode(404);
    Api.api(CW).get("/cases/" + n + "/documents").then().body("id", not(hasItem(id)));
  }

  @Test
  void erasureMakesEveryDocumentUnreadableAndRemovesItsFile() throws IOException {
    String n = CaseFixture.newCase();
    int id = upload(CW, n, "PHOTO", "face.pdf", pdf()).then().statusCode(201).extract().path("id");
    int files = stored().size();
    Api.api(SUP)
        .body("{\"reason\":\"RECORDED_IN_ERROR\"}")
        .post("/cases/" + n + "/erasure")
        .then()
        .statusCode(200);
    Api.api(SUP)
        .accept("*/*")
        .get("/cases/" + n + "/documents/" + id + "/content")
        .then()
        .statusCode(404);
    assertEquals(files - 1, stored().size(), "the erased survivor's file is gone");
  }
}

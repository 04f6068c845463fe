package org.haven.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.haven.client.ApiClient;
import org.haven.client.ApiException;
import org.haven.client.api.CasesApi;
import org.haven.client.model.CaseDocument;
import org.haven.client.model.CaseIntake;
import org.haven.client.model.CaseNoteDetails;
import org.haven.client.model.NoteInput;
import org.haven.client.model.RiskLevel;
import org.haven.client.model.SurvivorDetails;
import org.haven.it.DemoStaff;
import org.haven.it.HavenDeployment;
import org.haven.it.Keycloak;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integrator's first day: a Java client generated from the served OpenAPI document (OpenAPI
 * Generator, validation on) registers a case, finds it by name, reads it, adds a note, and meets a
 * 400 and a 404 as the document says it will.
 */
@ExtendWith(ArquillianExtension.class)
class GeneratedClientIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return HavenDeployment.asBuilt();
  }

  static CasesApi cases(DemoStaff user) {
    ApiClient client = new ApiClient();
    // The document's paths start at the server's root (/haven/api/v1/…).
    client.updateBaseUri(HavenDeployment.httpRoot().toString());
    client.setRequestInterceptor(
        request -> request.header("Authorization", "Bearer " + Keycloak.cachedToken(user)));
    return new CasesApi(client);
  }

  @Test
  void aGeneratedClientRegistersSearchesReadsAndAddsANote() throws ApiException {
    CasesApi cases = cases(DemoStaff.CASEWORKER_NORTH);
    String family = "Client" + System.nanoTime();
    CaseDocument registered =
        cases.registerCase(
            new CaseIntake()
                .riskLevel(RiskLevel.HIGH)
                .narrative("Met at the bus station.")
                .survivor(new SurvivorDetails().givenNames("Ana").familyName(family)));
    String number = registered.getCaseNumber();

    List<CaseDocument> found =
        cases
            .listCases(CasesApi.APIListCasesRequest.newBuilder().name("Ana " + family).build())
            .getItems();
    assertEquals(List.of(number), found.stream().map(CaseDocument::getCaseNumber).toList());

    CaseDocument read = cases.getCase(number);
    assertEquals(RiskLevel.HIGH, read.getRiskLevel());
    assertEquals(family, read.getSurvivor().getFamilyName());

    CaseNoteDetails note = cases.addNote(number, new NoteInput().text("Called the shelter."));
    assertEquals("Called the shelter.", note.getText());
  }

  @Test
  void problemsReachTheClientWithTheirStatus() {
    CasesApi cases = cases(DemoStaff.CASEWORKER_NORTH);
    ApiException invalid =
        assertThrows(ApiException.class, () -> cases.registerCase(new CaseIntake()));
    assertEquals(400, invalid.getCode());
    ApiException absent = assertThrows(ApiException.class, () -> cases.getCase("HVN-1999-999999"));
    assertEquals(404, absent.getCode());
  }
}

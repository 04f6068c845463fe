package org.haven.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LabelsTest {

  private final Labels labels = new Labels();

  @Test
  void anActionStoredAsTextReadsAsItsLabel() {
    assertEquals("Case opened", labels.ofCode("CASE_READ", Locale.ENGLISH));
    assertEquals("SOMETHING_RETIRED", labels.ofCode("SOMETHING_RETIRED", Locale.ENGLISH));
  }

  @Test
  void detailsNameStatesInWordsAndKeepWhatWasTyped() {
    assertEquals(
        "referral 12; from Waiting for approval to Sent",
        labels.ofDetails("referral 12; from PENDING_APPROVAL to SENT", Locale.ENGLISH));
    assertEquals(
        "changed: status; from Open to Assessment (MOVED)"
            .replace("MOVED", labels.ofCode("MOVED", Locale.ENGLISH)),
        labels.ofDetails("changed: status; from OPEN to ASSESSMENT (MOVED)", Locale.ENGLISH));
    assertEquals(
        "fields: riskLevel; assigned to: amina",
        labels.ofDetails("fields: riskLevel; assigned to: amina", Locale.ENGLISH));
  }

  @Test
  void inFrenchTheStatesAndTheirLinkAreFrench() {
    assertEquals(
        "referral 12; de En attente d'approbation à Envoyée",
        labels.ofDetails("referral 12; from PENDING_APPROVAL to SENT", Locale.FRENCH));
  }
}

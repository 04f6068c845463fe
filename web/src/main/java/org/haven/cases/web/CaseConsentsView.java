package org.haven.cases.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.haven.cases.boundary.ConsentView;
import org.haven.cases.boundary.Consents;
import org.haven.cases.entity.ConsentMethod;
import org.haven.cases.entity.ConsentType;
import org.haven.ui.Texts;

/** The Consent tab of the case page: the survivor's consents, a new one, a withdrawal. */
@Named
@ViewScoped
public class CaseConsentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CaseView page;
  @Inject Consents consents;

  private List<ConsentView> all;
  private ConsentType type;
  private String recipient;
  private String purpose;
  private ConsentMethod howObtained;
  private LocalDate givenOn = LocalDate.now();

  public List<ConsentView> getAll() {
    if (all == null) {
      all =
          page.getCaseFile() == null
              ? List.of()
              : consents.consents(page.getCaseNumber()).orElse(List.of());
    }
    return all;
  }

  public void record() throws IOException {
    if (type == null || howObtained == null || givenOn == null) {
      CaseView.warn(Texts.get("consent.incomplete"));
      return;
    }
    String n = page.getCaseNumber();
    if (page.attempt(
        () -> consents.record(n, type, recipient, purpose, null, null, howObtained, givenOn))) {
      CaseView.info(Texts.get("consent.recorded"));
      type = null;
      recipient = null;
      purpose = null;
      howObtained = null;
      givenOn = LocalDate.now();
      all = null;
    }
  }

  public void withdraw(long consentId) throws IOException {
    String n = page.getCaseNumber();
    if (page.attempt(() -> consents.withdraw(n, consentId, null))) {
      CaseView.info(Texts.get("consent.withdrawn"));
    }
    all = null;
  }

  public ConsentType[] getTypes() {
    return ConsentType.values();
  }

  public ConsentMethod[] getMethods() {
    return ConsentMethod.values();
  }

  public ConsentType getType() {
    return type;
  }

  public void setType(ConsentType type) {
    this.type = type;
  }

  public String getRecipient() {
    return recipient;
  }

  public void setRecipient(String recipient) {
    this.recipient = recipient;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }

  public ConsentMethod getHowObtained() {
    return howObtained;
  }

  public void setHowObtained(ConsentMethod howObtained) {
    this.howObtained = howObtained;
  }

  public LocalDate getGivenOn() {
    return givenOn;
  }

  public void setGivenOn(LocalDate givenOn) {
    this.givenOn = givenOn;
  }
}

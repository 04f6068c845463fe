package org.haven.cases.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.haven.cases.boundary.ConsentDetails;
import org.haven.cases.boundary.Consents;
import org.haven.cases.entity.ConsentMethod;
import org.haven.cases.entity.ConsentType;
import org.haven.cases.entity.SharedField;
import org.haven.ui.Texts;

/** The Consent tab of the case page: the survivor's consents, a new one, a withdrawal. */
@Named
@ViewScoped
public class CaseConsentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CaseView page;
  @Inject Consents consents;

  private List<ConsentDetails> all;
  private ConsentType type;
  private String recipient;
  private String purpose;
  private ConsentMethod howObtained;
  private String serviceType;
  private Long providerId;
  // An array: JSF converts checkbox values by the component type, which a List hides.
  private SharedField[] sharedFields = {};
  private LocalDate givenOn = LocalDate.now();

  public List<ConsentDetails> getAll() {
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
        () ->
            consents.record(
                n,
                type,
                recipient,
                purpose,
                providerId,
                serviceType,
                sharedFields.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(sharedFields)),
                howObtained,
                givenOn))) {
      CaseView.info(Texts.get("consent.recorded"));
      type = null;
      recipient = null;
      purpose = null;
      howObtained = null;
      serviceType = null;
      providerId = null;
      sharedFields = new SharedField[0];
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

  public SharedField[] getFields() {
    return SharedField.values();
  }

  public String getServiceType() {
    return serviceType;
  }

  public void setServiceType(String serviceType) {
    this.serviceType = serviceType;
  }

  public Long getProviderId() {
    return providerId;
  }

  public void setProviderId(Long providerId) {
    this.providerId = providerId;
  }

  public SharedField[] getSharedFields() {
    return sharedFields.clone();
  }

  public void setSharedFields(SharedField[] sharedFields) {
    this.sharedFields = sharedFields == null ? new SharedField[0] : sharedFields.clone();
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

package org.haven.cases.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.haven.cases.entity.AgeBand;
import org.haven.cases.entity.DocumentType;
import org.haven.cases.entity.Sex;

/** The coded choices of the survivor's details form, at intake and when correcting them. */
@Named
@ApplicationScoped
public class SurvivorChoices {

  public Sex[] getSexes() {
    return Sex.values();
  }

  public AgeBand[] getAgeBands() {
    return AgeBand.values();
  }

  public DocumentType[] getDocumentTypes() {
    return DocumentType.values();
  }
}

package org.haven.cases.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.haven.cases.boundary.CaseFile;
import org.haven.cases.boundary.IdentityCorrection;
import org.haven.cases.boundary.PossibleDuplicate;
import org.haven.cases.entity.Survivor;
import org.haven.cases.entity.SurvivorIdentity;
import org.haven.ui.Texts;

/**
 * Backs the correction on the case page's Identity tab: the survivor's details as recorded, in the
 * intake's form, saved as a whole; possible duplicates of the corrected identity are shown.
 */
@Named
@ViewScoped
public class CaseIdentityView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CaseView page;
  @Inject IdentityCorrection correction;

  private boolean editing;
  private SurvivorIdentity identity;
  private Survivor coded;
  private BirthDateCheck birthDateCheck = new BirthDateCheck();

  /** Opens the form with the details as they stand. */
  public void edit() {
    CaseFile file = page.getCaseFile();
    identity = file.getSurvivor() == null ? new SurvivorIdentity() : file.getSurvivor().copy();
    coded = file.getRecord().getSurvivor().copy();
    birthDateCheck = new BirthDateCheck();
    editing = true;
  }

  public void cancel() {
    editing = false;
  }

  public void save() throws IOException {
    if (!birthDateCheck.passes(identity.getBirthDate())) {
      return;
    }
    long version = page.getCaseFile().getRecord().getVersion();
    String n = page.getCaseNumber();
    List<List<PossibleDuplicate>> found = new ArrayList<>();
    if (page.attempt(
        () ->
            correction
                .correct(n, coded, identity, version)
                .ifPresent(file -> found.add(file.getPossibleDuplicates())))) {
      editing = false;
      page.load();
      page.historyChanged();
      CaseView.info(Texts.get("identity.saved"));
      found.stream()
          .flatMap(List::stream)
          .forEach(d -> CaseView.warn(Texts.get("identity.duplicate", d.message())));
    }
  }

  /** The identifying values changed: nothing to recheck before saving (saving checks). */
  public void identityChanged() {}

  public boolean isEditing() {
    return editing;
  }

  public SurvivorIdentity getIdentity() {
    return identity;
  }

  public Survivor getCoded() {
    return coded;
  }

  public BirthDateCheck getBirthDateCheck() {
    return birthDateCheck;
  }
}

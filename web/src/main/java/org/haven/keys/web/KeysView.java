package org.haven.keys.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.haven.keys.boundary.KeyManagement;
import org.haven.keys.boundary.KeyManagement.KeyStatus;
import org.haven.keys.control.KeyRotationJob;
import org.haven.keys.control.RekeyJob;
import org.haven.problems.Conflict;
import org.haven.ui.Texts;

/**
 * Backs {@code admin/keys.xhtml}: the key-encryption key and its rotation, polled while it runs.
 */
@Named
@RequestScoped
public class KeysView {

  @Inject KeyManagement keys;

  private KeyStatus status;

  public KeyStatus getStatus() {
    if (status == null) {
      status = keys.status();
    }
    return status;
  }

  public String getSource() {
    return getStatus().source();
  }

  public boolean isRotatable() {
    return getStatus().rotatable();
  }

  public java.util.List<org.haven.crypto.boundary.KeyEncryptionKeys.KeyInfo> getKeys() {
    return getStatus().keys();
  }

  public String getState() {
    return getStatus().rotation().state().name();
  }

  /** One line on the rotation: what was done and what is left. */
  public String getProgressText() {
    KeyRotationJob.Progress p = getStatus().rotation();
    return switch (p.state()) {
      case IDLE -> Texts.get("keys.progress.idle");
      case RUNNING ->
          Texts.get(
              "keys.progress.running",
              String.valueOf(p.rewrapped()),
              String.valueOf(p.total()),
              String.valueOf(p.newKeyId()));
      case DONE ->
          Texts.get(
              "keys.progress.done",
              String.valueOf(p.rewrapped()),
              String.valueOf(p.newKeyId()),
              String.valueOf(p.finishedAt()));
      case FAILED -> Texts.get("keys.progress.failed", p.error());
    };
  }

  public boolean isRunning() {
    return getStatus().rotation().state() == KeyRotationJob.State.RUNNING;
  }

  /** Per cent of the data keys rewrapped, for the progress bar. */
  public int getPercent() {
    KeyRotationJob.Progress p = getStatus().rotation();
    if (p.state() == KeyRotationJob.State.DONE) {
      return 100;
    }
    return p.total() == 0 ? 0 : (int) Math.min(100, p.rewrapped() * 100 / p.total());
  }

  /** Whether a finished rotation left retired keys whose material can be destroyed now. */
  public boolean isDestroyable() {
    return isRotatable() && !isRunning() && !getStatus().retired().isEmpty();
  }

  public String getRetired() {
    return String.join(", ", getStatus().retired());
  }

  public void destroyRetired() {
    FacesContext context = FacesContext.getCurrentInstance();
    try {
      status = keys.destroyRetiredKeys();
      context.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.get("keys.destroyed"), null));
    } catch (Conflict refused) {
      context.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_WARN, refused.getMessage(), null));
    }
  }

  /** One line on the re-key: what was done and what is left. */
  public String getRekeyText() {
    RekeyJob.RekeyProgress p = getStatus().rekey();
    return switch (p.state()) {
      case IDLE -> Texts.get("keys.rekey.idle");
      case RUNNING ->
          Texts.get(
              "keys.rekey.running",
              String.valueOf(p.rekeyed()),
              String.valueOf(p.total()),
              String.valueOf(p.epoch()));
      case DONE ->
          Texts.get(
              "keys.rekey.done",
              String.valueOf(p.epoch()),
              String.valueOf(p.rekeyed()),
              String.valueOf(p.finishedAt()));
      case FAILED -> Texts.get("keys.progress.failed", p.error());
    };
  }

  public boolean isRekeying() {
    return getStatus().rekey().state() == RekeyJob.RekeyState.RUNNING;
  }

  /** Per cent of the survivors re-keyed, for the progress bar. */
  public int getRekeyPercent() {
    RekeyJob.RekeyProgress p = getStatus().rekey();
    if (p.state() == RekeyJob.RekeyState.DONE) {
      return 100;
    }
    return p.total() == 0 ? 0 : (int) Math.min(100, p.rekeyed() * 100 / p.total());
  }

  public String getRekeyState() {
    return getStatus().rekey().state().name();
  }

  public void rekey() {
    FacesContext context = FacesContext.getCurrentInstance();
    try {
      status = keys.rekey();
      context.addMessage(
          null,
          new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.get("keys.rekey.started"), null));
    } catch (Conflict refused) {
      context.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_WARN, refused.getMessage(), null));
    }
  }

  public void rotate() {
    FacesContext context = FacesContext.getCurrentInstance();
    try {
      status = keys.rotate();
      context.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.get("keys.started"), null));
    } catch (Conflict refused) {
      context.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_WARN, refused.getMessage(), null));
    }
  }
}

package org.haven.referrals.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.haven.cases.web.CaseView;
import org.haven.problems.NotFound;
import org.haven.referrals.boundary.ReferralDetails;
import org.haven.referrals.boundary.Referrals;
import org.haven.referrals.entity.ReferralStatus;
import org.haven.referrals.entity.Urgency;
import org.haven.ui.Labels;
import org.haven.ui.LocaleView;
import org.haven.ui.Texts;

/** The Referrals tab of the case page: the case's referrals, a new one, each one's next moves. */
@Named
@ViewScoped
public class CaseReferralsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CaseView page;
  @Inject Referrals referrals;
  @Inject Labels labels;
  @Inject LocaleView locales;

  private List<ReferralDetails> all;
  private String serviceType;
  private Long providerId;
  private Urgency urgency = Urgency.ROUTINE;
  private boolean sharesData;
  private String reason;
  private String summaryLanguage;
  private String moveReason;

  public List<ReferralDetails> getAll() {
    if (all == null) {
      all =
          page.getCaseFile() == null
              ? List.of()
              : referrals.referrals(page.getCaseNumber()).orElse(List.of());
    }
    return all;
  }

  /**
   * Whether the survivor's identity was corrected after this referral's summary was made: the
   * summary keeps what it said, and the page says it is out of date.
   */
  public boolean correctedAfterSummary(ReferralDetails r) {
    java.time.Instant corrected =
        page.getCaseFile() == null ? null : page.getCaseFile().getRecord().getIdentityCorrectedAt();
    return corrected != null && r.getSentAt() != null && corrected.isAfter(r.getSentAt());
  }

  /** The moves the user may make on a referral now (sending and returning: supervisors). */
  public List<ReferralStatus> movesOf(ReferralDetails r) {
    return referrals.allowedMoves(r.getStatus());
  }

  /** Sends the approved referral's summary PDF as a download (audited by the boundary). */
  public void downloadSummary(long referralId) throws IOException {
    String n = page.getCaseNumber();
    Referrals.SummaryFile[] file = new Referrals.SummaryFile[1];
    if (page.attempt(
        () ->
            file[0] =
                referrals
                    .summary(n, referralId)
                    .orElseThrow(() -> new NotFound("referral " + referralId)))) {
      FacesContext faces = FacesContext.getCurrentInstance();
      ExternalContext response = faces.getExternalContext();
      response.responseReset();
      response.setResponseContentType("application/pdf");
      response.setResponseContentLength(file[0].pdf().length);
      response.setResponseHeader(
          "Content-Disposition", "attachment; filename=\"" + file[0].fileName() + "\"");
      response.getResponseOutputStream().write(file[0].pdf());
      faces.responseComplete();
    }
  }

  /** The summary's language: the page's until the worker chooses another. */
  public String getSummaryLanguage() {
    if (summaryLanguage == null) {
      summaryLanguage = locales.getLanguage();
    }
    return summaryLanguage;
  }

  public void setSummaryLanguage(String summaryLanguage) {
    this.summaryLanguage = summaryLanguage;
  }

  /** The languages a summary can be written in, each by its own name. */
  public List<SelectItem> getSummaryLanguages() {
    return LocaleView.LANGUAGES.stream()
        .map(l -> new SelectItem(l.getLanguage(), locales.nameOf(l)))
        .toList();
  }

  /** "Summary in français": the language a referral's summary is written in, by its own name. */
  public String summaryIn(ReferralDetails r) {
    Locale language = Locale.forLanguageTag(r.getSummaryLanguage());
    return Texts.get("referral.summaryIn", language.getDisplayLanguage(language));
  }

  public Urgency[] getUrgencies() {
    return Urgency.values();
  }

  public void create() throws IOException {
    if (serviceType == null || providerId == null) {
      CaseView.warn(Texts.get("referral.incomplete"));
      return;
    }
    String n = page.getCaseNumber();
    String type = serviceType;
    Long provider = providerId;
    Urgency how = urgency;
    boolean data = sharesData;
    String why = reason;
    String language = getSummaryLanguage();
    if (page.attempt(() -> referrals.create(n, type, provider, how, data, why, language))) {
      CaseView.info(Texts.get("referral.created"));
      serviceType = null;
      providerId = null;
      reason = null;
      sharesData = false;
    }
    all = null;
  }

  public void move(long referralId, ReferralStatus to) throws IOException {
    String n = page.getCaseNumber();
    String why = moveReason;
    if (page.attempt(() -> referrals.transition(n, referralId, to, why, null))) {
      CaseView.info(Texts.get("referral.moved", labels.of(to)));
      moveReason = null;
    }
    all = null;
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

  public Urgency getUrgency() {
    return urgency;
  }

  public void setUrgency(Urgency urgency) {
    this.urgency = urgency;
  }

  public boolean isSharesData() {
    return sharesData;
  }

  public void setSharesData(boolean sharesData) {
    this.sharesData = sharesData;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMoveReason() {
    return moveReason;
  }

  public void setMoveReason(String moveReason) {
    this.moveReason = moveReason;
  }
}

package org.haven.cases.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.haven.access.entity.StaffMember;
import org.haven.crypto.control.EnvelopeCrypto.FieldCipher;
import org.haven.crypto.control.Resealing;
import org.hibernate.annotations.NaturalId;

/**
 * A survivor's case file: the aggregate root of case management. Identified to people by its opaque
 * case number, never by anything derived from the survivor.
 */
@Entity
@Table(name = "survivor_case")
public class SurvivorCase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "survivor_case_id")
  @SequenceGenerator(
      name = "survivor_case_id",
      sequenceName = "survivor_case_id_seq",
      allocationSize = 50)
  private Long id;

  @NaturalId
  @Column(name = "case_number", nullable = false, updatable = false, length = 20)
  private String caseNumber;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 32)
  private CaseStatus status = CaseStatus.OPEN;

  @NotNull(message = "choose a risk level")
  @Enumerated(EnumType.STRING)
  @Column(name = "risk_level", nullable = false, length = 16)
  private RiskLevel riskLevel;

  @Column(name = "risk_assessed_at")
  private Instant riskAssessedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "risk_assessed_by_id")
  private StaffMember riskAssessedBy;

  @Valid @Embedded private Survivor survivor = new Survivor();

  /** The multi-valued answers of the exploitation profile, one row per code. */
  @ElementCollection
  @CollectionTable(name = "case_exploitation_code", joinColumns = @JoinColumn(name = "case_id"))
  private Set<ExploitationCode> exploitationCodes = new HashSet<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "recruiter_relationship", length = 16)
  private RecruiterRelationship recruiterRelationship;

  @Enumerated(EnumType.STRING)
  @Column(name = "state_actors_involved", length = 8)
  private YesNoUnknown stateActorsInvolved;

  @Column(name = "country_of_exploitation", length = 2)
  private String countryOfExploitation;

  @Enumerated(EnumType.STRING)
  @Column(name = "minor_when_exploited", length = 8)
  private YesNoUnknown minorWhenExploited;

  @Enumerated(EnumType.STRING)
  @Column(name = "abducted", length = 8)
  private YesNoUnknown abducted;

  /** When the written assessment (sealed with the other details) was last saved, and by whom. */
  @Column(name = "assessed_at")
  private Instant assessedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "assessed_by_id")
  private StaffMember assessedBy;

  /** The protected fields, as ciphertext; opened only through FieldCrypto. */
  @Embedded private SealedDetails sealed = new SealedDetails();

  /** Blind indexes of the protected fields, for exact-match search and the duplicate check. */
  @ElementCollection
  @CollectionTable(name = "case_search_index", joinColumns = @JoinColumn(name = "case_id"))
  private Set<CaseIndexEntry> searchIndexes = new HashSet<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "erasure_reason", length = 32)
  private ErasureReason erasureReason;

  @Column(name = "erasure_requested_at")
  private Instant erasureRequestedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "erasure_requested_by_id")
  private StaffMember erasureRequestedBy;

  /** When the case plan went to a supervisor for approval; empty when none is pending. */
  @Column(name = "plan_submitted_at")
  private Instant planSubmittedAt;

  /** When the survivor's identity was last corrected after registration; empty if never. */
  @Column(name = "identity_corrected_at")
  private Instant identityCorrectedAt;

  /** Set once the survivor's data is erased: the case is a tombstone from then on. */
  @Column(name = "erased_at")
  private Instant erasedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "erased_by_id")
  private StaffMember erasedBy;

  /** The team (Keycloak group) whose supervisors are responsible for the case. */
  @Column(name = "owning_team", nullable = false, length = 64)
  private String owningTeam;

  /** The assignment history, oldest first; the current one has no end. */
  @OneToMany(mappedBy = "survivorCase", cascade = CascadeType.PERSIST)
  @OrderBy("assignedAt, id")
  private List<CaseAssignment> assignments = new ArrayList<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** Set by a re-key, which changes ciphertexts but nothing anyone wrote. */
  @Transient private boolean keepUpdatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  public SurvivorCase() {}

  public SurvivorCase(RiskLevel riskLevel, Survivor survivor) {
    this.riskLevel = riskLevel;
    this.survivor = survivor == null ? new Survivor() : survivor;
  }

  /**
   * Gives a new case its number and its team; a case keeps the number it was registered with for
   * ever.
   */
  public void register(String caseNumber, String owningTeam) {
    if (this.caseNumber != null) {
      throw new IllegalStateException("case " + this.caseNumber + " is already registered");
    }
    this.caseNumber = Objects.requireNonNull(caseNumber);
    this.owningTeam = Objects.requireNonNull(owningTeam);
    this.status = CaseStatus.OPEN;
  }

  /**
   * Makes a caseworker of the owning team responsible for the case, ending the previous assignment.
   * Only that team's caseworkers may hold it.
   */
  public void assignTo(StaffMember caseworker, StaffMember assignedBy, Instant at) {
    if (!caseworker.isCaseworker() || !owningTeam.equals(caseworker.getTeam())) {
      throw new IllegalArgumentException(
          caseworker.getUsername() + " is not a caseworker of team " + owningTeam);
    }
    Instant when = at.truncatedTo(ChronoUnit.MICROS);
    currentAssignment().ifPresent(current -> current.end(when));
    assignments.add(new CaseAssignment(this, caseworker, assignedBy, when));
  }

  /** The owners of survivors' data keys: this prefix and the case number. */
  public static final String DATA_KEY_OWNER_PREFIX = "case:";

  /** Whose data key seals this case's protected fields. */
  public String dataKeyOwner() {
    return DATA_KEY_OWNER_PREFIX
        + Objects.requireNonNull(caseNumber, "a case is sealed once it has a number");
  }

  /** Seals the survivor's identity and the narrative with the survivor's data key. */
  public void seal(
      FieldCipher cipher,
      SurvivorIdentity identity,
      String narrative,
      Set<CaseIndexEntry> indexes) {
    if (isErased()) {
      throw new IllegalStateException("case " + caseNumber + " is erased");
    }
    getSealed().seal(cipher, caseNumber, identity, narrative);
    searchIndexes.clear();
    searchIndexes.addAll(indexes);
    if (identity != null && identity.getBirthDate() != null) {
      getSurvivor().setAgeBand(AgeBand.of(identity.getBirthDate(), LocalDate.now(ZoneOffset.UTC)));
    }
  }

  /**
   * Corrects what was recorded of the survivor: the coded details replace the old ones, the
   * identifying values are sealed anew (the narrative and assessment stay) and indexed as {@code
   * indexes} says. A birth date decides the age band, as at registration.
   */
  public void correctIdentity(
      FieldCipher cipher,
      Survivor coded,
      SurvivorIdentity identity,
      Set<CaseIndexEntry> indexes,
      Instant at) {
    if (isErased()) {
      throw new IllegalStateException("case " + caseNumber + " is erased");
    }
    survivor = coded == null ? new Survivor() : coded;
    getSealed().sealIdentity(cipher, caseNumber, identity);
    searchIndexes.clear();
    searchIndexes.addAll(indexes);
    if (identity != null && identity.getBirthDate() != null) {
      survivor.setAgeBand(AgeBand.of(identity.getBirthDate(), LocalDate.now(ZoneOffset.UTC)));
    }
    identityCorrectedAt = at;
  }

  public Instant getIdentityCorrectedAt() {
    return identityCorrectedAt;
  }

  /**
   * Seals the survivor's values again with their new data key (a re-key) and indexes them under the
   * new index keys. Not a change anyone made: the case keeps its "updated" time.
   */
  public void reseal(Resealing r, Function<SurvivorIdentity, Set<CaseIndexEntry>> indexes) {
    getSealed().reseal(r, caseNumber);
    Set<CaseIndexEntry> fresh = indexes.apply(identity(r.cipher()));
    searchIndexes.retainAll(fresh);
    searchIndexes.addAll(fresh);
    keepUpdatedAt = true;
  }

  public SurvivorIdentity identity(FieldCipher cipher) {
    return getSealed().openIdentity(cipher, caseNumber);
  }

  /** The survivor's names only (a row of a list). */
  public SurvivorIdentity names(FieldCipher cipher) {
    return getSealed().openNames(cipher, caseNumber);
  }

  public String narrative(FieldCipher cipher) {
    return getSealed().openNarrative(cipher, caseNumber);
  }

  /** The exploitation profile as last described. */
  public ExploitationProfile exploitation() {
    return new ExploitationProfile(
        codes(ExploitationCode.Category.TYPE, ExploitationType.class),
        codes(ExploitationCode.Category.LABOUR, LabourType.class),
        codes(ExploitationCode.Category.SEXUAL, SexualExploitationType.class),
        codes(ExploitationCode.Category.CONTROL, MeansOfControl.class),
        recruiterRelationship,
        codes(ExploitationCode.Category.RECRUITMENT, RecruitmentMethod.class),
        stateActorsInvolved,
        countryOfExploitation,
        minorWhenExploited,
        abducted);
  }

  private <E extends Enum<E>> List<E> codes(ExploitationCode.Category category, Class<E> type) {
    return exploitationCodes.stream()
        .filter(c -> c.getCategory() == category)
        .map(c -> Enum.valueOf(type, c.getCode()))
        .toList();
  }

  /** Replaces the exploitation profile with what the caseworker now knows. */
  public void describeExploitation(ExploitationProfile profile) {
    Set<ExploitationCode> codes = new HashSet<>();
    profile
        .getTypes()
        .forEach(t -> codes.add(new ExploitationCode(ExploitationCode.Category.TYPE, t)));
    profile
        .getLabourTypes()
        .forEach(t -> codes.add(new ExploitationCode(ExploitationCode.Category.LABOUR, t)));
    profile
        .getSexualExploitationTypes()
        .forEach(t -> codes.add(new ExploitationCode(ExploitationCode.Category.SEXUAL, t)));
    profile
        .getMeansOfControl()
        .forEach(t -> codes.add(new ExploitationCode(ExploitationCode.Category.CONTROL, t)));
    profile
        .getRecruitmentMethods()
        .forEach(t -> codes.add(new ExploitationCode(ExploitationCode.Category.RECRUITMENT, t)));
    // Only what changed is written: the collection is compared row by row at flush.
    exploitationCodes.retainAll(codes);
    exploitationCodes.addAll(codes);
    recruiterRelationship = profile.getRecruiterRelationship();
    stateActorsInvolved = profile.getStateActorsInvolved();
    countryOfExploitation = profile.getCountryOfExploitation();
    minorWhenExploited = profile.getMinorWhenExploited();
    abducted = profile.getAbducted();
    // The codes live in their own table: a profile-only change must still move the version.
    touch();
  }

  /** Records a risk assessment: the level, when and by whom. */
  public void assessRisk(RiskLevel level, StaffMember by, Instant at) {
    this.riskLevel = Objects.requireNonNull(level);
    this.riskAssessedBy = by;
    this.riskAssessedAt = at.truncatedTo(ChronoUnit.MICROS);
    touch();
  }

  public Instant getRiskAssessedAt() {
    return riskAssessedAt;
  }

  public Optional<StaffMember> riskAssessedBy() {
    return Optional.ofNullable(riskAssessedBy);
  }

  /** Seals the written assessment of the survivor's situation and needs. */
  public void writeAssessment(FieldCipher cipher, String text, StaffMember by, Instant at) {
    if (isErased()) {
      throw new IllegalStateException("case " + caseNumber + " is erased");
    }
    getSealed().sealAssessment(cipher, caseNumber, text);
    assessedBy = by;
    assessedAt = at.truncatedTo(ChronoUnit.MICROS);
    touch();
  }

  public String assessment(FieldCipher cipher) {
    return getSealed().openAssessment(cipher, caseNumber);
  }

  public Instant getAssessedAt() {
    return assessedAt;
  }

  public Optional<StaffMember> assessedBy() {
    return Optional.ofNullable(assessedBy);
  }

  /** Marks the record changed, so that its version moves and a concurrent edit is caught. */
  private void touch() {
    updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /** Asks for the survivor's data to be erased; a supervisor of the team must approve. */
  public void requestErasure(ErasureReason reason, StaffMember by, Instant at) {
    if (isErased()) {
      throw new IllegalStateException("case " + caseNumber + " is already erased");
    }
    this.erasureReason = Objects.requireNonNull(reason);
    this.erasureRequestedBy = by;
    this.erasureRequestedAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  public void withdrawErasureRequest() {
    if (!isErased()) {
      erasureReason = null;
      erasureRequestedBy = null;
      erasureRequestedAt = null;
    }
  }

  /**
   * Leaves a tombstone: case number, dates, status and coded fields stay for statistics and the
   * audit trail; ciphertexts and blind indexes go (the caller destroys the data key).
   */
  public void erase(StaffMember by, Instant at) {
    if (isErased()) {
      throw new IllegalStateException("case " + caseNumber + " is already erased");
    }
    getSealed().clear();
    searchIndexes.clear();
    erasedBy = by;
    erasedAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  /** Moves the case along its lifecycle; a pending plan approval ends with the move. */
  public void moveTo(CaseStatus to) {
    this.status = Objects.requireNonNull(to);
    this.planSubmittedAt = null;
  }

  public void submitPlan(Instant at) {
    this.planSubmittedAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  public void returnPlan() {
    this.planSubmittedAt = null;
  }

  /** What waits for a supervisor: the case plan, the closure, or nothing. */
  public Optional<CaseStatus> pendingApproval() {
    if (status == CaseStatus.CLOSURE_REQUESTED) {
      return Optional.of(CaseStatus.CLOSED);
    }
    if (status == CaseStatus.CASE_PLAN && planSubmittedAt != null) {
      return Optional.of(CaseStatus.SERVICE_PROVISION);
    }
    return Optional.empty();
  }

  public Instant getPlanSubmittedAt() {
    return planSubmittedAt;
  }

  public boolean isErased() {
    return erasedAt != null;
  }

  public boolean isErasureRequested() {
    return erasureRequestedAt != null && !isErased();
  }

  public ErasureReason getErasureReason() {
    return erasureReason;
  }

  public Instant getErasureRequestedAt() {
    return erasureRequestedAt;
  }

  public Optional<StaffMember> erasureRequestedBy() {
    return Optional.ofNullable(erasureRequestedBy);
  }

  public Instant getErasedAt() {
    return erasedAt;
  }

  public Optional<StaffMember> erasedBy() {
    return Optional.ofNullable(erasedBy);
  }

  public Set<CaseIndexEntry> getSearchIndexes() {
    return Collections.unmodifiableSet(searchIndexes);
  }

  private SealedDetails getSealed() {
    // Hibernate loads an embeddable whose columns are all null as null.
    if (sealed == null) {
      sealed = new SealedDetails();
    }
    return sealed;
  }

  public Optional<CaseAssignment> currentAssignment() {
    return assignments.stream().filter(CaseAssignment::isCurrent).findFirst();
  }

  public Optional<StaffMember> currentCaseworker() {
    return currentAssignment().map(CaseAssignment::getCaseworker);
  }

  public List<CaseAssignment> getAssignments() {
    return Collections.unmodifiableList(assignments);
  }

  public String getOwningTeam() {
    return owningTeam;
  }

  @PrePersist
  void onCreate() {
    // Micro-second precision is what both H2 and PostgreSQL keep; truncating here makes the value
    // an API client sees after a write equal to the one it reads back later.
    createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    updatedAt = createdAt;
  }

  @PreUpdate
  void onUpdate() {
    if (!keepUpdatedAt) {
      updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public CaseStatus getStatus() {
    return status;
  }

  public RiskLevel getRiskLevel() {
    return riskLevel;
  }

  public void setRiskLevel(RiskLevel riskLevel) {
    this.riskLevel = riskLevel;
  }

  public Survivor getSurvivor() {
    // Hibernate loads an embeddable whose columns are all null as null.
    if (survivor == null) {
      survivor = new Survivor();
    }
    return survivor;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SurvivorCase other
        && caseNumber != null
        && caseNumber.equals(other.caseNumber);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(caseNumber);
  }

  @Override
  public String toString() {
    // Deliberately nothing about the survivor: this string can end up in logs.
    return "SurvivorCase[" + caseNumber + ", " + status + "]";
  }
}

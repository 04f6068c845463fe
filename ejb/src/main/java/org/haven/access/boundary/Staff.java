package org.haven.access.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.haven.access.control.StaffSightings;
import org.haven.access.entity.StaffMember;

/** Haven's staff, as provisioned from Keycloak on sign-in. */
@Stateless
@PermitAll
public class Staff {

  /** How stale "last seen" may get before a request writes it again. */
  private static final Duration SEEN_GRANULARITY = Duration.ofMinutes(5);

  @PersistenceContext EntityManager em;
  @Inject Event<JoinedTeam> joined;
  @Inject StaffSightings sightings;
  @Resource SessionContext context;

  /**
   * Whether a signed-in user may go on: not disabled in Haven. Their record is provisioned and
   * refreshed as by {@link #signedIn}, but an unchanged user seen in the last seconds costs no
   * database round trip ({@link StaffSightings}).
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean admits(Caller caller, boolean caseworker, boolean supervisor) {
    Instant now = Instant.now();
    StaffSightings.Sighting described =
        new StaffSightings.Sighting(
            caller.username(),
            caller.displayName(),
            caller.email(),
            caller.team().orElse(null),
            caseworker,
            supervisor,
            false,
            now.plus(StaffSightings.TTL));
    Optional<Boolean> disabled = sightings.disabled(caller.subject(), described, now);
    if (disabled.isPresent()) {
      return !disabled.get();
    }
    // Through the container, so that the change gets its transaction (this call has none).
    StaffMember member =
        context.getBusinessObject(Staff.class).signedIn(caller, caseworker, supervisor);
    sightings.knownAs(caller.subject(), member.getId());
    sightings.remember(
        caller.subject(),
        new StaffSightings.Sighting(
            described.username(),
            described.displayName(),
            described.email(),
            described.team(),
            caseworker,
            supervisor,
            member.isDisabled(),
            described.until()));
    return !member.isDisabled();
  }

  /**
   * Records a signed-in user: provisions them on their first sign-in and takes changes Keycloak
   * made since (name, team, roles). An unchanged, recently seen user costs one read.
   */
  public StaffMember signedIn(Caller caller, boolean caseworker, boolean supervisor) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Optional<StaffMember> known = bySubject(caller.subject());
    StaffMember member = known.orElseGet(() -> new StaffMember(caller.subject(), now));
    boolean wasSupervisor = known.isPresent() && member.isSupervisor();
    String team = known.map(StaffMember::getTeam).orElse(null);
    member.describe(
        caller.username(),
        caller.displayName(),
        caller.email(),
        caller.team().orElse(null),
        caseworker,
        supervisor);
    if (known.isEmpty()) {
      em.persist(member);
    }
    if (member.getTeam() != null
        && (known.isEmpty() || (supervisor && !wasSupervisor) || !member.getTeam().equals(team))) {
      em.flush();
      joined.fire(new JoinedTeam(member.getId(), member.getTeam(), supervisor));
    }
    if (known.isPresent() && member.getLastSeenAt().isBefore(now.minus(SEEN_GRANULARITY))) {
      // Not through the entity's version: a user's requests at once must not conflict over it.
      em.createQuery(
              "update StaffMember s set s.lastSeenAt = :now where s.id = :id and s.lastSeenAt < :now")
          .setParameter("now", now)
          .setParameter("id", member.getId())
          .executeUpdate();
    }
    return member;
  }

  /** The id of the staff member with this Keycloak subject; it never changes, so it is kept. */
  public Optional<Long> idOf(String subject) {
    return sightings.idOf(subject).or(() -> bySubject(subject).map(StaffMember::getId));
  }

  public Optional<StaffMember> bySubject(String subject) {
    if (subject == null) {
      return Optional.empty();
    }
    // By id when the subject's id is known: Hibernate keeps the plan of a load by id, while a load
    // by natural id builds and translates its select on every call.
    Optional<StaffMember> byId =
        sightings
            .idOf(subject)
            .map(id -> em.find(StaffMember.class, id))
            .filter(member -> subject.equals(member.getSubject()));
    if (byId.isPresent()) {
      return byId;
    }
    Optional<StaffMember> found =
        em.unwrap(org.hibernate.Session.class)
            .byNaturalId(StaffMember.class)
            .using("subject", subject)
            .loadOptional();
    found.ifPresent(member -> sightings.knownAs(subject, member.getId()));
    return found;
  }

  public Optional<StaffMember> byUsername(String username) {
    return em.createQuery(
            "select s from StaffMember s where s.username = :username", StaffMember.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  /** The supervisors of a team who may act: whom a referral waiting for approval concerns. */
  public List<StaffMember> supervisorsOf(String team) {
    return em.createQuery(
            "select s from StaffMember s where s.team = :team and s.supervisor = true"
                + " and s.disabled = false order by s.displayName",
            StaffMember.class)
        .setParameter("team", team)
        .getResultList();
  }

  /** The caseworkers of a team, by name: whom a supervisor can give a case to. */
  public List<StaffMember> caseworkersOf(String team) {
    return em.createQuery(
            "select s from StaffMember s where s.team = :team and s.caseworker = true"
                + " order by s.displayName",
            StaffMember.class)
        .setParameter("team", team)
        .getResultList();
  }

  /** The caseworker of this team with this user name, if there is one: whom a case may go to. */
  public Optional<StaffMember> caseworkerOf(String team, String username) {
    return byUsername(username).filter(s -> s.isCaseworker() && team.equals(s.getTeam()));
  }

  /**
   * An administrator changed what this Keycloak user may do (disabled or enabled them): Haven's
   * next check of the user reads their record again instead of a remembered answer.
   */
  public void accessChanged(String subject) {
    sightings.forget(subject);
  }
}

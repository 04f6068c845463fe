package org.haven.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.haven.audit.boundary.AuditTrail;
import org.haven.audit.boundary.AuditTrail.Entry;
import org.haven.audit.entity.AuditAction;
import org.haven.audit.entity.AuditEvent.Outcome;
import org.haven.cases.entity.SurvivorCase;
import org.haven.problems.Conflict;
import org.haven.problems.NotFound;

/**
 * The one template for working on a case in the caller's scope: find it as far as the scope reaches
 * ({@link CaseRecords}), do the work, and record it under the action named once. A case out of
 * scope is absent, and the attempt is recorded ({@code NOT_FOUND}); a change is flushed before its
 * event is recorded, so that a constraint failure surfaces in the boundary and no event claims a
 * change that did not happen. Work refused on a case in scope (a part that belongs to another case,
 * a move the state does not allow, a summary whose consent was withdrawn) is recorded too, apart
 * from the transaction that the refusal rolls back. Runs in the calling boundary's transaction.
 */
@ApplicationScoped
public class CaseActions {

  @PersistenceContext EntityManager em;
  @Inject CaseRecords records;
  @Inject AuditTrail audit;

  /** What a piece of work tells the trail beyond its action and case: counts, ids, a reason. */
  public static final class Trail {
    private String details;
    private String reason;

    /** Non-protected details: names, counts, ids, coded values; never what a user typed. */
    public Trail details(String value) {
      details = value;
      return this;
    }

    /** A coded reason (an enum's name). */
    public Trail reason(String value) {
      reason = value;
      return this;
    }
  }

  /** The work on one case; what it returns is the boundary's answer. */
  @FunctionalInterface
  public interface Work<T> {
    T on(SurvivorCase c, Trail trail);
  }

  /** Reads a case the caller may see (break-glass included); empty if out of scope. */
  public <T> Optional<T> read(String caseNumber, AuditAction action, Work<T> read) {
    return records
        .readable(caseNumber, action)
        .map(
            c -> {
              Trail trail = new Trail();
              T answer = refusalsRecorded(action, c, () -> read.on(c, trail));
              record(action, c, trail);
              return answer;
            });
  }

  /**
   * Changes a case the caller may change (not one opened by break-glass, which is read-only); empty
   * if out of scope.
   */
  public <T> Optional<T> change(String caseNumber, AuditAction action, Work<T> change) {
    return records
        .changeable(caseNumber, action)
        .map(
            c -> {
              Trail trail = new Trail();
              T answer =
                  refusalsRecorded(
                      action,
                      c,
                      () -> {
                        T changed = change.on(c, trail);
                        em.flush();
                        return changed;
                      });
              record(action, c, trail);
              return answer;
            });
  }

  /** Longest refusal message the trail keeps: the problem's own words, which name no survivor. */
  private static final int MAX_REFUSAL = 500;

  private <T> T refusalsRecorded(AuditAction action, SurvivorCase c, Supplier<T> work) {
    try {
      return work.get();
    } catch (NotFound absent) {
      audit.recordApart(
          Entry.onCase(action, c.getCaseNumber())
              .outcome(Outcome.NOT_FOUND)
              .details("no such " + absent.sought()));
      throw absent;
    } catch (Conflict refused) {
      String message = String.valueOf(refused.getMessage());
      audit.recordApart(
          Entry.onCase(action, c.getCaseNumber())
              .outcome(Outcome.DENIED)
              .reason("CONFLICT")
              .details(
                  message.length() > MAX_REFUSAL ? message.substring(0, MAX_REFUSAL) : message));
      throw refused;
    }
  }

  private void record(AuditAction action, SurvivorCase c, Trail trail) {
    audit.record(
        Entry.onCase(action, c.getCaseNumber()).reason(trail.reason).details(trail.details));
  }
}

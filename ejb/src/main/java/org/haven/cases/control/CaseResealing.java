package org.haven.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.haven.cases.entity.BreakGlassAccess;
import org.haven.cases.entity.CaseNote;
import org.haven.cases.entity.CaseService;
import org.haven.cases.entity.CaseStatusChange;
import org.haven.cases.entity.Consent;
import org.haven.cases.entity.FollowUpTask;
import org.haven.cases.entity.PlanAction;
import org.haven.cases.entity.PlanGoal;
import org.haven.cases.entity.SurvivorCase;
import org.haven.crypto.control.Resealing;

/**
 * A re-key of a survivor's data key reaches every value the case and its parts sealed with it: the
 * identity, narrative and assessment (indexed anew under the new index keys), notes, the reasons of
 * the status history, break-glass explanations, consents, plan texts, task titles and service
 * outcomes. A test (RekeyIT) checks that no protected column keeps a value of the old key.
 */
@ApplicationScoped
public class CaseResealing {

  @PersistenceContext EntityManager em;
  @Inject SurvivorIndexes indexes;

  void reseal(@Observes Resealing r) {
    if (!r.owner().startsWith(SurvivorCase.DATA_KEY_OWNER_PREFIX)) {
      return;
    }
    String caseNumber = r.owner().substring(SurvivorCase.DATA_KEY_OWNER_PREFIX.length());
    SurvivorCase c =
        em.createQuery("select c from SurvivorCase c where c.caseNumber = :n", SurvivorCase.class)
            .setParameter("n", caseNumber)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (c == null || c.isErased()) {
      return;
    }
    c.reseal(r, indexes::of);
    parts(c, BreakGlassAccess.class).forEach(b -> b.reseal(r));
    parts(c, CaseStatusChange.class).forEach(h -> h.reseal(r));
    parts(c, CaseNote.class).forEach(n -> n.reseal(r));
    parts(c, Consent.class).forEach(x -> x.reseal(r));
    parts(c, PlanGoal.class).forEach(g -> g.reseal(r));
    parts(c, FollowUpTask.class).forEach(t -> t.reseal(r));
    parts(c, CaseService.class).forEach(s -> s.reseal(r));
    em.createQuery("select a from PlanAction a where a.goal.survivorCase = :c", PlanAction.class)
        .setParameter("c", c)
        .getResultList()
        .forEach(a -> a.reseal(r));
  }

  private <T> java.util.List<T> parts(SurvivorCase c, Class<T> type) {
    return em.createQuery(
            "select x from " + type.getSimpleName() + " x where x.survivorCase = :c", type)
        .setParameter("c", c)
        .getResultList();
  }
}

package org.haven.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.haven.cases.boundary.SurvivorErased;
import org.haven.cases.entity.BreakGlassAccess;
import org.haven.cases.entity.CaseNote;
import org.haven.cases.entity.CaseStatusChange;
import org.haven.cases.entity.SurvivorCase;

/**
 * What the case's own parts wrote about the survivor goes with the survivor's data: notes, the
 * reasons of the status history, break-glass explanations, consent recipients and purposes, plan
 * texts, task titles, service outcomes. The coded facts stay, for the statistics.
 */
@ApplicationScoped
public class CasePartsErasure {

  @PersistenceContext EntityManager em;

  void forget(@Observes SurvivorErased erased) {
    SurvivorCase c = erased.survivorCase();
    em.createQuery(
            "select b from BreakGlassAccess b where b.survivorCase = :c", BreakGlassAccess.class)
        .setParameter("c", c)
        .getResultList()
        .forEach(BreakGlassAccess::forget);
    em.createQuery(
            "select h from CaseStatusChange h where h.survivorCase = :c", CaseStatusChange.class)
        .setParameter("c", c)
        .getResultList()
        .forEach(CaseStatusChange::forget);
    em.createQuery("select n from CaseNote n where n.survivorCase = :c", CaseNote.class)
        .setParameter("c", c)
        .getResultList()
        .forEach(CaseNote::forget);
    for (String sealedText :
        List.of(
            "update Consent x set x.recipient = null, x.purpose = null where x.survivorCase = :c",
            "update PlanGoal x set x.text = null where x.survivorCase = :c",
            "update PlanAction x set x.text = null where x.goal in"
                + " (select g from PlanGoal g where g.survivorCase = :c)",
            "update FollowUpTask x set x.title = null where x.survivorCase = :c",
            "update CaseService x set x.outcome = null where x.survivorCase = :c")) {
      em.createQuery(sealedText).setParameter("c", c).executeUpdate();
    }
  }
}

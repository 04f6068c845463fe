package org.haven.referrals.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.haven.cases.boundary.SurvivorErased;

/**
 * A survivor's data was erased: the referrals' reasons and notes and the summaries sent go with it;
 * which services were asked of whom, and how it ended, stay.
 */
@ApplicationScoped
public class ReferralErasure {

  @PersistenceContext EntityManager em;

  void forget(@Observes SurvivorErased erased) {
    em.createQuery(
            "update Referral x set x.reason = null, x.returnReason = null, x.answerNote = null"
                + " where x.survivorCase = :c")
        .setParameter("c", erased.survivorCase())
        .executeUpdate();
    em.createQuery(
            "update ReferralSummary x set x.pdf = null where x.referral in"
                + " (select r from Referral r where r.survivorCase = :c)")
        .setParameter("c", erased.survivorCase())
        .executeUpdate();
  }
}

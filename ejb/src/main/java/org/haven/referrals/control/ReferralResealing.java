package org.haven.referrals.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.haven.cases.entity.SurvivorCase;
import org.haven.crypto.control.Resealing;
import org.haven.referrals.entity.Referral;
import org.haven.referrals.entity.ReferralSummary;

/**
 * A re-key of a survivor's data key reaches the referrals' sealed texts and their summaries (the
 * PDFs made for providers), which are sealed with it too.
 */
@ApplicationScoped
public class ReferralResealing {

  @PersistenceContext EntityManager em;

  void reseal(@Observes Resealing r) {
    if (!r.owner().startsWith(SurvivorCase.DATA_KEY_OWNER_PREFIX)) {
      return;
    }
    String caseNumber = r.owner().substring(SurvivorCase.DATA_KEY_OWNER_PREFIX.length());
    em.createQuery("select r from Referral r where r.survivorCase.caseNumber = :n", Referral.class)
        .setParameter("n", caseNumber)
        .getResultList()
        .forEach(referral -> referral.reseal(r));
    em.createQuery(
            "select s from ReferralSummary s where s.referral.survivorCase.caseNumber = :n",
            ReferralSummary.class)
        .setParameter("n", caseNumber)
        .getResultList()
        .forEach(summary -> summary.reseal(r));
  }
}

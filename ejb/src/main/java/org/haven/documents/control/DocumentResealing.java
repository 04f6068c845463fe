package org.haven.documents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.haven.cases.entity.SurvivorCase;
import org.haven.crypto.control.Resealing;
import org.haven.documents.entity.CaseDocument;

/**
 * A re-key of a survivor's data key reaches their documents: the titles, names and content keys are
 * sealed again; the content itself, encrypted under its own key, stays as it is.
 */
@ApplicationScoped
public class DocumentResealing {

  @PersistenceContext EntityManager em;

  void reseal(@Observes Resealing r) {
    if (!r.owner().startsWith(SurvivorCase.DATA_KEY_OWNER_PREFIX)) {
      return;
    }
    String caseNumber = r.owner().substring(SurvivorCase.DATA_KEY_OWNER_PREFIX.length());
    em.createQuery(
            "select d from CaseDocument d where d.survivorCase.caseNumber = :n", CaseDocument.class)
        .setParameter("n", caseNumber)
        .getResultList()
        .forEach(d -> d.reseal(r));
  }
}

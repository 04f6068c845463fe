package org.haven.documents.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.haven.cases.boundary.SurvivorErased;
import org.haven.database.control.AfterTransaction;
import org.haven.documents.entity.CaseDocument;

/**
 * A survivor's data was erased: their documents' keys and sealed words go with the data key (the
 * content could not be opened anyway), and the files are removed once the erasure commits.
 */
@ApplicationScoped
public class DocumentErasure {

  @PersistenceContext EntityManager em;
  @Inject DocumentStore store;
  @Resource TransactionSynchronizationRegistry transactions;

  void forget(@Observes SurvivorErased erased) {
    List<CaseDocument> documents =
        em.createQuery("select d from CaseDocument d where d.survivorCase = :c", CaseDocument.class)
            .setParameter("c", erased.survivorCase())
            .getResultList();
    documents.forEach(CaseDocument::forget);
    List<String> files = documents.stream().map(CaseDocument::getStorageName).toList();
    AfterTransaction.onCommit(transactions, () -> files.forEach(store::remove));
  }
}

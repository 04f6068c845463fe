package org.haven.services.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.haven.problems.InvalidField;
import org.haven.services.entity.Provider;
import org.haven.services.entity.ServiceType;

/**
 * What a case may name from the directory (a planned service, a referral, a consent to share data):
 * an active service type, and an active provider that offers it. One check, one wording, for every
 * feature that names them. Runs in the caller's transaction.
 */
@ApplicationScoped
public class Offers {

  @PersistenceContext EntityManager em;

  /** The active service type {@code code}, or a refusal naming {@code serviceType}. */
  public ServiceType serviceType(String code) {
    ServiceType type = code == null ? null : em.find(ServiceType.class, code);
    if (type == null || !type.isActive()) {
      throw new InvalidField("serviceType", "must be a service type of the catalogue");
    }
    return type;
  }

  /**
   * The active provider {@code id}, offering {@code service} when one is given; null for no id;
   * otherwise a refusal naming {@code providerId}.
   */
  public Provider provider(Long id, ServiceType service) {
    if (id == null) {
      return null;
    }
    Provider provider = em.find(Provider.class, id);
    if (provider == null || !provider.isActive()) {
      throw new InvalidField("providerId", "must be an active provider of the directory");
    }
    if (service != null && !provider.offers(service.getCode())) {
      throw new InvalidField(
          "providerId", provider.getName() + " does not offer " + service.getName());
    }
    return provider;
  }
}

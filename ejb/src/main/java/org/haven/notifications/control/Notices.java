package org.haven.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.haven.access.entity.StaffMember;
import org.haven.notifications.entity.Notification;

/**
 * The one way notifications are written, whatever they are about: each person told once, nobody
 * disabled, not whoever made the change; and, once written, handed on for the optional mail.
 */
@ApplicationScoped
public class Notices {

  @PersistenceContext EntityManager em;
  @Inject Event<NoticesCreated> created;

  /** Tells these people (but not {@code actorId}, if given) what {@code notice} makes for each. */
  void tell(
      Collection<StaffMember> people, Long actorId, Function<StaffMember, Notification> notice) {
    Map<Long, StaffMember> once = new LinkedHashMap<>();
    people.stream()
        .filter(p -> !p.isDisabled())
        .filter(p -> actorId == null || !p.getId().equals(actorId))
        .forEach(p -> once.putIfAbsent(p.getId(), p));
    List<Notification> made = new ArrayList<>();
    for (StaffMember person : once.values()) {
      Notification n = notice.apply(person);
      em.persist(n);
      made.add(n);
    }
    if (!made.isEmpty()) {
      created.fire(NoticesCreated.of(made));
    }
  }
}

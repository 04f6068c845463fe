package org.haven.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.haven.audit.entity.AuditEvent;
import org.junit.jupiter.api.Test;

class AnonymousRefusalsTest {

  /** What would be written: address, count, details. */
  record Written(String address, long count, String details) {}

  static AnonymousRefusals counting(List<Written> written) {
    AnonymousRefusals refusals = new AnonymousRefusals();
    refusals.audit =
        new AuditTrail() {
          @Override
          public AuditEvent recordAnonymousRefusals(
              String clientAddress, long count, String details) {
            written.add(new Written(clientAddress, count, details));
            return null;
          }
        };
    return refusals;
  }

  @Test
  void oneEventPerAddressCarryingItsCounts() {
    List<Written> written = new ArrayList<>();
    AnonymousRefusals refusals = counting(written);
    for (int i = 0; i < 500; i++) {
      refusals.refused("203.0.113.7", 401);
    }
    refusals.refused("203.0.113.7", 403);
    refusals.refused("198.51.100.2", 401);

    assertEquals(2, refusals.flush());
    assertEquals(2, written.size());
    Written flood =
        written.stream().filter(w -> w.address().equals("203.0.113.7")).findFirst().orElseThrow();
    assertEquals(501, flood.count());
    assertTrue(flood.details().startsWith("HTTP 401: 500; HTTP 403: 1; from "), flood.details());

    written.clear();
    assertEquals(0, refusals.flush(), "a window starts empty");
    assertTrue(written.isEmpty());
  }

  @Test
  void aFloodFromManyAddressesIsCountedTogetherPastTheLimit() {
    List<Written> written = new ArrayList<>();
    AnonymousRefusals refusals = counting(written);
    int addresses = AnonymousRefusals.MAX_ADDRESSES + 250;
    for (int i = 0; i < addresses; i++) {
      refusals.refused("10.0." + (i / 256) + "." + (i % 256), 401);
    }
    assertEquals(AnonymousRefusals.MAX_ADDRESSES + 1, refusals.flush());
    Written others =
        written.stream()
            .filter(w -> w.address().equals(AnonymousRefusals.OTHER_ADDRESSES))
            .findFirst()
            .orElseThrow();
    assertEquals(250, others.count());
    assertEquals(addresses, written.stream().mapToLong(Written::count).sum());
  }
}

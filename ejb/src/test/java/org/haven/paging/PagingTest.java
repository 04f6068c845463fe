package org.haven.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {

  @Test
  void aPageRequestKnowsItsOffset() {
    assertEquals(0, new PageRequest(0, 20, null, true).offset());
    assertEquals(60, new PageRequest(3, 20, null, true).offset());
  }

  @Test
  void aPageRequestStaysWithinBounds() {
    assertThrows(IllegalArgumentException.class, () -> new PageRequest(-1, 20, null, true));
    assertThrows(IllegalArgumentException.class, () -> new PageRequest(0, 0, null, true));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PageRequest(0, PageRequest.MAX_SIZE + 1, null, true));
    // A page so far out that its offset would overflow is refused before any query.
    assertThrows(
        IllegalArgumentException.class,
        () -> new PageRequest(PageRequest.MAX_PAGE + 1, 100, null, true));
    assertEquals(100_000_000, new PageRequest(PageRequest.MAX_PAGE, 100, null, true).offset());
  }

  @Test
  void aPageCountsItsPages() {
    assertEquals(0, new Page<>(List.of(), 0, 20, 0).totalPages());
    assertEquals(1, new Page<>(List.of(1), 0, 20, 1).totalPages());
    assertEquals(1, new Page<>(List.of(1), 0, 20, 20).totalPages());
    assertEquals(2, new Page<>(List.of(1), 0, 20, 21).totalPages());
  }

  @Test
  void mappingKeepsThePaging() {
    Page<String> mapped = new Page<>(List.of(1, 2), 1, 2, 5).map(String::valueOf);
    assertEquals(List.of("1", "2"), mapped.items());
    assertEquals(1, mapped.page());
    assertEquals(3, mapped.totalPages());
  }
}

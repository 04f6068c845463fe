package org.haven.paging;

/**
 * One page of a list, as a user asks for it: zero-based page index, page size and an optional sort.
 * Sizes are capped so that no client can ask a boundary for the whole table at once.
 */
public record PageRequest(int page, int size, String sortBy, boolean ascending) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  /** Beyond any list Haven holds, and small enough that page × size never overflows. */
  public static final int MAX_PAGE = 1_000_000;

  public PageRequest {
    if (page < 0 || page > MAX_PAGE) {
      throw new IllegalArgumentException("page must be between 0 and " + MAX_PAGE);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
  }

  public static PageRequest first(int size) {
    return new PageRequest(0, size, null, true);
  }

  public int offset() {
    return Math.multiplyExact(page, size);
  }
}

package org.haven.api;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic locking over HTTP: a client names the version it read either in the body ({@code
 * version}) or as {@code If-Match} with the {@code ETag} of its GET. Either way a stale one is a
 * conflicting edit, answered 409 like every other (the contract), not 412.
 */
public final class Versions {

  private Versions() {}

  /** The ETag of a record at this version. */
  public static EntityTag tag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /** The version the client read: from the body, or from {@code If-Match}; null if neither. */
  public static Long expected(Long bodyVersion, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return bodyVersion;
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    long fromHeader;
    try {
      fromHeader = Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new OptimisticLockException("If-Match names no version this API gave out");
    }
    if (bodyVersion != null && bodyVersion != fromHeader) {
      throw new OptimisticLockException("If-Match and version disagree");
    }
    return fromHeader;
  }
}

package org.haven.documents.control;

import java.util.List;
import java.util.Map;
import org.apache.tika.Tika;

/**
 * What a document is, decided from its first bytes (Apache Tika's magic numbers), never from its
 * name or the type the client claims: an executable called {@code passport.pdf} is an executable.
 */
public final class DocumentTypes {

  /** The types the case file accepts, with what a person calls them. */
  public static final Map<String, String> ACCEPTED =
      Map.ofEntries(
          Map.entry("application/pdf", "PDF"),
          Map.entry("image/jpeg", "JPEG image"),
          Map.entry("image/png", "PNG image"),
          Map.entry("image/webp", "WebP image"),
          Map.entry("image/heic", "HEIC image"),
          Map.entry("text/plain", "plain text"),
          Map.entry("audio/mpeg", "MP3 audio"),
          Map.entry("audio/mp4", "M4A audio"),
          Map.entry("audio/ogg", "Ogg audio"),
          Map.entry("audio/vnd.wave", "WAV audio"),
          Map.entry("audio/x-wav", "WAV audio"));

  /** How many first bytes decide the type. */
  public static final int SNIFF = 64 * 1024;

  private static final Tika TIKA = new Tika();

  private DocumentTypes() {}

  /** The type of content starting with {@code prefix}; {@code application/octet-stream} if none. */
  public static String detect(byte[] prefix) {
    String type = TIKA.detect(prefix);
    // Tika names plain text with its charset's subtype at times; the case file keeps the type.
    int parameters = type.indexOf(';');
    return parameters < 0 ? type : type.substring(0, parameters).strip();
  }

  public static boolean accepted(String type) {
    return ACCEPTED.containsKey(type);
  }

  /** The accepted types as a problem names them. */
  public static List<String> acceptedTypes() {
    return ACCEPTED.keySet().stream().sorted().toList();
  }
}

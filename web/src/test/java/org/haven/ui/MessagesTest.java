package org.haven.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.haven.cases.entity.CaseStatus;
import org.haven.cases.entity.ConsentMethod;
import org.haven.cases.entity.ConsentType;
import org.haven.cases.entity.ExploitationType;
import org.haven.cases.entity.LabourType;
import org.haven.cases.entity.MeansOfControl;
import org.haven.cases.entity.RecruiterRelationship;
import org.haven.cases.entity.RecruitmentMethod;
import org.haven.cases.entity.RiskLevel;
import org.haven.cases.entity.SexualExploitationType;
import org.haven.cases.entity.TaskKind;
import org.haven.cases.entity.TaskStatus;
import org.junit.jupiter.api.Test;

/**
 * The pages' texts: every key the pages and views use is in the English bundle, French and Arabic
 * have exactly the same keys with the same placeholders, and the coded values a caseworker reads
 * every day have words in each language.
 */
class MessagesTest {

  static final Path WEBAPP = Path.of("src/main/webapp");
  static final Path JAVA = Path.of("src/main/java");
  static final Pattern PAGE_KEY = Pattern.compile("msg\\['([^']+)'\\]");
  static final Pattern JAVA_KEY = Pattern.compile("Texts\\.(?:get|say)\\(\\s*\"([^\"]+)\"");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

  static final String PAGES = "/org/haven/web/messages";
  static final String CODES = "/org/haven/labels/codes";

  static Properties bundle(String suffix) throws IOException {
    return bundle(PAGES, suffix);
  }

  static Properties bundle(String base, String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream(base + suffix + ".properties")) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  static Set<String> used(Path root, String ending, Pattern key) throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(ending)).toList()) {
        Matcher m = key.matcher(Files.readString(f));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    return keys;
  }

  @Test
  void everyKeyThePagesAndViewsUseIsInEnglish() throws IOException {
    Properties en = bundle("");
    Set<String> missing = new TreeSet<>(used(WEBAPP, ".xhtml", PAGE_KEY));
    missing.addAll(used(JAVA, ".java", JAVA_KEY));
    // A key built at run time ("role." + role) is checked by its own test.
    missing.removeIf(key -> key.endsWith("."));
    assertTrue(missing.size() > 100, "too few keys found: " + missing.size());
    missing.removeIf(en::containsKey);
    assertTrue(missing.isEmpty(), "not in messages.properties: " + missing);
  }

  @Test
  void frenchAndArabicHaveEveryKeyWithTheSamePlaceholders() throws IOException {
    for (String base : List.of(PAGES, CODES)) {
      sameKeysAndPlaceholders(base);
    }
  }

  private static void sameKeysAndPlaceholders(String base) throws IOException {
    Properties en = bundle(base, "");
    for (String language : List.of("_fr", "_ar")) {
      Properties other = bundle(base, language);
      assertEquals(en.stringPropertyNames(), other.stringPropertyNames(), language);
      for (String key : en.stringPropertyNames()) {
        assertEquals(
            placeholders(en.getProperty(key)),
            placeholders(other.getProperty(key)),
            language + " " + key);
        assertTrue(!other.getProperty(key).isBlank(), language + " " + key + " is empty");
      }
    }
  }

  @Test
  void theCodesCaseworkersReadHaveWordsInEveryLanguage() throws IOException {
    List<Class<? extends Enum<?>>> coded =
        List.of(
            CaseStatus.class,
            RiskLevel.class,
            ExploitationType.class,
            LabourType.class,
            SexualExploitationType.class,
            MeansOfControl.class,
            RecruiterRelationship.class,
            RecruitmentMethod.class,
            ConsentType.class,
            ConsentMethod.class,
            TaskKind.class,
            TaskStatus.class,
            org.haven.cases.entity.ServiceStatus.class,
            org.haven.referrals.entity.ReferralStatus.class,
            org.haven.referrals.entity.Urgency.class,
            org.haven.cases.entity.SharedField.class);
    for (String language : List.of("", "_fr", "_ar")) {
      Properties p = bundle(CODES, language);
      for (Class<? extends Enum<?>> type : coded) {
        for (Enum<?> code : type.getEnumConstants()) {
          String key = type.getSimpleName() + "." + code.name();
          assertTrue(p.containsKey(key), "codes" + language + ": " + key);
        }
      }
    }
  }

  @Test
  void everyKindOfNotificationHasItsSentence() throws IOException {
    for (String language : List.of("", "_fr", "_ar")) {
      Properties p = bundle(language);
      for (var kind : org.haven.notifications.entity.NotificationKind.values()) {
        assertTrue(
            p.containsKey("notification." + kind.name()), "messages" + language + ": " + kind);
      }
    }
  }

  @Test
  void everyReferralMoveHasAButtonLabel() throws IOException {
    for (String language : List.of("", "_fr", "_ar")) {
      Properties p = bundle(language);
      for (org.haven.referrals.entity.ReferralStatus to :
          org.haven.referrals.entity.ReferralStatus.values()) {
        assertTrue(p.containsKey("referral.to." + to), "messages" + language + ": " + to);
      }
    }
  }

  @Test
  void everyRoleHasAName() throws IOException {
    for (String language : List.of("", "_fr", "_ar")) {
      Properties p = bundle(language);
      for (String role : List.of("caseworker", "supervisor", "admin")) {
        assertTrue(p.containsKey("role." + role), "messages" + language + ": role." + role);
      }
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}

package org.haven.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture (features, foundation, boundaries), checked on every
 * build: a change that breaks one fails here, naming the classes.
 */
@AnalyzeClasses(packages = "org.haven", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The foundation every business feature may use; it uses none of them. */
  static final String[] FOUNDATION = {
    "org.haven.problems..",
    "org.haven.paging..",
    "org.haven.database..",
    "org.haven.crypto..",
    "org.haven.access..",
    "org.haven.audit..",
    "org.haven.labels.."
  };

  static final String[] BUSINESS = {
    "org.haven.cases..",
    "org.haven.referrals..",
    "org.haven.services..",
    "org.haven.notifications..",
    "org.haven.staff..",
    "org.haven.keys..",
    "org.haven.reports..",
    "org.haven.documents..",
    "org.haven.demo.."
  };

  @ArchTest
  static final ArchRule featuresFormNoCycles =
      slices().matching("org.haven.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theFoundationUsesNoBusinessFeature =
      noClasses()
          .that()
          .resideInAnyPackage(FOUNDATION)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(BUSINESS);

  /** Crypto is at the bottom: it is told the names of keys and indexes, never what they are for. */
  @ArchTest
  static final ArchRule cryptoKnowsNoOtherFeature =
      noClasses()
          .that()
          .resideInAPackage("org.haven.crypto..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.haven.access..", "org.haven.audit..")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(BUSINESS);

  /** Access decides; it does not write the trail (the audit feature sits above it). */
  @ArchTest
  static final ArchRule accessDoesNotDependOnAudit =
      noClasses()
          .that()
          .resideInAPackage("org.haven.access..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.haven.audit..");

  /** Who may do what is decided in access: refusals are thrown there, nowhere else. */
  @ArchTest
  static final ArchRule onlyAccessRefuses =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.haven.access..")
          .should()
          .callConstructor(jakarta.ejb.EJBAccessException.class, String.class)
          .orShould()
          .callConstructor(org.haven.access.boundary.AccessRefused.class, String.class);

  /** Entities hold state and behaviour, not services: they never reach for a boundary. */
  @ArchTest
  static final ArchRule entitiesUseNoBoundary =
      noClasses()
          .that()
          .resideInAPackage("..entity..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..boundary..");

  /** Boundaries are split by what the user does, so each stays readable. */
  @Test
  void noBoundaryIsOver350Lines() throws IOException {
    List<String> long_;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      long_ =
          files
              .filter(f -> f.toString().contains("/boundary/") && f.toString().endsWith(".java"))
              .filter(ArchitectureTest::over350Lines)
              .map(Path::toString)
              .toList();
    }
    assertTrue(long_.isEmpty(), "boundaries over 350 lines: " + long_);
  }

  private static boolean over350Lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count() > 350;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

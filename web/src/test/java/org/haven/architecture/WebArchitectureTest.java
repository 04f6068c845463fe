package org.haven.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.faces.context.ExternalContext;
import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;
import org.haven.access.web.SignedInUser;

/**
 * The web module's rules (docs/architecture): pages and resources go through the boundaries, the
 * roles of the signed-in user are asked in one place, and features (ejb and web together) form no
 * cycle.
 */
@AnalyzeClasses(packages = "org.haven", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

  @ArchTest
  static final ArchRule featuresFormNoCycles =
      slices().matching("org.haven.(*)..").should().beFreeOfCycles();

  /** A view or resource with an EntityManager would bypass access checks, audit and decryption. */
  @ArchTest
  static final ArchRule pagesAndResourcesUseBoundaries =
      noClasses()
          .that()
          .resideInAnyPackage("..web..", "..rest..", "org.haven.api..", "org.haven.requests..")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(EntityManager.class);

  /** The container is asked for the user's roles by {@link SignedInUser} only. */
  @ArchTest
  static final ArchRule rolesAreAskedInOnePlace =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(SignedInUser.class.getName())
          .and()
          .resideInAPackage("org.haven..")
          .should()
          .callMethod(HttpServletRequest.class, "isUserInRole", String.class)
          .orShould()
          .callMethod(ExternalContext.class, "isUserInRole", String.class)
          .orShould()
          .callMethod(SecurityContext.class, "isUserInRole", String.class);

  /** The REST and page infrastructure serves every feature and depends on none. */
  @ArchTest
  static final ArchRule apiAndUiKnowNoFeature =
      noClasses()
          .that()
          .resideInAnyPackage("org.haven.api..", "org.haven.ui..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.haven.cases..",
              "org.haven.referrals..",
              "org.haven.services..",
              "org.haven.notifications..",
              "org.haven.staff..",
              "org.haven.keys..",
              "org.haven.audit..",
              "org.haven.access..");
}

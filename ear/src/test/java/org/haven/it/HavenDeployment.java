package org.haven.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one way integration tests deploy Haven: the EAR this build produced (never a hand-listed
 * archive), so tests see exactly what users run.
 */
public final class HavenDeployment {

  private static final String WEB_MODULE = "haven-web.war";

  private HavenDeployment() {}

  /** haven.ear as built, for black-box tests over HTTP ({@code @Deployment(testable = false)}). */
  public static EnterpriseArchive asBuilt() {
    return ShrinkWrap.create(ZipImporter.class, "haven.ear")
        .importFrom(new File(System.getProperty("haven.ear", "target/haven.ear")))
        .as(EnterpriseArchive.class);
  }

  /** haven.ear with the test class inside its web module, for tests that run in the server. */
  public static EnterpriseArchive withTest(Class<?> testClass) {
    EnterpriseArchive ear = asBuilt();
    WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
    web.addClasses(
        testClass,
        ActAs.class,
        AsCaseworker.class,
        AsSupervisor.class,
        AsAdmin.class,
        DemoStaff.class,
        RolledBack.class,
        AuditChainTables.class,
        InOneTransaction.class,
        RolledBack.Failure.class);
    // Polling with a deadline inside the server, as on the client.
    web.addAsLibraries(jarOf(org.awaitility.Awaitility.class), jarOf(org.hamcrest.Matcher.class));
    openTestRunner(web);
    ear.delete(WEB_MODULE);
    return ear.addAsModule(web);
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Arquillian reaches an in-container test through its own servlet in the web module; every other
   * path stays behind Haven's sign-in.
   */
  private static void openTestRunner(WebArchive web) {
    String webXml;
    try (InputStream in = web.get("WEB-INF/web.xml").getAsset().openStream()) {
      webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String runner =
        "<security-constraint><web-resource-collection>"
            + "<web-resource-name>arquillian</web-resource-name>"
            + "<url-pattern>/ArquillianServletRunnerEE9</url-pattern>"
            + "</web-resource-collection></security-constraint>";
    web.setWebXML(new StringAsset(webXml.replace("<login-config>", runner + "<login-config>")));
  }

  /** The server's HTTP root, e.g. {@code http://localhost:8280}. */
  public static URI httpRoot() {
    return URI.create("http://localhost:" + System.getProperty("it.http.port", "8280"));
  }

  /** Haven's REST API root, e.g. {@code http://localhost:8280/haven/api/v1}. */
  public static URI api() {
    return httpRoot().resolve("/haven/api/v1");
  }

  /** The management interface, where {@code /health} lives. */
  public static URI management() {
    return URI.create("http://localhost:" + System.getProperty("it.management.port", "10190"));
  }
}

package org.haven.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Haven in a real browser: Debian's headless chromium driven through its own chromedriver (no
 * browser is downloaded). Signs in through Keycloak's login form like a person, waits for
 * PrimeFaces' AJAX, and, registered as a JUnit extension, saves a screenshot and the page's HTML
 * into {@code target/browser-failures} when a test fails. Without chromium the test is skipped with
 * the command that installs it ({@code .ci/run} installs it).
 */
public final class HeadlessChromium implements TestWatcher, AutoCloseable {

  private static final List<String> BROWSERS =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  private static final List<String> DRIVERS =
      List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  private WebDriver driver;
  private WebDriverWait wait;

  /** Starts the browser, or skips the test when this machine has none. */
  public WebDriver start() {
    Optional<String> browser = firstExisting("HAVEN_CHROMIUM", BROWSERS);
    Optional<String> chromedriver = firstExisting("HAVEN_CHROMEDRIVER", DRIVERS);
    Assumptions.assumeTrue(
        browser.isPresent() && chromedriver.isPresent(),
        "no chromium/chromedriver here: apt-get install chromium chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.get());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--lang=en");
    // The console, so that a test can tell a page's script errors (consoleErrors).
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    // Files the pages send (a referral summary) land in the test's own directory.
    options.setExperimentalOption(
        "prefs",
        java.util.Map.of(
            "download.default_directory",
            downloads().toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(chromedriver.get()).toFile())
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    return driver;
  }

  /** Where the browser saves downloads: {@code ear/target/browser-downloads}. */
  public static Path downloads() {
    Path dir = Path.of("target", "browser-downloads").toAbsolutePath();
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return dir;
  }

  /**
   * Picks an option of a PrimeFaces select menu by its label. The menu's panel is still moving in
   * when it becomes visible, and a click then misses the item: the click waits for it to stand.
   */
  public void choose(String menuId, String label) {
    click(By.id(menuId));
    WebElement item =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//*[@id='"
                        + menuId
                        + "_items']//li[normalize-space(@data-label)='"
                        + label
                        + "']")));
    // The panel slides open: click once the item has stayed in one place for a few polls, or the
    // click lands beside it.
    org.openqa.selenium.Rectangle[] last = new org.openqa.selenium.Rectangle[1];
    int[] still = new int[1];
    new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(60))
        .until(
            d -> {
              org.openqa.selenium.Rectangle now = item.getRect();
              still[0] = now.equals(last[0]) ? still[0] + 1 : 0;
              last[0] = now;
              return still[0] >= 3
                  && Boolean.TRUE.equals(
                      ((JavascriptExecutor) d)
                          .executeScript(
                              "return !window.jQuery || jQuery(':animated').length === 0;"));
            });
    item.click();
    settle();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(menuId + "_label"), label));
  }

  /** The errors the pages wrote to the browser's console since the last call. */
  public List<String> consoleErrors() {
    return driver.manage().logs().get("browser").getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(e -> e.getMessage())
        .toList();
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a page of Haven, e.g. {@code /haven/cases/list.xhtml}. */
  public void open(String path) {
    driver.get(HavenDeployment.httpRoot() + path);
  }

  /** Signs in through Keycloak's own login form, then lands on Haven's dashboard. */
  public void signIn(DemoStaff user) {
    signInThrough("/haven/", user);
  }

  /**
   * Opens a page of Haven signed out, as someone following a shared link does, and signs in on the
   * way; the browser then stands on the page Haven sent it back to.
   */
  public void signInThrough(String path, DemoStaff user) {
    open(path);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    driver.findElement(By.id("username")).sendKeys(user.username);
    driver.findElement(By.id("password")).sendKeys(Keycloak.PASSWORD);
    driver.findElement(By.id("kc-login")).click();
    wait.until(ExpectedConditions.urlContains("/haven/"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".haven-user-name")));
  }

  /** Signs out with the header's button; Keycloak ends the session too. */
  public void signOut() {
    driver.findElement(By.id("session:logout")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".haven-user-name")));
    driver.manage().deleteAllCookies();
  }

  /** Clicks and waits until PrimeFaces has no request in flight and the page is complete. */
  public void click(By target) {
    wait.until(ExpectedConditions.elementToBeClickable(target)).click();
    settle();
  }

  /**
   * Replaces what a field holds as a user does, selecting it all and typing over it: a masked field
   * (the dates) keeps its value through a script's clear().
   */
  public void type(By field, String text) {
    WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(field));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text);
  }

  /** Waits until nothing of {@code target} is shown (a dialog's mask, once it closed). */
  public void waitUntilGone(By target) {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(target));
  }

  public WebElement find(By target) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(target));
  }

  public void waitForText(By target, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(target, text));
  }

  public void settle() {
    wait.until(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.readyState === 'complete'"
                            + " && (!window.jQuery || jQuery.active === 0)"
                            + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());")));
  }

  // JUnit tells the watcher after every @AfterEach: the browser closes here, once it has served.
  @Override
  public void testSuccessful(ExtensionContext context) {
    close();
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    close();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (driver == null) {
      return;
    }
    try {
      Path dir = Path.of("target", "browser-failures");
      Files.createDirectories(dir);
      String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName();
      name = name.replaceAll("[^A-Za-z0-9._-]", "_");
      Files.write(
          dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(
          dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  private static Optional<String> firstExisting(String variable, List<String> candidates) {
    String configured = System.getenv(variable);
    if (configured != null && !configured.isBlank()) {
      return Optional.of(configured).filter(p -> Files.isExecutable(Path.of(p)));
    }
    return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
  }
}

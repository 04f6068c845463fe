import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The run command's launcher ({@code ./mvnw -Prun}, Java single-file program): starts the
 * provisioned WildFly with haven.ear on the embedded database in demo mode, waits until Haven
 * answers, prints where to find it, and stops everything it started on Ctrl-C.
 *
 * <p>Arguments: the provisioned server, the EAR, the project root.
 */
public class RunHaven {

  static final int HTTP_PORT = 8080;
  static final int MANAGEMENT_PORT = 9990;
  static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

  public static void main(String[] args) throws Exception {
    Path server = Path.of(args[0]).toAbsolutePath();
    Path ear = Path.of(args[1]).toAbsolutePath();
    Path root = Path.of(args[2]).toAbsolutePath();
    Path data = dataDirectory(root);

    requireFreePort(HTTP_PORT, "HTTP");
    requireFreePort(MANAGEMENT_PORT, "management");

    // The run gets its own copy of the provisioned server (a fraction of a second), so that the
    // test suite can re-provision and use ear/target/server while Haven runs, and never finds a
    // deployment left behind in it.
    Path copy = server.resolveSibling("run-server");
    deleteTree(copy);
    copyTree(server, copy);
    Files.copy(
        ear,
        copy.resolve("standalone").resolve("deployments").resolve("haven.ear"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.createDirectories(data);

    boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
    List<String> command = new ArrayList<>();
    command.add(
        copy.resolve("bin").resolve(windows ? "standalone.bat" : "standalone.sh").toString());
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    Map<String, String> env = builder.environment();
    env.put("HAVEN_DATA_DIR", data.toString());
    env.putIfAbsent("HAVEN_DEMO", "true");
    env.put("NOPAUSE", "true"); // standalone.bat must not wait for a key press on exit

    Process wildfly = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(wildfly), "stop-haven"));

    if (!awaitReady(wildfly)) {
      System.err.println("\nHaven did not start (see the log above).");
      stop(wildfly);
      System.exit(1);
    }
    banner(data, env);
    System.exit(wildfly.waitFor());
  }

  static Path dataDirectory(Path root) {
    String configured = System.getenv("HAVEN_DATA_DIR");
    return (configured == null || configured.isBlank() ? root.resolve("data") : Path.of(configured))
        .toAbsolutePath();
  }

  static void requireFreePort(int port, String what) {
    try (ServerSocket socket = new ServerSocket(port)) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      System.err.printf(
          "Port %d (%s) is already in use. Is Haven (or another server) already"
              + " running? Stop it and try again.%n",
          port, what);
      System.exit(2);
    }
  }

  /** Ready means the management probe reports UP and the web application answers. */
  static boolean awaitReady(Process wildfly) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(STARTUP_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      if (!wildfly.isAlive()) {
        return false;
      }
      if (answers(http, "http://localhost:" + MANAGEMENT_PORT + "/health/ready", 200)
          && answers(http, "http://localhost:" + HTTP_PORT + "/haven/", 200, 302)) {
        return true;
      }
      Thread.sleep(1000);
    }
    return false;
  }

  static boolean answers(HttpClient http, String url, int... statuses) {
    try {
      int status =
          http.send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      for (int expected : statuses) {
        if (status == expected) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static void banner(Path data, Map<String, String> env) {
    String database =
        env.containsKey("HAVEN_DB_URL")
            ? "PostgreSQL (HAVEN_DB_URL)"
            : "embedded H2 in " + data.resolve("db");
    String line = "=".repeat(78);
    System.out.println(
        String.join(
            System.lineSeparator(),
            "",
            line,
            "  Haven is ready"
                + ("true".equals(env.get("HAVEN_DEMO")) ? " (demo mode: fictional data)" : ""),
            "",
            "  Open in your browser:  http://localhost:" + HTTP_PORT + "/haven/",
            "  REST API:              http://localhost:" + HTTP_PORT + "/haven/api/v1/cases",
            "  Health:                http://localhost:" + MANAGEMENT_PORT + "/health/ready",
            "  Database:              " + database,
            "",
            "  Press Ctrl-C to stop.",
            line,
            ""));
  }

  /** Stops WildFly and the script that started it; the JVM is a child of the script. */
  static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : all) {
      try {
        handle.onExit().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        handle.destroyForcibly();
      }
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      paths.forEach(
          p -> {
            try {
              Path target = to.resolve(from.relativize(p).toString());
              if (Files.isDirectory(p)) {
                Files.createDirectories(target);
              } else {
                Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

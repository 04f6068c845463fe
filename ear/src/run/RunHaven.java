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
 * Starts Haven's servers (Java single-file program, run by Maven). The one place that knows how to
 * start Keycloak with Haven's realm and WildFly with haven.ear.
 *
 * <ul>
 *   <li>{@code run <server> <ear> <project root> <keycloak home> <realm file>}: the run command
 *       ({@code ./mvnw -Prun}). Starts Keycloak on port 8180 with the demo realm, waits until it is
 *       ready, starts WildFly with haven.ear on the embedded database in demo mode, prints where to
 *       sign in, and stops both on Ctrl-C.
 *   <li>{@code keycloak-start <keycloak home> <realm file> <port> <haven url> <pid file>}: starts
 *       Keycloak in the background for the integration tests, waits until it is ready, records its
 *       process id.
 *   <li>{@code keycloak-stop <pid file>}: stops it again.
 * </ul>
 */
public class RunHaven {

  static final int HTTP_PORT = 8080;
  static final int MANAGEMENT_PORT = 9990;
  static final int KEYCLOAK_PORT = 8180;

  /** Keycloak's management port (health) is its HTTP port plus this. */
  static final int KEYCLOAK_MANAGEMENT_OFFSET = 1000;

  static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);
  static final String STYLESHEET = "jakarta.faces.resource/haven.css.xhtml?ln=haven";
  static final String DEMO_PASSWORD = "demo";
  static final List<String> DEMO_USERS =
      List.of(
          "caseworker.north   caseworker, team north",
          "caseworker2.north  caseworker, team north",
          "caseworker.south   caseworker, team south",
          "supervisor.north   supervisor, team north",
          "supervisor.south   supervisor, team south",
          "admin              administrator (no access to survivor data)");

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "run" -> run(args);
      case "keycloak-start" -> keycloakStart(args);
      case "keycloak-stop" -> keycloakStop(Path.of(args[1]));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  static void run(String[] args) throws Exception {
    Path server = Path.of(args[1]).toAbsolutePath();
    Path ear = Path.of(args[2]).toAbsolutePath();
    Path root = Path.of(args[3]).toAbsolutePath();
    Path keycloakHome = Path.of(args[4]).toAbsolutePath();
    Path realm = Path.of(args[5]).toAbsolutePath();
    Path data = dataDirectory(root);

    requireFreePort(KEYCLOAK_PORT, "Keycloak");
    requireFreePort(KEYCLOAK_PORT + KEYCLOAK_MANAGEMENT_OFFSET, "Keycloak management");
    requireFreePort(HTTP_PORT, "HTTP");
    requireFreePort(MANAGEMENT_PORT, "management");

    // Fresh secrets each run: the realm is re-imported on every start of the demo Keycloak.
    String webSecret = randomSecret();
    String adminSecret = randomSecret();
    String keycloakAdminPassword = randomSecret();
    List<Process> started = new ArrayList<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (int i = started.size() - 1; i >= 0; i--) {
                    stop(started.get(i).toHandle());
                  }
                },
                "stop-haven"));

    System.out.println("Starting Keycloak on port " + KEYCLOAK_PORT + " ...");
    Process keycloak =
        startKeycloak(
            keycloakHome,
            realm,
            KEYCLOAK_PORT,
            "http://localhost:" + HTTP_PORT,
            webSecret,
            adminSecret,
            keycloakAdminPassword,
            ProcessBuilder.Redirect.INHERIT);
    started.add(keycloak);
    if (!awaitKeycloak(keycloak, KEYCLOAK_PORT)) {
      System.err.println("\nKeycloak did not start (see the log above).");
      System.exit(1);
    }

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
    env.put("HAVEN_OIDC_PROVIDER_URL", keycloakUrl(KEYCLOAK_PORT) + "/realms/haven");
    env.put("HAVEN_OIDC_CLIENT_SECRET", webSecret);
    env.put("HAVEN_ADMIN_CLIENT_SECRET", adminSecret);
    env.put("NOPAUSE", "true"); // standalone.bat must not wait for a key press on exit

    Process wildfly = builder.start();
    started.add(wildfly);

    if (!awaitReady(wildfly)) {
      System.err.println("\nHaven did not start (see the log above).");
      System.exit(1);
    }
    banner(data, env, keycloakAdminPassword);
    System.exit(wildfly.waitFor());
  }

  /** Test mode: Keycloak in the background, alive after this program ends, until stopped. */
  static void keycloakStart(String[] args) throws Exception {
    Path keycloakHome = Path.of(args[1]).toAbsolutePath();
    Path realm = Path.of(args[2]).toAbsolutePath();
    int port = Integer.parseInt(args[3]);
    String havenUrl = args[4];
    Path pidFile = Path.of(args[5]).toAbsolutePath();
    keycloakStop(pidFile); // one left over from an interrupted build
    requireFreePort(port, "Keycloak");
    requireFreePort(port + KEYCLOAK_MANAGEMENT_OFFSET, "Keycloak management");
    Path log = pidFile.resolveSibling("keycloak.log");
    // The tests use Keycloak's own admin API (e.g. to make a token expire), so they read the
    // bootstrap admin password from the build folder; it lives as long as this Keycloak.
    String bootstrapAdminPassword = randomSecret();
    Files.writeString(pidFile.resolveSibling("keycloak-admin.secret"), bootstrapAdminPassword);
    Instant begin = Instant.now();
    Process keycloak =
        startKeycloak(
            keycloakHome,
            realm,
            port,
            havenUrl,
            requiredEnv("HAVEN_OIDC_CLIENT_SECRET"),
            requiredEnv("HAVEN_ADMIN_CLIENT_SECRET"),
            bootstrapAdminPassword,
            ProcessBuilder.Redirect.to(log.toFile()));
    Files.writeString(pidFile, Long.toString(keycloak.pid()));
    if (!awaitKeycloak(keycloak, port)) {
      System.err.println("Keycloak did not start; its log: " + log);
      stop(keycloak.toHandle());
      System.exit(1);
    }
    System.out.printf(
        "Keycloak ready on port %d after %d s (log: %s)%n",
        port, Duration.between(begin, Instant.now()).toSeconds(), log);
  }

  /** The test build passes the client secrets it also gives WildFly; there is no fallback. */
  static String requiredEnv(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      System.err.println(name + " must be set for keycloak-start.");
      System.exit(2);
    }
    return value;
  }

  static void keycloakStop(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    ProcessHandle.of(pid).ifPresent(RunHaven::stop);
    Files.delete(pidFile);
  }

  /**
   * Keycloak in development mode with an in-memory database: Haven's realm is imported afresh at
   * every start, so the demo and the tests always begin from the realm file.
   */
  static Process startKeycloak(
      Path home,
      Path realm,
      int port,
      String havenUrl,
      String webSecret,
      String adminSecret,
      String bootstrapAdminPassword,
      ProcessBuilder.Redirect output)
      throws IOException {
    Path imports = home.resolve("data").resolve("import");
    Files.createDirectories(imports);
    Files.copy(realm, imports.resolve("haven-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
    Path script = home.resolve("bin").resolve(windows ? "kc.bat" : "kc.sh");
    script.toFile().setExecutable(true);
    ProcessBuilder builder =
        new ProcessBuilder(
                script.toString(),
                "start-dev",
                "--http-port=" + port,
                "--http-management-port=" + (port + KEYCLOAK_MANAGEMENT_OFFSET),
                "--health-enabled=true",
                "--db=dev-mem",
                "--import-realm",
                // Tokens carry this as their issuer, which WildFly checks exactly.
                "--hostname=" + keycloakUrl(port))
            .redirectErrorStream(true)
            .redirectOutput(output);
    Map<String, String> env = builder.environment();
    env.put("HAVEN_URL", havenUrl);
    env.put("HAVEN_OIDC_CLIENT_SECRET", webSecret);
    env.put("HAVEN_ADMIN_CLIENT_SECRET", adminSecret);
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "keycloak-admin");
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", bootstrapAdminPassword);
    env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-XX:MaxRAMPercentage=10 -Xms64m -Xmx512m");
    return builder.start();
  }

  static String keycloakUrl(int port) {
    return "http://localhost:" + port;
  }

  static boolean awaitKeycloak(Process keycloak, int port) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(STARTUP_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      if (!keycloak.isAlive()) {
        return false;
      }
      if (answers(http, keycloakUrl(port + KEYCLOAK_MANAGEMENT_OFFSET) + "/health/ready", 200)
          && answers(http, keycloakUrl(port) + "/realms/haven", 200)) {
        return true;
      }
      Thread.sleep(1000);
    }
    return false;
  }

  static String randomSecret() {
    byte[] bytes = new byte[24];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.HexFormat.of().formatHex(bytes);
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

  /**
   * Ready means the web application answers (its stylesheet needs no sign-in) and then the
   * management probe reports UP; asking in that order keeps WildFly from logging "health down"
   * while it boots.
   */
  static boolean awaitReady(Process wildfly) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(STARTUP_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      if (!wildfly.isAlive()) {
        return false;
      }
      if (answers(http, "http://localhost:" + HTTP_PORT + "/haven/" + STYLESHEET, 200)
          && answers(http, "http://localhost:" + MANAGEMENT_PORT + "/health/ready", 200)) {
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

  static void banner(Path data, Map<String, String> env, String keycloakAdminPassword) {
    String database =
        env.containsKey("HAVEN_DB_URL")
            ? "PostgreSQL (HAVEN_DB_URL)"
            : "embedded H2 in " + data.resolve("db");
    String key =
        env.containsKey("HAVEN_KEK_FILE")
            ? env.get("HAVEN_KEK_FILE") + " (HAVEN_KEK_FILE)"
            : env.containsKey("HAVEN_KEK")
                ? "from HAVEN_KEK"
                : data.resolve("keys").resolve("kek.json") + " (DEMO key: fictional data only)";
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
            "  API description:       http://localhost:" + HTTP_PORT + "/openapi",
            "  Health:                http://localhost:" + MANAGEMENT_PORT + "/health/ready",
            "  Database:              " + database,
            "  Encryption key:        " + key,
            "",
            "  Sign in with one of these demo users (password: " + DEMO_PASSWORD + "):",
            "    " + String.join(System.lineSeparator() + "    ", DEMO_USERS),
            "",
            "  API tokens: curl -d grant_type=password -d client_id=haven-cli -d username=…",
            "    -d password="
                + DEMO_PASSWORD
                + " "
                + keycloakUrl(KEYCLOAK_PORT)
                + "/realms/haven/protocol/openid-connect/token",
            "  Keycloak admin console: "
                + keycloakUrl(KEYCLOAK_PORT)
                + "/admin (keycloak-admin / "
                + keycloakAdminPassword
                + ", this run only)",
            "",
            "  Press Ctrl-C to stop.",
            line,
            ""));
  }

  /**
   * Stops a process and its descendants (WildFly's JVM is a child of its start script), waiting for
   * a graceful shutdown before forcing it.
   */
  static void stop(ProcessHandle process) {
    if (!process.isAlive()) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process);
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Haven's load benchmark (docs/operations/benchmark.md): the same work against a running Haven and
 * straight in PostgreSQL by pgbench, in one run on one machine, and the ratio of the two.
 *
 * <pre>
 *   HAVEN_DB_URL=jdbc:postgresql://localhost:5432/haven HAVEN_DB_USER=haven HAVEN_DB_PASSWORD=… \
 *     java ear/src/bench/HavenBench.java [volume …]      (default: 10000 100000)
 * </pre>
 *
 * For each volume it first registers fictional cases through Haven's REST API until the database
 * holds that many (so encryption, blind indexes and audit are Haven's own), then measures, for 1
 * and 8 clients: registering a case with a full identity, exact search by name, reading one case;
 * and the first page of the case list for 20 users. pgbench then does the same statements on a copy
 * of Haven's tables with the same rows (schema {@code haven_pgbench} in the same database). At the
 * end: 5,000 requests without a token in 10 s while a signed-in user searches, the audit events
 * they added, and {@code GET /audit/verify}. A benchmark, not a test: it asserts nothing.
 *
 * <p>Settings (environment): HAVEN_URL (http://localhost:8080/haven/api/v1), KEYCLOAK_URL
 * (http://localhost:8180), HAVEN_DB_URL / HAVEN_DB_USER / HAVEN_DB_PASSWORD (the database the Haven
 * under test uses), BENCH_SECONDS (20 per measurement), BENCH_WARMUP_SECONDS (5), BENCH_ONLY (some
 * of search, read, list, register, flood; all by default). Needs the demo realm's users (password
 * grant of haven-cli) and PostgreSQL's psql and pgbench on the PATH.
 */
public class HavenBench {

  static final String[] CASEWORKERS = {"caseworker.north", "caseworker2.north", "caseworker.south"};
  static final String[] LIST_USERS = {
    "caseworker.north",
    "caseworker2.north",
    "caseworker.south",
    "supervisor.north",
    "supervisor.south"
  };

  static URI api;
  static URI tokenEndpoint;
  static Database db;
  static Duration measure;
  static Duration warmup;
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    api = URI.create(env("HAVEN_URL", "http://localhost:8080/haven/api/v1") + "/");
    tokenEndpoint =
        URI.create(
            env("KEYCLOAK_URL", "http://localhost:8180")
                + "/realms/haven/protocol/openid-connect/token");
    db = Database.fromEnv();
    measure = Duration.ofSeconds(Long.parseLong(env("BENCH_SECONDS", "20")));
    warmup = Duration.ofSeconds(Long.parseLong(env("BENCH_WARMUP_SECONDS", "5")));
    List<Integer> volumes =
        args.length == 0
            ? List.of(10_000, 100_000)
            : Arrays.stream(args).map(Integer::parseInt).sorted().toList();

    Tokens tokens = new Tokens();
    Haven haven = new Haven(tokens);
    haven.check();
    System.out.printf(
        "Haven %s (JVM pid %s), PostgreSQL %s, %d cores; %d s per measurement after %d s of"
            + " warm-up%n",
        api,
        haven.pid().map(String::valueOf).orElse("not found on this machine"),
        db.psql("show server_version").trim(),
        Runtime.getRuntime().availableProcessors(),
        measure.toSeconds(),
        warmup.toSeconds());

    Map<Integer, List<Row>> byVolume = new LinkedHashMap<>();
    for (int volume : volumes) {
      Seeding.to(volume, haven);
      PgBench pg = PgBench.prepare();
      List<Row> rows = new ArrayList<>();
      Workloads w = new Workloads(haven, pg);
      if (byVolume.isEmpty()) {
        w.warmUp();
      }
      if (runs("search")) {
        rows.add(w.search(1));
        rows.add(w.search(8));
      }
      if (runs("read")) {
        rows.add(w.read(1));
        rows.add(w.read(8));
      }
      if (runs("list")) {
        rows.add(w.list(20));
      }
      if (runs("register")) {
        rows.add(w.register(1));
        rows.add(w.register(8));
      }
      byVolume.put(volume, rows);
      Report.table(volume, rows);
    }
    Report.growth(byVolume);
    if (runs("flood")) {
      Flood.run(haven);
    }
    Report.memory(haven);
    System.out.println("GET /audit/verify: " + haven.verify());
  }

  /** BENCH_ONLY=search,list (…) runs only those parts: search, read, list, register, flood. */
  static boolean runs(String part) {
    String only = env("BENCH_ONLY", "");
    return only.isEmpty() || List.of(only.split(",")).contains(part);
  }

  static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }

  // ---------------------------------------------------------------------------------------------
  // Measuring: closed-loop clients, each sending its next request when the last one answered.

  /** What one measurement found. */
  record Measured(
      long requests,
      long errors,
      double seconds,
      long[] latenciesMicros,
      long cpuMillis,
      long dbCpuMillis) {

    double rate() {
      return requests / seconds;
    }

    double percentileMillis(double p) {
      if (latenciesMicros.length == 0) {
        return Double.NaN;
      }
      int at = (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1;
      return latenciesMicros[Math.max(0, Math.min(at, latenciesMicros.length - 1))] / 1000.0;
    }

    /** Two measurements of the same work as one. */
    static Measured plus(Measured a, Measured b) {
      if (a == null) {
        return b;
      }
      long[] all = new long[a.latenciesMicros.length + b.latenciesMicros.length];
      System.arraycopy(a.latenciesMicros, 0, all, 0, a.latenciesMicros.length);
      System.arraycopy(
          b.latenciesMicros, 0, all, a.latenciesMicros.length, b.latenciesMicros.length);
      Arrays.sort(all);
      return new Measured(
          a.requests + b.requests,
          a.errors + b.errors,
          a.seconds + b.seconds,
          all,
          a.cpuMillis < 0 || b.cpuMillis < 0 ? -1 : a.cpuMillis + b.cpuMillis,
          a.dbCpuMillis < 0 || b.dbCpuMillis < 0 ? -1 : a.dbCpuMillis + b.dbCpuMillis);
    }

    double cpuMillisPerRequest() {
      return requests == 0 || cpuMillis < 0 ? Double.NaN : (double) cpuMillis / requests;
    }

    double dbCpuMillisPerRequest() {
      return requests == 0 || dbCpuMillis < 0 ? Double.NaN : (double) dbCpuMillis / requests;
    }
  }

  /** One request of a workload: client number and its running count in, success out. */
  interface Call {
    boolean send(int client, long iteration) throws Exception;
  }

  static Measured load(int clients, Call call, Optional<Long> pid) throws InterruptedException {
    Instant start = Instant.now();
    Instant measureFrom = start.plus(warmup);
    Instant until = measureFrom.plus(measure);
    List<long[]> latencies = new ArrayList<>();
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong cpuAtStart = new AtomicLong(-1);
    AtomicLong dbCpuAtStart = new AtomicLong(-1);
    CountDownLatch done = new CountDownLatch(clients);
    Map<String, String> firstError = new ConcurrentHashMap<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      long[][] mine = {new long[1024]};
      int[] count = {0};
      synchronized (latencies) {
        latencies.add(null);
      }
      Thread t =
          new Thread(
              () -> {
                try {
                  long iteration = 0;
                  while (true) {
                    long begin = System.nanoTime();
                    Instant now = Instant.now();
                    if (now.isAfter(until)) {
                      break;
                    }
                    boolean measuring = now.isAfter(measureFrom);
                    if (measuring && cpuAtStart.get() < 0) {
                      if (cpuAtStart.compareAndSet(-1, pid.map(Proc::cpuMillis).orElse(-2L))) {
                        dbCpuAtStart.set(Proc.postgresCpuMillis());
                      }
                    }
                    boolean ok;
                    try {
                      ok = call.send(client, iteration++);
                    } catch (Exception e) {
                      firstError.putIfAbsent("error", e.toString());
                      ok = false;
                    }
                    long micros = (System.nanoTime() - begin) / 1000;
                    if (measuring && Instant.now().isBefore(until)) {
                      requests.incrementAndGet();
                      if (!ok) {
                        errors.incrementAndGet();
                      }
                      if (count[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                      }
                      mine[0][count[0]++] = micros;
                    }
                  }
                } finally {
                  synchronized (latencies) {
                    latencies.set(client, Arrays.copyOf(mine[0], count[0]));
                  }
                  done.countDown();
                }
              },
              "client-" + c);
      t.setDaemon(true);
      t.start();
    }
    done.await();
    long cpuEnd = pid.map(Proc::cpuMillis).orElse(-1L);
    long dbCpuEnd = Proc.postgresCpuMillis();
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    if (!firstError.isEmpty()) {
      System.out.println("    first error: " + firstError.get("error"));
    }
    return new Measured(
        requests.get(),
        errors.get(),
        measure.toMillis() / 1000.0,
        all,
        cpuAtStart.get() < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuAtStart.get(),
        dbCpuAtStart.get() < 0 || dbCpuEnd < 0 ? -1 : dbCpuEnd - dbCpuAtStart.get());
  }

  // ---------------------------------------------------------------------------------------------
  // Haven over REST with the demo realm's tokens.

  static final class Tokens {
    private final Map<String, String[]> cached = new ConcurrentHashMap<>();

    /** A token of the user, renewed after two minutes (Keycloak's tokens live five). */
    String of(String user) {
      String[] entry = cached.get(user);
      long now = System.currentTimeMillis();
      if (entry == null || now - Long.parseLong(entry[1]) > 120_000) {
        synchronized (this) {
          entry = cached.get(user);
          if (entry == null || now - Long.parseLong(entry[1]) > 120_000) {
            entry = new String[] {fetch(user), Long.toString(now)};
            cached.put(user, entry);
          }
        }
      }
      return entry[0];
    }

    private static String fetch(String user) {
      String form =
          "grant_type=password&client_id=haven-cli&username="
              + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=demo";
      try {
        HttpResponse<String> answer =
            HTTP.send(
                HttpRequest.newBuilder(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 200 || !m.find()) {
          throw new IllegalStateException(
              "no token for " + user + " from " + tokenEndpoint + ": " + answer.statusCode());
        }
        return m.group(1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static final class Haven {
    final Tokens tokens;
    private Optional<Long> pid;

    Haven(Tokens tokens) {
      this.tokens = tokens;
    }

    void check() throws Exception {
      HttpResponse<String> r = get("cases?size=1", "caseworker.north");
      if (r.statusCode() != 200) {
        throw new IllegalStateException("Haven answers " + r.statusCode() + ": " + r.body());
      }
      pid = Proc.listening(api.getPort());
    }

    Optional<Long> pid() {
      return pid;
    }

    HttpResponse<String> get(String path, String user) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).GET();
      if (user != null) {
        request.header("Authorization", "Bearer " + tokens.of(user));
      }
      return HTTP.send(
          request.header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> register(String user, String json) throws Exception {
      return HTTP.send(
          HttpRequest.newBuilder(api.resolve("cases"))
              .header("Authorization", "Bearer " + tokens.of(user))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    String verify() throws Exception {
      return get("audit/verify", "admin").body();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fictional survivors, the same for a given number on every run.

  static final class Fiction {
    static final String[] GIVEN = {
      "Amina", "Grace", "Fatima", "Blessing", "Maria", "Elena", "Nadia", "Joy", "Aisha", "Mercy",
      "Ana", "Irina", "Precious", "Leila", "Sofia", "Mariam", "Esther", "Olga", "Rose", "Hana",
      "Samuel", "Ibrahim", "Daniel", "Yusuf", "Pedro", "Ivan", "Musa", "Kofi", "Tomas", "Ali"
    };
    static final String[] SYLLABLES = {
      "ba", "ke", "lo", "mi", "nu", "sa", "te", "vo", "ri", "da", "fe", "go", "hi", "ju", "ka",
          "le",
      "mo", "na", "pe", "qui", "ro", "si", "tu", "va", "we", "xa", "yo", "za", "bre", "dri", "gla",
          "tro"
    };
    static final String[] CITIES = {
      "Lagos", "Benin City", "Chisinau", "Manila", "Kathmandu", "Tirana", "Accra", "Dhaka", "Lima"
    };
    static final String[] NATIONALITIES = {"NG", "MD", "PH", "NP", "AL", "GH", "BD", "PE", "UA"};
    static final String[] LANGUAGES = {"en", "ro", "tl", "ne", "sq", "en", "bn", "es", "uk"};
    static final String[] SENTENCES = {
      "Recruited through an online job offer for work abroad in a restaurant.",
      "The recruiter kept the passport on arrival and demanded repayment of a travel debt.",
      "Worked fourteen hours a day without pay; movement restricted to the premises.",
      "Threats were made against family members at home if the survivor tried to leave.",
      "Identified during a labour inspection and referred by the local police unit.",
      "Reports headaches and poor sleep; asked for a female caseworker and an interpreter.",
      "Wishes to return home eventually but fears the recruiter's associates there.",
      "A cousin in the city may offer accommodation once the situation is assessed."
    };

    static String familyName(long i) {
      StringBuilder name = new StringBuilder();
      long rest = i;
      do {
        name.append(SYLLABLES[(int) (rest % SYLLABLES.length)]);
        rest /= SYLLABLES.length;
      } while (rest > 0 || name.length() < 5);
      name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
      return name.toString();
    }

    static String givenNames(long i) {
      return GIVEN[(int) (i % GIVEN.length)];
    }

    static String owner(long i) {
      return CASEWORKERS[(int) (i % CASEWORKERS.length)];
    }

    static String intake(long i) {
      int c = (int) (i % CITIES.length);
      String given = givenNames(i);
      String family = familyName(i);
      StringBuilder narrative = new StringBuilder();
      for (int s = 0; narrative.length() < 1500; s++) {
        narrative.append(SENTENCES[(int) ((i + s) % SENTENCES.length)]).append(' ');
      }
      LocalDate born = LocalDate.of(1965, 1, 1).plusDays((i * 7919) % 18_000);
      return "{\"riskLevel\":\""
          + new String[] {"HIGH", "MEDIUM", "LOW"}[(int) (i % 3)]
          + "\",\"narrative\":\""
          + narrative.toString().trim()
          + "\",\"survivor\":{\"givenNames\":\""
          + given
          + "\",\"familyName\":\""
          + family
          + "\",\"aliases\":[\""
          + given.substring(0, 3)
          + "\"],\"birthDate\":\""
          + born
          + "\",\"sex\":\""
          + (i % GIVEN.length < 20 ? "FEMALE" : "MALE")
          + "\",\"nationality\":\""
          + NATIONALITIES[c]
          + "\",\"languages\":[\""
          + LANGUAGES[c]
          + "\"],\"phones\":[\"+234 80"
          + String.format("%08d", i % 100_000_000)
          + "\"],\"email\":\""
          + (given + "." + family).toLowerCase(Locale.ROOT)
          + "@example.org\",\"address\":\""
          + (1 + i % 300)
          + " Example Street, "
          + CITIES[c]
          + "\",\"document\":{\"type\":\"PASSPORT\",\"number\":\"P"
          + String.format("%08d", i % 100_000_000)
          + "\"},\"placeOfOrigin\":\""
          + CITIES[(c + 3) % CITIES.length]
          + "\"}}";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Seeding through Haven's own boundaries, with a record of what the benchmark registered.

  static final class Seeding {
    /** How many fictional survivors the benchmark registered into this database so far. */
    static long seeded() {
      db.psql(
          "create schema if not exists haven_bench_state;"
              + " create table if not exists haven_bench_state.seeded (n bigint not null);");
      String n = db.psql("select coalesce(max(n), 0) from haven_bench_state.seeded").trim();
      return Long.parseLong(n);
    }

    static void record(long n) {
      db.psql("insert into haven_bench_state.seeded values (" + n + ")");
    }

    static long cases() {
      return Long.parseLong(db.psql("select count(*) from survivor_case").trim());
    }

    static void to(long volume, Haven haven) throws Exception {
      long have = cases();
      if (have >= volume) {
        System.out.printf("%nThe database holds %,d cases (%,d or more asked).%n", have, volume);
        return;
      }
      long from = seeded();
      long missing = volume - have;
      System.out.printf(
          "%nRegistering %,d fictional cases through Haven's REST API (%,d there) ...%n",
          missing, have);
      AtomicLong next = new AtomicLong(from);
      long until = from + missing;
      AtomicLong failed = new AtomicLong();
      Instant begin = Instant.now();
      int clients = 8;
      CountDownLatch done = new CountDownLatch(clients);
      for (int c = 0; c < clients; c++) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    long i;
                    while ((i = next.getAndIncrement()) < until) {
                      try {
                        int status =
                            haven.register(Fiction.owner(i), Fiction.intake(i)).statusCode();
                        if (status != 201) {
                          failed.incrementAndGet();
                        }
                      } catch (Exception e) {
                        failed.incrementAndGet();
                      }
                      if (i % 10_000 == 0 && i > from) {
                        System.out.printf("  %,d ...%n", i - from);
                      }
                    }
                  } finally {
                    done.countDown();
                  }
                });
        t.setDaemon(true);
        t.start();
      }
      done.await();
      record(until);
      double seconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
      System.out.printf(
          "  done in %.0f s (%.0f cases/s, %d failed); %,d cases in the database%n",
          seconds, missing / seconds, failed.get(), cases());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The workloads, each on Haven and on pgbench.

  record Row(String work, int clients, Measured haven, Measured pg) {}

  static final class Workloads {
    final Haven haven;
    final PgBench pg;
    final long seeded;
    final Map<String, List<String>> numbersByCaseworker;

    Workloads(Haven haven, PgBench pg) {
      this.haven = haven;
      this.pg = pg;
      this.seeded = Math.max(1, Seeding.seeded());
      this.numbersByCaseworker = new LinkedHashMap<>();
      for (String line :
          db.psql(
                  "select s.username || ' ' || c.case_number from survivor_case c"
                      + " join case_assignment a on a.case_id = c.id and a.ended_at is null"
                      + " join staff_member s on s.id = a.caseworker_id"
                      + " where c.erased_at is null order by random() limit 6000")
              .split("\n")) {
        String[] parts = line.trim().split(" ");
        if (parts.length == 2) {
          numbersByCaseworker.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
        }
      }
    }

    /** Haven's code paths compiled by the JIT before anything is measured. */
    void warmUp() throws Exception {
      Duration saved = measure;
      measure = Duration.ofSeconds(Long.parseLong(env("BENCH_JIT_WARMUP_SECONDS", "10")));
      try {
        System.out.printf(
            "  warming Haven up (%d s per kind of request) ...%n", measure.toSeconds());
        load(8, searchCall(), Optional.empty());
        load(8, readCall(), Optional.empty());
        load(20, listCall(), Optional.empty());
        AtomicLong next = new AtomicLong(Seeding.seeded());
        load(
            8,
            (client, it) -> {
              long i = next.getAndIncrement();
              return haven.register(Fiction.owner(i), Fiction.intake(i)).statusCode() == 201;
            },
            Optional.empty());
        Seeding.record(next.get());
      } finally {
        measure = saved;
      }
    }

    Call searchCall() {
      return (client, it) -> {
        long i = ThreadLocalRandom.current().nextLong(seeded);
        String name = Fiction.givenNames(i) + " " + Fiction.familyName(i);
        return haven
                .get(
                    "cases?size=25&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                    Fiction.owner(i))
                .statusCode()
            == 200;
      };
    }

    Call readCall() {
      List<String> users = List.copyOf(numbersByCaseworker.keySet());
      return (client, it) -> {
        String user = users.get((int) ((client + it) % users.size()));
        List<String> numbers = numbersByCaseworker.get(user);
        String number = numbers.get(ThreadLocalRandom.current().nextInt(numbers.size()));
        return haven.get("cases/" + number, user).statusCode() == 200;
      };
    }

    Call listCall() {
      return (client, it) ->
          haven.get("cases?size=25", LIST_USERS[client % LIST_USERS.length]).statusCode() == 200;
    }

    Row search(int clients) throws Exception {
      System.out.printf("  exact search by name, %d client(s) ...%n", clients);
      return alternating("exact search by name", clients, searchCall(), "search");
    }

    Row read(int clients) throws Exception {
      System.out.printf("  read one case, %d client(s) ...%n", clients);
      return alternating("read one case", clients, readCall(), "read");
    }

    Row list(int users) throws Exception {
      System.out.printf("  first page of the case list, %d users ...%n", users);
      return alternating("first page of the case list", users, listCall(), "list");
    }

    Row register(int clients) throws Exception {
      System.out.printf("  register a case, %d client(s) ...%n", clients);
      AtomicLong next = new AtomicLong(Seeding.seeded());
      try {
        return alternating(
            "register a case",
            clients,
            (client, it) -> {
              long i = next.getAndIncrement();
              return haven.register(Fiction.owner(i), Fiction.intake(i)).statusCode() == 201;
            },
            "register");
      } finally {
        Seeding.record(next.get());
      }
    }

    /**
     * Haven and pgbench in turns, {@code BENCH_ROUNDS} times each, so that a slow moment of the
     * machine (a disk that syncs slowly, a neighbour on the host) weighs on both sides alike.
     */
    Row alternating(String work, int clients, Call call, String script) throws Exception {
      int rounds = Integer.parseInt(env("BENCH_ROUNDS", "4"));
      Duration total = measure;
      Duration totalWarmup = warmup;
      measure = total.dividedBy(rounds);
      warmup = Duration.ofSeconds(Math.max(1, totalWarmup.toSeconds() / 2));
      try {
        Measured h = null;
        Measured p = null;
        for (int r = 0; r < rounds; r++) {
          h = Measured.plus(h, load(clients, call, haven.pid()));
          p = Measured.plus(p, pg.run(script, clients));
        }
        return new Row(work, clients, h, p);
      } finally {
        measure = total;
        warmup = totalWarmup;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // PostgreSQL alone: the same statements on a copy of Haven's tables with the same rows.

  static final class PgBench {
    static final String SCHEMA = "haven_pgbench";
    static final List<String> TABLES =
        List.of(
            "staff_member",
            "survivor_case",
            "data_key",
            "case_assignment",
            "case_search_index",
            "case_exploitation_code",
            "follow_up_task",
            "break_glass_access",
            "audit_event");
    final Path scripts;
    final Map<String, String> sizes;

    private PgBench(Path scripts, Map<String, String> sizes) {
      this.scripts = scripts;
      this.sizes = sizes;
    }

    static PgBench prepare() throws IOException {
      System.out.println("Copying Haven's tables, rows included, for pgbench ...");
      StringBuilder sql = new StringBuilder();
      sql.append("drop schema if exists ").append(SCHEMA).append(" cascade;");
      sql.append("create schema ").append(SCHEMA).append(';');
      for (String table : TABLES) {
        sql.append(
            String.format(
                "create table %1$s.%2$s (like public.%2$s including all);"
                    + " insert into %1$s.%2$s select * from public.%2$s;",
                SCHEMA, table));
      }
      db.psql(sql.toString());
      // The foreign keys among the copied tables, as Haven's schema has them.
      String keys =
          db.psql(
              "select 'alter table "
                  + SCHEMA
                  + ".' || c.conrelid::regclass || ' add constraint ' || c.conname || ' '"
                  + " || pg_get_constraintdef(c.oid) || ';' from pg_constraint c"
                  + " where c.contype = 'f' and c.connamespace = 'public'::regnamespace"
                  + " and c.conrelid::regclass::text in ("
                  + TABLES.stream().map(t -> "'" + t + "'").collect(Collectors.joining(","))
                  + ") and c.confrelid::regclass::text in ("
                  + TABLES.stream().map(t -> "'" + t + "'").collect(Collectors.joining(","))
                  + ")");
      db.psql("set search_path = " + SCHEMA + "; " + keys);
      db.psql(
          "create sequence "
              + SCHEMA
              + ".ids start with 1000000000;"
              + " create table "
              + SCHEMA
              + ".bench_name as select row_number() over () n, i.digest, a.caseworker_id cw from "
              + SCHEMA
              + ".case_search_index i join "
              + SCHEMA
              + ".case_assignment a on a.case_id = i.case_id and a.ended_at is null"
              // A survivor's full name, as the benchmark searches Haven: a digest of one case only
              // (aliases are shared by many).
              + " where i.kind = 'NAME' and i.digest in (select digest from "
              + SCHEMA
              + ".case_search_index where kind = 'NAME' group by digest having count(*) = 1);"
              + " create unique index on "
              + SCHEMA
              + ".bench_name (n);"
              + " create table "
              + SCHEMA
              + ".bench_case as select row_number() over () n, c.case_number,"
              + " a.caseworker_id, c.owning_team from "
              + SCHEMA
              + ".survivor_case c join "
              + SCHEMA
              + ".case_assignment a on a.case_id = c.id and a.ended_at is null;"
              + " create unique index on "
              + SCHEMA
              + ".bench_case (n);"
              + " analyze;");
      Map<String, String> sizes = new LinkedHashMap<>();
      String[] lengths =
          db.psql(
                  "select round(avg(length(survivor_given_names))), round(avg(length(narrative))),"
                      + " round(avg(length(survivor_address))) from survivor_case"
                      + " where narrative is not null")
              .trim()
              .split("\\|");
      sizes.put("name", lengths[0]);
      sizes.put("narrative", lengths[1]);
      sizes.put("address", lengths[2]);
      Path dir = Files.createTempDirectory("haven-pgbench");
      PgBench bench = new PgBench(dir, sizes);
      bench.writeScripts();
      return bench;
    }

    /** A bytea of about n bytes, made in SQL from the transaction's random number. */
    static String bytes(String n) {
      long blocks = Math.max(1, (Long.parseLong(n) + 15) / 16);
      return "decode(repeat(md5(:r::text), " + blocks + "), 'hex')";
    }

    /** The audit event Haven writes with each request. */
    static String audit(String action) {
      return "insert into "
          + SCHEMA
          + ".audit_event (id, occurred_at, actor_subject, actor_username, actor_roles,"
          + " actor_team, action, object_type, object_id, outcome, details, client_address,"
          + " request_id, mac) values (nextval('"
          + SCHEMA
          + ".ids'), now(), 'f6c1b6a0-5b1f-4c44-9a51-2d0c7a7e0001', 'caseworker.north',"
          + " 'caseworker', 'north', '"
          + action
          + "', 'case', 'HVN-2026-000001', 'SUCCESS', 'shown: HVN-2026-000001', '127.0.0.1',"
          + " md5(:r::text), md5(:r::text) || md5(:r::text));\n";
    }

    void writeScripts() throws IOException {
      String s = SCHEMA;
      String page =
          "select c.*, k.wrapped from %1$s.survivor_case c left join %1$s.data_key k"
              + " on k.owner = 'case:' || c.case_number where %2$s"
              + " order by c.created_at desc, c.id desc limit 25;\n";
      String scope =
          "exists (select 1 from %1$s.case_assignment a where a.case_id = c.id"
              + " and a.caseworker_id = :cw and a.ended_at is null)";
      Files.writeString(
          scripts.resolve("search.sql"),
          "\\set r random(1, 1000000000)\n"
              + "\\set k random(1, "
              + count("bench_name")
              + ")\n"
              + "select digest, cw from "
              + s
              + ".bench_name where n = :k \\gset\n"
              + "begin;\n"
              + String.format(
                  page,
                  s,
                  String.format(scope, s)
                      + " and c.id in (select case_id from "
                      + s
                      + ".case_search_index where kind = 'NAME' and digest = :digest)")
              + audit("CASES_SEARCHED")
              + "commit;\n");
      Files.writeString(
          scripts.resolve("read.sql"),
          "\\set r random(1, 1000000000)\n"
              + "\\set k random(1, "
              + count("bench_case")
              + ")\n"
              + "select case_number, caseworker_id cw from "
              + s
              + ".bench_case where n = :k \\gset\n"
              + "begin;\n"
              + String.format(
                  page, s, String.format(scope, s) + " and c.case_number = :case_number")
              + "select * from "
              + s
              + ".case_assignment where case_id = (select id from "
              + s
              + ".survivor_case where case_number = :case_number);\n"
              + audit("CASE_READ")
              + "commit;\n");
      Files.writeString(
          scripts.resolve("list.sql"),
          "\\set r random(1, 1000000000)\n"
              + "\\set k random(1, "
              + count("bench_case")
              + ")\n"
              + "select caseworker_id cw from "
              + s
              + ".bench_case where n = :k \\gset\n"
              + "begin;\n"
              + String.format(page, s, String.format(scope, s))
              + audit("CASES_LISTED")
              + "commit;\n");
      String name = bytes(sizes.get("name"));
      Files.writeString(
          scripts.resolve("register.sql"),
          "\\set r random(1, 1000000000)\n"
              + "\\set k random(1, "
              + count("bench_case")
              + ")\n"
              + "select caseworker_id cw, owning_team team, nextval('"
              + s
              + ".ids') id from "
              + s
              + ".bench_case where n = :k \\gset\n"
              + "begin;\n"
              // The duplicate check: same name and birth date, or the same document number.
              + "select c.case_number, c.owning_team from "
              + s
              + ".survivor_case c join "
              + s
              + ".case_search_index i on i.case_id = c.id where i.kind in ('NAME_BIRTH_DATE',"
              + " 'DOCUMENT_NUMBER') and i.digest in (md5(:r::text), md5((:r + 1)::text));\n"
              + "insert into "
              + s
              + ".data_key (owner, wrapped, kek_id, created_at) values ('bench-' || :id::text, "
              + bytes("143")
              + ", 1, now());\n"
              + "insert into "
              + s
              + ".survivor_case (id, case_number, status, risk_level, survivor_sex,"
              + " survivor_nationality, created_at, updated_at, version, owning_team,"
              + " survivor_age_band, survivor_languages, survivor_given_names,"
              + " survivor_family_name, survivor_aliases, survivor_birth_date, survivor_phones,"
              + " survivor_email, survivor_address, survivor_document_type,"
              + " survivor_document_number, survivor_place_of_origin, narrative,"
              + " risk_assessed_at, risk_assessed_by_id) values (:id, 'B-' || :id::text, 'OPEN',"
              + " 'HIGH', 'FEMALE', 'NG', now(), now(), 0, :team, '30-38', 'en', "
              + String.join(", ", name, name, name, name, name, name)
              + ", "
              + bytes(sizes.get("address"))
              + ", "
              + String.join(", ", name, name, name)
              + ", "
              + bytes(sizes.get("narrative"))
              + ", now(), :cw);\n"
              + "insert into "
              + s
              + ".case_assignment (id, case_id, caseworker_id, assigned_by_id, assigned_at)"
              + " values (nextval('"
              + s
              + ".ids'), :id, :cw, :cw, now());\n"
              + "insert into "
              + s
              + ".follow_up_task (id, case_id, kind, due_on, assignee_id, status,"
              + " created_by_id, created_at, version) values (nextval('"
              + s
              + ".ids'), :id, 'ASSESSMENT', current_date + 7, :cw, 'OPEN', :cw, now(), 0),"
              + " (nextval('"
              + s
              + ".ids'), :id, 'RISK_REVIEW', current_date + 30, :cw, 'OPEN', :cw, now(), 0);\n"
              + "insert into "
              + s
              + ".case_search_index (case_id, kind, digest) values"
              + " (:id, 'NAME', md5(:r::text)), (:id, 'BIRTH_DATE', md5((:r + 1)::text)),"
              + " (:id, 'PHONE', md5((:r + 2)::text)), (:id, 'DOCUMENT_NUMBER',"
              + " md5((:r + 3)::text)), (:id, 'NAME_BIRTH_DATE', md5((:r + 4)::text)),"
              + " (:id, 'NAME', md5((:r + 5)::text));\n"
              + audit("CASE_REGISTERED")
              + "commit;\n");
    }

    static String count(String table) {
      return db.psql("select count(*) from " + SCHEMA + "." + table).trim();
    }

    Measured run(String script, int clients) throws Exception {
      Path logs = Files.createTempDirectory(scripts, script);
      List<String> command =
          new ArrayList<>(
              List.of(
                  "pgbench",
                  "-n",
                  "-M",
                  "prepared",
                  "-c",
                  Integer.toString(clients),
                  "-j",
                  Integer.toString(Math.min(clients, 2)),
                  "-T",
                  Long.toString(measure.toSeconds() + warmup.toSeconds()),
                  "-f",
                  scripts.resolve(script + ".sql").toString(),
                  "-l",
                  "--log-prefix",
                  logs.resolve("tx").toString()));
      command.addAll(db.connectionArguments());
      long pgCpuStart = Proc.postgresCpuMillis();
      Process p = db.withPassword(new ProcessBuilder(command)).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      long pgCpu = Proc.postgresCpuMillis() - pgCpuStart;
      if (p.waitFor() != 0) {
        throw new IllegalStateException("pgbench " + script + " failed:\n" + out);
      }
      // Per-transaction log lines: client, transaction, latency (µs), script, epoch s, µs.
      long cutoffEpochMicros = Long.MAX_VALUE;
      List<long[]> lines = new ArrayList<>();
      try (var files = Files.list(logs)) {
        for (Path f : files.toList()) {
          for (String line : Files.readAllLines(f)) {
            String[] v = line.trim().split(" ");
            if (v.length >= 6) {
              long at = Long.parseLong(v[4]) * 1_000_000 + Long.parseLong(v[5]);
              lines.add(new long[] {at, Long.parseLong(v[2])});
              cutoffEpochMicros = Math.min(cutoffEpochMicros, at);
            }
          }
        }
      }
      long from = cutoffEpochMicros + warmup.toMillis() * 1000;
      long to = from + measure.toMillis() * 1000;
      long[] latencies =
          lines.stream()
              .filter(l -> l[0] >= from && l[0] < to)
              .mapToLong(l -> l[1])
              .sorted()
              .toArray();
      long failed = 0;
      Matcher m = Pattern.compile("number of failed transactions: (\\d+)").matcher(out);
      if (m.find()) {
        failed = Long.parseLong(m.group(1));
      }
      long total = latencies.length;
      double totalSeconds = measure.toSeconds() + warmup.toSeconds();
      return new Measured(
          total,
          failed,
          measure.toMillis() / 1000.0,
          latencies,
          -1,
          (long) (pgCpu * (measure.toSeconds() / totalSeconds)));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Anonymous traffic while a signed-in user works.

  static final class Flood {
    static void run(Haven haven) throws Exception {
      System.out.println();
      System.out.println("Flood: 5,000 requests without a token in 10 s, one user searching ...");
      long seeded = Math.max(1, Seeding.seeded());
      Call search =
          (client, it) -> {
            long i = ThreadLocalRandom.current().nextLong(seeded);
            String name = Fiction.givenNames(i) + " " + Fiction.familyName(i);
            return haven
                    .get(
                        "cases?size=25&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                        Fiction.owner(i))
                    .statusCode()
                == 200;
          };
      Duration saved = measure;
      Duration savedWarmup = warmup;
      measure = Duration.ofSeconds(10);
      warmup = Duration.ofSeconds(2);
      try {
        Measured quiet = load(1, search, haven.pid());
        long before =
            Long.parseLong(db.psql("select coalesce(max(id), 0) from audit_event").trim());
        AtomicLong refused = new AtomicLong();
        AtomicLong other = new AtomicLong();
        Thread flood =
            new Thread(
                () -> {
                  long start = System.nanoTime();
                  List<Thread> senders = new ArrayList<>();
                  for (int s = 0; s < 4; s++) {
                    int sender = s;
                    Thread t =
                        new Thread(
                            () -> {
                              for (int k = sender; k < 5000; k += 4) {
                                long due = start + warmup.toNanos() + k * 2_000_000L;
                                long wait = due - System.nanoTime();
                                if (wait > 0) {
                                  try {
                                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                                  } catch (InterruptedException e) {
                                    return;
                                  }
                                }
                                try {
                                  int status = haven.get("cases?size=25", null).statusCode();
                                  (status == 401 ? refused : other).incrementAndGet();
                                } catch (Exception e) {
                                  other.incrementAndGet();
                                }
                              }
                            });
                    t.start();
                    senders.add(t);
                  }
                  for (Thread t : senders) {
                    try {
                      t.join();
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
        flood.start();
        Measured during = load(1, search, haven.pid());
        flood.join();
        // Aggregated refusals are written once a minute: wait for the minute to close.
        Thread.sleep(Duration.ofSeconds(65).toMillis());
        String added =
            db.psql(
                    "select count(*) from audit_event where id > "
                        + before
                        + " and actor_subject is null")
                .trim();
        System.out.printf(
            "  %,d refused (401), %,d other answers; audit events added by them: %s%n",
            refused.get(), other.get(), added);
        System.out.printf(
            "  the user's searches: %.0f/s quiet, %.0f/s during the flood (%.0f %%), p95 %.1f ms"
                + " -> %.1f ms%n",
            quiet.rate(),
            during.rate(),
            100 * during.rate() / quiet.rate(),
            quiet.percentileMillis(95),
            during.percentileMillis(95));
      } finally {
        measure = saved;
        warmup = savedWarmup;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  static final class Report {
    static void table(int volume, List<Row> rows) {
      System.out.printf("%nWith %,d cases (%,d in the database now):%n", volume, Seeding.cases());
      System.out.printf(
          "| %-28s | %7s | %12s | %10s | %5s | %-24s | %-24s | %6s | %s%n",
          "Work",
          "clients",
          "PostgreSQL/s",
          "Haven/s",
          "ratio",
          "Haven p50/p95/p99 ms",
          "PostgreSQL p50/p95/p99 ms",
          "errors",
          "CPU ms per request: Haven's JVM + its PostgreSQL / PostgreSQL alone");
      for (Row r : rows) {
        System.out.printf(
            "| %-28s | %7d | %,12.0f | %,10.0f | %4.1f%% | %-24s | %-24s | %6d | %.2f + %.2f / %.2f%n",
            r.work(),
            r.clients(),
            r.pg().rate(),
            r.haven().rate(),
            100 * r.haven().rate() / r.pg().rate(),
            percentiles(r.haven()),
            percentiles(r.pg()),
            r.haven().errors(),
            r.haven().cpuMillisPerRequest(),
            r.haven().dbCpuMillisPerRequest(),
            r.pg().dbCpuMillisPerRequest());
      }
    }

    static String percentiles(Measured m) {
      return String.format(
          "%.1f / %.1f / %.1f",
          m.percentileMillis(50), m.percentileMillis(95), m.percentileMillis(99));
    }

    static void growth(Map<Integer, List<Row>> byVolume) {
      if (byVolume.size() < 2) {
        return;
      }
      List<Integer> volumes = List.copyOf(byVolume.keySet());
      int small = volumes.get(0);
      int large = volumes.get(volumes.size() - 1);
      System.out.printf("%nHaven's p95 from %,d to %,d cases:%n", small, large);
      List<Row> a = byVolume.get(small);
      List<Row> b = byVolume.get(large);
      for (int i = 0; i < a.size(); i++) {
        double before = a.get(i).haven().percentileMillis(95);
        double after = b.get(i).haven().percentileMillis(95);
        System.out.printf(
            "  %-28s %2d clients: %.1f ms -> %.1f ms (x %.2f); rate %,.0f/s -> %,.0f/s%n",
            a.get(i).work(),
            a.get(i).clients(),
            before,
            after,
            after / before,
            a.get(i).haven().rate(),
            b.get(i).haven().rate());
      }
    }

    static void memory(Haven haven) {
      haven
          .pid()
          .ifPresent(
              pid ->
                  System.out.printf(
                      "%nHaven's JVM (pid %d): resident memory %,d MB%n", pid, Proc.rssMb(pid)));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The database, through psql and pgbench.

  record Database(String host, String port, String name, String user, String password) {

    static Database fromEnv() {
      String url = System.getenv("HAVEN_DB_URL");
      if (url == null || !url.startsWith("jdbc:postgresql://")) {
        System.err.println(
            "HAVEN_DB_URL must name the PostgreSQL database of the Haven under test,"
                + " e.g. jdbc:postgresql://localhost:5432/haven");
        System.exit(2);
      }
      Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*").matcher(url);
      if (!m.matches()) {
        throw new IllegalArgumentException("cannot read HAVEN_DB_URL " + url);
      }
      return new Database(
          m.group(1),
          m.group(2) == null ? "5432" : m.group(2),
          m.group(3),
          env("HAVEN_DB_USER", "haven"),
          env("HAVEN_DB_PASSWORD", "haven"));
    }

    List<String> connectionArguments() {
      return List.of("-h", host, "-p", port, "-U", user, name);
    }

    ProcessBuilder withPassword(ProcessBuilder builder) {
      builder.environment().put("PGPASSWORD", password);
      return builder;
    }

    String psql(String sql) {
      List<String> command =
          new ArrayList<>(List.of("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"));
      command.addAll(connectionArguments());
      command.addAll(List.of("-c", sql));
      try {
        Process p = withPassword(new ProcessBuilder(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
          throw new IllegalStateException("psql failed: " + out + "\n" + sql);
        }
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** CPU time and memory of local processes, from /proc (Linux). */
  static final class Proc {
    static final long TICKS_PER_SECOND = 100;

    static Optional<Long> listening(int port) {
      try (var dirs = Files.list(Path.of("/proc"))) {
        String inode = socketInode(port);
        if (inode == null) {
          return Optional.empty();
        }
        for (Path dir : dirs.toList()) {
          if (!dir.getFileName().toString().matches("\\d+")) {
            continue;
          }
          try (var fds = Files.list(dir.resolve("fd"))) {
            for (Path fd : fds.toList()) {
              try {
                if (Files.readSymbolicLink(fd).toString().equals("socket:[" + inode + "]")) {
                  return Optional.of(Long.parseLong(dir.getFileName().toString()));
                }
              } catch (IOException ignored) {
                // a descriptor closed meanwhile
              }
            }
          } catch (IOException | SecurityException ignored) {
            // another user's process
          }
        }
      } catch (IOException e) {
        return Optional.empty();
      }
      return Optional.empty();
    }

    private static String socketInode(int port) throws IOException {
      for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
        Path p = Path.of(file);
        if (!Files.exists(p)) {
          continue;
        }
        for (String line : Files.readAllLines(p)) {
          String[] v = line.trim().split("\\s+");
          if (v.length > 9 && v[3].equals("0A") && v[1].endsWith(String.format(":%04X", port))) {
            return v[9];
          }
        }
      }
      return null;
    }

    static long cpuMillis(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] v = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(v[11]) + Long.parseLong(v[12])) * 1000 / TICKS_PER_SECOND;
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }

    /** CPU of every postgres process of this machine (backends come and go with pgbench). */
    static long postgresCpuMillis() {
      long total = 0;
      try (var dirs = Files.list(Path.of("/proc"))) {
        for (Path dir : dirs.toList()) {
          if (!dir.getFileName().toString().matches("\\d+")) {
            continue;
          }
          try {
            String stat = Files.readString(dir.resolve("stat"));
            if (stat.contains("(postgres)")) {
              // Own time and that of children already reaped: pgbench's backends end with it.
              String[] v = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
              total +=
                  (Long.parseLong(v[11])
                          + Long.parseLong(v[12])
                          + Long.parseLong(v[13])
                          + Long.parseLong(v[14]))
                      * 1000
                      / TICKS_PER_SECOND;
            }
          } catch (IOException | RuntimeException ignored) {
            // gone meanwhile
          }
        }
      } catch (IOException e) {
        return -1;
      }
      return total;
    }

    static long rssMb(long pid) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
          }
        }
      } catch (IOException e) {
        return -1;
      }
      return -1;
    }
  }
}

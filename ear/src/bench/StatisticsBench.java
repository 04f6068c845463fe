import java.io.IOException;
import java.io.InputStream;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics benchmark (docs/operations/benchmark.md#statistics): seeds fictional coded cases
 * straight into Haven's PostgreSQL database (reports and the CTDC export read coded columns only,
 * so no identity is needed), then times Haven's two-way report and CTDC export against PostgreSQL
 * alone running the same grouping and the same eligible rows, in the same run, and prints the
 * ratios and the memory of Haven's JVM.
 *
 * <pre>
 * HAVEN_DB_URL=jdbc:postgresql://localhost:5432/haven HAVEN_DB_USER=haven_app HAVEN_DB_PASSWORD=… \
 *   java ear/src/bench/StatisticsBench.java 100000
 * </pre>
 */
public class StatisticsBench {

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static URI api;
  static URI tokenEndpoint;
  static String host, port, name, user, password;

  /** Fictional cases get ids far above what Haven's sequences hand out. */
  static final long BASE = 8_000_000_000_000L;

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    long volume = args.length == 0 ? 100_000 : Long.parseLong(args[0]);
    int rounds = Integer.parseInt(env("BENCH_ROUNDS", "5"));
    api = URI.create(env("HAVEN_URL", "http://localhost:8080/haven/api/v1") + "/");
    tokenEndpoint =
        URI.create(
            env("KEYCLOAK_URL", "http://localhost:8180")
                + "/realms/haven/protocol/openid-connect/token");
    database();
    String token = token("admin");
    long pid = haven();

    long seeded = seed(volume);
    long cases = Long.parseLong(psql("select count(*) from survivor_case").trim());
    long eligible =
        Long.parseLong(
            psql("select count(*) from survivor_case c where c.erased_at is null and exists"
                    + " (select 1 from consent s where s.case_id = c.id and s.type ="
                    + " 'STATISTICS' and s.withdrawn_on is null)")
                .trim());
    System.out.printf(
        "%,d cases in the database (%,d fictional, seeded now: %,d), %,d eligible for CTDC;"
            + " %d rounds, %d cores%n",
        cases, volume, seeded, eligible, rounds, Runtime.getRuntime().availableProcessors());
    psql("analyze survivor_case; analyze case_exploitation_code; analyze consent");

    // Warm-up: the JIT and both caches, not counted.
    get("reports/cases?groupBy=sex,ageBand", token);
    get("exports/ctdc.csv", token);

    long[] haven2way = new long[rounds];
    long[] pg2way = new long[rounds];
    for (int r = 0; r < rounds; r++) {
      haven2way[r] = timed(() -> get("reports/cases?groupBy=sex,ageBand", token));
      pg2way[r] =
          timed(
              () ->
                  psql(
                      "select survivor_sex, survivor_age_band, count(c.id) from survivor_case c"
                          + " group by survivor_sex, survivor_age_band"));
    }
    long[] havenMulti = new long[rounds];
    long[] pgMulti = new long[rounds];
    for (int r = 0; r < rounds; r++) {
      havenMulti[r] =
          timed(() -> get("reports/cases?groupBy=exploitationType,intakeQuarter", token));
      pgMulti[r] =
          timed(
              () ->
                  psql(
                      "select e.code, extract(year from c.created_at) * 10 + extract(quarter from"
                          + " c.created_at), count(distinct c.id) from survivor_case c left join"
                          + " case_exploitation_code e on e.case_id = c.id and e.category = 'TYPE'"
                          + " group by 1, 2"));
    }
    long rssBefore = rssMb(pid);
    long[] havenExport = new long[rounds];
    long[] pgExport = new long[rounds];
    long[] bytes = new long[1];
    for (int r = 0; r < rounds; r++) {
      havenExport[r] =
          timed(
              () ->
                  bytes[0] =
                      get("exports/ctdc.csv", token).getBytes(StandardCharsets.UTF_8).length);
      pgExport[r] = timed(() -> psql(PG_EXPORT));
    }
    long rssAfter = rssMb(pid);
    String report = get("exports/ctdc/report", token);

    System.out.println();
    System.out.println(
        "| Work | Haven median (ms) | PostgreSQL alone median (ms) | Haven / PostgreSQL |");
    System.out.println("|---|---|---|---|");
    row("two-way report (sex × age band)", haven2way, pg2way);
    row("two-way report (form of exploitation × quarter, mentions)", havenMulti, pgMulti);
    row("CTDC export (" + String.format("%,d", bytes[0]) + " bytes)", havenExport, pgExport);
    System.out.printf(
        "%nHaven's JVM: %s MB resident before the exports, %s MB after%n",
        rssBefore < 0 ? "?" : rssBefore, rssAfter < 0 ? "?" : rssAfter);
    System.out.println("Disclosure report: " + report);
  }

  /**
   * What a minimal application would ask PostgreSQL for the export: the eligible survivors' coded
   * columns with their codes, in one statement (no k-anonymity, no CSV of 64 columns).
   */
  static final String PG_EXPORT =
      "select c.id, extract(year from c.created_at), c.survivor_sex, c.survivor_age_band,"
          + " c.survivor_nationality, c.country_of_exploitation, c.minor_when_exploited, c.abducted,"
          + " c.recruiter_relationship, string_agg(e.category || ':' || e.code, ';')"
          + " from survivor_case c left join case_exploitation_code e on e.case_id = c.id"
          + " where c.erased_at is null and exists (select 1 from consent s where s.case_id = c.id"
          + " and s.type = 'STATISTICS' and s.withdrawn_on is null) group by c.id";

  static void row(String work, long[] haven, long[] pg) {
    long h = median(haven);
    long p = median(pg);
    System.out.printf("| %s | %,d | %,d | %.1f |%n", work, h, p, p == 0 ? 0 : (double) h / p);
  }

  /**
   * Fictional cases with a spread of coded facts (sex, age band, nationality among 40, country of
   * exploitation among 20, one or two forms of exploitation, means of control), 70 % of them with a
   * consent to statistics, inserted by PostgreSQL itself; later runs add only what is missing.
   */
  static long seed(long volume) {
    long have =
        Long.parseLong(
            psql("select count(*) from survivor_case where id >= "
                    + BASE
                    + " and id < "
                    + (BASE + 1_000_000_000L))
                .trim());
    if (have >= volume) {
      return 0;
    }
    String staff = psql("select min(id) from staff_member").trim();
    if (staff.isEmpty()) {
      throw new IllegalStateException(
          "no staff member yet: sign in to Haven once (the run command's demo does)");
    }
    String from = String.valueOf(have + 1);
    String to = String.valueOf(volume);
    String nationalities =
        "(array['NG','GH','VN','TH','PH','RO','MD','UA','AL','ER','ET','SO','SD','NP','BD','IN',"
            + "'PK','MM','KH','LA','ID','CN','BR','CO','VE','HT','DO','MX','GT','HN','SV','NI',"
            + "'KE','UG','TZ','CM','SN','ML','BF','CI'])";
    String countries =
        "(array['GB','FR','DE','IT','ES','NL','BE','TH','MY','AE','SA','QA','KW','US','MX','TR',"
            + "'RU','CN','JP','ZA'])";
    psql(
        "insert into survivor_case (id, case_number, status, risk_level, survivor_sex,"
            + " survivor_nationality, survivor_age_band, created_at, updated_at, version,"
            + " owning_team, recruiter_relationship, country_of_exploitation,"
            + " minor_when_exploited, abducted, risk_assessed_at)"
            + " select "
            + BASE
            + " + i, 'BEN-' || i,"
            + " (array['OPEN','ASSESSMENT','CASE_PLAN','SERVICE_PROVISION','CLOSED'])[1 + i % 5],"
            + " (array['HIGH','MEDIUM','LOW'])[1 + i % 3],"
            + " (array['FEMALE','FEMALE','MALE','OTHER','UNDISCLOSED'])[1 + (i * 7) % 5],"
            + nationalities
            // Skewed, as real caseloads are: a few nationalities common, many rare.
            + "[1 + floor(40 * power(((i * 7919) % 1000) / 1000.0, 3))::int],"
            + " (array['AGE_0_8','AGE_9_17','AGE_18_20','AGE_21_23','AGE_24_26','AGE_27_29',"
            + "'AGE_30_38','AGE_39_47','AGE_48_PLUS'])[1 + (i * 13) % 9],"
            + " timestamp with time zone '2023-01-01 00:00:00+00' + (i % 1400) * interval '1 day',"
            + " now(), 0, (array['north','south'])[1 + i % 2],"
            + " (array['INTIMATE_PARTNER','FRIEND','FAMILY','OTHER','UNKNOWN'])[1 + (i * 3) % 5],"
            + countries
            + "[1 + (i * 11) % 20],"
            + " (array['YES','NO','UNKNOWN'])[1 + i % 3], (array['YES','NO','NO'])[1 + (i * 5) % 3],"
            + " now()"
            + " from generate_series("
            + from
            + ", "
            + to
            + ") as i");
    psql(
        "insert into case_exploitation_code (case_id, category, code) select "
            + BASE
            + " + i, 'TYPE', (array['FORCED_LABOUR','SEXUAL_EXPLOITATION','FORCED_MARRIAGE',"
            + "'DOMESTIC_SERVITUDE','FORCED_CRIMINALITY'])[1 + i % 5] from generate_series("
            + from
            + ", "
            + to
            + ") as i;"
            + " insert into case_exploitation_code (case_id, category, code) select "
            + BASE
            + " + i, 'TYPE', 'SEXUAL_EXPLOITATION' from generate_series("
            + from
            + ", "
            + to
            + ") as i where i % 7 = 0 and i % 5 <> 1;"
            + " insert into case_exploitation_code (case_id, category, code) select "
            + BASE
            + " + i, 'CONTROL', (array['DEBT_BONDAGE','THREATS','WITHHOLDS_DOCUMENTS','PHYSICAL_ABUSE'])[1 + i % 4]"
            + " from generate_series("
            + from
            + ", "
            + to
            + ") as i;"
            + " insert into case_exploitation_code (case_id, category, code) select "
            + BASE
            + " + i, 'LABOUR', (array['AGRICULTURE','CONSTRUCTION','DOMESTIC_WORK','HOSPITALITY'])[1 + i % 4]"
            + " from generate_series("
            + from
            + ", "
            + to
            + ") as i where i % 5 = 0");
    psql(
        "insert into consent (id, case_id, type, how_obtained, given_on, recorded_by_id,"
            + " recorded_at, version) select "
            + BASE
            + " + i, "
            + BASE
            + " + i, 'STATISTICS', 'WRITTEN', date '2023-01-01' + (i % 1400), "
            + staff
            + ", now(), 0 from generate_series("
            + from
            + ", "
            + to
            + ") as i where i % 10 < 7");
    return volume - have;
  }

  interface Work {
    Object run() throws Exception;
  }

  static long timed(Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static String get(String path, String token) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(api.resolve(path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static String token(String username) throws Exception {
    String form =
        "grant_type=password&client_id=haven-cli&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password=demo";
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer.body());
    if (answer.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("no token for " + username + ": " + answer.statusCode());
    }
    return m.group(1);
  }

  static void database() {
    String url = System.getenv("HAVEN_DB_URL");
    Matcher m =
        Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*")
            .matcher(url == null ? "" : url);
    if (!m.matches()) {
      System.err.println("HAVEN_DB_URL must name Haven's PostgreSQL database");
      System.exit(2);
    }
    host = m.group(1);
    port = m.group(2) == null ? "5432" : m.group(2);
    name = m.group(3);
    user = env("HAVEN_DB_USER", "haven");
    password = env("HAVEN_DB_PASSWORD", "haven");
  }

  static String psql(String sql) {
    List<String> command =
        new ArrayList<>(List.of("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"));
    command.addAll(List.of("-h", host, "-p", port, "-U", user, name, "-c", sql));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("PGPASSWORD", password);
      Process p = builder.start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
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

  /** The JVM listening on Haven's port, found in /proc (Linux); -1 if not on this machine. */
  static long haven() {
    try {
      String inode = null;
      String hex = String.format(":%04X ", api.getPort());
      for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 9 && f[1].endsWith(hex.trim()) && "0A".equals(f[3])) {
            inode = f[9];
          }
        }
      }
      if (inode == null) {
        return -1;
      }
      try (var dirs = Files.list(Path.of("/proc"))) {
        for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
          try (var fds = Files.list(dir.resolve("fd"))) {
            for (Path fd : fds.toList()) {
              if (Files.readSymbolicLink(fd).toString().equals("socket:[" + inode + "]")) {
                return Long.parseLong(dir.getFileName().toString());
              }
            }
          } catch (IOException | SecurityException ignored) {
            // another user's process
          }
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  static long rssMb(long pid) {
    if (pid < 0) {
      return -1;
    }
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

  static String env(String name, String otherwise) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? otherwise : v;
  }
}

package org.personalshopper.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The side-by-side benchmark (docs/benchmarks.md): starts the service's packaged jar and the bare baseline
 * app as two processes on one PostgreSQL, signs a shopper in through a provider stub, saves 100 selections,
 * checks that both apps answer byte-identical JSON, then loads both alternately with wrk and prints
 * req/s, p50/p99 and server CPU per request (from /proc/PID/stat) for each, with the ratios.
 *
 * <p>Measures and prints; asserts only that the answers are right (no non-2xx/3xx under load).
 */
public final class SideBySide {
    private static final long CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux
    private static final String SEED_CODE = "seed";
    private static final int SELECTIONS = 100;
    private static final String METRICS_TOKEN = "benchmark-metrics-token";

    private final Options options;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Target> targets = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();
    private String jdbcUrl;
    /** Reads pg_stat_activity to find each app's backends (their CPU: {@link Target#databaseTicks}). */
    private Connection admin;
    private ProviderStub provider;

    private SideBySide(Options options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("shopper-bench");
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new SideBySide(options).run();
    }

    private void run() throws Exception {
        String key = randomKey();
        EmbeddedPostgres embedded = null;
        String schema = "bench_" + ProcessHandle.current().pid();
        String baseUrl = System.getenv("BENCH_DB_URL");
        try (ProviderStub stub = new ProviderStub()) {
            provider = stub;
            if (baseUrl == null || baseUrl.isBlank()) {
                embedded = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg")).setCleanDataDirectory(true).start();
                baseUrl = embedded.getJdbcUrl("postgres", "postgres");
            }
            try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
                s.execute("create schema " + schema);
            }
            jdbcUrl = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            admin = DriverManager.getConnection(baseUrl);
            line("# Side-by-side benchmark, " + Instant.now());
            line("conditions: " + conditions());
            line("database: " + (embedded != null ? "embedded PostgreSQL (zonky)" : "BENCH_DB_URL") + ", schema " + schema);
            if ("1".equals(autogroup())) {
                line("warning: kernel.sched_autogroup_enabled=1. PostgreSQL gives each backend a session, so each is a scheduling group"
                        + " of its own, and under this load the kernel can keep one runnable but waiting for hundreds of ms (the"
                        + " 'PostgreSQL stalls' figures): a round's p99 then measures that, in either app. For p99s that measure the"
                        + " apps, run as root: sysctl -w kernel.sched_autogroup_enabled=0 (and set it back to 1 after).");
            }
            line("load: wrk -t" + options.threads() + " -c" + options.connections() + ", " + options.warmup() + " s warm-up per app and"
                    + " scenario, then " + options.rounds() + " interleaved rounds of " + options.duration() + " s; medians shown");
            line("sign-in: " + (options.signInAccounts() == 1 ? "one provider account (one shopper) per app, again and again"
                    : options.signInAccounts() + " provider accounts (shoppers) per app, in turn"));

            Target service = startService("service", provider.baseUrl(), key, true);
            targets.add(service);
            if (options.metricsCompare()) {
                targets.add(startService("service-nometrics", provider.baseUrl(), key, false));
            }
            if (options.baselineJar() != null) {
                // As the service: metrics on, so before and after differ only by the change under test.
                targets.add(startService("service-before", options.baselineJar(), provider.baseUrl(), key, true));
            }
            Target bare = startBare(provider.baseUrl(), key);
            targets.add(bare);

            String session = signIn(service, SEED_CODE);
            for (int i = 0; i < SELECTIONS; i++) {
                HttpResponse<String> saved = send(service, "POST", "/api/selections", session, selectionJson(i, 1));
                check(saved.statusCode() == 201, "seeding selection " + i + " answered " + saved.statusCode() + ": " + saved.body());
            }
            sameAnswers(session, "/api/selections");
            sameAnswers(session, "/api/user");

            Map<String, Scenario> scenarios = new LinkedHashMap<>();
            scenarios.put("selections", new Scenario("GET /api/selections (100 rows)", "/api/selections", session, null, 1.0));
            scenarios.put("user", new Scenario("GET /api/user", "/api/user", session, null, 1.0));
            scenarios.put("save", new Scenario("POST /api/selections (replace)", "/api/selections", session,
                    selectionJson(50, 2), 1.0));
            scenarios.put("signin", new Scenario("sign-in (login + callback)", "/auth/login", null, null, 2.0));
            for (String name : options.scenarios()) {
                Scenario scenario = scenarios.get(name);
                check(scenario != null, "unknown scenario " + name + "; known: " + scenarios.keySet());
                measure(scenario);
            }
            metricsSample(service);
        } finally {
            for (Target target : targets) {
                target.stop();
            }
            if (admin != null) {
                admin.close();
            }
            if (jdbcUrl != null && baseUrl != null) {
                try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
                    s.execute("drop schema if exists " + schema + " cascade");
                } catch (SQLException e) {
                    System.err.println("could not drop schema " + schema + ": " + e.getMessage());
                }
            }
            if (embedded != null) {
                embedded.close();
            }
            if (options.out() != null) {
                Files.writeString(options.out(), report.toString());
            }
        }
    }

    // ---- the apps

    /** The service as an operator runs it: metrics on (SHOPPER_METRICS_TOKEN) unless {@code metrics} is false. */
    private Target startService(String name, URI provider, String key, boolean metrics) throws Exception {
        return startService(name, options.jar(), provider, key, metrics);
    }

    private Target startService(String name, Path serviceJar, URI provider, String key, boolean metrics) throws Exception {
        int port = freePort();
        Path jar = serviceJar.toAbsolutePath();
        check(Files.isRegularFile(jar), "no service jar at " + jar + ": build it first (benchmarks/run.sh does)");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SHOPPER_PORT", String.valueOf(port));
        env.put("SHOPPER_BIND_ADDRESS", "127.0.0.1");
        env.put("SHOPPER_DATA_DIR", work.resolve(name + "-data").toString());
        env.put("SHOPPER_DB_URL", jdbcUrl);
        env.put("SHOPPER_TOKEN_KEY", key);
        env.put("KROGER_CLIENT_ID", "bench");
        env.put("KROGER_CLIENT_SECRET", "bench-secret");
        env.put("KROGER_API_BASE_URL", provider.toString());
        // The sign-in flood limits (20 a minute per client address by default) would refuse the sign-in load
        // from one address; the benchmark measures what a sign-in costs, so they are set to their maximum.
        env.put("SHOPPER_SIGN_INS_PER_CLIENT_PER_MINUTE", "100000");
        env.put("SHOPPER_SIGN_INS_PER_MINUTE", "1000000");
        if (metrics) {
            env.put("SHOPPER_METRICS_TOKEN", METRICS_TOKEN);
        }
        List<String> command = new ArrayList<>(jvm(name));
        command.addAll(List.of("-jar", jar.toString()));
        return Target.start(name, port, command, env, work.resolve(name + ".log"), "/health/ready", http);
    }

    private Target startBare(URI provider, String key) throws Exception {
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BARE_PORT", String.valueOf(port));
        env.put("BARE_DB_URL", jdbcUrl);
        env.put("BARE_PROVIDER_URL", provider.toString());
        env.put("BARE_TOKEN_KEY", key);
        List<String> command = new ArrayList<>(jvm("bare"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "org.personalshopper.benchmarks.bare.BareApp"));
        return Target.start("bare", port, command, env, work.resolve("bare.log"), "/api/user", http);
    }

    /** The same JVM for every app: the one running this, the same heap; JFR when asked. */
    private List<String> jvm(String name) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.heap()));
        command.addAll(options.jvmOptions());
        if (options.jfr() != null) {
            command.add("-XX:StartFlightRecording=settings=profile,filename="
                    + options.jfr().resolve(name + ".jfr").toAbsolutePath() + ",dumponexit=true");
        }
        return command;
    }

    // ---- seeding and checks

    /** A browser's sign-in: /auth/login, then the callback with the state and login cookie; returns the session id. */
    private String signIn(Target target, String code) throws Exception {
        HttpResponse<String> login = send(target, "GET", "/auth/login", null, null);
        check(login.statusCode() == 302, "login answered " + login.statusCode() + ": " + login.body());
        String state = match(login.headers().firstValue("Location").orElse(""), "[?&]state=([^&]+)");
        String binding = match(String.join("\n", login.headers().allValues("Set-Cookie")), "shopper_login=([^;]+)");
        HttpResponse<String> callback = http.send(HttpRequest.newBuilder(target.uri("/auth/callback?code=" + code + "&state=" + state))
                .header("Cookie", "shopper_login=" + binding).GET().build(), HttpResponse.BodyHandlers.ofString());
        check(callback.statusCode() == 302, "callback answered " + callback.statusCode() + ": " + callback.body());
        return match(String.join("\n", callback.headers().allValues("Set-Cookie")), "shopper_session=([^;]+)");
    }

    private void sameAnswers(String session, String path) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (Target target : targets) {
            HttpResponse<String> answer = send(target, "GET", path, session, null);
            check(answer.statusCode() == 200, target.name + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
            bodies.add(answer.body());
        }
        boolean same = bodies.stream().distinct().count() == 1;
        line("answers of GET " + path + ": " + (same ? "byte-identical" : "DIFFERENT") + " (" + bodies.get(0).length() + " bytes)");
        if (!same) {
            bodies.forEach(body -> System.out.println("  " + body.substring(0, Math.min(400, body.length()))));
        }
    }

    private static String selectionJson(int i, int quantity) {
        return String.format(Locale.ROOT, "{\"item\":\"item %03d\",\"productId\":\"%013d\",\"upc\":\"%013d\","
                + "\"description\":\"Organic whole milk, one gallon, number %d\",\"brand\":\"Kroger\",\"size\":\"1 gal\","
                + "\"quantity\":%d}", i, 1_000_000 + i, 2_000_000 + i, i, quantity);
    }

    /** A few lines of the service's /metrics after the load, to show what a scraper gets. */
    private void metricsSample(Target service) throws Exception {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(service.uri("/metrics"))
                .header("Authorization", "Bearer " + METRICS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        check(metrics.statusCode() == 200, "/metrics answered " + metrics.statusCode());
        line("");
        line("/metrics after the run (" + metrics.body().length() + " bytes), counts:");
        metrics.body().lines().filter(l -> l.startsWith("http_server_requests_seconds_count")
                        || l.startsWith("shopper_") && (l.contains("_count") || l.contains("_total")))
                .forEach(l -> line("    " + l));
    }

    // ---- measuring

    private record Scenario(String title, String path, String session, String body, double requestsPerUnit) {
    }

    private record Run(double requestsPerSecond, double p50Ms, double p99Ms, double cpuMicrosPerUnit, double unitsPerSecond,
                       String load, double dbMicrosPerUnit, BackendStalls.Seen stalls) {
    }

    private void measure(Scenario scenario) throws Exception {
        line("");
        line("## " + scenario.title);
        for (Target target : targets) {
            wrk(target, scenario, options.warmup(), "warm-up");
        }
        Map<Target, List<Run>> runs = new LinkedHashMap<>();
        for (int round = 0; round < options.rounds(); round++) {
            List<Target> order = new ArrayList<>(targets);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (Target target : order) {
                Run run = wrk(target, scenario, options.duration(), "round " + (round + 1));
                runs.computeIfAbsent(target, t -> new ArrayList<>()).add(run);
            }
        }
        String unit = scenario.requestsPerUnit == 1.0 ? "req" : "sign-in";
        line(String.format(Locale.ROOT, "| app | %s/s | p50 ms | p99 ms | server CPU us/%s | PostgreSQL CPU us/%s"
                + " | PostgreSQL stalls >= %d ms, all rounds (longest) | runs (%s/s) |", unit, unit, unit, BackendStalls.STALL_MILLIS, unit));
        line("|---|---|---|---|---|---|---|---|");
        Map<Target, double[]> medians = new LinkedHashMap<>();
        for (Map.Entry<Target, List<Run>> e : runs.entrySet()) {
            List<Run> r = e.getValue();
            double[] m = {median(r, Run::unitsPerSecond), median(r, Run::p50Ms), median(r, Run::p99Ms),
                    median(r, Run::cpuMicrosPerUnit)};
            medians.put(e.getKey(), m);
            BackendStalls.Seen stalls = r.stream().map(Run::stalls).reduce(BackendStalls.Seen.NONE, BackendStalls.Seen::plus);
            line(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.0f | %.0f | %d (%d ms) | %s |", e.getKey().name, m[0], m[1], m[2],
                    m[3], median(r, Run::dbMicrosPerUnit), stalls.stalls(), stalls.longestMillis(),
                    String.join(", ", r.stream().map(x -> String.format(Locale.ROOT, "%.0f", x.unitsPerSecond)).toList())));
        }
        Target bare = targets.get(targets.size() - 1);
        for (Target target : targets) {
            if (target == bare) {
                continue;
            }
            double[] s = medians.get(target);
            double[] b = medians.get(bare);
            line(String.format(Locale.ROOT, "ratio %s/bare: throughput %.2fx, CPU per %s %.2fx, p99 %.2fx, p50 %.2fx",
                    target.name, s[0] / b[0], unit, s[3] / b[3], s[2] / b[2], s[1] / b[1]));
        }
        if (options.metricsCompare()) {
            double[] on = medians.get(targets.get(0));
            double[] off = medians.get(targets.get(1));
            line(String.format(Locale.ROOT, "metrics cost: CPU per %s %+.1f%% (service vs service-nometrics)", unit,
                    100 * (on[3] / off[3] - 1)));
        }
    }

    private Run wrk(Target target, Scenario scenario, int seconds, String label) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + options.threads(), "-c" + options.connections(),
                "-d" + seconds + "s", "--latency", "--timeout", "10s"));
        Map<String, String> env = new LinkedHashMap<>();
        if (scenario.session != null) {
            command.addAll(List.of("-H", "Cookie: shopper_session=" + scenario.session));
        }
        if (scenario.body != null) {
            env.put("BENCH_BODY", scenario.body);
            command.addAll(List.of("-s", script("post.lua").toString()));
        }
        if (scenario.requestsPerUnit > 1) {
            env.put("BENCH_CODE", target.name);
            env.put("BENCH_ACCOUNTS", String.valueOf(options.signInAccounts()));
            command.addAll(List.of("-s", script("signin.lua").toString()));
        }
        command.add(target.uri(scenario.path).toString());
        long signInsBefore = provider.profilesAnswered();
        Map<Integer, Long> dbBefore = target.databaseTicks(admin);
        long compiledBefore = target.compilations();
        long ticksBefore = target.cpuTicks();
        String load = loadavg();
        BackendStalls watch = BackendStalls.watch(dbBefore.keySet());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process wrk = builder.start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        BackendStalls.Seen stalls = watch.stop();
        // wrk's whole report (average, spread and maximum besides the percentiles) for a look at an odd round.
        Files.writeString(work.resolve("wrk" + scenario.path.replaceAll("[^a-z]+", "-") + "-" + label.replace(' ', '-') + "-"
                + target.name + ".txt"), out);
        check(wrk.waitFor() == 0, "wrk failed:\n" + out);
        long ticks = target.cpuTicks() - ticksBefore;
        long compiledAfter = target.compilations();
        String jit = compiledBefore < 0 || compiledAfter < 0 ? "?" : String.valueOf(compiledAfter - compiledBefore);
        Map<Integer, Long> dbAfter = target.databaseTicks(admin);
        long dbTicks = 0;
        for (Map.Entry<Integer, Long> backend : dbAfter.entrySet()) {
            dbTicks += backend.getValue() - dbBefore.getOrDefault(backend.getKey(), 0L);
        }
        long requests = Long.parseLong(match(out, "(\\d+) requests in"));
        double perSecond = Double.parseDouble(match(out, "Requests/sec:\\s+([0-9.]+)"));
        check(!out.contains("Non-2xx"), target.name + " answered errors under load:\n" + out);
        check(!out.contains("Socket errors") || label.equals("warm-up"), target.name + " had socket errors:\n" + out);
        double units = requests / scenario.requestsPerUnit;
        double unitsPerSecond = perSecond / scenario.requestsPerUnit;
        if (scenario.requestsPerUnit > 1) {
            long signedIn = provider.profilesAnswered() - signInsBefore;
            unitsPerSecond = perSecond * signedIn / requests;
            units = signedIn;
        }
        double cpu = ticks * 1_000_000.0 / CLOCK_TICKS_PER_SECOND / units;
        double db = dbAfter.isEmpty() ? Double.NaN : dbTicks * 1_000_000.0 / CLOCK_TICKS_PER_SECOND / units;
        Run run = new Run(perSecond, millis(match(out, "(?m)^\\s+50%\\s+(\\S+)")), millis(match(out, "(?m)^\\s+99%\\s+(\\S+)")), cpu,
                unitsPerSecond, load, db, stalls);
        System.out.printf(Locale.ROOT, "  %-9s %-17s %8.0f /s (%.0f req/s)  p50 %6.2f ms  p99 %6.2f ms  cpu %6.0f us  db %6.0f us"
                        + "  db stalls %2d (%3d ms)  jit %5s  load %s%n",
                label, target.name, unitsPerSecond, perSecond, run.p50Ms, run.p99Ms, cpu, db, stalls.stalls(), stalls.longestMillis(), jit, load);
        if (!label.equals("warm-up")) {
            report.append(String.format(Locale.ROOT, "  %s %s: %.0f/s p50 %.2f ms p99 %.2f ms cpu %.0f us db %.0f us, PostgreSQL stalls %d"
                            + " (longest %d ms), %s methods compiled, loadavg %s%n",
                    label, target.name, unitsPerSecond, run.p50Ms, run.p99Ms, cpu, db, stalls.stalls(), stalls.longestMillis(), jit, load));
        }
        return run;
    }

    private Path script(String name) throws IOException {
        Path path = work.resolve(name);
        if (!Files.exists(path)) {
            try (InputStream in = SideBySide.class.getResourceAsStream("/wrk/" + name)) {
                Files.write(path, in.readAllBytes());
            }
        }
        return path;
    }

    // ---- helpers

    private HttpResponse<String> send(Target target, String method, String path, String session, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.uri(path)).timeout(Duration.ofSeconds(30));
        if (session != null) {
            request.header("Cookie", "shopper_session=" + session);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double millis(String wrkDuration) {
        Matcher m = Pattern.compile("([0-9.]+)(us|ms|s|m)").matcher(wrkDuration);
        check(m.matches(), "unreadable wrk duration " + wrkDuration);
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    private static <T> double median(List<T> values, java.util.function.ToDoubleFunction<T> f) {
        double[] sorted = values.stream().mapToDouble(f).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        check(m.find(), "no " + regex + " in:\n" + text);
        return m.group(1);
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String conditions() {
        return Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, loadavg " + loadavg()
                + ", kernel.sched_autogroup_enabled=" + autogroup();
    }

    /** The kernel's autogroup scheduling switch ("0" or "1"), or "unknown" (not Linux, or a kernel without it). */
    private static String autogroup() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/sched_autogroup_enabled")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}

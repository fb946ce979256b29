package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.personalshopper.bootstrap.e2e.SignInBenchmark.print;
import static org.personalshopper.bootstrap.e2e.SignInBenchmark.report;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Latency of a shopper's own data over loopback: GET /api/selections with 100 stored, POST /api/selections
 * (new item; replacement of an existing item) and GET /api/user, sequentially; then the memory of the
 * service and its embedded PostgreSQL from /proc.
 *
 * <p>By default it starts the service in this JVM with WireMock as Kroger. With {@code -Dbench.baseUrl=...}
 * it measures an already running service instead (e.g. the packaged jar in demo mode, signing in through the
 * sandbox); {@code -Dbench.pid=...} and {@code -Dbench.dataDir=...} then say whose memory to read.
 * Measures and prints; run on purpose with {@code -Dtest=ShopperDataBenchmark} (see docs/benchmarks.md).
 */
class ShopperDataBenchmark {
    private static final int STORED = 100;
    private static final int WARM_UP = 300;
    private static final int SAMPLES = Integer.getInteger("bench.samples", 1000);

    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path dataDir;

    private static ServiceUnderTest service;
    private static final Optional<String> externalService = Optional.ofNullable(System.getProperty("bench.baseUrl"));

    @BeforeAll
    static void start() {
        if (externalService.isEmpty()) {
            service = ServiceUnderTest.start(dataDir, KrogerStub.environment(kroger));
        }
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static Browser signedIn() {
        if (externalService.isPresent()) {
            Browser browser = new Browser(URI.create(externalService.get()));
            SandboxConsent.signIn(browser, "bench-shopper");
            return browser;
        }
        KrogerStub.signInWorks(kroger);
        Browser browser = service.newBrowser();
        assertThat(browser.signInWithCode("bench-code").statusCode()).isEqualTo(302);
        return browser;
    }

    private static String selection(String item, int quantity) {
        return "{\"item\":\"" + item + "\",\"productId\":\"0001234500017\",\"upc\":\"0001234500017\","
                + "\"description\":\"Sample Farms 2% Reduced Fat Milk\",\"brand\":\"Sample Farms\",\"size\":\"1 gal\","
                + "\"quantity\":" + quantity + "}";
    }

    private static String id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    @Test
    void shopperDataLatencyAndMemory() throws Exception {
        SignInBenchmark.printConditions();
        print("target: " + externalService.map(u -> "running service at " + u).orElse("service in the benchmark's JVM"));
        Browser browser = signedIn();
        for (int i = 0; i < STORED; i++) {
            HttpResponse<String> saved = browser.post("/api/selections", selection(String.format(Locale.ROOT, "item-%03d", i), 1));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        }

        for (int round = 0; round <= 2; round++) {
            int count = round == 0 ? WARM_UP : SAMPLES;
            long[] list = new long[count];
            long[] replace = new long[count];
            long[] create = new long[count];
            long[] user = new long[count];
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> listed = browser.get("/api/selections");
                list[i] = System.nanoTime() - t0;
                assertThat(listed.statusCode()).isEqualTo(200);
                if (i == 0) {
                    assertThat(listed.body().split("\"item\"", -1)).as("100 selections listed").hasSize(STORED + 1);
                }
            }
            for (int i = 0; i < count; i++) {
                String item = String.format(Locale.ROOT, "item-%03d", i % STORED);
                long t0 = System.nanoTime();
                HttpResponse<String> replaced = browser.post("/api/selections", selection(item, 2 + i % 7));
                replace[i] = System.nanoTime() - t0;
                assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
            }
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> created = browser.post("/api/selections", selection("new-item-r" + round + "-" + i, 1));
                create[i] = System.nanoTime() - t0;
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                // not timed: keep the shopper at 100 stored selections (and under the 500 limit)
                assertThat(browser.delete("/api/selections/" + id(created.body())).statusCode()).isEqualTo(204);
            }
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> who = browser.get("/api/user");
                user[i] = System.nanoTime() - t0;
                assertThat(who.statusCode()).isEqualTo(200);
            }
            if (round > 0) {
                report("round " + round + " GET /api/selections (100 stored)", list);
                report("round " + round + " POST /api/selections, replacement (200)", replace);
                report("round " + round + " POST /api/selections, new item (201)", create);
                report("round " + round + " GET /api/user", user);
            }
        }
        print("GET /api/selections body with 100 stored: " + browser.get("/api/selections").body().length() + " chars");
        SignInBenchmark.printConditions();

        long jvmPid = Long.getLong("bench.pid", ProcessHandle.current().pid());
        Path pgDir = Path.of(System.getProperty("bench.dataDir", dataDir.toString()));
        printMemory(jvmPid, pgDir);
    }

    /** RSS of the service's JVM, and RSS and PSS of the embedded PostgreSQL server and its backends. */
    private static void printMemory(long jvmPid, Path pgDataDir) throws IOException {
        print(String.format(Locale.ROOT, "memory: JVM pid %d VmRSS=%.1f MiB VmHWM=%.1f MiB Pss=%.1f MiB%s", jvmPid,
                kib(status(jvmPid, "VmRSS")) / 1024.0, kib(status(jvmPid, "VmHWM")) / 1024.0, pss(jvmPid) / 1024.0,
                jvmPid == ProcessHandle.current().pid() ? " (this JVM: service + WireMock + benchmark client)" : ""));
        List<Long> postgres = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String cmdline = read(proc.resolve("cmdline")).replace('\0', ' ');
                if (cmdline.contains("postgres") && cmdline.contains(pgDataDir.toString())) {
                    postgres.add(Long.parseLong(proc.getFileName().toString()));
                }
            }
        }
        assertThat(postgres).as("the postmaster whose data directory is under " + pgDataDir).isNotEmpty();
        List<Long> all = new ArrayList<>(postgres);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String stat = read(proc.resolve("stat"));
                if (stat.isEmpty()) {
                    continue;
                }
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long parent = Long.parseLong(fields[1]);
                if (postgres.contains(parent)) {
                    all.add(Long.parseLong(proc.getFileName().toString()));
                }
            }
        }
        long rss = 0;
        long pss = 0;
        for (long pid : all) {
            rss += kib(status(pid, "VmRSS"));
            pss += pss(pid);
        }
        print(String.format(Locale.ROOT, "memory: embedded PostgreSQL %d processes sum VmRSS=%.1f MiB sum Pss=%.1f MiB",
                all.size(), rss / 1024.0, pss / 1024.0));
    }

    private static String status(long pid, String field) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith(field + ":")) {
                return line;
            }
        }
        return field + ": 0 kB";
    }

    private static long pss(long pid) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "smaps_rollup")).split("\n")) {
            if (line.startsWith("Pss:")) {
                return kib(line);
            }
        }
        return 0;
    }

    private static long kib(String line) {
        Matcher m = Pattern.compile("(\\d+) kB").matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException gone) {
            return ""; // the process ended meanwhile
        }
    }
}

package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in latency over loopback against WireMock as Kroger: GET /auth/login and GET /auth/callback (state
 * check, code exchange and profile at WireMock, shopper upsert, encrypted token store, session issue).
 * Measures and prints; run on purpose with {@code -Dtest=SignInBenchmark} (see docs/benchmarks.md).
 */
class SignInBenchmark {
    private static final int WARM_UP = 100;
    private static final int SAMPLES = Integer.getInteger("bench.samples", 200);

    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path dataDir;

    private static ServiceUnderTest service;

    @BeforeAll
    static void start() {
        service = ServiceUnderTest.start(dataDir, KrogerStub.environment(kroger));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** Kroger answers every code with its own tokens and a profile id derived from it: each code is a new shopper. */
    private static void krogerKnowsEveryCode() {
        kroger.resetAll();
        kroger.stubFor(post(urlPathEqualTo("/v1/connect/oauth2/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(KrogerStub.json(200, "{{formData request.body 'form' urlDecode=true}}"
                        + "{\"access_token\":\"acc-{{form.code}}\",\"token_type\":\"bearer\",\"expires_in\":1800,"
                        + "\"refresh_token\":\"ref-{{form.code}}\"}").withTransformers("response-template")));
        kroger.stubFor(get(urlPathEqualTo("/v1/identity/profile"))
                .willReturn(KrogerStub.json(200, "{\"data\":{\"id\":\"{{regexExtract request.headers.Authorization 'bench-[0-9a-z-]+'}}\"},"
                        + "\"meta\":{}}").withTransformers("response-template")));
    }

    @Test
    void signInLatency() throws Exception {
        krogerKnowsEveryCode();
        Browser browser = service.newBrowser();
        printConditions();

        signIns(browser, "bench-warm", WARM_UP);
        HttpResponse<String> user = browser.get("/api/user");
        assertThat(user.body()).as("each code signs a different shopper in").contains("\"profileId\":\"bench-warm-" + (WARM_UP - 1) + "\"");

        for (int round = 1; round <= 2; round++) {
            long[][] newShoppers = signIns(browser, "bench-new-r" + round, SAMPLES);
            report("round " + round + " new shopper   GET /auth/login", newShoppers[0]);
            report("round " + round + " new shopper   GET /auth/callback", newShoppers[1]);
        }
        for (int round = 1; round <= 2; round++) {
            long[][] returning = signIns(browser, "bench-returning", SAMPLES);
            report("round " + round + " same shopper  GET /auth/callback", returning[1]);
        }

        // What the two Kroger calls of a callback cost by themselves: the same requests sent straight to WireMock.
        HttpClient direct = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int round = 0; round <= 2; round++) {
            long[] exchange = new long[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> tokens = direct.send(HttpRequest.newBuilder(URI.create(kroger.baseUrl() + "/v1/connect/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=bench-direct-" + i
                                + "&redirect_uri=http%3A%2F%2F127.0.0.1%2Fauth%2Fcallback&code_verifier=x")).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> profile = direct.send(HttpRequest.newBuilder(URI.create(kroger.baseUrl() + "/v1/identity/profile"))
                        .header("Authorization", "Bearer acc-bench-direct-" + i).GET().build(), HttpResponse.BodyHandlers.ofString());
                exchange[i] = System.nanoTime() - t0;
                assertThat(tokens.statusCode()).isEqualTo(200);
                assertThat(profile.body()).contains("bench-direct-" + i);
            }
            if (round > 0) {
                report("round " + round + " token POST + profile GET straight to WireMock", exchange);
            }
        }
        printConditions();
    }

    /** Signs {@code count} shoppers in one after another; returns login and callback latencies in nanoseconds. */
    private static long[][] signIns(Browser browser, String codePrefix, int count) {
        long[] login = new long[count];
        long[] callback = new long[count];
        boolean sameCode = codePrefix.equals("bench-returning");
        for (int i = 0; i < count; i++) {
            browser.forgetCookies();
            long t0 = System.nanoTime();
            HttpResponse<String> started = browser.get("/auth/login");
            login[i] = System.nanoTime() - t0;
            assertThat(started.statusCode()).isEqualTo(302);
            String state = Browser.queryParam(URI.create(started.headers().firstValue("Location").orElseThrow()), "state");
            String code = sameCode ? codePrefix : codePrefix + "-" + i;
            long t1 = System.nanoTime();
            HttpResponse<String> done = browser.get("/auth/callback?code=" + code + "&state=" + state);
            callback[i] = System.nanoTime() - t1;
            assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
            assertThat(browser.cookie("shopper_session")).isPresent();
        }
        return new long[][] {login, callback};
    }

    static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        print(String.format(Locale.ROOT, "%-60s n=%d median=%.2f ms p99=%.2f ms min=%.2f ms max=%.2f ms", what, sorted.length,
                ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), ms(sorted[0]), ms(sorted[sorted.length - 1])));
    }

    /** Nearest-rank percentile of sorted samples. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** CPUs, JVM and the load average, since other work on the machine moves the numbers. */
    static void printConditions() {
        String load;
        try {
            load = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            load = "unknown";
        }
        print("conditions: " + Runtime.getRuntime().availableProcessors() + " cpus, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MiB, /proc/loadavg " + load);
    }

    static void print(String line) {
        System.out.println("BENCH " + line);
    }
}

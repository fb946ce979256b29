package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An operator's Prometheus scrapes GET /metrics with the metrics token and sees what the service did. */
class MetricsEndToEndTest {
    private static final String TOKEN = "metrics-token-for-the-test-7Q2";

    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path dataDir;

    private static ServiceUnderTest service;

    @BeforeAll
    static void startService() {
        Map<String, String> env = new HashMap<>(KrogerStub.environment(kroger));
        env.put("SHOPPER_METRICS_TOKEN", TOKEN);
        service = ServiceUnderTest.start(dataDir, env);
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    private static HttpResponse<String> scrape(Browser browser, String authorization) {
        var request = browser.request("/metrics");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return browser.send(request.GET());
    }

    @Test
    void aScrapeWithTheTokenShowsRequestsProviderCallsSignInsThePoolAndTheJvm() {
        KrogerStub.signInWorks(kroger);
        Browser browser = service.newBrowser();
        assertThat(browser.signInWithCode("metrics-code-1").statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/selections").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/selections/not-a-uuid").statusCode()).isIn(404, 405);

        HttpResponse<String> metrics = scrape(service.newBrowser(), "Bearer " + TOKEN);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String text = metrics.body();
        assertThat(text).containsPattern("http_server_requests_seconds_count\\{method=\"GET\",route=\"/api/selections\",status=\"200\"} 1")
                .containsPattern("http_server_requests_seconds_bucket\\{method=\"GET\",route=\"/api/selections\",status=\"200\",le=\"[0-9.]+\"}")
                .containsPattern("http_server_requests_seconds_count\\{method=\"GET\",route=\"/auth/callback\",status=\"302\"} 1")
                .contains("shopper_provider_calls_seconds_count{operation=\"exchange_code\",outcome=\"success\",provider=\"kroger\"} 1")
                .contains("shopper_login_attempts_total{outcome=\"started\"} 1")
                .contains("shopper_login_attempts_total{outcome=\"returned\"} 1")
                .contains("shopper_sign_ins_total 1")
                .contains("shopper_token_refreshes_total{outcome=\"refreshed\"} 0")
                .contains("shopper_cart_adds_total{outcome=\"added\"} 0")
                .contains("hikaricp_connections_active{pool=\"shopper-db\"}")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_gc_")
                .contains("jvm_threads_live_threads");
        assertThat(text).as("raw paths and ids never become labels").doesNotContain("not-a-uuid");
        assertThat(text).as("no secret in the metrics").doesNotContain("metrics-code-1").doesNotContain(KrogerStub.ACCESS_TOKEN);
    }

    @Test
    void withoutTheTokenTheMetricsAreRefused() {
        Browser browser = service.newBrowser();

        HttpResponse<String> none = scrape(browser, null);
        HttpResponse<String> wrong = scrape(browser, "Bearer " + TOKEN + "x");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"metrics\"");
        assertThat(none.body()).doesNotContain("jvm_");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }
}

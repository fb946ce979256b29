package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.personalshopper.adapters.web.support.WebServer;

/** With metrics off (no SHOPPER_METRICS_TOKEN), /metrics does not exist for anyone. */
class MetricsHttpTest {
    private final WebServer web = WebServer.standard();

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void metricsOffAnswerNotFoundWhateverTheClientSends() {
        HttpResponse<String> plain = web.send(web.request("/metrics").GET().build());
        HttpResponse<String> withToken = web.send(web.request("/metrics").header("Authorization", "Bearer anything-at-all-123").GET().build());

        assertThat(plain.statusCode()).isEqualTo(404);
        assertThat(plain.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(withToken.statusCode()).isEqualTo(404);
    }
}

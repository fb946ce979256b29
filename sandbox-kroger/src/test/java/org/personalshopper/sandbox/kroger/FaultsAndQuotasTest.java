package org.personalshopper.sandbox.kroger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The misbehaviour tests can order from the sandbox: daily quotas (429), injected errors and delays. */
class FaultsAndQuotasTest {

    private final MutableClock clock = new MutableClock();

    @RegisterExtension
    final KrogerSandboxExtension sandbox = KrogerSandboxExtension.with(SandboxSettings.defaults()
            .withDailyQuotas(new SandboxQuotas(10_000, 3, 5_000, 5_000))
            .withClock(clock));

    @Test
    void pastTheDailyQuotaAnApiAnswers429UntilTheWindowEnds() {
        String token = sandbox.client().appToken();
        for (int call = 0; call < 3; call++) {
            assertThat(sandbox.client().get("/v1/locations?filter.zipCode.near=45202", token).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = sandbox.client().get("/v1/locations/01400943", token);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(sandbox.client().json(refused).at("/errors/reason").asText()).contains("quota");
        assertThat(sandbox.client().get("/v1/products?filter.term=milk", token).statusCode())
                .as("other APIs have their own quota").isEqualTo(200);
        JsonNode usage = sandbox.client().json(sandbox.client().get("/sandbox/usage"));
        assertThat(usage.at("/locations/calls").asInt()).isEqualTo(4);
        assertThat(usage.at("/locations/dailyQuota").asInt()).isEqualTo(3);
        assertThat(usage.at("/products/calls").asInt()).isEqualTo(1);

        clock.advance(Duration.ofHours(24));
        assertThat(sandbox.client().get("/v1/locations/01400943", sandbox.client().appToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void anArmedFaultAnswersTheNextCallsWithKrogersErrorThenStops() {
        String token = sandbox.client().appToken();
        sandbox.faults().failNext("/v1/products", 2, 503);

        HttpResponse<String> first = sandbox.client().get("/v1/products?filter.term=milk", token);
        HttpResponse<String> second = sandbox.client().get("/v1/products/0001111041700", token);
        HttpResponse<String> third = sandbox.client().get("/v1/products?filter.term=milk", token);

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(sandbox.client().json(first).at("/errors/code").asText()).startsWith("PRODUCT-");
        assertThat(sandbox.client().json(first).at("/errors/reason").asText()).isEqualTo("Service Unavailable");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(sandbox.faults().armed()).isEmpty();
    }

    @Test
    void faultsOnlyHitTheirPath() {
        String token = sandbox.client().appToken();
        sandbox.faults().failNext("/v1/cart/add", 1, 500);

        assertThat(sandbox.client().get("/v1/locations?filter.zipCode.near=45202", token).statusCode()).isEqualTo(200);
        assertThat(sandbox.faults().armed()).hasSize(1);
    }

    @Test
    void theTokenEndpointCanFailToo() {
        sandbox.faults().failNext("/v1/connect/oauth2/token", 1, 500);

        HttpResponse<String> answer = sandbox.client().postForm("/v1/connect/oauth2/token",
                java.util.Map.of("grant_type", "client_credentials"));

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(sandbox.client().json(answer).at("/errors/code").asText()).startsWith("Auth-");
        assertThat(sandbox.client().appToken()).isNotBlank();
    }

    @Test
    void aDelayFaultStillAnswersNormally() {
        String token = sandbox.client().appToken();
        sandbox.faults().delayNext("/v1/locations", 1, Duration.ofMillis(50));

        assertThat(sandbox.client().get("/v1/locations?filter.zipCode.near=45202", token).statusCode()).isEqualTo(200);
        assertThat(sandbox.faults().armed()).isEmpty();
    }

    @Test
    void faultsCanBeArmedAndClearedOverHttp() {
        HttpResponse<String> armed = sandbox.client().send(HttpRequest.newBuilder(sandbox.client().uri("/sandbox/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pathPrefix\":\"/v1/identity\",\"times\":2,\"status\":500}"))
                .build());
        assertThat(armed.statusCode()).isEqualTo(204);
        assertThat(sandbox.client().json(sandbox.client().get("/sandbox/faults")).at("/faults/0/times").asInt()).isEqualTo(2);
        String token = sandbox.client().shopperTokens("uma", SandboxClient.ALL_SCOPES).accessToken();
        assertThat(sandbox.client().get("/v1/identity/profile", token).statusCode()).isEqualTo(500);

        HttpResponse<String> cleared = sandbox.client().send(HttpRequest.newBuilder(sandbox.client().uri("/sandbox/faults")).DELETE().build());

        assertThat(cleared.statusCode()).isEqualTo(204);
        assertThat(sandbox.client().get("/v1/identity/profile", token).statusCode()).isEqualTo(200);
        HttpResponse<String> bad = sandbox.client().send(HttpRequest.newBuilder(sandbox.client().uri("/sandbox/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"pathPrefix\":\"/sandbox\",\"status\":500}")).build());
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void faultsAreCheckedWhenArmed() {
        assertThatThrownBy(() -> sandbox.faults().failNext("/v1/products", 1, 200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().failNext("/v1/products", 0, 500))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().delayNext("/v1/products", 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.personalshopper.adapters.web.support.FakeUseCases;
import org.personalshopper.adapters.web.support.Json;
import org.personalshopper.adapters.web.support.WebServer;
import org.personalshopper.application.port.in.TemporarilyUnavailableException;
import org.slf4j.LoggerFactory;

/** What every request goes through: Origin check, body limits, media types, JSON strictness, logging. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardsHttpTest {
    @RegisterExtension
    final WebServer web = WebServer.standard();
    private final FakeUseCases fakes = web.fakes;

    private HttpRequest.Builder write(String method, String path, String body) {
        return web.signedIn(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    @ParameterizedTest
    @CsvSource({"POST,/api/guidance,https://evil.example", "PUT,/api/user/location,https://evil.example",
            "DELETE,/api/guidance/3f0c1b7e-1b2c-4d5e-8f90-123456789abc,https://evil.example",
            "POST,/api/guidance,null", "POST,/api/guidance,http://shop.example", "POST,/api/guidance,https://shop.example.evil.test",
            "POST,/auth/logout,https://evil.example", "POST,/api/cart,https://shop.example:8443"})
    void aStateChangingRequestFromAForeignOriginIsRefused(String method, String path, String origin) {
        String body = method.equals("DELETE") ? "" : "{\"text\":\"prefer organic\"}";
        JsonNode problem = Json.problem(web.send(write(method, path, body).header("Origin", origin).build()), 403);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/forbidden-origin");
        assertThat(fakes.writes).hasValue(0);
        assertThat(fakes.signedOut).isEmpty();
    }

    @Test
    void theServicesOwnOriginAndClientsWithoutOriginMayWrite() {
        assertThat(web.send(write("POST", "/api/guidance", "{\"text\":\"a\"}").header("Origin", WebServer.ORIGIN).build())
                .statusCode()).isEqualTo(201);
        assertThat(web.send(write("POST", "/api/guidance", "{\"text\":\"b\"}").header("Origin", "HTTPS://Shop.Example:443")
                .build()).statusCode()).isEqualTo(201);
        assertThat(web.send(write("POST", "/api/guidance", "{\"text\":\"c\"}").build()).statusCode()).isEqualTo(201);
        assertThat(fakes.guidance).hasSize(3);
    }

    @Test
    void aReadFromAForeignOriginIsNotARisk() {
        assertThat(web.send(web.signedIn("/api/guidance").header("Origin", "https://evil.example").GET().build())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413() {
        String big = "{\"text\":\"" + "a".repeat(64 * 1024) + "\"}";
        JsonNode problem = Json.problem(web.send(write("POST", "/api/guidance", big).build()), 413);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/payload-too-large");
        assertThat(fakes.writes).hasValue(0);
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIs413() {
        byte[] big = ("{\"text\":\"" + "a".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = web.signedIn("/api/guidance").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();

        Json.problem(web.send(request), 413);
        assertThat(fakes.writes).hasValue(0);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() {
        byte[] small = "{\"text\":\"prefer organic\"}".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = web.signedIn("/api/guidance").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))).build();

        assertThat(web.send(request).statusCode()).isEqualTo(201);
    }

    @Test
    void validJsonPaddedPastTheLimitIsStill413() {
        byte[] padded = ("{\"text\":\"prefer organic\"}" + " ".repeat(70 * 1024)).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = web.signedIn("/api/guidance").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded))).build();

        Json.problem(web.send(request), 413);
        assertThat(fakes.writes).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json-patch", "not a media type"})
    void aBodyThatIsNotJsonIs415(String contentType) {
        HttpRequest request = web.signedIn("/api/guidance").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"prefer organic\"}")).build();

        JsonNode problem = Json.problem(web.send(request), 415);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/unsupported-media-type");
        assertThat(fakes.writes).hasValue(0);
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        HttpRequest request = web.signedIn("/api/guidance")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"prefer organic\"}")).build();

        Json.problem(web.send(request), 415);
    }

    @Test
    void aWriteWithoutAnyBodyIs400NamingTheBody() {
        HttpRequest request = web.signedIn("/api/guidance").POST(HttpRequest.BodyPublishers.noBody()).build();

        JsonNode problem = Json.problem(web.send(request), 400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("$");
        assertThat(fakes.writes).hasValue(0);
    }

    @Test
    void jsonWithACharsetIsJson() {
        HttpRequest request = web.signedIn("/api/guidance").header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"prefer organic\"}")).build();

        assertThat(web.send(request).statusCode()).isEqualTo(201);
    }

    private JsonNode badRequest(String method, String path, String body) {
        JsonNode problem = Json.problem(web.json(method, path, body), 400);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(fakes.writes).hasValue(0);
        return problem.path("errors");
    }

    @Test
    void anUnknownPropertyIsNamed() {
        JsonNode errors = badRequest("POST", "/api/guidance", "{\"text\":\"prefer organic\",\"priority\":1}");
        assertThat(errors.get(0).path("field").asText()).isEqualTo("priority");
    }

    @Test
    void aWrongTypeIsNamed() {
        assertThat(badRequest("POST", "/api/guidance", "{\"text\":5}").get(0).path("field").asText()).isEqualTo("text");
        assertThat(badRequest("POST", "/api/selections",
                "{\"item\":\"milk\",\"productId\":\"0001111041700\",\"upc\":\"0001111041700\",\"quantity\":\"5\"}")
                .get(0).path("field").asText()).isEqualTo("quantity");
        assertThat(badRequest("POST", "/api/selections",
                "{\"item\":\"milk\",\"productId\":\"0001111041700\",\"upc\":1111041700,\"quantity\":5}")
                .get(0).path("field").asText()).isEqualTo("upc");
        assertThat(badRequest("POST", "/api/selections",
                "{\"item\":\"milk\",\"productId\":\"0001111041700\",\"upc\":\"0001111041700\",\"quantity\":1.5}")
                .get(0).path("field").asText()).isEqualTo("quantity");
        assertThat(badRequest("POST", "/api/cart", "{\"items\":[{\"upc\":\"0001111041700\",\"quantity\":true}]}")
                .get(0).path("field").asText()).isEqualTo("items[0].quantity");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThat(badRequest("POST", "/api/guidance", "{}").get(0).path("field").asText()).isEqualTo("text");
        JsonNode errors = badRequest("POST", "/api/selections", "{\"item\":\"milk\"}");
        assertThat(errors.findValuesAsText("field")).containsExactly("productId", "upc", "quantity");
        assertThat(badRequest("PUT", "/api/user/location", "{}").get(0).path("field").asText()).isEqualTo("locationId");
        assertThat(badRequest("POST", "/api/cart", "{\"items\":[{\"quantity\":1}]}").get(0).path("field").asText())
                .isEqualTo("items[0].upc");
    }

    @Test
    void malformedJsonIsNamedByWhereItBroke() {
        assertThat(badRequest("POST", "/api/guidance", "{\"text\":\"prefer").get(0).path("field").asText()).isEqualTo("text");
        assertThat(badRequest("POST", "/api/guidance", "{\"text\" \"x\"}").get(0).path("message").asText())
                .isEqualTo("is not well-formed JSON");
        assertThat(badRequest("POST", "/api/guidance", "").get(0).path("field").asText()).isEqualTo("$");
        assertThat(badRequest("POST", "/api/guidance", "[]").get(0).path("field").asText()).isEqualTo("$");
        assertThat(badRequest("POST", "/api/guidance", "{\"text\":\"a\",\"text\":\"b\"}").get(0).path("message").asText())
                .isEqualTo("appears more than once");
        assertThat(badRequest("POST", "/api/guidance", "{\"text\":\"a\"} {\"text\":\"b\"}")).isNotEmpty();
    }

    @Test
    void jerseysOwnRefusalsAreProblemsToo() {
        Json.problem(web.get("/api/nothing-here"), 404);
        Json.problem(web.get("/nothing-here"), 404);
        HttpResponse<String> notAllowed = web.send(web.signedIn("/api/user").DELETE().build());
        Json.problem(notAllowed, 405);
        assertThat(notAllowed.headers().firstValue("Allow")).isPresent();
        Json.problem(web.send(web.signedIn("/api/user").header("Accept", "text/html").GET().build()), 406);
    }

    @Test
    void anUnexpectedFailureIsAGeneric500WithAnIncidentIdAndNoDetails() {
        fakes.viewFailure = new IllegalStateException("db password=hunter2 at org.example.Secret");

        JsonNode problem = Json.problem(web.get("/api/user"), 500);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/internal");
        assertThat(problem.path("incidentId").asText()).matches("[0-9a-f-]{36}");
        assertThat(problem.toString()).doesNotContain("hunter2", "IllegalStateException", "org.example");
    }

    @Test
    void aDatabaseOutageIs503WithRetryAfterNeverA500() {
        fakes.viewFailure = new TemporarilyUnavailableException("a database statement failed: the database does not answer",
                java.time.Duration.ofSeconds(5), null);
        HttpResponse<String> inUseCase = web.get("/api/user");
        fakes.viewFailure = null;
        fakes.identifyFailure = new TemporarilyUnavailableException("no connection: the database does not answer",
                java.time.Duration.ofSeconds(5), null);
        HttpResponse<String> inSessionCheck = web.get("/api/guidance");

        for (HttpResponse<String> answer : java.util.List.of(inUseCase, inSessionCheck)) {
            JsonNode problem = Json.problem(answer, 503);
            assertThat(problem.path("type").asText()).isEqualTo("/problems/temporarily-unavailable");
            assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
            assertThat(answer.body()).doesNotContain("database statement", "connection:");
        }
    }

    @Test
    void everyRequestIsLoggedOnceWithoutQueryCookiesOrBodies() {
        Logger requestLog = (Logger) LoggerFactory.getLogger("org.personalshopper.http");
        ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        requestLog.addAppender(appender);
        try {
            web.send(web.request("/auth/callback?code=secret-code-1&state=secret-state-2")
                    .header("Cookie", "shopper_login=" + FakeUseCases.LOGIN_BINDING).GET().build());
            web.json("POST", "/api/guidance", "{\"text\":\"secret-body-text\"}", Map.of());
        } finally {
            requestLog.detachAppender(appender);
        }
        assertThat(appender.list).hasSize(2);
        assertThat(appender.list.get(0).getFormattedMessage()).matches("GET /auth/callback 302 \\d+ms");
        assertThat(appender.list.get(1).getFormattedMessage()).matches("POST /api/guidance 201 \\d+ms");
        for (ILoggingEvent event : appender.list) {
            assertThat(event.getFormattedMessage()).doesNotContain("secret", FakeUseCases.SESSION, FakeUseCases.LOGIN_BINDING,
                    "new-session");
        }
    }

    @Test
    void apiAndAuthAnswersAreNeverCached() {
        assertThat(web.get("/api/user").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(web.get("/api/nothing").headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}

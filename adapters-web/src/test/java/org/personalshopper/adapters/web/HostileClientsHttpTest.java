package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.personalshopper.adapters.web.session.SessionCookies;
import org.personalshopper.adapters.web.support.FakeUseCases;
import org.personalshopper.adapters.web.support.Json;
import org.personalshopper.adapters.web.support.RawHttp;
import org.personalshopper.adapters.web.support.WebServer;
import org.slf4j.LoggerFactory;

/**
 * Clients that do not play by the rules: malformed request lines and Host headers, bodies that never
 * arrive, the same path spelled with a matrix parameter. None of them may get a server page, hold the
 * service, or slip past a check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientsHttpTest {
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);
    private final WebServer web = new WebServer(new WebSettings(URI.create(WebServer.ORIGIN), true, Duration.ofDays(30))
            .withBodyTimeout(BODY_TIMEOUT));
    private final FakeUseCases fakes = web.fakes;

    @BeforeEach
    void reset() {
        fakes.reset();
    }

    @AfterAll
    void stop() {
        web.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%zz", "/a|b", "/api/guidance/%zz", "/api/user?x=%zz", "/<script>"})
    void aMalformedRequestTargetIs400ProblemWithNothingOfTheServerInside(String target) {
        RawHttp.Answer answer = rawRequest("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertMalformedAnswer(answer, target);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b<x>", "", "[::1", "exa%mple.test", "user@localhost", "localhost:port"})
    void aBadOrEmptyHostIs400Problem(String host) {
        RawHttp.Answer answer = rawRequest("GET /health/live HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");

        assertMalformedAnswer(answer, host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /health/live HTTP/1.1\r\n", "GET /a b HTTP/1.1\r\nHost: localhost\r\n",
            "GET /health/live HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\n"})
    void whatTheServerRefusesBeforeAnyHandlerCarriesNothingOfIt(String head) {
        RawHttp.Answer answer = rawRequest(head + "Connection: close\r\n\r\n");

        assertThat(answer.status()).as(answer.text()).isBetween(400, 505);
        assertThat(answer.text()).doesNotContainIgnoringCase("grizzly").doesNotContain("Exception", "\tat ", "java.", "a b");
        if (!answer.body().isEmpty()) {
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void aMalformedRequestIsLoggedWithTheIncidentIdItAnswered() {
        Logger guardLog = (Logger) LoggerFactory.getLogger("org.personalshopper.adapters.web.server");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        guardLog.addAppender(appender);
        RawHttp.Answer answer;
        try {
            answer = rawRequest("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        } finally {
            guardLog.detachAppender(appender);
        }
        String incident = Json.parse(answer.body()).path("incidentId").asText();
        assertThat(appender.list).anySatisfy(event -> assertThat(event.getFormattedMessage()).contains(incident));
    }

    @Test
    void theBodyRuleHoldsForThePathSpelledWithAMatrixParameter() {
        HttpResponse<String> notJson = web.send(web.signedIn("/api;x=1/guidance").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"prefer organic\"}")).build());
        HttpResponse<String> utf16 = web.send(web.signedIn("/api;x=1/guidance").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'})).build());
        HttpResponse<String> noType = web.send(web.signedIn("/api;x=1/guidance")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"prefer organic\"}")).build());

        Json.problem(notJson, 415);
        Json.problem(utf16, 400);
        Json.problem(noType, 415);
        assertThat(fakes.writes).hasValue(0);
    }

    @Test
    void unauthenticatedBodiesAreRefusedBeforeAnyByteOfThemIsWaitedFor() {
        try (RawHttp stalled = RawHttp.connect(web.uri("/"))) {
            stalled.send("POST /api/guidance HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{");

            RawHttp.Answer answer = stalled.read(BODY_TIMEOUT.dividedBy(2));

            assertThat(answer.status()).as(answer.text()).isEqualTo(401);
        }
        assertThat(fakes.writes).hasValue(0);
    }

    @Test
    void sixteenStalledBodiesDoNotHoldTheService() {
        List<RawHttp> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                RawHttp connection = RawHttp.connect(web.uri("/"));
                stalled.add(connection);
                String cookie = i % 2 == 0 ? "Cookie: " + SessionCookies.HOST_SESSION + "=" + FakeUseCases.SESSION + "\r\n" : "";
                connection.send("POST /api/guidance HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + cookie + "Content-Length: 100\r\n\r\n{");
            }

            HttpResponse<String> live = web.send(web.request("/health/live").timeout(Duration.ofSeconds(1)).GET().build());
            HttpResponse<String> user = web.send(web.signedIn("/api/user").timeout(Duration.ofSeconds(1)).GET().build());

            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(user.statusCode()).isEqualTo(200);
        } finally {
            stalled.forEach(RawHttp::close);
        }
    }

    @Test
    void aSignedInBodyThatStopsArrivingIsCutOffWith408() {
        try (RawHttp stalled = RawHttp.connect(web.uri("/"))) {
            stalled.send("POST /api/guidance HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Cookie: " + SessionCookies.HOST_SESSION + "=" + FakeUseCases.SESSION + "\r\nContent-Length: 100\r\n\r\n{");

            RawHttp.Answer answer = stalled.read(BODY_TIMEOUT.multipliedBy(5));

            assertThat(answer.status()).as(answer.text()).isEqualTo(408);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Json.parse(answer.body()).path("type").asText()).isEqualTo("/problems/request-timeout");
        }
        assertThat(fakes.writes).hasValue(0);
    }

    private RawHttp.Answer rawRequest(String request) {
        try (RawHttp raw = RawHttp.connect(web.uri("/"))) {
            return raw.send(request).read(Duration.ofSeconds(10));
        }
    }

    private static void assertMalformedAnswer(RawHttp.Answer answer, String sent) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text()).doesNotContainIgnoringCase("grizzly").doesNotContain("Exception", "\tat ", "java.");
        JsonNode problem = Json.parse(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/malformed-request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("incidentId").asText()).matches("[0-9a-f-]{36}");
        if (sent.length() > 2) {
            assertThat(answer.body()).doesNotContain(sent);
        }
    }
}

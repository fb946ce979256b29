package org.personalshopper.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.personalshopper.adapters.web.support.FakeUseCases;
import org.personalshopper.adapters.web.support.Json;
import org.personalshopper.adapters.web.support.WebServer;
import org.personalshopper.application.port.in.SignInFailedException;

/** Sign-in, callback and sign-out as a browser sees them: redirects, cookies and refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthHttpTest {
    @RegisterExtension
    final WebServer web = WebServer.standard();
    private final FakeUseCases fakes = web.fakes;

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder builder = web.request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return web.send(builder.build());
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no Set-Cookie " + name + " in " + response.headers().map()));
    }

    @Test
    void eachClientAddressHasItsOwnShareOfSignIns() throws IOException {
        try (WebServer limited = new WebServer(new WebSettings(URI.create(WebServer.ORIGIN), true, Duration.ofDays(30))
                .withSignInLimits(1, 100))) {
            assertThat(loginStatusFrom(limited, "127.0.0.1")).isEqualTo(302);
            assertThat(loginStatusFrom(limited, "127.0.0.1")).as("that address's share is used up").isEqualTo(429);
            assertThat(loginStatusFrom(limited, "127.0.0.2")).as("another address has a share of its own").isEqualTo(302);
        }
    }

    /** GET /auth/login over a connection from this loopback address; the answer's status. */
    private static int loginStatusFrom(WebServer server, String address) throws IOException {
        URI login = server.uri("/auth/login");
        try (Socket socket = new Socket(InetAddress.getByName(login.getHost()), login.getPort(), InetAddress.getByName(address), 0)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /auth/login HTTP/1.1\r\nHost: " + login.getHost() + ":" + login.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void aClientStartingSignInsTooOftenGets429WithRetryAfterAndNoSignInIsStarted() {
        try (WebServer limited = new WebServer(new WebSettings(URI.create(WebServer.ORIGIN), true, Duration.ofDays(30))
                .withSignInLimits(3, 100))) {
            for (int i = 0; i < 3; i++) {
                assertThat(limited.send(limited.request("/auth/login").GET().build()).statusCode()).isEqualTo(302);
            }
            limited.fakes.lastBeginLogin = null;

            HttpResponse<String> refused = limited.send(limited.request("/auth/login?returnTo=/x").GET().build());

            JsonNode problem = Json.problem(refused, 429);
            assertThat(problem.path("type").asText()).isEqualTo("/problems/rate-limited");
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
            assertThat(limited.fakes.lastBeginLogin).as("no sign-in started, so nothing stored").isNull();
            Json.problem(limited.send(limited.request("/auth;x=1/login").GET().build()), 429);
            Json.problem(limited.send(limited.request("/auth/login;y=2/").GET().build()), 429);
            assertThat(limited.send(limited.request("/health/live").GET().build()).statusCode())
                    .as("only sign-in is limited").isEqualTo(200);
        }
    }

    @Test
    void aReturnPathOfMoreThan512CharactersIsRefused() {
        HttpResponse<String> response = get("/auth/login?returnTo=/" + "a".repeat(512));

        assertThat(Json.problem(response, 400).path("errors").get(0).path("field").asText()).isEqualTo("returnTo");
        assertThat(fakes.lastBeginLogin).isNull();
    }

    @Test
    void loginRedirectsToTheGrocerAndBindsTheBrowserWithAShortLivedCookie() {
        HttpResponse<String> response = get("/auth/login?returnTo=/lists&banner=ralphs");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("https://api.kroger.test/v1/connect/oauth2/authorize?client_id=app&state=s1");
        String login = cookie(response, "shopper_login");
        assertThat(login).startsWith("shopper_login=" + FakeUseCases.LOGIN_BINDING + ";")
                .contains("; Path=/auth", "; Max-Age=600", "; HttpOnly", "; SameSite=Lax", "; Secure");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(fakes.lastBeginLogin.returnTo().value()).isEqualTo("/lists");
        assertThat(fakes.lastBeginLogin.banner().orElseThrow().name()).isEqualTo("ralphs");
    }

    @Test
    void loginWithoutReturnToComesBackHome() {
        assertThat(get("/auth/login").statusCode()).isEqualTo(302);
        assertThat(fakes.lastBeginLogin.returnTo().value()).isEqualTo("/");
        assertThat(fakes.lastBeginLogin.banner()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example/", "https:%2F%2Fevil.example", "/%5Cevil.example",
            "evil", "/%0d%0aSet-Cookie:x=y", "/lists%7Cx", "/a%7Bb%7D", "/%2F%2Fevil.example"})
    void loginRefusesAReturnToThatIsNotALocalPath(String returnTo) {
        JsonNode problem = Json.problem(get("/auth/login?returnTo=" + returnTo), 400);

        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("returnTo");
        assertThat(fakes.lastBeginLogin).isNull();
    }

    @Test
    void aReturnToWithAQueryIsKept() {
        assertThat(get("/auth/login?returnTo=%2Flists%3Fweek%3D47").statusCode()).isEqualTo(302);
        assertThat(fakes.lastBeginLogin.returnTo().value()).isEqualTo("/lists?week=47");
    }

    @Test
    void loginRefusesAnUnknownBanner() {
        JsonNode problem = Json.problem(get("/auth/login?banner=notabanner"), 400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("banner");
        Json.problem(get("/auth/login?banner=Not%20A%20Banner"), 400);
    }

    @Test
    void callbackIssuesANewSessionCookieAndClearsTheLoginCookie() {
        HttpResponse<String> response = get("/auth/callback?code=c0de&state=s1",
                "Cookie", "shopper_login=" + FakeUseCases.LOGIN_BINDING);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/lists");
        String session = cookie(response, "__Host-shopper_session");
        assertThat(session).as("over https the session cookie carries the __Host- prefix")
                .startsWith("__Host-shopper_session=new-session-")
                .contains("; Path=/;", "; Max-Age=" + Duration.ofDays(30).toSeconds(), "; HttpOnly", "; SameSite=Lax",
                        "; Secure");
        assertThat(cookie(response, "shopper_login")).startsWith("shopper_login=;").contains("Max-Age=0", "Path=/auth");
        assertThat(fakes.lastCompleteLogin.code()).hasValue("c0de");
        assertThat(fakes.lastCompleteLogin.state()).hasValue("s1");
        assertThat(fakes.lastCompleteLogin.browserBinding()).hasValue(FakeUseCases.LOGIN_BINDING);
    }

    @Test
    void aSessionCookiePresentedBeforeSignInIsNeverKept() {
        String planted = "planted-session-id-0123456789abcdef";
        fakes.sessions.put(planted, FakeUseCases.SHOPPER);

        HttpResponse<String> response = get("/auth/callback?code=c0de&state=s1",
                "Cookie", "__Host-shopper_session=" + planted + "; shopper_login=" + FakeUseCases.LOGIN_BINDING);

        String session = cookie(response, "__Host-shopper_session");
        assertThat(session).doesNotContain(planted).startsWith("__Host-shopper_session=new-session-");
        assertThat(fakes.signedOut).containsExactly(planted);
    }

    @ParameterizedTest
    @CsvSource({"INVALID_STATE,400,/problems/sign-in-state-invalid", "DENIED,403,/problems/sign-in-denied",
            "PROVIDER_FAILED,502,/problems/grocer-unavailable"})
    void eachSignInFailureHasItsStatusAndSetsNoSession(SignInFailedException.Reason reason, int status, String type) {
        fakes.completeLoginFailure = new SignInFailedException(reason, "secret-internal-detail");

        HttpResponse<String> response = get("/auth/callback?code=c0de&state=s1",
                "Cookie", "shopper_login=" + FakeUseCases.LOGIN_BINDING);

        JsonNode problem = Json.problem(response, status);
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("signInUrl").asText()).isEqualTo("/auth/login");
        assertThat(response.body()).doesNotContain("secret-internal-detail", "c0de");
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("shopper_session="));
        assertThat(cookie(response, "shopper_login")).contains("Max-Age=0");
    }

    @Test
    void aCallbackFromABrowserWithoutTheLoginCookieIsRefused() {
        Json.problem(get("/auth/callback?code=c0de&state=s1"), 400);
        assertThat(fakes.lastCompleteLogin.browserBinding()).isEmpty();
    }

    @Test
    void aDeniedConsentFromTheGrocerReachesTheUseCaseAsAnError() {
        fakes.completeLoginFailure = new SignInFailedException(SignInFailedException.Reason.DENIED, "denied");
        Json.problem(get("/auth/callback?error=access_denied&error_description=User%20said%20no&state=s1",
                "Cookie", "shopper_login=" + FakeUseCases.LOGIN_BINDING), 403);
        assertThat(fakes.lastCompleteLogin.error()).hasValue("access_denied");
        assertThat(fakes.lastCompleteLogin.code()).isEmpty();
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() {
        HttpResponse<String> response = web.send(web.signedIn("/auth/logout")
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(cookie(response, "__Host-shopper_session")).startsWith("__Host-shopper_session=;")
                .contains("Max-Age=0", "Path=/;", "Secure");
        assertThat(fakes.signedOut).containsExactly(FakeUseCases.SESSION);
        Json.problem(web.get("/api/user"), 401);
    }

    @Test
    void logoutEverywhereEndsEverySessionOfTheShopper() {
        String laptop = "session-on-the-laptop-0123456789abcdef";
        fakes.sessions.put(laptop, FakeUseCases.SHOPPER);

        HttpResponse<String> response = web.send(web.signedIn("/auth/logout?everywhere=true")
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(cookie(response, "__Host-shopper_session")).contains("Max-Age=0");
        assertThat(fakes.signedOutEverywhere).containsExactly(FakeUseCases.SHOPPER);
        Json.problem(web.get("/api/user"), 401);
        Json.problem(web.send(web.request("/api/user").header("Cookie", "__Host-shopper_session=" + laptop).GET().build()), 401);
    }

    @Test
    void logoutEverywhereWithAnythingButTrueOrFalseIsRefusedAndEndsNothing() {
        HttpResponse<String> response = web.send(web.signedIn("/auth/logout?everywhere=yes")
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(Json.problem(response, 400).path("errors").get(0).path("field").asText()).isEqualTo("everywhere");
        assertThat(fakes.writes).hasValue(0);
        assertThat(web.get("/api/user").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionCookieWithoutTheHostPrefixIsNotASessionOverHttps() {
        Json.problem(web.send(web.request("/api/user").header("Cookie", "shopper_session=" + FakeUseCases.SESSION).GET().build()),
                401);
    }

    @Test
    void overHttpsEveryAnswerCarriesHstsAndNosniff() {
        for (HttpResponse<String> response : List.of(get("/"), get("/openapi.yaml"), get("/health/live"), get("/nowhere"),
                get("/api/user"), web.get("/api/user"), web.send(web.request("/health/live").DELETE().build()))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri() + " " + response.statusCode())
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(response.uri().toString())
                    .hasValue("max-age=31536000");
        }
    }

    @Test
    void logoutWithoutASessionAnswers204Too() {
        HttpResponse<String> response = web.send(web.request("/auth/logout").POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(cookie(response, "__Host-shopper_session")).contains("Max-Age=0");
        assertThat(fakes.signedOut).isEmpty();
    }

    @Test
    void everyApiEndpointAnswers401WithoutASession() {
        for (String path : List.of("/api/user", "/api/guidance", "/api/selections", "/api/products?term=milk",
                "/api/products/0001111041700", "/api/locations?zipCode=45236", "/api/cart/history")) {
            JsonNode problem = Json.problem(web.send(web.request(path).GET().build()), 401);
            assertThat(problem.path("type").asText()).isEqualTo("/problems/unauthenticated");
        }
        HttpResponse<String> post = web.send(web.request("/api/guidance").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"prefer organic\"}")).build());
        Json.problem(post, 401);
        assertThat(fakes.writes).hasValue(0);
    }

    @Test
    void anUnknownOrMalformedSessionCookieIs401() {
        for (String cookie : List.of("__Host-shopper_session=unknown-session", "__Host-shopper_session=",
                "__Host-shopper_session=\"x y\"",
                "other=" + FakeUseCases.SESSION)) {
            Json.problem(web.send(web.request("/api/user").header("Cookie", cookie).GET().build()), 401);
        }
    }

    @Test
    void theSessionCookieIsFoundHoweverTheBrowserLaysOutItsCookieHeader() {
        String session = "__Host-shopper_session=" + FakeUseCases.SESSION;
        for (String cookie : List.of(session, "a=b; " + session + "; c=d", "a=b," + session, " " + session + " ",
                "__Host-shopper_session=stale; " + session, "__Host-shopper_session=\"" + FakeUseCases.SESSION + "\"",
                "$Version=1; " + session + "; $Path=/")) {
            HttpResponse<String> answer = web.send(web.request("/api/user").header("Cookie", cookie).GET().build());
            assertThat(answer.statusCode()).as(cookie).isEqualTo(200);
        }
    }

    @Test
    void cookiesAreNotSecureWhenServedOverPlainHttp() {
        try (WebServer plain = new WebServer(new WebSettings(URI.create("http://localhost:8080"), false, Duration.ofDays(90)))) {
            HttpResponse<String> response = plain.send(plain.request("/auth/login").GET().build());
            assertThat(cookie(response, "shopper_login")).doesNotContain("Secure");
            HttpResponse<String> logout = plain.send(plain.request("/auth/logout").POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(cookie(logout, "shopper_session")).as("__Host- needs https").startsWith("shopper_session=;");
            assertThat(logout.headers().firstValue("Strict-Transport-Security")).as("no HSTS without https").isEmpty();
            assertThat(logout.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }
}

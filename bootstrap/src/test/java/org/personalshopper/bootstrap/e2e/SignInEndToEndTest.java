package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in from login to logout through the real wiring, with WireMock as Kroger and embedded PostgreSQL. */
class SignInEndToEndTest {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path dataDir;

    private static ServiceUnderTest service;
    private static LogCapture logs;
    private static final List<String> secretsUsed = new ArrayList<>(List.of(
            KrogerStub.ACCESS_TOKEN, KrogerStub.REFRESH_TOKEN, KrogerStub.CLIENT_SECRET));
    private static final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void startService() {
        logs = LogCapture.capture();
        service = ServiceUnderTest.start(dataDir, KrogerStub.environment(kroger));
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
        logs.close();
    }

    @BeforeEach
    void krogerSignsShoppersIn() {
        KrogerStub.signInWorks(kroger);
    }

    private Browser browser() {
        Browser browser = service.newBrowser();
        browsers.add(browser);
        return browser;
    }

    /** Starts a sign-in and returns Kroger's authorize URL the browser was sent to. */
    private URI login(Browser browser, String query) {
        HttpResponse<String> login = browser.get("/auth/login" + query);
        assertThat(login.statusCode()).isEqualTo(302);
        return URI.create(login.headers().firstValue("Location").orElseThrow());
    }

    /** What Kroger does after the shopper approves: send the browser back with a code and the state. */
    private HttpResponse<String> krogerRedirectsBack(Browser browser, String code, String state) {
        secretsUsed.add(code);
        return browser.get("/auth/callback?code=" + code + "&state=" + state);
    }

    @Test
    void aShopperSignsInSeesWhoTheyAreAndSignsOut() {
        Browser browser = browser();

        URI authorize = login(browser, "?returnTo=/lists");
        assertThat(authorize.toString()).startsWith(kroger.baseUrl() + "/v1/connect/oauth2/authorize?");
        assertThat(Browser.queryParams(authorize))
                .containsEntry("client_id", KrogerStub.CLIENT_ID)
                .containsEntry("response_type", "code")
                .containsEntry("redirect_uri", service.config().redirectUri().toString())
                .containsEntry("scope", "profile.compact cart.basic:write product.compact")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "code_challenge");
        assertThat(authorize.getRawQuery()).contains("scope=profile.compact%20cart.basic%3Awrite%20product.compact")
                .doesNotContain("+");
        assertThat(browser.cookie("shopper_login")).isPresent();

        HttpResponse<String> callback = krogerRedirectsBack(browser, "e2e-code-happy", Browser.queryParam(authorize, "state"));

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/lists"));
        String sessionCookie = browser.setCookieHeaders().stream().filter(h -> h.startsWith("shopper_session="))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Path=/");
        assertThat(browser.cookie("shopper_login")).as("the login cookie is used up").isEmpty();
        secretsUsed.add(browser.cookie("shopper_session").orElseThrow());

        kroger.verify(postRequestedFor(urlPathEqualTo("/v1/connect/oauth2/token"))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString(
                        (KrogerStub.CLIENT_ID + ":" + KrogerStub.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8))))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=e2e-code-happy"))
                .withRequestBody(containing("code_verifier=")));

        HttpResponse<String> user = browser.get("/api/user");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"profileId\":\"" + KrogerStub.PROFILE_ID + "\"")
                .contains("\"provider\":\"kroger\"").contains("\"connected\":true");

        HttpResponse<String> logout = browser.post("/auth/logout", "");
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(browser.cookie("shopper_session")).isEmpty();

        browser.setCookie("shopper_session", secretsUsed.get(secretsUsed.size() - 1));
        HttpResponse<String> after = browser.get("/api/user");
        assertThat(after.statusCode()).as("the session is gone server-side, not just in the browser").isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void aTamperedStateIsRefusedAndItsCodeNeverReachesKroger() {
        Browser browser = browser();
        URI authorize = login(browser, "");

        HttpResponse<String> callback = krogerRedirectsBack(browser, "e2e-code-tampered", Browser.queryParam(authorize, "state") + "x");

        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(browser.cookie("shopper_session")).isEmpty();
        kroger.verify(0, postRequestedFor(urlPathEqualTo("/v1/connect/oauth2/token")).withRequestBody(containing("code=e2e-code-tampered")));
    }

    @Test
    void aReplayedCallbackIsRefused() {
        Browser browser = browser();
        URI authorize = login(browser, "");
        String state = Browser.queryParam(authorize, "state");
        assertThat(krogerRedirectsBack(browser, "e2e-code-first", state).statusCode()).isEqualTo(302);

        HttpResponse<String> replay = krogerRedirectsBack(browser, "e2e-code-replayed", state);

        assertThat(replay.statusCode()).isEqualTo(400);
        kroger.verify(0, postRequestedFor(urlPathEqualTo("/v1/connect/oauth2/token")).withRequestBody(containing("code=e2e-code-replayed")));
    }

    @Test
    void aCallbackInABrowserWithoutTheLoginCookieIsRefused() {
        Browser shopper = browser();
        String state = Browser.queryParam(login(shopper, ""), "state");
        Browser attacker = browser();

        HttpResponse<String> callback = krogerRedirectsBack(attacker, "e2e-code-other-browser", state);

        assertThat(callback.statusCode()).isEqualTo(400);
        kroger.verify(0, postRequestedFor(urlPathEqualTo("/v1/connect/oauth2/token")).withRequestBody(containing("code=e2e-code-other-browser")));
    }

    @Test
    void aReturnToOffTheSiteIsRefused() {
        Browser browser = browser();
        assertThat(browser.get("/auth/login?returnTo=//evil.example").statusCode()).isEqualTo(400);
        assertThat(browser.get("/auth/login?returnTo=https://evil.example/").statusCode()).isEqualTo(400);
        assertThat(browser.get("/auth/login?banner=not-a-banner").statusCode()).isEqualTo(400);
    }

    @Test
    void aSessionCookieSetBeforeSignInIsNotKept() {
        Browser browser = browser();
        browser.setCookie("shopper_session", "attacker-chosen-session-id");
        URI authorize = login(browser, "");

        krogerRedirectsBack(browser, "e2e-code-fixation", Browser.queryParam(authorize, "state"));

        assertThat(browser.cookie("shopper_session")).isPresent().get().isNotEqualTo("attacker-chosen-session-id");
        Browser attacker = browser();
        attacker.setCookie("shopper_session", "attacker-chosen-session-id");
        assertThat(attacker.get("/api/user").statusCode()).isEqualTo(401);
    }

    @Test
    void aStateChangingRequestFromAForeignOriginIsRefused() {
        Browser browser = browser();
        HttpResponse<String> logout = browser.send(browser.request("/auth/logout")
                .header("Origin", "https://evil.example").POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(logout.statusCode()).isEqualTo(403);
    }

    @Test
    void kroger_refusingTheCodeIsABadGatewayAndNothingIsStored() {
        kroger.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/connect/oauth2/token"))
                .withRequestBody(containing("code=e2e-code-refused"))
                .atPriority(1)
                .willReturn(KrogerStub.json(400, "{\"error\":\"invalid_request\",\"error_description\":\"invalid code\"}")));
        Browser browser = browser();
        URI authorize = login(browser, "");

        HttpResponse<String> callback = krogerRedirectsBack(browser, "e2e-code-refused", Browser.queryParam(authorize, "state"));

        assertThat(callback.statusCode()).isEqualTo(502);
        assertThat(browser.cookie("shopper_session")).isEmpty();
    }

    @AfterAll
    static void noSecretEverReachedALogOrAResponse() {
        List<String> seen = new ArrayList<>(logs.lines());
        browsers.forEach(b -> seen.addAll(b.everythingSeen()));
        assertThat(seen).isNotEmpty();
        for (String secret : secretsUsed) {
            assertThat(seen).as("nothing logged or answered contains a secret").noneMatch(line -> line.contains(secret));
        }
    }
}

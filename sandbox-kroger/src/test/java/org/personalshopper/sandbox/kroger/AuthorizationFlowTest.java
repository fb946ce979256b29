package org.personalshopper.sandbox.kroger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The authorization-code flow a shopper goes through to connect their (sandbox) Kroger account. */
class AuthorizationFlowTest {

    private static final String CALLBACK = "http://localhost:8080/auth/callback";
    private static final String OTHER_CALLBACK = "https://shop.example/auth/callback";
    private static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final KrogerSandboxExtension sandbox = KrogerSandboxExtension.with(SandboxSettings.defaults()
            .withRedirectUris(List.of(CALLBACK, OTHER_CALLBACK))
            .withClock(CLOCK));

    @Test
    void consentPageSaysItIsTheSandboxAndShowsBannerScopesAndAForm() {
        Map<String, String> params = sandbox.client().authorizeParams(SandboxClient.ALL_SCOPES, "s1");
        params.put("banner", "ralphs");

        HttpResponse<String> page = sandbox.client().authorize(params);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("Kroger sandbox - not the real Kroger")
                .contains("Sign in to Ralphs")
                .contains("<code>profile.compact</code>", "<code>cart.basic:write</code>", "<code>product.compact</code>")
                .contains("<label for=\"username\">")
                .contains("value=\"approve\"", "value=\"deny\"")
                .contains("action=\"/sandbox/consent\"")
                // No external assets: nothing is loaded from anywhere.
                .doesNotContain("<link", "<script", "src=", "url(");
    }

    @Test
    void consentPageEscapesWhatItEchoes() {
        Map<String, String> params = sandbox.client().authorizeParams("product.compact", "\"><script>alert('x')</script>");

        HttpResponse<String> page = sandbox.client().authorize(params);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .doesNotContain("<script>")
                .contains("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'"));
    }

    @Test
    void approvingRedirectsToTheCallbackWithCodeAndTheSameState() {
        String state = "a state/with spaces&symbols=1";
        Map<String, String> params = sandbox.client().authorizeParams(SandboxClient.ALL_SCOPES, state);

        HttpResponse<String> redirect = sandbox.client().decide(params, "alice", "approve");

        assertThat(redirect.statusCode()).isEqualTo(303);
        URI location = SandboxClient.location(redirect);
        assertThat(location.toString()).startsWith(CALLBACK + "?");
        Map<String, String> query = SandboxClient.queryOf(location);
        assertThat(query.get("code")).isNotBlank();
        assertThat(query.get("state")).isEqualTo(state);
        assertThat(query).doesNotContainKey("error");
    }

    @Test
    void denyingRedirectsWithAccessDeniedAndNoCode() {
        Map<String, String> params = sandbox.client().authorizeParams(SandboxClient.ALL_SCOPES, "s-deny");

        HttpResponse<String> redirect = sandbox.client().decide(params, "", "deny");

        assertThat(redirect.statusCode()).isEqualTo(303);
        URI location = SandboxClient.location(redirect);
        assertThat(location.getRawQuery())
                .contains("error=access_denied")
                .contains("error_description=The%20resource%20owner%20denied%20the%20request");
        assertThat(SandboxClient.queryOf(location)).containsEntry("state", "s-deny").doesNotContainKey("code");
    }

    @Test
    void approvingWithoutAUsernameShowsThePageAgainWithAnError() {
        Map<String, String> params = sandbox.client().authorizeParams(SandboxClient.ALL_SCOPES, "s2");

        HttpResponse<String> page = sandbox.client().decide(params, "   ", "approve");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("Kroger sandbox - not the real Kroger").contains("role=\"alert\"")
                .contains("aria-invalid=\"true\"");
    }

    @Test
    void aRefreshTokenPastItsLifetimeIsRefused() {
        Map<String, String> params = sandbox.client().authorizeParams(SandboxClient.ALL_SCOPES, "s11");
        HttpResponse<String> tokens = sandbox.client().exchange(sandbox.client().approvedCode("hugo", params), CALLBACK, null);
        String refreshToken = sandbox.client().json(tokens).get("refresh_token").asText();

        CLOCK.advance(sandbox.settings().refreshTokenLifetime().plusSeconds(1));
        HttpResponse<String> answer = sandbox.client().postForm("/v1/connect/oauth2/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(sandbox.client().json(answer).get("error_description").asText()).isEqualTo("invalid refresh_token");
    }

    @Test
    void codeBuysBearerTokensThatWorkForTheShopper() {
        Map<String, String> params = sandbox.client().authorizeParams(SandboxClient.ALL_SCOPES, "s3");
        String code = sandbox.client().approvedCode("bob", params);

        HttpResponse<String> answer = sandbox.client().exchange(code, CALLBACK, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode tokens = sandbox.client().json(answer);
        assertThat(tokens.get("token_type").asText()).isEqualTo("bearer");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(1800);
        assertThat(tokens.get("access_token").asText()).isNotBlank();
        assertThat(tokens.get("refresh_token").asText()).isNotBlank().isNotEqualTo(tokens.get("access_token").asText());
        HttpResponse<String> profile = sandbox.client().get("/v1/identity/profile", tokens.get("access_token").asText());
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(sandbox.client().json(profile).at("/data/id").asText()).isEqualTo(KrogerSandbox.profileIdOf("bob").toString());
    }

    @Test
    void aCodeWorksOnlyOnce() {
        Map<String, String> params = sandbox.client().authorizeParams(SandboxClient.ALL_SCOPES, "s4");
        String code = sandbox.client().approvedCode("carol", params);
        assertThat(sandbox.client().exchange(code, CALLBACK, null).statusCode()).isEqualTo(200);

        HttpResponse<String> again = sandbox.client().exchange(code, CALLBACK, null);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("{\"error\":\"invalid_request\",\"error_description\":\"invalid code\"}");
    }

    @Test
    void aCodeOlderThanFiveMinutesIsRefused() {
        Map<String, String> params = sandbox.client().authorizeParams(SandboxClient.ALL_SCOPES, "s5");
        String code = sandbox.client().approvedCode("dave", params);

        CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
        HttpResponse<String> answer = sandbox.client().exchange(code, CALLBACK, null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(sandbox.client().json(answer).get("error_description").asText()).isEqualTo("invalid code");
    }

    @Test
    void aCodeIsBoundToTheRedirectUriItWasIssuedFor() {
        Map<String, String> params = sandbox.client().authorizeParams(SandboxClient.ALL_SCOPES, "s6");
        String code = sandbox.client().approvedCode("erin", params);

        HttpResponse<String> answer = sandbox.client().exchange(code, OTHER_CALLBACK, null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(sandbox.client().json(answer).get("error").asText()).isEqualTo("invalid_request");
        assertThat(sandbox.client().json(answer).get("error_description").asText())
                .isEqualTo("The redirect_uri did not match the registered redirect_uri for this application");
    }

    @Test
    void anUnregisteredRedirectUriGetsKrogers400InsteadOfARedirect() {
        Map<String, String> params = sandbox.client().authorizeParams(SandboxClient.ALL_SCOPES, "s7");
        params.put("redirect_uri", CALLBACK + "/");

        HttpResponse<String> page = sandbox.client().authorize(params);
        HttpResponse<String> decision = sandbox.client().decide(params, "frank", "approve");

        for (HttpResponse<String> answer : List.of(page, decision)) {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Location")).isEmpty();
            assertThat(sandbox.client().json(answer).get("error_description").asText())
                    .isEqualTo("The redirect_uri did not match the registered redirect_uri for this application");
        }
    }

    @Test
    void pkceVerifierMustMatchTheChallenge() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        Map<String, String> params = sandbox.client().authorizeParams(SandboxClient.ALL_SCOPES, "s8");
        params.put("code_challenge", IssuedGrants.s256(verifier));
        params.put("code_challenge_method", "S256");

        String good = sandbox.client().approvedCode("gina", params);
        String wrong = sandbox.client().approvedCode("gina", params);
        String missing = sandbox.client().approvedCode("gina", params);

        assertThat(sandbox.client().exchange(good, CALLBACK, verifier).statusCode()).isEqualTo(200);
        HttpResponse<String> mismatch = sandbox.client().exchange(wrong, CALLBACK, verifier.replace('d', 'e'));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(sandbox.client().json(mismatch).get("error").asText()).isEqualTo("invalid_request");
        assertThat(sandbox.client().exchange(missing, CALLBACK, null).statusCode()).isEqualTo(400);
    }

    @Test
    void aVerifierIsRefusedWhenTheSignInHadNoChallenge() {
        // OAuth 2.1 and RFC 9700 (PKCE downgrade): a verifier for a code issued without a challenge is refused.
        Map<String, String> params = sandbox.client().authorizeParams(SandboxClient.ALL_SCOPES, "s8b");
        String withVerifier = sandbox.client().approvedCode("gina", params);
        String withoutVerifier = sandbox.client().approvedCode("gina", params);

        HttpResponse<String> refused = sandbox.client().exchange(withVerifier, CALLBACK,
                "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(sandbox.client().json(refused).get("error").asText()).isEqualTo("invalid_request");
        assertThat(sandbox.client().json(refused).get("error_description").asText()).isEqualTo("invalid code_verifier");
        assertThat(sandbox.client().exchange(withoutVerifier, CALLBACK, null).statusCode()).isEqualTo(200);
    }

    @Test
    void pkceChallengeFromRfc7636IsVerifiedAsS256() {
        // RFC 7636 appendix B's example pair.
        assertThat(IssuedGrants.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void theTokenEndpointRequiresTheAppsBasicCredentials() {
        Map<String, String> form = Map.of("grant_type", "client_credentials", "scope", "product.compact");

        HttpResponse<String> none = sandbox.client().postForm("/v1/connect/oauth2/token", form, null);
        HttpResponse<String> wrongSecret = sandbox.client().postForm("/v1/connect/oauth2/token", form,
                SandboxClient.basic(SandboxSettings.DEMO_CLIENT_ID, "guess"));

        for (HttpResponse<String> answer : List.of(none, wrongSecret)) {
            // Live Kroger answers a wrong client id or secret with a flat {timestamp, code, reason}, not OAuth's shape.
            assertThat(answer.statusCode()).isEqualTo(400);
            JsonNode body = sandbox.client().json(answer);
            assertThat(body.has("error")).isFalse();
            assertThat(body.get("code").asText()).isEqualTo("Auth-4011-400");
            assertThat(body.get("reason").asText()).isEqualTo("invalid client credentials");
            assertThat(body.get("timestamp").isNumber()).isTrue();
        }
    }

    @Test
    void scopesTheAppDidNotRegisterAreRefused() {
        Map<String, String> params = sandbox.client().authorizeParams("profile.compact coupon.basic", "s9");

        HttpResponse<String> answer = sandbox.client().authorize(params);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"error\":\"invalid_scope\",\"error_description\":\"invalid scope\"}");
    }

    @Test
    void scopesJoinedWithPlusInsteadOfPercent20AreRefusedAsAtKroger() {
        Map<String, String> params = sandbox.client().authorizeParams("x", "s10");
        params.remove("scope");
        String query = "scope=profile.compact+product.compact&" + SandboxClient.queryEncode(params);

        HttpResponse<String> answer = sandbox.client().get("/v1/connect/oauth2/authorize?" + query);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(sandbox.client().json(answer).get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void badClientResponseTypeOrBannerGetA400() {
        Map<String, String> badClient = sandbox.client().authorizeParams("product.compact", "s");
        badClient.put("client_id", "someone-else");
        Map<String, String> badType = sandbox.client().authorizeParams("product.compact", "s");
        badType.put("response_type", "token");
        Map<String, String> badBanner = sandbox.client().authorizeParams("product.compact", "s");
        badBanner.put("banner", "walmart");

        assertThat(sandbox.client().authorize(badClient).statusCode()).isEqualTo(400);
        assertThat(sandbox.client().json(sandbox.client().authorize(badType)).get("error").asText()).isEqualTo("unsupported_response_type");
        assertThat(sandbox.client().json(sandbox.client().authorize(badBanner)).get("error_description").asText()).isEqualTo("invalid banner");
    }

    @Test
    void anUnknownGrantTypeIsRefused() {
        HttpResponse<String> answer = sandbox.client().postForm("/v1/connect/oauth2/token", Map.of("grant_type", "code"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body())
                .isEqualTo("{\"error\":\"unsupported_grant_type\",\"error_description\":\"invalid grant_type\"}");
    }
}

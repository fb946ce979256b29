package org.personalshopper.sandbox.foodin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.personalshopper.sandbox.foodin.SandboxClient.Tokens;

/** Foodin's token endpoint: code exchange and refresh, with the rules its reference states. */
class TokenTest {

    @RegisterExtension
    static final FoodinSandboxExtension FOODIN = FoodinSandboxExtension.withDefaults();

    private final SandboxClient client = FOODIN.client();
    private final FoodinSandbox sandbox = FOODIN.sandbox();

    @Test
    void aCodeExchangeAnswersTheTokensAndTheFoodinUserId() {
        String code = client.approvedCode("Ada@Example.com ", client.authorizeParams("read_write", "s"));

        HttpResponse<String> answer = client.exchange(code, client.testSecret());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode json = client.json(answer);
        assertThat(json.get("access_token").asText()).isNotBlank();
        assertThat(json.get("refresh_token").asText()).isNotBlank();
        assertThat(json.get("token_type").asText()).isEqualTo("bearer");
        assertThat(json.get("scope").asText()).isEqualTo("read_write");
        assertThat(json.get("livemode").asBoolean()).isFalse();
        assertThat(json.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(json.get("foodin_user_id").asText())
                .isEqualTo(FoodinSandbox.userIdOf("ada@example.com"))
                .startsWith("fdu_");
        assertThat(sandbox.isAccessTokenActive(json.get("access_token").asText())).isTrue();
    }

    @Test
    void theSameEmailIsAlwaysTheSameFoodinUserAndAnotherOneIsNot() {
        assertThat(client.connect("bob@example.com", "read_write").userId())
                .isEqualTo(client.connect("BOB@example.com", "read_only").userId())
                .isNotEqualTo(client.connect("carol@example.com", "read_write").userId());
    }

    @Test
    void aCodeWorksOnlyOnceAndASecondExchangeRevokesEveryTokenIssuedFromIt() {
        String code = client.approvedCode("dan@example.com", client.authorizeParams("read_write", "s"));
        JsonNode first = client.json(client.exchange(code, client.testSecret()));
        String firstAccess = first.get("access_token").asText();
        String refreshToken = first.get("refresh_token").asText();
        String refreshedAccess = client.json(client.refresh(refreshToken, client.testSecret(), "read_only"))
                .get("access_token").asText();
        assertThat(sandbox.isAccessTokenActive(refreshedAccess)).isTrue();

        HttpResponse<String> replay = client.exchange(code, client.testSecret());

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(client.json(replay).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(sandbox.isAccessTokenActive(firstAccess)).isFalse();
        assertThat(sandbox.isAccessTokenActive(refreshedAccess)).isFalse();
        HttpResponse<String> refresh = client.refresh(refreshToken, client.testSecret(), null);
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(client.json(refresh).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void twoConcurrentExchangesOfOneCodeNeverBothKeepTheirTokens() throws Exception {
        String code = client.approvedCode("eve@example.com", client.authorizeParams("read_write", "s"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit((Callable<HttpResponse<String>>) () -> client.exchange(code, client.testSecret())));
            }
            List<HttpResponse<String>> done = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                done.add(answer.get());
            }
            assertThat(done).filteredOn(a -> a.statusCode() == 200).hasSize(1);
            assertThat(done).filteredOn(a -> a.statusCode() == 400).hasSize(1);
            String winner = client.json(done.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow())
                    .get("access_token").asText();
            assertThat(sandbox.isAccessTokenActive(winner)).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        String code = client.approvedCode("fay@example.com", client.authorizeParams("read_write", "s"));

        FOODIN.clock().advance(Duration.ofMinutes(5));
        HttpResponse<String> answer = client.exchange(code, client.testSecret());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(client.json(answer).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(client.json(answer).get("error_description").asText()).contains("expired");
    }

    @Test
    void aCodeJustUnderFiveMinutesOldStillWorks() {
        String code = client.approvedCode("gus@example.com", client.authorizeParams("read_write", "s"));

        FOODIN.clock().advance(Duration.ofMinutes(5).minusSeconds(1));

        assertThat(client.exchange(code, client.testSecret()).statusCode()).isEqualTo(200);
    }

    @Test
    void aTestModeCodeExchangedWithTheLiveSecretIsRefusedAndStaysUsable() {
        String code = client.approvedCode("hal@example.com", client.authorizeParams("read_write", "s"));

        HttpResponse<String> wrongMode = client.exchange(code, client.liveSecret());

        assertThat(wrongMode.statusCode()).isEqualTo(400);
        assertThat(client.json(wrongMode).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(client.json(wrongMode).get("error_description").asText()).contains("test mode");
        assertThat(client.exchange(code, client.testSecret()).statusCode()).isEqualTo(200);
    }

    @Test
    void aLiveModeCodeNeedsTheLiveSecretAndGivesALiveToken() {
        java.util.Map<String, String> params = client.authorizeParams("read_write", "s");
        params.put("client_id", FoodinSandboxSettings.DEMO_LIVE_CLIENT_ID);
        params.put("redirect_uri", FoodinSandboxExtension.OTHER_CALLBACK);
        String code = client.approvedCode("ivy@example.com", params);

        assertThat(client.exchange(code, client.testSecret()).statusCode()).isEqualTo(400);
        HttpResponse<String> answer = client.exchange(code, client.liveSecret());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(client.json(answer).get("livemode").asBoolean()).isTrue();
    }

    @Test
    void theSecretIsReadOnlyFromTheFormNeverFromHttpBasic() {
        String code = client.approvedCode("jay@example.com", client.authorizeParams("read_write", "s"));
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (FoodinSandboxSettings.DEMO_TEST_CLIENT_ID + ":" + client.testSecret()).getBytes());

        HttpResponse<String> answer = client.postForm("/oauth/token",
                Map.of("grant_type", "authorization_code", "code", code), Map.of("Authorization", basic));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(client.json(answer).get("error").asText()).isEqualTo("invalid_client");
        // Nothing was consumed: the same code works with the secret in the form.
        assertThat(client.exchange(code, client.testSecret()).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongSecretIsInvalidClient() {
        HttpResponse<String> answer = client.exchange("ac_whatever", "sk_test_wrong");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(client.json(answer).get("error").asText()).isEqualTo("invalid_client");
        assertThat(client.json(answer).get("error_description").asText()).doesNotContain("sk_test");
    }

    @Test
    void anUnknownCodeIsInvalidGrant() {
        HttpResponse<String> answer = client.exchange("ac_never_issued", client.testSecret());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(client.json(answer).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aRefreshRevokesThePreviousAccessTokenOfTheSameScopeAndModeAndKeepsTheRefreshToken() {
        Tokens tokens = client.connect("kim@example.com", "read_write");

        HttpResponse<String> answer = client.refresh(tokens.refreshToken(), client.testSecret(), null);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode json = client.json(answer);
        String newAccess = json.get("access_token").asText();
        assertThat(newAccess).isNotEqualTo(tokens.accessToken());
        assertThat(json.get("scope").asText()).isEqualTo("read_write");
        assertThat(json.get("foodin_user_id").asText()).isEqualTo(tokens.userId());
        assertThat(json.has("refresh_token")).as("the refresh token stays valid; none is sent").isFalse();
        assertThat(sandbox.isAccessTokenActive(tokens.accessToken())).isFalse();
        assertThat(sandbox.isAccessTokenActive(newAccess)).isTrue();
        // The same refresh token works again, and revokes the token it gave last time.
        String third = client.json(client.refresh(tokens.refreshToken(), client.testSecret(), null)).get("access_token").asText();
        assertThat(sandbox.isAccessTokenActive(newAccess)).isFalse();
        assertThat(sandbox.isAccessTokenActive(third)).isTrue();
    }

    @Test
    void aRefreshMayNarrowTheScopeAndThenLeavesTheWiderTokenAlone() {
        Tokens tokens = client.connect("lea@example.com", "read_write");

        JsonNode narrowed = client.json(client.refresh(tokens.refreshToken(), client.testSecret(), "read_only"));

        assertThat(narrowed.get("scope").asText()).isEqualTo("read_only");
        assertThat(sandbox.isAccessTokenActive(narrowed.get("access_token").asText())).isTrue();
        assertThat(sandbox.isAccessTokenActive(tokens.accessToken())).as("another scope: not revoked").isTrue();
    }

    @Test
    void aRefreshCannotWidenTheScope() {
        Tokens tokens = client.connect("max@example.com", "read_only");

        HttpResponse<String> answer = client.refresh(tokens.refreshToken(), client.testSecret(), "read_write");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(client.json(answer).get("error").asText()).isEqualTo("invalid_scope");
        assertThat(sandbox.isAccessTokenActive(tokens.accessToken())).isTrue();
    }

    @Test
    void aRefreshWithTheLiveSecretGivesALiveTokenAndLeavesTheTestTokenAlone() {
        Tokens tokens = client.connect("ned@example.com", "read_write");

        JsonNode live = client.json(client.refresh(tokens.refreshToken(), client.liveSecret(), null));

        assertThat(live.get("livemode").asBoolean()).isTrue();
        assertThat(live.get("access_token").asText()).startsWith("fat_live_");
        assertThat(sandbox.isAccessTokenActive(tokens.accessToken())).as("another mode: not revoked").isTrue();
    }

    @Test
    void anUnknownRefreshTokenIsInvalidGrant() {
        HttpResponse<String> answer = client.refresh("rt_never_issued", client.testSecret(), null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(client.json(answer).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void anAccessTokenExpiresAfterItsLifetime() {
        Tokens tokens = client.connect("ola@example.com", "read_write");

        FOODIN.clock().advance(Duration.ofHours(1));

        assertThat(sandbox.isAccessTokenActive(tokens.accessToken())).isFalse();
        assertThat(client.refresh(tokens.refreshToken(), client.testSecret(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void grantTypesOtherThanCodeAndRefreshAreRefused() {
        HttpResponse<String> credentials = client.postForm("/oauth/token",
                Map.of("grant_type", "client_credentials", "client_secret", client.testSecret()), Map.of());
        HttpResponse<String> none = client.postForm("/oauth/token", Map.of("client_secret", client.testSecret()), Map.of());

        assertThat(credentials.statusCode()).isEqualTo(400);
        assertThat(client.json(credentials).get("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(client.json(none).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void theSandboxOnlyIntrospectionAnswersWhetherATokenIsActive() {
        Tokens tokens = client.connect("pia@example.com", "read_write");

        JsonNode active = client.json(client.postForm("/sandbox/introspect", Map.of("token", tokens.accessToken()), Map.of()));
        JsonNode unknown = client.json(client.postForm("/sandbox/introspect", Map.of("token", "nope"), Map.of()));

        assertThat(active.get("active").asBoolean()).isTrue();
        assertThat(active.get("foodin_user_id").asText()).isEqualTo(tokens.userId());
        assertThat(active.get("scope").asText()).isEqualTo("read_write");
        assertThat(active.get("livemode").asBoolean()).isFalse();
        assertThat(active.get("expires_at").asText()).isNotBlank();
        assertThat(unknown.get("active").asBoolean()).isFalse();
        assertThat(unknown.size()).isEqualTo(1);
    }

    @Test
    void theTokenEndpointCallsAreCountedForTestsThatCheckACodeWasExchangedOnce() {
        int before = sandbox.tokenEndpointCalls();

        client.exchange("ac_x", client.testSecret());

        assertThat(sandbox.tokenEndpointCalls()).isEqualTo(before + 1);
    }
}

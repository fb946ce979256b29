package org.personalshopper.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.ProviderFailure;

/**
 * What a provider adapter gets from the shared plumbing for its token calls: the app's credentials presented
 * the provider's way (Kroger: HTTP Basic; Foodin: the secret as a form field), and a token answer read
 * tolerantly (a user id in the answer, no {@code expires_in}).
 */
class TokenRequestsTest {
    private static final ProviderHttp HTTP = ProviderHttp.create(new ProviderEndpoint("Foodin",
            URI.create("http://localhost:1"), Duration.ofSeconds(1), Duration.ofSeconds(1), "check FOODIN_SECRET_KEY"),
            Clock.systemUTC());

    private static String body(ProviderRequest request) {
        return new String(request.body().orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void basicCredentialsGoInTheAuthorizationHeaderAndAreSecretsOfTheCall() {
        ProviderRequest request = ProviderRequest.post("/token", "sign-in")
                .form(List.of(Map.entry("grant_type", "authorization_code"), Map.entry("code", "c0de")))
                .clientCredentials(new ClientCredentials("app", "s3cret", ClientCredentials.Presentation.BASIC));

        assertThat(request.headers()).containsEntry("Authorization", "Basic YXBwOnMzY3JldA==");
        assertThat(body(request)).isEqualTo("grant_type=authorization_code&code=c0de");
        assertThat(request.secrets()).contains("s3cret", "YXBwOnMzY3JldA==");
        assertThat(request.presentsClientCredentials()).isTrue();
    }

    @Test
    void aFormSecretGoesInTheBodyAndNeverInAHeader() {
        ProviderRequest request = ProviderRequest.post("/oauth/token", "sign-in")
                .form(List.of(Map.entry("grant_type", "authorization_code"), Map.entry("code", "c0de")))
                .clientCredentials(new ClientCredentials("ca_1", "sk test", ClientCredentials.Presentation.FORM_SECRET));

        assertThat(body(request)).isEqualTo("grant_type=authorization_code&code=c0de&client_secret=sk%20test");
        assertThat(request.headers()).doesNotContainKey("Authorization");
        assertThat(request.secrets()).contains("sk test");

        ProviderRequest both = ProviderRequest.post("/token", "refresh")
                .form(List.of(Map.entry("grant_type", "refresh_token")))
                .clientCredentials(new ClientCredentials("ca_1", "sk", ClientCredentials.Presentation.FORM_ID_AND_SECRET));
        assertThat(body(both)).isEqualTo("grant_type=refresh_token&client_id=ca_1&client_secret=sk");
    }

    @Test
    void credentialsNeverShowTheSecret() {
        assertThat(new ClientCredentials("app", "s3cret", ClientCredentials.Presentation.BASIC).toString())
                .doesNotContain("s3cret");
        assertThatThrownBy(() -> new ClientCredentials("a:b", "s", ClientCredentials.Presentation.BASIC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TokenAnswer answer(String json) {
        return TokenAnswer.read(HTTP, ProviderRequest.post("/oauth/token", "sign-in"),
                new ProviderAnswer(200, json.getBytes(StandardCharsets.UTF_8), Optional.empty()));
    }

    @Test
    void aTokenAnswerGivesTheUsualFieldsAndAnyOtherAsText() {
        TokenAnswer answer = answer("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"refresh_token\":\"rt\","
                + "\"expires_in\":1800,\"foodin_user_id\":\"acct_42\",\"livemode\":false}");

        assertThat(answer.accessToken().value()).isEqualTo("at");
        assertThat(answer.refreshToken()).contains("rt");
        assertThat(answer.expiresIn()).contains(Duration.ofMinutes(30));
        assertThat(answer.text("foodin_user_id")).contains("acct_42");
        assertThat(answer.text("nothing")).isEmpty();
        assertThat(answer.toString()).doesNotContain("at,", "rt");
    }

    @Test
    void aMissingLifetimeIsUnknownButAWrongOneIsABadResponse() {
        assertThat(answer("{\"access_token\":\"at\"}").expiresIn()).isEmpty();
        assertThat(answer("{\"access_token\":\"at\"}").refreshToken()).isEmpty();

        for (String bad : List.of("{\"access_token\":\"at\",\"expires_in\":-5}",
                "{\"access_token\":\"at\",\"expires_in\":\"soon\"}", "{\"access_token\":\"at\",\"expires_in\":1.5}",
                "{\"expires_in\":60}", "{\"access_token\":\"at\",\"token_type\":\"mac\"}", "[]", "not json")) {
            assertThatThrownBy(() -> answer(bad)).as(bad)
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.failure()).isEqualTo(ProviderFailure.BAD_RESPONSE);
                        assertThat(e.reason()).startsWith("Foodin's answer to the sign-in");
                    });
        }
    }
}

package org.personalshopper.adapters.foodin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.TokenGrant;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.ProviderFailure;

/** Foodin through the sign-in port: what the core sees of a Foodin sign-in and refresh. */
class FoodinIdentityProviderTest {

    @RegisterExtension
    static WireMockExtension foodin = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private FoodinIdentityProvider provider() {
        return new FoodinIdentityProvider(FoodinOAuth.create(FoodinSettings.of(URI.create(foodin.baseUrl()),
                FoodinOAuthTest.CLIENT_ID, FoodinOAuthTest.SECRET, FoodinOAuthTest.REDIRECT, FoodinScope.READ_WRITE)));
    }

    @Test
    void foodinIsASignInWithoutBannersOrPkce() {
        FoodinIdentityProvider provider = provider();

        assertThat(provider.provider().name()).isEqualTo("foodin");
        assertThat(provider.usesPkce()).isFalse();
        assertThat(provider.knowsBanner(new Banner("kroger"))).isFalse();
        URI url = provider.authorizationUrl(new AuthorizationRequest("s1", Optional.empty(), Optional.empty()));
        assertThat(FoodinOAuthTest.query(url)).containsEntry("state", "s1").doesNotContainKey("code_challenge");
        assertThatThrownBy(() -> provider.authorizationUrl(new AuthorizationRequest("s", Optional.empty(),
                Optional.of(new Banner("ralphs"))))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> provider.authorizationUrl(new AuthorizationRequest("s", Optional.of("c".repeat(43)),
                Optional.empty()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theUserIdOfASignInComesFromTheTokenAnswerWithoutAnotherCall() {
        foodin.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson("{\"access_token\":\"fat_1\","
                + "\"refresh_token\":\"rt_1\",\"expires_in\":600,\"foodin_user_id\":\"fdu_42\"}")));
        FoodinIdentityProvider provider = provider();

        TokenGrant grant = provider.exchangeCode("ac_1", Optional.empty());
        ProfileId userId = provider.profile(grant.accessToken());

        assertThat(userId).isEqualTo(new ProfileId("fdu_42"));
        assertThat(grant.expiresIn()).isEqualTo(Duration.ofSeconds(600));
        assertThat(grant.refreshToken()).hasValue("rt_1");
        foodin.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertThat(provider.profile(grant.accessToken())).as("asked again").isEqualTo(userId);
        // Foodin has no identity endpoint: a token that came from no sign-in here identifies no one.
        assertThat(catchThrowableOfType(ProviderException.class, () -> provider.profile(new AccessToken("fat_other")))
                .failure()).isEqualTo(ProviderFailure.UNAUTHORIZED);
    }

    @Test
    void anUnstatedLifetimeIsReportedAsABoundedOneNeverForever() {
        foodin.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson("{\"access_token\":\"fat_2\","
                + "\"foodin_user_id\":\"fdu_42\"}")));

        TokenGrant grant = provider().refresh("rt_1");

        assertThat(grant.expiresIn()).isEqualTo(FoodinIdentityProvider.UNSTATED_LIFETIME);
        assertThat(grant.refreshToken()).as("none sent: the old one stays").isEmpty();
    }

    @Test
    void aDeadRefreshTokenMeansTheShopperSignsInAgain() {
        foodin.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));

        assertThat(catchThrowableOfType(ProviderException.class, () -> provider().refresh("rt_dead")).failure())
                .isEqualTo(ProviderFailure.REJECTED);
    }

    @Test
    void foodinOffersNoAppTokenAndSaysSoWithoutCallingIt() {
        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> provider().appToken());

        assertThat(failure.reason()).contains("Foodin offers no app token");
        foodin.verify(0, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void aPkceVerifierIsAProgrammingError() {
        assertThatThrownBy(() -> provider().exchangeCode("ac_1", Optional.of("v".repeat(43))))
                .isInstanceOf(IllegalArgumentException.class);
        foodin.verify(0, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }
}

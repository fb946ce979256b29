package org.personalshopper.adapters.kroger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.SHOPPER_TOKEN;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.assertSafeReason;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.fixture;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.personalshopper.application.port.out.Cart;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.Modality;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Upc;

class KrogerCartTest {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final List<CartItem> BANANAS_AND_CHEESE = List.of(
            new CartItem(new Upc("4011"), new Quantity(3), Modality.DELIVERY),
            new CartItem(new Upc("0001111041700"), new Quantity(1), Modality.PICKUP));

    private Cart cart;

    @BeforeEach
    void connect() {
        cart = KrogerTestSupport.adapters(kroger.getPort()).cart();
    }

    private static ProviderException failureOf(Cart cart) {
        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> cart.add(BANANAS_AND_CHEESE, SHOPPER_TOKEN));
        assertThat(failure).as("a ProviderException").isNotNull();
        return failure;
    }

    @Test
    void addPutsExactlyKrogersBodyWithZeroPaddedUpcStringsAndModality() {
        kroger.stubFor(put("/v1/cart/add").willReturn(aResponse().withStatus(204)));

        cart.add(BANANAS_AND_CHEESE, SHOPPER_TOKEN);

        kroger.verify(1, putRequestedFor(urlEqualTo("/v1/cart/add"))
                .withHeader("Authorization", equalTo("Bearer " + SHOPPER_TOKEN.value()))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalTo("{\"items\":["
                        + "{\"upc\":\"0000000004011\",\"quantity\":3,\"modality\":\"DELIVERY\"},"
                        + "{\"upc\":\"0001111041700\",\"quantity\":1,\"modality\":\"PICKUP\"}]}")));
    }

    @Test
    void anySuccessStatusIsASuccessfulAdd() {
        kroger.stubFor(put("/v1/cart/add").willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));

        cart.add(BANANAS_AND_CHEESE, SHOPPER_TOKEN);

        kroger.verify(1, putRequestedFor(urlEqualTo("/v1/cart/add")));
    }

    @Test
    void aRefusedItemIsRejectedWithKrogersReason() {
        kroger.stubFor(put("/v1/cart/add").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(fixture("cart-add-400.json"))));

        ProviderException failure = failureOf(cart);

        assertThat(failure.failure()).isEqualTo(ProviderFailure.REJECTED);
        assertThat(failure.failure().mayHaveTakenEffect()).isFalse();
        assertThat(failure.reason()).contains("UPC must have a length of 13 characters");
        assertSafeReason(failure);
    }

    @Test
    void aTokenWithoutCartScopeIsForbiddenAndTheReasonNamesTheScope() {
        kroger.stubFor(put("/v1/cart/add").willReturn(aResponse().withStatus(403)
                .withBody("{\"errors\":{\"timestamp\":1,\"code\":\"Forbidden\",\"reason\":\"missing required scopes\"}}")));

        ProviderException failure = failureOf(cart);

        assertThat(failure.failure()).isEqualTo(ProviderFailure.FORBIDDEN);
        assertThat(failure.reason()).contains("cart.basic:write");
        assertSafeReason(failure);
    }

    @Test
    void anExpiredShopperTokenIsUnauthorized() {
        kroger.stubFor(put("/v1/cart/add").willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\":{\"error\":\"invalid_token\",\"error_description\":\"The access token is invalid or has expired\"}}")));

        ProviderException failure = failureOf(cart);

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNAUTHORIZED);
        assertSafeReason(failure);
    }

    @Test
    void aServerErrorIsUnavailableMayHaveLandedAndIsNotRetried() {
        kroger.stubFor(put("/v1/cart/add").willReturn(aResponse().withStatus(500)
                .withBody("{\"errors\":{\"timestamp\":1,\"code\":\"CART-4000-500\",\"reason\":\"Internal server error\"}}")));

        ProviderException failure = failureOf(cart);

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNAVAILABLE);
        assertThat(failure.failure().mayHaveTakenEffect()).isTrue();
        kroger.verify(1, putRequestedFor(urlEqualTo("/v1/cart/add")));
    }

    @Test
    void aTimeoutIsTimedOutAndIsNotRetried() {
        kroger.stubFor(put("/v1/cart/add").willReturn(aResponse().withStatus(204)
                .withFixedDelay(KrogerTestSupport.SLOW_MILLIS)));
        Cart impatient = KrogerTestSupport.impatient(kroger.getPort()).cart();

        ProviderException failure = failureOf(impatient);

        assertThat(failure.failure()).isEqualTo(ProviderFailure.TIMED_OUT);
        kroger.verify(1, putRequestedFor(urlEqualTo("/v1/cart/add")));
    }

    @Test
    void aResetConnectionIsABadGatewayThatMayHaveLandedAndIsNotRetried() {
        kroger.stubFor(put("/v1/cart/add").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ProviderException failure = failureOf(cart);

        assertThat(failure.failure()).isEqualTo(ProviderFailure.UNAVAILABLE);
        assertThat(failure.failure().mayHaveTakenEffect()).isTrue();
        kroger.verify(1, putRequestedFor(urlEqualTo("/v1/cart/add")));
    }

    @Test
    void anEmptyOrOversizedAddIsRefusedWithoutCallingKroger() {
        assertThatThrownBy(() -> cart.add(List.of(), SHOPPER_TOKEN)).isInstanceOf(IllegalArgumentException.class);
        List<CartItem> tooMany = java.util.Collections.nCopies(CartItem.MAX_ITEMS_PER_ADD + 1,
                new CartItem(new Upc("4011"), new Quantity(1), Modality.PICKUP));
        assertThatThrownBy(() -> cart.add(tooMany, SHOPPER_TOKEN)).isInstanceOf(IllegalArgumentException.class);

        kroger.verify(0, putRequestedFor(urlEqualTo("/v1/cart/add")));
    }
}

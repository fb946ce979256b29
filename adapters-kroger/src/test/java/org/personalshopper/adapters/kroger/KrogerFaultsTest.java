package org.personalshopper.adapters.kroger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.APP_TOKEN;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.SHOPPER_TOKEN;
import static org.personalshopper.adapters.kroger.KrogerTestSupport.assertSafeReason;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.Modality;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.StoreLocationId;
import org.personalshopper.domain.StoreQuery;
import org.personalshopper.domain.Upc;

/**
 * Kroger misbehaving on every call the service makes (identity, the three token grants, products, locations,
 * cart): each fault becomes the {@code ProviderFailure} that docs/kroger-adapter.md promises, with a reason safe
 * to show, after one request (the adapter retries nothing; only the JDK re-sends a GET whose connection broke).
 */
class KrogerFaultsTest {
    @RegisterExtension
    static WireMockExtension kroger = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CODE = "AUTH-c0de-9Zt1";
    private static final String REFRESH = "refresh-R9q2-secret";

    /** Every call the adapters make, each in the shape the application makes it. */
    enum Call {
        PROFILE(kroger -> kroger.identityProvider().profile(SHOPPER_TOKEN)),
        CODE_EXCHANGE(kroger -> kroger.identityProvider().exchangeCode(CODE, Optional.of("v".repeat(43)))),
        REFRESH(kroger -> kroger.identityProvider().refresh(KrogerFaultsTest.REFRESH)),
        CLIENT_CREDENTIALS(kroger -> kroger.identityProvider().appToken()),
        PRODUCT_SEARCH(kroger -> kroger.productCatalog().search(
                new ProductQuery("milk", Optional.of(new StoreLocationId("01400943")), Optional.empty(), 0, 10), APP_TOKEN)),
        PRODUCT_LOOKUP(kroger -> kroger.productCatalog().find(new ProductId("0001111041700"), Optional.empty(), APP_TOKEN)),
        STORE_SEARCH(kroger -> kroger.storeDirectory().search(
                new StoreQuery(Optional.of("45202"), Optional.empty(), 10, 10, Optional.empty()), APP_TOKEN)),
        STORE_LOOKUP(kroger -> kroger.storeDirectory().find(new StoreLocationId("01400943"), APP_TOKEN)),
        CART_ADD(kroger -> kroger.cart().add(List.of(new CartItem(new Upc("0001111041700"), new Quantity(1),
                Modality.PICKUP)), SHOPPER_TOKEN));

        final Consumer<KrogerAdapters> invoke;

        Call(Consumer<KrogerAdapters> invoke) {
            this.invoke = invoke;
        }

        boolean isRead() {
            return this == PROFILE || this == PRODUCT_SEARCH || this == PRODUCT_LOOKUP || this == STORE_SEARCH
                    || this == STORE_LOOKUP;
        }

        /** The cart reads no body: a 2xx is success whatever it carries. */
        boolean readsTheAnswer() {
            return this != CART_ADD;
        }
    }

    /** A way Kroger (or the network in between) can fail, and what it must become. */
    enum KrogerFault {
        TIMEOUT(aResponse().withStatus(200).withBody("{}").withFixedDelay(KrogerTestSupport.SLOW_MILLIS),
                ProviderFailure.TIMED_OUT, Optional.empty()),
        CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ProviderFailure.UNAVAILABLE, Optional.empty()),
        CLOSED_WITHOUT_ANSWER(aResponse().withFault(Fault.EMPTY_RESPONSE), ProviderFailure.UNAVAILABLE, Optional.empty()),
        GARBAGE_THEN_CLOSED(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), ProviderFailure.UNAVAILABLE, Optional.empty()),
        NON_JSON_SUCCESS(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Access Denied</body></html>"), ProviderFailure.BAD_RESPONSE, Optional.empty()),
        NON_JSON_GATEWAY_ERROR(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body>502 Bad Gateway</body></html>"), ProviderFailure.UNAVAILABLE, Optional.empty()),
        QUOTA_SPENT(aResponse().withStatus(429).withHeader("Retry-After", "120").withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":{\"code\":\"API-4290-429\",\"reason\":\"Too many requests\"}}"),
                ProviderFailure.RATE_LIMITED, Optional.of(Duration.ofSeconds(120))),
        SERVER_ERROR(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":{\"timestamp\":1,\"code\":\"PRODUCT-4500-500\",\"reason\":\"Internal server error\"}}"),
                ProviderFailure.UNAVAILABLE, Optional.empty()),
        UNAVAILABLE_WITH_RETRY_AFTER(aResponse().withStatus(503).withHeader("Retry-After", "30"),
                ProviderFailure.UNAVAILABLE, Optional.of(Duration.ofSeconds(30)));

        final ResponseDefinitionBuilder answer;
        final ProviderFailure expected;
        final Optional<Duration> retryAfter;

        boolean breaksTheConnection() {
            return this == CONNECTION_RESET || this == CLOSED_WITHOUT_ANSWER || this == GARBAGE_THEN_CLOSED;
        }

        KrogerFault(ResponseDefinitionBuilder answer, ProviderFailure expected, Optional<Duration> retryAfter) {
            this.answer = answer;
            this.expected = expected;
            this.retryAfter = retryAfter;
        }
    }

    static Stream<Arguments> everyCallWithEveryFault() {
        List<Arguments> cases = new ArrayList<>();
        for (Call call : Call.values()) {
            for (KrogerFault fault : KrogerFault.values()) {
                if (fault != KrogerFault.NON_JSON_SUCCESS || call.readsTheAnswer()) {
                    cases.add(Arguments.of(call, fault));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} when Kroger answers {1}")
    @MethodSource("everyCallWithEveryFault")
    void eachFaultIsMappedAsDocumentedAndSentOnce(Call call, KrogerFault fault) {
        kroger.stubFor(any(anyUrl()).willReturn(fault.answer));
        KrogerAdapters adapters = fault == KrogerFault.TIMEOUT
                ? KrogerTestSupport.impatient(kroger.getPort())
                : KrogerTestSupport.adapters(kroger.getPort());

        ProviderException failure = catchThrowableOfType(ProviderException.class, () -> call.invoke.accept(adapters));

        assertThat(failure).as("a ProviderException").isNotNull();
        assertThat(failure.failure()).isEqualTo(fault.expected);
        assertThat(failure.retryAfter()).isEqualTo(fault.retryAfter);
        assertThat(failure.reason()).containsIgnoringCase("kroger").doesNotContain("<html", "PRODUCT-4500");
        assertSafeReason(failure, CODE, REFRESH);
        if (call.isRead() && fault.breaksTheConnection()) {
            // The JDK client itself re-sends a GET once when the connection closes before any answer.
            assertThat(kroger.findAll(anyRequestedFor(anyUrl()))).hasSizeBetween(1, 2);
        } else {
            kroger.verify(1, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void aBrokenConnectionIsABadGatewayThatMayHaveAddedToTheCart() {
        kroger.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> Call.CART_ADD.invoke.accept(KrogerTestSupport.adapters(kroger.getPort())));

        // Not a timeout (504): Kroger did not fail to answer, the connection broke. The add may have landed.
        assertThat(failure.failure()).isNotEqualTo(ProviderFailure.TIMED_OUT);
        assertThat(failure.failure().mayHaveTakenEffect()).isTrue();
        assertThat(failure.reason()).contains("connection to Kroger broke during the cart add");
    }
}

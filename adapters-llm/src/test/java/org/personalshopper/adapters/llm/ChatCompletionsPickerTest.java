package org.personalshopper.adapters.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.personalshopper.application.port.out.ProductPicker;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.Fulfillment;
import org.personalshopper.domain.Price;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.StockLevel;
import org.personalshopper.domain.Upc;

/** The language-model picker against a local stub of an OpenAI-compatible server: good, bad and slow answers. */
class ChatCompletionsPickerTest {
    @RegisterExtension
    static WireMockExtension model = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Product ORGANIC_MILK = new Product(new ProductId("0001111042852"), new Upc("0001111042852"),
            "Simple Truth Organic Whole Milk", Optional.of("Simple Truth Organic"), Optional.of("half gal"),
            Optional.of(new Price(new BigDecimal("4.49"), Optional.of(new BigDecimal("3.99")))),
            Optional.of(new Fulfillment(true, true, true, false)), Optional.of(StockLevel.HIGH), Optional.empty());
    private static final List<ProductPicker.ItemToPick> MILK = List.of(new ProductPicker.ItemToPick("milk", List.of(ORGANIC_MILK)));

    private ChatCompletionsPicker picker(Optional<String> key, Duration timeout) {
        return new ChatCompletionsPicker(new LanguageModelSettings(URI.create(model.baseUrl() + "/v1"), "small-model", key, timeout));
    }

    private static String completion(String content) throws Exception {
        return JSON.writeValueAsString(JSON.createObjectNode().set("choices", JSON.createArrayNode().add(
                JSON.createObjectNode().set("message", JSON.createObjectNode().put("role", "assistant").put("content", content)))));
    }

    private static void answers(String content) throws Exception {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(completion(content))));
    }

    @Test
    void theModelsRankingIsReadAndItWasToldOnlyItemsGuidanceAndProductFacts() throws Exception {
        answers("```json\n{\"items\":[{\"item\":\"milk\",\"picks\":[{\"productId\":\"0001111042852\",\"reasons\":[\"organic, as you prefer\"]}]}]}\n```");

        List<ProductPicker.ItemPicks> picks = picker(Optional.of("sk-test-key"), Duration.ofSeconds(5)).pick(MILK, List.of("prefer organic"));

        assertThat(picks).singleElement().satisfies(p -> {
            assertThat(p.item()).isEqualTo("milk");
            assertThat(p.choices()).containsExactly(new ProductPicker.Choice(new ProductId("0001111042852"), List.of("organic, as you prefer")));
        });
        model.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", equalTo("Bearer sk-test-key")));
        JsonNode sent = JSON.readTree(model.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.path("model").asText()).isEqualTo("small-model");
        JsonNode facts = JSON.readTree(sent.path("messages").get(1).path("content").asText());
        assertThat(facts.path("guidance").get(0).asText()).isEqualTo("prefer organic");
        JsonNode product = facts.path("items").get(0).path("products").get(0);
        assertThat(product.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("productId", "description", "brand", "size", "price", "salePrice", "stock", "pickupOrDelivery");
    }

    @Test
    void withoutAKeyNoAuthorizationIsSent() throws Exception {
        answers("{\"items\":[]}");
        picker(Optional.empty(), Duration.ofSeconds(5)).pick(MILK, List.of());
        model.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", absent()));
    }

    @Test
    void badAnswersAreFailuresTheCallerCanFallBackOn() throws Exception {
        for (String content : List.of("I think the organic milk is best.", "{\"items\":\"milk\"}",
                "{\"items\":[{\"item\":\"milk\",\"picks\":[{\"productId\":\"the organic one\",\"reasons\":[\"x\"]}]}]}")) {
            answers(content);
            assertThatThrownBy(() -> picker(Optional.empty(), Duration.ofSeconds(5)).pick(MILK, List.of()))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure()).isEqualTo(ProviderFailure.BAD_RESPONSE));
        }
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200).withBody("not json")));
        assertThatThrownBy(() -> picker(Optional.empty(), Duration.ofSeconds(5)).pick(MILK, List.of()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure()).isEqualTo(ProviderFailure.BAD_RESPONSE));
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> picker(Optional.empty(), Duration.ofSeconds(5)).pick(MILK, List.of()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure()).isEqualTo(ProviderFailure.UNAVAILABLE));
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401)));
        assertThatThrownBy(() -> picker(Optional.of("wrong"), Duration.ofSeconds(5)).pick(MILK, List.of()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure()).isEqualTo(ProviderFailure.UNAUTHORIZED));
    }

    @Test
    void aSlowModelIsCutOffAtTheTimeout() throws Exception {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(completion("{\"items\":[]}")).withFixedDelay(5_000)));

        assertThatThrownBy(() -> picker(Optional.empty(), Duration.ofMillis(500)).pick(MILK, List.of()))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure()).isEqualTo(ProviderFailure.TIMED_OUT));
    }

    @Test
    void anUnreachableModelIsAFailureToo() {
        ChatCompletionsPicker nowhere = new ChatCompletionsPicker(new LanguageModelSettings(URI.create("http://127.0.0.1:9/v1"),
                "small-model", Optional.empty(), Duration.ofSeconds(2)));
        assertThatThrownBy(() -> nowhere.pick(MILK, List.of())).isInstanceOf(ProviderException.class);
    }

    @Test
    void theKeyNeverShowsInTheSettingsText() {
        assertThat(new LanguageModelSettings(URI.create("http://localhost/v1"), "m", Optional.of("sk-secret"), Duration.ofSeconds(1)))
                .asString().doesNotContain("sk-secret");
    }
}

package org.personalshopper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The optional language-model picker, wired for real against a stub chat-completions server. */
class LanguageModelEndToEndTest {
    @RegisterExtension
    static WireMockExtension model = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALMOND_MILK = "0002529300014";

    @TempDir
    static Path dataDir;

    private static ServiceUnderTest service;
    private static Browser browser;
    private static String listId;

    @BeforeAll
    static void start() throws Exception {
        service = ServiceUnderTest.start(dataDir, Map.of("SHOPPER_LLM_BASE_URL", model.baseUrl() + "/v1",
                "SHOPPER_LLM_MODEL", "stub-model", "SHOPPER_LLM_API_KEY", "sk-stub-key", "SHOPPER_LLM_TIMEOUT_SECONDS", "2"));
        browser = service.newBrowser();
        SandboxConsent.signIn(browser, "model-shopper");
        assertThat(browser.put("/api/user/location", "{\"locationId\":\"01400943\"}").statusCode()).isEqualTo(200);
        assertThat(browser.post("/api/guidance", "{\"text\":\"no dairy\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> list = browser.post("/api/lists", "{\"name\":\"Weekly\",\"items\":[{\"text\":\"milk\"}]}");
        listId = JSON.readTree(list.body()).path("id").asText();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static void modelAnswers(String content, int delayMillis) throws Exception {
        String completion = JSON.writeValueAsString(JSON.createObjectNode().set("choices", JSON.createArrayNode().add(
                JSON.createObjectNode().set("message", JSON.createObjectNode().put("role", "assistant").put("content", content)))));
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(completion).withFixedDelay(delayMillis)));
    }

    private static JsonNode plan() throws Exception {
        HttpResponse<String> plan = browser.post("/api/lists/" + listId + "/plan", "{}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        return JSON.readTree(plan.body());
    }

    @Test
    void theModelReRanksAndExplainsSeeingNoTokenAndNoShopperId() throws Exception {
        model.resetAll();
        modelAnswers("{\"items\":[{\"item\":\"milk\",\"picks\":[{\"productId\":\"" + ALMOND_MILK
                + "\",\"reasons\":[\"an almond milk, since you avoid dairy\"]}]}]}", 0);

        JsonNode plan = plan();

        assertThat(plan.path("pickedBy").asText()).isEqualTo("language model");
        JsonNode first = plan.path("items").get(0).path("candidates").get(0);
        assertThat(first.path("productId").asText()).isEqualTo(ALMOND_MILK);
        assertThat(first.path("reasons").get(0).asText()).isEqualTo("an almond milk, since you avoid dairy");
        JsonNode user = JSON.readTree(browser.get("/api/user").body());
        String asked = model.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(asked).contains("no dairy", "milk").doesNotContain(user.path("id").asText(), user.path("profileId").asText(),
                browser.cookie("shopper_session").orElseThrow(), "Bearer");
        // Dairy milk was ruled out by the rules before the model was asked: it is never offered to it.
        assertThat(asked).doesNotContain("Kroger 2% Reduced Fat Milk");
    }

    @Test
    void aSlowModelFallsBackToTheRulesAndThePlanSaysSo() throws Exception {
        model.resetAll();
        modelAnswers("{\"items\":[]}", 6_000);

        JsonNode plan = plan();

        assertThat(plan.path("pickedBy").asText()).isEqualTo("rules");
        assertThat(plan.path("notes").get(0).asText()).contains("language model").contains("follow the rules");
        assertThat(plan.path("items").get(0).path("status").asText()).isEqualTo("proposed");
    }
}

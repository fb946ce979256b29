package org.personalshopper.adapters.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.personalshopper.application.port.out.ProductPicker;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProviderFailure;

/**
 * Asks a language model, over any OpenAI-compatible {@code POST /chat/completions}, to rank and explain the
 * products found for each list item. It is told only the item texts, the shopper's guidance texts and
 * product facts (id, description, brand, size, price, promotion, stock, ways to get it): never a token, a
 * shopper's id or a profile id. The whole answer must arrive within the configured timeout. Any failure is
 * a {@link ProviderException}; what the model proposes is checked by the caller before it is used.
 */
public final class ChatCompletionsPicker implements ProductPicker {
    static final String INSTRUCTIONS = """
            You pick grocery products for a shopper's list. For each item you get the products found at the shopper's store.
            Follow the shopper's guidance. Rank the best products for each item first (at most 3) and give each one or two
            short reasons in plain English that the shopper will read. Propose only products offered for that item, by their
            productId. Answer with JSON only, exactly in this shape:
            {"items":[{"item":"<item as given>","picks":[{"productId":"<id>","reasons":["<reason>"]}]}]}""";
    private static final int MAX_ANSWER_BYTES = 256 * 1024;

    private final LanguageModelSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public ChatCompletionsPicker(LanguageModelSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String name() {
        return "language model";
    }

    @Override
    public List<ItemPicks> pick(List<ItemToPick> items, List<String> guidance) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.chatCompletions())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(items, guidance), StandardCharsets.UTF_8));
        settings.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<byte[]> response = send(request.build());
        if (response.statusCode() == 429) {
            throw new ProviderException(ProviderFailure.RATE_LIMITED, "the language model is busy");
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new ProviderException(ProviderFailure.UNAUTHORIZED, "the language model refused the API key");
        }
        if (response.statusCode() / 100 != 2) {
            throw new ProviderException(ProviderFailure.UNAVAILABLE, "the language model answered HTTP " + response.statusCode());
        }
        if (response.body().length > MAX_ANSWER_BYTES) {
            throw new ProviderException(ProviderFailure.BAD_RESPONSE, "the language model's answer is too long");
        }
        return picks(response.body());
    }

    /** The whole exchange, headers and body, is bounded by the timeout: a model that trickles is cut off. */
    private HttpResponse<byte[]> send(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return answer.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new ProviderException(ProviderFailure.TIMED_OUT, "the language model did not answer in time", Optional.empty(), e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderFailure.TIMED_OUT, "interrupted while waiting for the language model", Optional.empty(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new ProviderException(ProviderFailure.TIMED_OUT, "the language model did not answer in time", Optional.empty(), cause);
            }
            if (cause instanceof ConnectException) {
                throw new ProviderException(ProviderFailure.UNREACHABLE, "the language model cannot be reached", Optional.empty(), cause);
            }
            throw new ProviderException(ProviderFailure.UNAVAILABLE, "the call to the language model failed", Optional.empty(), cause);
        }
    }

    String requestBody(List<ItemToPick> items, List<String> guidance) {
        ObjectNode facts = json.createObjectNode();
        ArrayNode lines = facts.putArray("guidance");
        guidance.forEach(lines::add);
        ArrayNode asked = facts.putArray("items");
        for (ItemToPick item : items) {
            ObjectNode node = asked.addObject();
            node.put("item", item.item());
            ArrayNode products = node.putArray("products");
            item.offered().forEach(p -> products.add(product(p)));
        }
        ObjectNode body = json.createObjectNode();
        body.put("model", settings.model());
        body.put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", INSTRUCTIONS);
        try {
            messages.addObject().put("role", "user").put("content", json.writeValueAsString(facts));
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request of plain values always serializes", e);
        }
    }

    private ObjectNode product(Product p) {
        ObjectNode node = json.createObjectNode();
        node.put("productId", p.productId().value());
        node.put("description", p.description());
        p.brand().ifPresent(b -> node.put("brand", b));
        p.size().ifPresent(s -> node.put("size", s));
        p.price().ifPresent(price -> {
            node.put("price", price.regular());
            price.promo().ifPresent(promo -> node.put("salePrice", promo));
        });
        p.stockLevel().ifPresent(stock -> node.put("stock", stock.name().toLowerCase(java.util.Locale.ROOT)));
        p.fulfillment().ifPresent(f -> node.put("pickupOrDelivery", f.curbside() || f.delivery() || f.inStore()));
        return node;
    }

    /** The model's message content, read as the JSON asked for (a code fence around it is tolerated). */
    List<ItemPicks> picks(byte[] body) {
        try {
            JsonNode completion = json.readTree(body);
            JsonNode content = completion.path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw bad("the language model's answer has no message content");
            }
            String text = content.asText().strip();
            int start = text.indexOf('{');
            int end = text.lastIndexOf('}');
            if (start < 0 || end < start) {
                throw bad("the language model did not answer with JSON");
            }
            JsonNode answer = json.readTree(text.substring(start, end + 1));
            if (!answer.path("items").isArray()) {
                throw bad("the language model's answer has no items");
            }
            List<ItemPicks> picks = new ArrayList<>();
            for (JsonNode item : answer.path("items")) {
                if (!item.path("item").isTextual() || !item.path("picks").isArray()) {
                    throw bad("an item of the language model's answer is malformed");
                }
                List<Choice> choices = new ArrayList<>();
                for (JsonNode pick : item.path("picks")) {
                    List<String> reasons = new ArrayList<>();
                    pick.path("reasons").forEach(r -> {
                        if (r.isTextual()) {
                            reasons.add(r.asText());
                        }
                    });
                    choices.add(new Choice(new ProductId(pick.path("productId").asText("")), reasons));
                }
                picks.add(new ItemPicks(item.path("item").asText(), choices));
            }
            return picks;
        } catch (IOException e) {
            throw new ProviderException(ProviderFailure.BAD_RESPONSE, "the language model's answer is not JSON", Optional.empty(), e);
        } catch (InvalidValueException e) {
            throw bad("the language model proposed something that is not a product id");
        }
    }

    private static ProviderException bad(String reason) {
        return new ProviderException(ProviderFailure.BAD_RESPONSE, reason);
    }
}

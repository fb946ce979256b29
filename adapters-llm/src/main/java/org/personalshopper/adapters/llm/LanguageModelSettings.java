package org.personalshopper.adapters.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the chat-completions server is ({@code baseUrl} up to and including its version, e.g.
 * {@code http://localhost:11434/v1}; {@code /chat/completions} is appended), which model to ask, the optional
 * API key (sent as a bearer token, never logged) and how long a whole answer may take.
 */
public record LanguageModelSettings(URI baseUrl, String model, Optional<String> apiKey, Duration timeout) {
    public LanguageModelSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(timeout, "timeout");
        if (model.isBlank() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a model name and a positive timeout are required");
        }
    }

    URI chatCompletions() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }

    @Override
    public String toString() {
        return "LanguageModelSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.isPresent() ? "redacted" : "none")
                + ", timeout=" + timeout + "]";
    }
}

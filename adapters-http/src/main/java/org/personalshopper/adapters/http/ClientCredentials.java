package org.personalshopper.adapters.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A registered app's client id and secret, and how the provider's token endpoint wants them (RFC 6749 section
 * 2.3.1). Kroger takes HTTP Basic; a provider modelled on Stripe Connect (Foodin) takes only the secret as a
 * form parameter. {@link #toString()} never shows the secret.
 */
public record ClientCredentials(String clientId, String clientSecret, Presentation presentation) {

    /** Where the credentials go in a token request. */
    public enum Presentation {
        /** {@code Authorization: Basic base64(client_id ":" client_secret)}. */
        BASIC,
        /** Form parameters {@code client_id} and {@code client_secret}. */
        FORM_ID_AND_SECRET,
        /** Form parameter {@code client_secret} only (the provider knows the app by its secret). */
        FORM_SECRET
    }

    public ClientCredentials {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("a client id is required");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("a client secret is required");
        }
        if (presentation == null) {
            throw new IllegalArgumentException("how to present the client credentials is required");
        }
        if (presentation == Presentation.BASIC && clientId.indexOf(':') >= 0) {
            // Basic joins id and secret with ':'; an id containing one could not be told apart.
            throw new IllegalArgumentException("a client id sent with HTTP Basic must not contain ':'");
        }
    }

    /** The Basic header value, {@code Basic base64(id:secret)}. */
    String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", clientSecret=[redacted], presentation=" + presentation + "]";
    }
}

package org.personalshopper.adapters.http;

import java.util.Optional;

/**
 * A provider's answer: status, body bytes (at most {@link ProviderHttp#MAX_BODY_BYTES}) and the
 * {@code Retry-After} header if any.
 */
public record ProviderAnswer(int status, byte[] body, Optional<String> retryAfter) {
    public ProviderAnswer {
        body = body == null ? new byte[0] : body;
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}

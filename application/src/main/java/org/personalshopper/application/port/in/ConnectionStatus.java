package org.personalshopper.application.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Whether the shopper's provider connection is usable, and until when the current access token lasts. */
public record ConnectionStatus(boolean connected, Optional<Instant> accessTokenExpiresAt) {
    public ConnectionStatus {
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    }
}

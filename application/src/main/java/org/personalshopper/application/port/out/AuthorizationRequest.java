package org.personalshopper.application.port.out;

import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.Banner;

/** What goes into the grocer's sign-in URL: our state, the PKCE S256 challenge if used, the banner if chosen. */
public record AuthorizationRequest(String state, Optional<String> codeChallenge, Optional<Banner> banner) {
    public AuthorizationRequest {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        Objects.requireNonNull(banner, "banner");
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[banner=" + banner + ", secrets redacted]";
    }
}

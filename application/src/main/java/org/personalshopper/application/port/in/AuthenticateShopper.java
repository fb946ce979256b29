package org.personalshopper.application.port.in;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.ReturnPath;
import org.personalshopper.domain.ShopperId;

/** Signing a shopper in with their grocer account, recognising their session, and signing out. */
public interface AuthenticateShopper {
    record BeginLogin(ReturnPath returnTo, Optional<Banner> banner) {
        public BeginLogin {
            Objects.requireNonNull(returnTo, "returnTo");
            Objects.requireNonNull(banner, "banner");
        }
    }

    /** Where to send the browser, and the secret binding this sign-in to it (set as the login cookie). */
    record LoginRedirect(URI authorizationUrl, String browserBinding, Instant expiresAt) {
        @Override
        public String toString() {
            return "LoginRedirect[expiresAt=" + expiresAt + ", secrets redacted]";
        }
    }

    /** What the grocer sent back to the callback, and the login cookie this browser presented. */
    record CompleteLogin(Optional<String> state, Optional<String> code, Optional<String> error,
                         Optional<String> browserBinding) {
        public CompleteLogin {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(browserBinding, "browserBinding");
        }

        @Override
        public String toString() {
            return "CompleteLogin[error=" + error + ", secrets redacted]";
        }
    }

    /** A new session: its secret id (the session cookie) and where to send the browser. */
    record SignedIn(String sessionId, ShopperId shopperId, ReturnPath returnTo, Instant sessionExpiresAt) {
        @Override
        public String toString() {
            return "SignedIn[shopperId=" + shopperId + ", returnTo=" + returnTo + ", session id redacted]";
        }
    }

    /** @throws org.personalshopper.domain.InvalidValueException for a banner the grocer does not know */
    LoginRedirect beginLogin(BeginLogin command);

    /** @throws SignInFailedException when the state, the grocer or the shopper's consent fails */
    SignedIn completeLogin(CompleteLogin command);

    /** The shopper whose live session this is; empty for an unknown or expired session. */
    Optional<ShopperId> identify(String sessionId);

    /** Ends the session server-side; unknown sessions are ignored. */
    void signOut(String sessionId);
}

package org.personalshopper.application.port.in;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ReturnPath;
import org.personalshopper.domain.ShopperId;

/**
 * Signing a shopper in with any connected provider account, connecting another account, recognising their
 * session, and signing out.
 */
public interface AuthenticateShopper {
    /**
     * A sign-in to start: with the named provider (empty: the default one), or, when {@code linkTo} is set,
     * connecting that signed-in shopper's account at the provider.
     */
    record BeginLogin(ReturnPath returnTo, Optional<Banner> banner, Optional<Provider> provider,
                      Optional<ShopperId> linkTo) {
        public BeginLogin {
            Objects.requireNonNull(returnTo, "returnTo");
            Objects.requireNonNull(banner, "banner");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(linkTo, "linkTo");
        }

        /** A sign-in with the default provider. */
        public BeginLogin(ReturnPath returnTo, Optional<Banner> banner) {
            this(returnTo, banner, Optional.empty(), Optional.empty());
        }
    }

    /** Where to send the browser, and the secret binding this sign-in to it (set as the login cookie). */
    record LoginRedirect(URI authorizationUrl, String browserBinding, Instant expiresAt) {
        @Override
        public String toString() {
            return "LoginRedirect[expiresAt=" + expiresAt + ", secrets redacted]";
        }
    }

    /**
     * What the provider sent back to its callback, which provider's callback it reached, and the login
     * cookie this browser presented.
     */
    record CompleteLogin(Provider callbackProvider, Optional<String> state, Optional<String> code,
                         Optional<String> error, Optional<String> browserBinding) {
        public CompleteLogin {
            Objects.requireNonNull(callbackProvider, "callbackProvider");
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

    /**
     * @throws org.personalshopper.domain.InvalidValueException for a banner the provider does not know
     * @throws NotOfferedException for a provider this service is not configured for (or none configured)
     * @throws RateLimitedException when so many sign-ins are in progress that no more are stored
     */
    LoginRedirect beginLogin(BeginLogin command);

    /**
     * Signs in with the connected account (a new shopper the first time), or links the account to the
     * shopper who started the connect. Either way a new session is issued.
     *
     * @throws SignInFailedException when the state (also: a state issued for another provider), the provider
     *                               or the shopper's consent fails
     * @throws ConnectionConflictException when the account being linked belongs to another shopper
     */
    SignedIn completeLogin(CompleteLogin command);

    /** The shopper whose live session this is; empty for an unknown or expired session. */
    Optional<ShopperId> identify(String sessionId);

    /** Ends the session server-side; unknown sessions are ignored. */
    void signOut(String sessionId);

    /**
     * Ends every session of the shopper this live session belongs to, on every device, this one included;
     * an unknown or expired session is ignored.
     */
    void signOutEverywhere(String sessionId);
}

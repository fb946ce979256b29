package org.personalshopper.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.LoginAttemptRepository;
import org.personalshopper.domain.LoginAttempt;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ReturnPath;
import org.personalshopper.domain.SecretHash;

/** What every {@code LoginAttemptRepository} must do; run against the in-memory fake and the jOOQ implementation. */
public interface LoginAttemptRepositoryContract extends RepositoryContract {
    LoginAttemptRepository attempts();

    private String verifier() {
        return ("pkce-verifier-" + UUID.randomUUID() + "-" + UUID.randomUUID()).substring(0, 60);
    }

    private LoginAttempt attempt(Optional<String> verifier) {
        return LoginAttempt.start(SecretHash.of(UUID.randomUUID().toString()), SecretHash.of(UUID.randomUUID().toString()),
                verifier, new ReturnPath("/lists?week=47"), START, new Provider("kroger"), Optional.empty());
    }

    @Test
    default void anAttemptKeepsItsProviderAndTheShopperItLinksTo() {
        ShopperId linking = newShopperId();
        LoginAttempt saved = LoginAttempt.start(SecretHash.of(UUID.randomUUID().toString()),
                SecretHash.of(UUID.randomUUID().toString()), Optional.empty(), ReturnPath.HOME, START,
                new Provider("foodin"), Optional.of(linking));
        attempts().save(saved);

        LoginAttempt taken = attempts().take(saved.stateHash()).orElseThrow();

        assertThat(taken.provider()).isEqualTo(new Provider("foodin"));
        assertThat(taken.linkTo()).contains(linking);
    }

    @Test
    default void takeReturnsTheAttemptWithItsVerifierOnce() {
        String verifier = verifier();
        LoginAttempt attempt = attempt(Optional.of(verifier));
        attempts().save(attempt);

        Optional<LoginAttempt> taken = attempts().take(attempt.stateHash());

        assertThat(taken).isPresent();
        assertThat(taken.get().stateHash()).isEqualTo(attempt.stateHash());
        assertThat(taken.get().browserBindingHash()).isEqualTo(attempt.browserBindingHash());
        assertThat(taken.get().codeVerifier()).contains(verifier);
        assertThat(taken.get().returnTo()).isEqualTo(attempt.returnTo());
        assertThat(taken.get().createdAt()).isEqualTo(kept(attempt.createdAt()));
        assertThat(taken.get().expiresAt()).isEqualTo(kept(attempt.expiresAt()));
        assertThat(attempts().take(attempt.stateHash())).isEmpty();
    }

    @Test
    default void anAttemptWithoutPkceHasNoVerifier() {
        LoginAttempt attempt = attempt(Optional.empty());
        attempts().save(attempt);

        assertThat(attempts().take(attempt.stateHash()).orElseThrow().codeVerifier()).isEmpty();
    }

    @Test
    default void twentyCallbacksRacingWithOneStateLetExactlyOneThrough() throws Exception {
        LoginAttempt attempt = attempt(Optional.of(verifier()));
        attempts().save(attempt);

        List<Boolean> got = Race.race(20, i -> attempts().take(attempt.stateHash()).isPresent());

        assertThat(got).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    default void anAttemptIsRefusedWhileTheLimitIsInProgressAndSavedOnceOneExpires() {
        java.time.Instant far = RepositoryContract.after(java.time.Duration.ofDays(4000)); // no other test's attempts
        LoginAttempt first = startedAt(far);
        LoginAttempt second = startedAt(far.plusSeconds(60));
        LoginAttempt afterFirstExpired = startedAt(first.expiresAt());

        assertThat(attempts().saveUnlessFull(first, 1)).isTrue();
        assertThat(attempts().saveUnlessFull(second, 1)).as("one in progress: the limit").isFalse();
        assertThat(attempts().take(second.stateHash())).as("refused, so not stored").isEmpty();
        assertThat(attempts().saveUnlessFull(second, 2)).isTrue();
        assertThat(attempts().saveUnlessFull(afterFirstExpired, 2)).as("the first has expired by then").isTrue();
        assertThat(attempts().take(first.stateHash())).isPresent();
        assertThat(attempts().take(afterFirstExpired.stateHash())).isPresent();
    }

    private static LoginAttempt startedAt(java.time.Instant at) {
        return LoginAttempt.start(SecretHash.of(UUID.randomUUID().toString()), SecretHash.of(UUID.randomUUID().toString()),
                Optional.empty(), ReturnPath.HOME, at, new Provider("kroger"), Optional.empty());
    }
}

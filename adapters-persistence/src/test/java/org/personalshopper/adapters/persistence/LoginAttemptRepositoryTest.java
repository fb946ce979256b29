package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.contract.LoginAttemptRepositoryContract;
import org.personalshopper.application.port.out.LoginAttemptRepository;
import org.personalshopper.domain.LoginAttempt;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ReturnPath;
import org.personalshopper.domain.SecretHash;

/** The jOOQ LoginAttemptRepository against its contract, and what only the database adds. */
class LoginAttemptRepositoryTest extends DatabaseTest implements LoginAttemptRepositoryContract {
    @Override
    public LoginAttemptRepository attempts() {
        return persistence.loginAttempts();
    }

    private static String verifier() {
        return ("pkce-verifier-" + UUID.randomUUID() + "-" + UUID.randomUUID()).substring(0, 60);
    }

    private static LoginAttempt attempt(Optional<String> verifier) {
        return LoginAttempt.start(SecretHash.of(UUID.randomUUID().toString()), SecretHash.of(UUID.randomUUID().toString()),
                verifier, new ReturnPath("/lists?week=47"), T0, KROGER, Optional.empty());
    }

    @Test
    void theVerifierIsStoredEncrypted() throws Exception {
        String verifier = verifier();
        LoginAttempt attempt = attempt(Optional.of(verifier));
        attempts().save(attempt);

        List<String> stored = rawColumn("select code_verifier_enc from login_attempt where state_hash = ?", attempt.stateHash().hex());

        assertThat(stored).singleElement().asString()
                .matches("[0-9a-f]{8}:[A-Za-z0-9+/]+=*")
                .startsWith(keys.currentKeyId() + ":")
                .doesNotContain(verifier);
    }

    @Test
    void aVerifierCopiedIntoAnotherAttemptDoesNotDecrypt() throws Exception {
        LoginAttempt victim = attempt(Optional.of(verifier()));
        LoginAttempt attacker = attempt(Optional.of(verifier()));
        attempts().save(victim);
        attempts().save(attacker);
        rawUpdate("update login_attempt set code_verifier_enc = (select code_verifier_enc from login_attempt where state_hash = ?)"
                + " where state_hash = ?", victim.stateHash().hex(), attacker.stateHash().hex());

        assertThatThrownBy(() -> attempts().take(attacker.stateHash()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("login_attempt.code_verifier_enc");
    }

    @Test
    void expiredAttemptsAreDeletedAndLiveOnesKept() {
        LoginAttempt old = attempt(Optional.empty());
        LoginAttempt fresh = LoginAttempt.start(SecretHash.of(UUID.randomUUID().toString()),
                SecretHash.of(UUID.randomUUID().toString()), Optional.empty(), ReturnPath.HOME, at(Duration.ofHours(1)), KROGER, Optional.empty());
        attempts().save(old);
        attempts().save(fresh);

        int before = rowCount();

        int removed = attempts().deleteExpired(old.expiresAt());

        // other tests' attempts in this schema may expire too: the count must match what actually went
        assertThat(removed).isGreaterThanOrEqualTo(1).isEqualTo(before - rowCount());
        assertThat(attempts().take(old.stateHash())).isEmpty();
        assertThat(attempts().take(fresh.stateHash())).isPresent();
    }

    @Test
    void aReturnPathOfTheLongestAllowedLengthIsStored() {
        LoginAttempt longest = LoginAttempt.start(SecretHash.of(UUID.randomUUID().toString()),
                SecretHash.of(UUID.randomUUID().toString()), Optional.empty(),
                new ReturnPath("/" + "p".repeat(ReturnPath.MAX_LENGTH - 1)), T0, new Provider("kroger"), Optional.empty());
        attempts().save(longest);

        assertThat(attempts().take(longest.stateHash())).hasValueSatisfying(
                a -> assertThat(a.returnTo().value()).hasSize(ReturnPath.MAX_LENGTH));
    }

    private int rowCount() {
        try {
            return Integer.parseInt(rawColumn("select count(*) from login_attempt").get(0));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aStoredReturnPathTheDomainRefusesIsOurFaultNotTheCallersInput() throws Exception {
        LoginAttempt attempt = attempt(Optional.empty());
        attempts().save(attempt);
        rawUpdate("update login_attempt set return_to = ? where state_hash = ?", "https://private.example/", attempt.stateHash().hex());

        assertStoredRowRefused(() -> attempts().take(attempt.stateHash()), "login_attempt", "returnTo", "private.example");
    }
}

package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.fakes.FakeClock;
import org.personalshopper.application.fakes.InMemoryCartSubmissionRepository;
import org.personalshopper.application.fakes.InMemoryLoginAttemptRepository;
import org.personalshopper.application.fakes.InMemorySessionRepository;
import org.personalshopper.application.fakes.InMemoryTransactions;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.CartOutcome;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.LoginAttempt;
import org.personalshopper.domain.Modality;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ReturnPath;
import org.personalshopper.domain.SecretHash;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.SessionPolicy;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.Upc;

/**
 * The service's upkeep on its own; how it plays with sign-in and cart adds is in
 * {@code AuthenticateShopperServiceTest} and {@code FillCartServiceTest}.
 */
class KeepHouseServiceTest {
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofHours(1), Duration.ofHours(8));
    private static final List<CartItem> MILK = List.of(new CartItem(new Upc("0001111041700"), new Quantity(2), Modality.PICKUP));

    private final FakeClock clock = new FakeClock();
    private final InMemorySessionRepository sessions = new InMemorySessionRepository(new InMemoryTransactions());
    private final InMemoryLoginAttemptRepository attempts = new InMemoryLoginAttemptRepository();
    private final InMemoryCartSubmissionRepository submissions = new InMemoryCartSubmissionRepository();
    private final KeepHouseService keepHouse = new KeepHouseService(sessions, attempts, submissions, POLICY, clock, "Acme");

    @Test
    void purgingRemovesIdleSessionsAndExpiredLoginStatesOnly() {
        sessions.create(new Session(SecretHash.of("idle-session"), ShopperId.random(), clock.now(), clock.now()));
        attempts.save(LoginAttempt.start(SecretHash.of("old-state"), SecretHash.of("b1"), Optional.empty(), new ReturnPath("/"),
                clock.now(), new Provider("testgrocer"), Optional.empty()));
        clock.advance(POLICY.idleTimeout().plusSeconds(1));
        sessions.create(new Session(SecretHash.of("live-session"), ShopperId.random(), clock.now(), clock.now()));
        attempts.save(LoginAttempt.start(SecretHash.of("new-state"), SecretHash.of("b2"), Optional.empty(), new ReturnPath("/"),
                clock.now(), new Provider("testgrocer"), Optional.empty()));

        assertThat(keepHouse.purgeExpired()).isEqualTo(2);
        assertThat(sessions.all()).extracting(Session::idHash).containsExactly(SecretHash.of("live-session"));
        assertThat(attempts.all()).hasSize(1);
    }

    @Test
    void onlyAddsPendingLongerThanAnySendAreSettledAsUnknownNamingTheProvidersCart() {
        CartSubmission abandoned = CartSubmission.pending(ShopperId.random(), Optional.empty(), MILK, clock.now());
        submissions.startUnlessKeyUsed(abandoned, "a".repeat(64), clock.now());
        clock.advance(KeepHouseService.ABANDONED_AFTER.plusSeconds(1));
        CartSubmission inFlight = CartSubmission.pending(ShopperId.random(), Optional.empty(), MILK, clock.now());
        submissions.startUnlessKeyUsed(inFlight, "a".repeat(64), clock.now());

        assertThat(keepHouse.settleAbandonedCartAdds()).isEqualTo(1);
        assertThat(submissions.history(abandoned.shopperId(), 1).get(0).outcome()).isEqualTo(CartOutcome.UNKNOWN);
        assertThat(submissions.history(abandoned.shopperId(), 1).get(0).detail())
                .hasValueSatisfying(d -> assertThat(d).contains("check the Acme cart"));
        assertThat(submissions.history(inFlight.shopperId(), 1).get(0).outcome()).isEqualTo(CartOutcome.PENDING);
    }
}

package org.personalshopper.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.personalshopper.application.port.in.KeepHouse;
import org.personalshopper.application.port.out.CartSubmissionRepository;
import org.personalshopper.application.port.out.Clock;
import org.personalshopper.application.port.out.LoginAttemptRepository;
import org.personalshopper.application.port.out.SessionRepository;
import org.personalshopper.domain.SessionPolicy;

/** Purges what has expired and settles cart adds a stop cut off. */
public final class KeepHouseService implements KeepHouse {
    /**
     * A send takes at most the provider's connect and request timeouts, twice over with a refresh: well under
     * a minute. A submission pending for this long was abandoned, never still in flight.
     */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final SessionRepository sessions;
    private final LoginAttemptRepository loginAttempts;
    private final CartSubmissionRepository submissions;
    private final SessionPolicy policy;
    private final Clock clock;
    private final String abandonedDetail;

    /** {@code providerName} is how the shopper knows the provider ("check the ... cart"). */
    public KeepHouseService(SessionRepository sessions, LoginAttemptRepository loginAttempts,
                            CartSubmissionRepository submissions, SessionPolicy policy, Clock clock, String providerName) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.loginAttempts = Objects.requireNonNull(loginAttempts, "loginAttempts");
        this.submissions = Objects.requireNonNull(submissions, "submissions");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.abandonedDetail = "the service stopped while sending this add: check the "
                + Objects.requireNonNull(providerName, "providerName") + " cart before sending it again";
    }

    @Override
    public int purgeExpired() {
        Instant now = clock.now();
        int sessionsGone = sessions.deleteExpired(now.minus(policy.idleTimeout()), now.minus(policy.absoluteTimeout()));
        return sessionsGone + loginAttempts.deleteExpired(now);
    }

    @Override
    public int settleAbandonedCartAdds() {
        Instant now = clock.now();
        return submissions.settleAbandoned(now.minus(ABANDONED_AFTER), abandonedDetail, now);
    }
}

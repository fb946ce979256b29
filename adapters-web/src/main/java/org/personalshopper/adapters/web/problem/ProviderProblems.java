package org.personalshopper.adapters.web.problem;

import java.time.Duration;
import java.util.Optional;
import org.personalshopper.domain.ProviderFailure;

/** How a grocer failure is told to the client: status, type and whether to come back later. */
public final class ProviderProblems {
    private ProviderProblems() {
    }

    /** The general mapping, for any call to the grocer. {@code reason} is the grocer's safe explanation. */
    public static Problem of(ProviderFailure failure, String reason, Optional<Duration> retryAfter) {
        Duration wait = retryAfter.orElse(Problem.DEFAULT_RETRY_AFTER);
        return switch (failure) {
            case REJECTED -> Problem.of(ProblemType.PROVIDER_REJECTED, 400, "Kroger rejected the request", reason);
            case UNAUTHORIZED -> Problem.of(ProblemType.PROVIDER_UNAVAILABLE, 502, "Kroger did not accept our credentials",
                    "Kroger refused this service's credentials; try again later");
            case FORBIDDEN -> Problem.of(ProblemType.PROVIDER_FORBIDDEN, 403, "Kroger refused the request",
                    "Kroger refused the request: a permission (scope) was not granted: " + reason);
            case NOT_FOUND -> Problem.of(ProblemType.PROVIDER_NOT_FOUND, 404, "Not found at Kroger", reason);
            case RATE_LIMITED -> Problem.of(ProblemType.PROVIDER_RATE_LIMITED, 503, "Kroger is busy",
                    "Kroger's request quota is spent for now; try again later").retryAfter(wait);
            case UNAVAILABLE, BAD_RESPONSE -> Problem.of(ProblemType.PROVIDER_UNAVAILABLE, 502, "Kroger failed",
                    "Kroger did not give a usable answer; try again later");
            case TIMED_OUT -> Problem.of(ProblemType.PROVIDER_TIMEOUT, 504, "Kroger did not answer in time",
                    "Kroger did not answer in time; try again later");
            case UNREACHABLE -> Problem.of(ProblemType.PROVIDER_UNAVAILABLE, 503, "Kroger cannot be reached",
                    "Kroger cannot be reached right now; try again later").retryAfter(wait);
            case BUSY -> Problem.of(ProblemType.PROVIDER_BUSY, 503, "Kroger is busy",
                    "as many requests as we allow are already waiting on Kroger; this one was not sent, try again shortly")
                    .retryAfter(wait);
        };
    }

    /**
     * Every thread for work that waits on a grocer is taken and as many requests wait for one as we queue:
     * this one was not started (nothing was sent, nothing changed).
     */
    public static Problem threadsBusy(Duration retryAfter) {
        return Problem.of(ProblemType.PROVIDER_BUSY, 503, "Too many requests wait on the grocers",
                        "as many requests as we take on are already waiting on a grocer; this one was not started, try again shortly")
                .retryAfter(retryAfter);
    }

    /** Any grocer failure, told as "unavailable, nothing changed, come back later" (e.g. choosing a store). */
    public static Problem unavailable(Optional<Duration> retryAfter) {
        return Problem.of(ProblemType.PROVIDER_UNAVAILABLE, 503, "Kroger unavailable",
                        "Kroger could not be asked right now; nothing was changed, try again later")
                .retryAfter(retryAfter.orElse(Problem.DEFAULT_RETRY_AFTER));
    }

    /** The shopper's Kroger connection is gone: sign in again at {@code /auth/login}. */
    public static Problem signInRequired() {
        return Problem.of(ProblemType.SIGN_IN_REQUIRED, 401, "Sign in with Kroger again",
                        "Kroger no longer accepts this shopper's connection; sign in again")
                .with("signInUrl", "/auth/login");
    }
}

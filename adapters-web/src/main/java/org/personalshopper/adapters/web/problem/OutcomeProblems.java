package org.personalshopper.adapters.web.problem;

import org.personalshopper.application.port.in.ConnectionConflictException;
import org.personalshopper.application.port.in.ConnectionRequiredException;
import org.personalshopper.application.port.in.IdempotencyConflictException;
import org.personalshopper.application.port.in.NotOfferedException;
import org.personalshopper.application.port.in.IdempotencyKeyReusedException;
import org.personalshopper.application.port.in.RateLimitedException;
import org.personalshopper.application.port.in.LimitReachedException;
import org.personalshopper.application.port.in.ListAlreadySentException;
import org.personalshopper.application.port.in.NoPreferredStoreException;
import org.personalshopper.application.port.in.NothingToSendException;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.ProviderConnectionUnavailableException;
import org.personalshopper.application.port.in.ProviderFailedException;
import org.personalshopper.application.port.in.SignInFailedException;
import org.personalshopper.application.port.in.SignInRequiredException;
import org.personalshopper.application.port.in.TemporarilyUnavailableException;
import org.personalshopper.application.port.in.UnknownProductException;
import org.personalshopper.application.port.in.UnknownStoreException;
import org.personalshopper.application.port.in.UseCaseException;
import org.personalshopper.domain.ProviderFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP answer to each use-case outcome. It implements the outcome family's visitor, so a new outcome
 * does not compile until it has an answer here.
 */
final class OutcomeProblems implements UseCaseException.Visitor<Problem> {
    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionMapper.class);

    @Override
    public Problem notFound(NotFoundException e) {
        return Problem.of(ProblemType.NOT_FOUND, 404, "Not found", e.getMessage());
    }

    @Override
    public Problem limitReached(LimitReachedException e) {
        return Problem.of(ProblemType.LIMIT_REACHED, 409, "Limit reached", e.getMessage());
    }

    @Override
    public Problem unknownStore(UnknownStoreException e) {
        return Problem.of(ProblemType.UNKNOWN_STORE, 422, "Unknown store", e.getMessage());
    }

    @Override
    public Problem signInRequired(SignInRequiredException e) {
        return ProviderProblems.signInRequired();
    }

    @Override
    public Problem signInFailed(SignInFailedException e) {
        return ProblemExceptionMapper.signInFailed(e);
    }

    @Override
    public Problem idempotencyConflict(IdempotencyConflictException e) {
        return Problem.of(ProblemType.IDEMPOTENCY_CONFLICT, 409, "Request in progress",
                "a request with this Idempotency-Key is still being carried out; try again shortly");
    }

    @Override
    public Problem idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED, 422, "Idempotency-Key reused",
                "this Idempotency-Key was already used for a different request; send a new key with a new request");
    }

    @Override
    public Problem rateLimited(RateLimitedException e) {
        return Problem.of(ProblemType.RATE_LIMITED, 429, "Too many requests", e.getMessage()).retryAfter(e.retryAfter());
    }

    @Override
    public Problem providerConnectionUnavailable(ProviderConnectionUnavailableException e) {
        log.warn("the grocer could not refresh a shopper's token");
        return Problem.of(ProblemType.PROVIDER_UNAVAILABLE, 503, "Kroger unavailable",
                "Kroger could not renew the shopper's connection right now; try again later")
                .retryAfter(e.retryAfter().orElse(Problem.DEFAULT_RETRY_AFTER));
    }

    @Override
    public Problem notOffered(NotOfferedException e) {
        return Problem.of(ProblemType.NOT_OFFERED, 404, "Not offered", e.getMessage())
                .with("capability", e.capability().wireName());
    }

    @Override
    public Problem connectionRequired(ConnectionRequiredException e) {
        String provider = e.provider().name();
        return Problem.of(ProblemType.CONNECTION_REQUIRED, 409, "Connect " + provider + " first", e.getMessage())
                .with("provider", provider)
                .with("connectUrl", "/auth/connect?provider=" + provider);
    }

    @Override
    public Problem connectionConflict(ConnectionConflictException e) {
        return switch (e.reason()) {
            case LINKED_TO_ANOTHER_SHOPPER -> Problem.of(ProblemType.ACCOUNT_LINKED_ELSEWHERE, 409,
                    "Account connected to another shopper", e.getMessage()).with("provider", e.provider().name());
            case LAST_CONNECTION -> Problem.of(ProblemType.LAST_CONNECTION, 409, "Last connection", e.getMessage())
                    .with("provider", e.provider().name());
        };
    }

    @Override
    public Problem providerFailed(ProviderFailedException e) {
        if (e.failure().mayHaveTakenEffect() || e.failure() == ProviderFailure.UNAUTHORIZED) {
            log.warn("grocer call failed: {}", e.failure());
        }
        return ProviderProblems.of(e.failure(), e.reason(), e.retryAfter());
    }

    /**
     * The database does not answer: told as "come back shortly", never as a fault of ours (500); logged
     * without a stack, the message says enough.
     */
    @Override
    public Problem temporarilyUnavailable(TemporarilyUnavailableException e) {
        log.warn("answered 503: {}", e.getMessage());
        return Problem.of(ProblemType.TEMPORARILY_UNAVAILABLE, 503, "Temporarily unavailable",
                        "our database does not answer right now; a change sent with this request may not have been saved, try again shortly")
                .retryAfter(e.retryAfter());
    }

    @Override
    public Problem noPreferredStore(NoPreferredStoreException e) {
        return Problem.of(ProblemType.NO_PREFERRED_STORE, 409, "Choose a store first", e.getMessage())
                .with("chooseStoreUrl", "/api/user/location");
    }

    @Override
    public Problem unknownProduct(UnknownProductException e) {
        return Problem.of(ProblemType.UNKNOWN_PRODUCT, 422, "Unknown product", e.getMessage());
    }

    @Override
    public Problem listAlreadySent(ListAlreadySentException e) {
        return Problem.of(ProblemType.LIST_ALREADY_SENT, 409, "List already sent", e.getMessage() + " (send {\"again\": true})");
    }

    @Override
    public Problem nothingToSend(NothingToSendException e) {
        return Problem.of(ProblemType.NOTHING_TO_SEND, 409, "Nothing to send", e.getMessage());
    }
}

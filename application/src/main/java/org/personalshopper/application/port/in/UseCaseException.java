package org.personalshopper.application.port.in;

/**
 * Every way a use case can end other than with its result: one sealed family, so a driving adapter can
 * answer each outcome and the compiler tells it when a new one appears.
 *
 * <p>Java 17 has no pattern {@code switch} over sealed types (it is a preview feature there), so the
 * exhaustive check is a visitor: each outcome calls its own {@link Visitor} method. Adding an outcome means
 * (1) a new final subclass listed in {@code permits}, (2) a new method on {@link Visitor} that its
 * {@code accept} calls; every driving adapter's visitor then fails to compile until it answers the new
 * outcome. See docs/architecture.md, "Outcomes".
 */
public abstract sealed class UseCaseException extends RuntimeException
        permits NotFoundException, LimitReachedException, UnknownStoreException, SignInRequiredException,
        SignInFailedException, IdempotencyConflictException, ProviderConnectionUnavailableException,
        ProviderFailedException, TemporarilyUnavailableException, NotOfferedException, ConnectionRequiredException,
        ConnectionConflictException, IdempotencyKeyReusedException, RateLimitedException,
        NoPreferredStoreException, UnknownProductException, ListAlreadySentException, NothingToSendException {

    protected UseCaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Calls the visitor's method for this outcome. */
    public abstract <R> R accept(Visitor<R> visitor);

    /** One method per outcome; a driving adapter implements it to answer each (e.g. as an HTTP problem). */
    public interface Visitor<R> {
        R notFound(NotFoundException e);

        R limitReached(LimitReachedException e);

        R unknownStore(UnknownStoreException e);

        R signInRequired(SignInRequiredException e);

        R signInFailed(SignInFailedException e);

        R idempotencyConflict(IdempotencyConflictException e);

        R idempotencyKeyReused(IdempotencyKeyReusedException e);

        R rateLimited(RateLimitedException e);

        R providerConnectionUnavailable(ProviderConnectionUnavailableException e);

        R providerFailed(ProviderFailedException e);

        R temporarilyUnavailable(TemporarilyUnavailableException e);

        R notOffered(NotOfferedException e);

        R connectionRequired(ConnectionRequiredException e);

        R connectionConflict(ConnectionConflictException e);
        R noPreferredStore(NoPreferredStoreException e);

        R unknownProduct(UnknownProductException e);

        R listAlreadySent(ListAlreadySentException e);

        R nothingToSend(NothingToSendException e);
    }
}

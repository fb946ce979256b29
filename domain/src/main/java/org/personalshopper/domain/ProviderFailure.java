package org.personalshopper.domain;

/**
 * How a call to the grocer failed, in words that do not depend on the grocer. {@link #mayHaveTakenEffect()}
 * tells whether a write might have landed anyway (so it must not be repeated blindly).
 */
public enum ProviderFailure {
    /** The grocer refused the request as invalid (HTTP 400 and the like). Nothing happened. */
    REJECTED,
    /**
     * The credentials presented were not accepted: a token (401), or, at the token endpoint, this app's own client
     * id and secret (a misconfiguration, never a verdict on the shopper's grant). Nothing happened.
     */
    UNAUTHORIZED,
    /** The token lacks a scope or is the wrong kind (403). Nothing happened. */
    FORBIDDEN,
    /** No such thing at the grocer (404). */
    NOT_FOUND,
    /** The grocer's quota is spent (429). Nothing happened. */
    RATE_LIMITED,
    /**
     * The grocer answered with a server error (5xx), or the connection broke after the request was sent (a bad
     * gateway): the request may or may not have taken effect.
     */
    UNAVAILABLE,
    /** No answer in time: the request may or may not have taken effect. */
    TIMED_OUT,
    /** The connection could not be made: nothing was sent. */
    UNREACHABLE,
    /** The grocer answered with something we cannot read. */
    BAD_RESPONSE,
    /** As many calls as allowed already wait on the grocer: this one was not sent. Nothing happened. */
    BUSY;

    public boolean mayHaveTakenEffect() {
        return this == UNAVAILABLE || this == TIMED_OUT || this == BAD_RESPONSE;
    }
}

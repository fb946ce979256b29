package org.personalshopper.adapters.web.problem;

/** The stable problem {@code type} URIs, each documented in openapi.yaml. */
public enum ProblemType {
    VALIDATION("/problems/validation"),
    UNAUTHENTICATED("/problems/unauthenticated"),
    SIGN_IN_REQUIRED("/problems/sign-in-required"),
    SIGN_IN_STATE_INVALID("/problems/sign-in-state-invalid"),
    SIGN_IN_DENIED("/problems/sign-in-denied"),
    FORBIDDEN_ORIGIN("/problems/forbidden-origin"),
    NOT_FOUND("/problems/not-found"),
    METHOD_NOT_ALLOWED("/problems/method-not-allowed"),
    NOT_ACCEPTABLE("/problems/not-acceptable"),
    UNSUPPORTED_MEDIA_TYPE("/problems/unsupported-media-type"),
    PAYLOAD_TOO_LARGE("/problems/payload-too-large"),
    LIMIT_REACHED("/problems/limit-reached"),
    UNKNOWN_STORE("/problems/unknown-store"),
    IDEMPOTENCY_CONFLICT("/problems/idempotency-conflict"),
    NOT_OFFERED("/problems/not-offered"),
    CONNECTION_REQUIRED("/problems/connection-required"),
    ACCOUNT_LINKED_ELSEWHERE("/problems/account-linked-elsewhere"),
    LAST_CONNECTION("/problems/last-connection"),
    IDEMPOTENCY_KEY_REUSED("/problems/idempotency-key-reused"),
    RATE_LIMITED("/problems/rate-limited"),
    NO_PREFERRED_STORE("/problems/no-preferred-store"),
    UNKNOWN_PRODUCT("/problems/unknown-product"),
    LIST_ALREADY_SENT("/problems/list-already-sent"),
    NOTHING_TO_SEND("/problems/nothing-to-send"),
    PROVIDER_REJECTED("/problems/grocer-rejected"),
    PROVIDER_FORBIDDEN("/problems/grocer-forbidden"),
    PROVIDER_NOT_FOUND("/problems/grocer-not-found"),
    PROVIDER_RATE_LIMITED("/problems/grocer-rate-limited"),
    PROVIDER_UNAVAILABLE("/problems/grocer-unavailable"),
    PROVIDER_TIMEOUT("/problems/grocer-timeout"),
    CART_OUTCOME_UNKNOWN("/problems/cart-outcome-unknown"),
    NOT_READY("/problems/not-ready"),
    MALFORMED_REQUEST("/problems/malformed-request"),
    REQUEST_TIMEOUT("/problems/request-timeout"),
    TEMPORARILY_UNAVAILABLE("/problems/temporarily-unavailable"),
    PROVIDER_BUSY("/problems/provider-busy"),
    HTTP("/problems/http"),
    INTERNAL("/problems/internal");

    private final String uri;

    ProblemType(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }
}

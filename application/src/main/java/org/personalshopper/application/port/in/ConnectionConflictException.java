package org.personalshopper.application.port.in;

import java.util.Objects;
import org.personalshopper.domain.Provider;

/** A change to the shopper's connections that would break a rule; nothing was changed. */
public final class ConnectionConflictException extends UseCaseException {
    public enum Reason {
        /** The provider account being connected is already linked to another shopper. */
        LINKED_TO_ANOTHER_SHOPPER,
        /** The connection is the shopper's last: without it they could not sign in again. */
        LAST_CONNECTION
    }

    private final Reason reason;
    private final Provider provider;

    public ConnectionConflictException(Reason reason, Provider provider) {
        super(switch (reason) {
            case LINKED_TO_ANOTHER_SHOPPER -> "this " + provider + " account is already connected to another shopper";
            case LAST_CONNECTION -> "the " + provider + " connection is your last one: connect another provider first, "
                    + "or delete the account";
        }, null);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.provider = provider;
    }

    public Reason reason() {
        return reason;
    }

    public Provider provider() {
        return provider;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.connectionConflict(this);
    }
}

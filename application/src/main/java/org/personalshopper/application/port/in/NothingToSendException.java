package org.personalshopper.application.port.in;

/** No open item of the list has a confirmed pick, so there is nothing to put in the cart. */
public final class NothingToSendException extends UseCaseException {
    public NothingToSendException() {
        super("no item of this list has a confirmed pick yet: plan the list and confirm picks first", null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.nothingToSend(this);
    }
}

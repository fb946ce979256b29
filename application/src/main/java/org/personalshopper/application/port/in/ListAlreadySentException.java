package org.personalshopper.application.port.in;

/**
 * The list, with the same picks and quantities, was sent to the cart before. Sending it again would add
 * everything a second time, so it takes an explicit request ("again").
 */
public final class ListAlreadySentException extends UseCaseException {
    public ListAlreadySentException() {
        super("this list was already sent to the cart unchanged; send it again only if you mean to add everything twice", null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.listAlreadySent(this);
    }
}

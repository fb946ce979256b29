package org.personalshopper.application.port.in;

/** The thing asked for does not exist for this shopper (another shopper's things included). */
public final class NotFoundException extends UseCaseException {
    public NotFoundException(String what) {
        super(what + " not found", null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.notFound(this);
    }
}

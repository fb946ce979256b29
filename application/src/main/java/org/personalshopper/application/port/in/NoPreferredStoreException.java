package org.personalshopper.application.port.in;

/** Planning needs the shopper's store (prices, stock) and they have not chosen one yet. */
public final class NoPreferredStoreException extends UseCaseException {
    public NoPreferredStoreException() {
        super("choose your store first (PUT /api/user/location): products are picked at your store", null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.noPreferredStore(this);
    }
}

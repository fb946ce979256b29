package org.personalshopper.application.port.in;

/** Planning needs the shopper's store (prices, stock) and they have not chosen one yet. */
public class NoPreferredStoreException extends RuntimeException {
    public NoPreferredStoreException() {
        super("choose your store first (PUT /api/user/location): products are picked at your store");
    }
}

package org.personalshopper.application.port.in;

import org.personalshopper.domain.ProductId;

/** A well-formed product id the catalog does not know (at the shopper's store). */
public class UnknownProductException extends RuntimeException {
    public UnknownProductException(ProductId id) {
        super("the catalog knows no product " + id);
    }
}

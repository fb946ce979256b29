package org.personalshopper.application.port.in;

import org.personalshopper.domain.ProductId;

/** A well-formed product id the catalog does not know (at the shopper's store). */
public final class UnknownProductException extends UseCaseException {
    public UnknownProductException(ProductId id) {
        super("the catalog knows no product " + id, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.unknownProduct(this);
    }
}

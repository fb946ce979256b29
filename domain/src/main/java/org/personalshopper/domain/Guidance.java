package org.personalshopper.domain;

import java.time.Instant;

/** A shopping preference a shopper told us. A shopper keeps at most {@link #MAX_PER_SHOPPER}. */
public record Guidance(GuidanceId id, ShopperId shopperId, GuidanceText text, Instant createdAt) {
    public static final int MAX_PER_SHOPPER = 200;

    public Guidance {
        Check.requireNonNull(id, "id");
        Check.requireNonNull(shopperId, "shopperId");
        Check.requireNonNull(text, "text");
        Check.requireNonNull(createdAt, "createdAt");
    }
}

package org.personalshopper.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

/** Our shoppers' accounts. Their provider accounts are in {@link ConnectionRepository}. */
public interface ShopperRepository {
    /** A new shopper, created at {@code now}, with nothing stored yet. */
    Shopper create(Instant now);

    Optional<Shopper> find(ShopperId id);

    /** A shopper with what their connections say without their tokens, in {@link ConnectionRepository#summaries}' order. */
    record ShopperAndConnections(Shopper shopper, List<ConnectionSummary> connections) {
        public ShopperAndConnections {
            Objects.requireNonNull(shopper, "shopper");
            connections = List.copyOf(connections);
        }
    }

    /**
     * The shopper and the summaries of their connections in one read (what {@code GET /api/user} shows, on
     * every call: one statement instead of two); empty when no such shopper.
     */
    Optional<ShopperAndConnections> findWithConnections(ShopperId id);

    /** Sets the preferred store; empty when no such shopper. */
    Optional<Shopper> setPreferredLocation(ShopperId id, StoreLocationId location);

    /**
     * Deletes the shopper and everything stored for them (sessions, connections and their tokens, sign-ins
     * they started, guidance, selections, cart history, lists); false when there was no such shopper.
     */
    boolean delete(ShopperId id);
}

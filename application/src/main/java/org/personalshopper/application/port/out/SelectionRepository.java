package org.personalshopper.application.port.out;

import java.util.Collection;
import java.util.List;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;

public interface SelectionRepository {
    /** Where a save landed: a new selection, or one that replaced the pick for the same item. */
    record Saved(Selection selection, boolean created) {
    }

    /**
     * Saves the pick for its item (case-insensitive key): replaces the shopper's earlier pick for that item,
     * keeping its id and creation time, or creates a new one unless the shopper already keeps {@code limit}
     * selections (then empty). Atomic per shopper, so concurrent saves cannot go past the limit.
     */
    java.util.Optional<Saved> save(Selection selection, int limit);

    /** The shopper's selections ordered by item key. */
    List<Selection> list(ShopperId shopperId);

    /** Those of {@code ids} that belong to the shopper. */
    List<Selection> find(ShopperId shopperId, Collection<SelectionId> ids);

    int count(ShopperId shopperId);

    boolean delete(ShopperId shopperId, SelectionId id);
}

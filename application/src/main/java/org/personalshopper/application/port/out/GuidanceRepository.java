package org.personalshopper.application.port.out;

import java.util.List;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.ShopperId;

public interface GuidanceRepository {
    /**
     * Adds the entry unless the shopper already keeps {@code limit} of them. Check and insert are atomic per
     * shopper, so concurrent adds cannot go past the limit. False when the limit was reached.
     */
    boolean addIfFewerThan(Guidance guidance, int limit);

    /** The shopper's guidance, oldest first. */
    List<Guidance> list(ShopperId shopperId);

    int count(ShopperId shopperId);

    /** Deletes the shopper's own entry; false when the shopper has no entry with that id. */
    boolean delete(ShopperId shopperId, GuidanceId id);
}

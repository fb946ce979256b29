package org.personalshopper.application.port.in;

import java.util.List;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.GuidanceText;
import org.personalshopper.domain.ShopperId;

/** The shopper's standing shopping preferences ("prefer organic", "no pork"). */
public interface ManageGuidance {
    /** Oldest first. */
    List<Guidance> list(ShopperId shopperId);

    /** @throws LimitReachedException past {@link Guidance#MAX_PER_SHOPPER} entries */
    Guidance add(ShopperId shopperId, GuidanceText text);

    /** @throws NotFoundException when the shopper has no entry with this id */
    void remove(ShopperId shopperId, GuidanceId id);
}

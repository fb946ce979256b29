package org.personalshopper.application.fakes;

import java.time.Instant;
import org.personalshopper.application.contract.RepositoryContract;
import org.personalshopper.domain.ShopperId;

/** The repository contracts' hooks for the in-memory fakes: any shopper will do, and times are kept whole. */
interface InMemoryStore extends RepositoryContract {
    @Override
    default ShopperId newShopperId() {
        return ShopperId.random();
    }

    @Override
    default Instant kept(Instant instant) {
        return instant;
    }
}

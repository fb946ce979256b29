package org.personalshopper.application.service;

import java.util.Optional;
import org.personalshopper.application.port.in.LimitReachedException;
import org.personalshopper.application.port.out.SelectionRepository;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;

/** How a shopper's pick for an item is kept, by every use case that picks (saving one, choosing for a list item). */
final class PickKeeping {
    private PickKeeping() {
    }

    /**
     * Most picks replace the one kept for their item (one statement, no lock, the earlier id and creation time
     * kept); only a new item takes the repository's locked save, with an id drawn for it, under the limit.
     */
    static SelectionRepository.Saved keep(SelectionRepository selections, SelectionRepository.Pick pick) {
        Optional<Selection> replaced = selections.replace(pick);
        if (replaced.isPresent()) {
            return new SelectionRepository.Saved(replaced.get(), false);
        }
        return selections.save(pick.as(SelectionId.random()), Selection.MAX_PER_SHOPPER)
                .orElseThrow(() -> new LimitReachedException(
                        "a shopper keeps at most " + Selection.MAX_PER_SHOPPER + " selections"));
    }
}

package org.personalshopper.application.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.ManageSelections;
import org.personalshopper.application.port.out.Clock;
import org.personalshopper.application.port.out.SelectionRepository;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;

/** The product picked for each shopping-list item: saving for an item already picked replaces the pick. */
public final class ManageSelectionsService implements ManageSelections {
    private final SelectionRepository selections;
    private final Clock clock;

    public ManageSelectionsService(SelectionRepository selections, Clock clock) {
        this.selections = Objects.requireNonNull(selections, "selections");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SaveResult save(SaveSelectionCommand command) {
        Objects.requireNonNull(command, "command");
        Instant now = clock.now();
        SelectionRepository.Pick pick = new SelectionRepository.Pick(command.shopperId(), command.item(),
                command.productId(), command.upc(), command.description(), command.brand(), command.size(),
                command.quantity(), now);
        SelectionRepository.Saved saved = PickKeeping.keep(selections, pick);
        return new SaveResult(saved.selection(), saved.created());
    }

    @Override
    public List<Selection> list(ShopperId shopperId) {
        return selections.list(shopperId);
    }

    @Override
    public void remove(ShopperId shopperId, SelectionId id) {
        if (!selections.delete(shopperId, id)) {
            throw new NotFoundException("selection");
        }
    }
}

package org.personalshopper.application.fakes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.personalshopper.application.port.out.SelectionRepository;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;

public final class InMemorySelectionRepository implements SelectionRepository {
    private final List<Selection> selections = new ArrayList<>();

    @Override
    public synchronized Optional<Saved> save(Selection selection, int limit) {
        Optional<Selection> earlier = selections.stream()
                .filter(s -> s.shopperId().equals(selection.shopperId()) && s.item().key().equals(selection.item().key()))
                .findFirst();
        if (earlier.isPresent()) {
            Selection old = earlier.get();
            Selection replaced = new Selection(old.id(), old.shopperId(), selection.item(), selection.productId(),
                    selection.upc(), selection.description(), selection.brand(), selection.size(), selection.quantity(),
                    old.createdAt(), selection.updatedAt());
            selections.set(selections.indexOf(old), replaced);
            return Optional.of(new Saved(replaced, false));
        }
        if (count(selection.shopperId()) >= limit) {
            return Optional.empty();
        }
        selections.add(selection);
        return Optional.of(new Saved(selection, true));
    }

    @Override
    public synchronized List<Selection> list(ShopperId shopperId) {
        return selections.stream().filter(s -> s.shopperId().equals(shopperId))
                .sorted(Comparator.comparing(s -> s.item().key())).toList();
    }

    @Override
    public synchronized List<Selection> find(ShopperId shopperId, Collection<SelectionId> ids) {
        return selections.stream().filter(s -> s.shopperId().equals(shopperId) && ids.contains(s.id())).toList();
    }

    @Override
    public synchronized int count(ShopperId shopperId) {
        return (int) selections.stream().filter(s -> s.shopperId().equals(shopperId)).count();
    }

    @Override
    public synchronized boolean delete(ShopperId shopperId, SelectionId id) {
        return selections.removeIf(s -> s.shopperId().equals(shopperId) && s.id().equals(id));
    }

    /** Puts a selection in place for a test. */
    public synchronized Selection seed(Selection selection) {
        selections.add(selection);
        return selection;
    }
}

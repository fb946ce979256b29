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
    public synchronized Optional<Selection> replace(Pick pick) {
        Optional<Selection> earlier = selections.stream()
                .filter(s -> s.shopperId().equals(pick.shopperId()) && s.item().key().equals(pick.item().key()))
                .findFirst();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Selection old = earlier.get();
        Selection replaced = new Selection(old.id(), old.shopperId(), pick.item(), pick.productId(), pick.upc(),
                pick.description(), pick.brand(), pick.size(), pick.quantity(), old.createdAt(), pick.at());
        selections.set(selections.indexOf(old), replaced);
        return Optional.of(replaced);
    }

    @Override
    public synchronized Optional<Saved> save(Selection selection, int limit) {
        Optional<Selection> replaced = replace(Pick.of(selection));
        if (replaced.isPresent()) {
            return Optional.of(new Saved(replaced.get(), false));
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

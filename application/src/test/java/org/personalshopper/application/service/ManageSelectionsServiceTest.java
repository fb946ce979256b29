package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.fakes.FakeClock;
import org.personalshopper.application.fakes.InMemoryGuidanceRepository;
import org.personalshopper.application.fakes.InMemorySelectionRepository;
import org.personalshopper.application.port.in.LimitReachedException;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.ManageSelections.SaveResult;
import org.personalshopper.application.port.in.ManageSelections.SaveSelectionCommand;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.GuidanceText;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingListItem;
import org.personalshopper.domain.Upc;

class ManageSelectionsServiceTest {
    private final FakeClock clock = new FakeClock();
    private final ManageSelectionsService selections = new ManageSelectionsService(new InMemorySelectionRepository(), clock);
    private final ShopperId shopper = ShopperId.random();
    private final ShopperId someoneElse = ShopperId.random();

    private SaveSelectionCommand pick(String item, String productId, int quantity) {
        return new SaveSelectionCommand(shopper, new ShoppingListItem(item), new ProductId(productId), new Upc(productId),
                Optional.of("a product"), Optional.empty(), Optional.empty(), new Quantity(quantity));
    }

    @Test
    void savingForAnItemAlreadyPickedReplacesThePickKeepingItsId() {
        SaveResult first = selections.save(pick("Milk", "0001111041700", 1));
        clock.advance(Duration.ofMinutes(5));
        SaveResult second = selections.save(pick("milk", "0001111041600", 2));

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.selection().id()).isEqualTo(first.selection().id());
        assertThat(second.selection().productId()).isEqualTo(new ProductId("0001111041600"));
        assertThat(second.selection().createdAt()).isEqualTo(first.selection().createdAt());
        assertThat(second.selection().updatedAt()).isEqualTo(clock.now());
        assertThat(selections.list(shopper)).containsExactly(second.selection());
    }
    @Test
    void aShopperKeepsAtMostTheSelectionLimitButMayStillReplaceAtTheLimit() {
        for (int i = 0; i < Selection.MAX_PER_SHOPPER; i++) {
            selections.save(pick("item " + i, "1", 1));
        }
        assertThatThrownBy(() -> selections.save(pick("one more item", "1", 1))).isInstanceOf(LimitReachedException.class);

        SaveResult replaced = selections.save(pick("ITEM 7", "2", 3));
        assertThat(replaced.created()).isFalse();
        assertThat(selections.list(shopper)).hasSize(Selection.MAX_PER_SHOPPER);
    }
    @Test
    void selectionsAreListedByItemAndRemovingAnUnknownOneIsNotFound() {
        SaveResult milk = selections.save(pick("milk", "1", 1));
        SaveResult eggs = selections.save(pick("eggs", "2", 1));

        assertThat(selections.list(shopper)).containsExactly(eggs.selection(), milk.selection());
        selections.remove(shopper, milk.selection().id());
        assertThat(selections.list(shopper)).containsExactly(eggs.selection());

        assertThatThrownBy(() -> selections.remove(shopper, milk.selection().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> selections.remove(someoneElse, eggs.selection().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> selections.remove(shopper, SelectionId.random())).isInstanceOf(NotFoundException.class);
    }
}

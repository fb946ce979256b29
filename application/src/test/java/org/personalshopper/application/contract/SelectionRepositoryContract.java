package org.personalshopper.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.personalshopper.application.contract.RepositoryContract.after;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.SelectionRepository.Saved;
import org.personalshopper.application.port.out.SelectionRepository;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingListItem;
import org.personalshopper.domain.Upc;

/** What every {@code SelectionRepository} must do; run against the in-memory fake and the jOOQ implementation. */
public interface SelectionRepositoryContract extends RepositoryContract {
    SelectionRepository selections();

    private Selection pick(ShopperId shopper, String item, String productId, Instant at) {
        return new Selection(SelectionId.random(), shopper, new ShoppingListItem(item), new ProductId(productId),
                new Upc(productId), Optional.of("Simple Truth Organic 2% Milk"), Optional.of("Simple Truth"),
                Optional.of("1/2 gal"), new Quantity(2), at, at);
    }

    private Selection stored(Selection s) {
        return new Selection(s.id(), s.shopperId(), s.item(), s.productId(), s.upc(), s.description(), s.brand(), s.size(),
                s.quantity(), kept(s.createdAt()), kept(s.updatedAt()));
    }

    @Test
    default void aNewItemIsCreatedAndReadBackExactly() {
        ShopperId shopper = newShopperId();
        Selection milk = pick(shopper, "Milk", "0001111041700", START);

        Optional<Saved> saved = selections().save(milk, 10);

        assertThat(saved).contains(new Saved(stored(milk), true));
        assertThat(selections().list(shopper)).containsExactly(stored(milk));
    }

    @Test
    default void optionalTextsMayBeAbsent() {
        ShopperId shopper = newShopperId();
        Selection bare = new Selection(SelectionId.random(), shopper, new ShoppingListItem("eggs"), new ProductId("1"),
                new Upc("1"), Optional.empty(), Optional.empty(), Optional.empty(), new Quantity(1), START, START);

        selections().save(bare, 10);

        assertThat(selections().list(shopper)).containsExactly(stored(bare));
    }

    @Test
    default void savingTheSameItemInAnyCaseReplacesThePickButKeepsItsIdAndCreationTime() {
        ShopperId shopper = newShopperId();
        Selection first = pick(shopper, "milk", "0001111041700", START);
        selections().save(first, 10);
        Instant later = after(Duration.ofHours(1));
        Selection second = new Selection(SelectionId.random(), shopper, new ShoppingListItem("MILK"), new ProductId("0001111041600"),
                new Upc("0001111041600"), Optional.empty(), Optional.of("Kroger"), Optional.empty(), new Quantity(3), later, later);

        Optional<Saved> saved = selections().save(second, 10);

        Selection expected = new Selection(first.id(), shopper, new ShoppingListItem("MILK"), second.productId(), second.upc(),
                Optional.empty(), Optional.of("Kroger"), Optional.empty(), new Quantity(3), kept(START), kept(later));
        assertThat(saved).contains(new Saved(expected, false));
        assertThat(selections().list(shopper)).containsExactly(expected);
    }

    @Test
    default void atTheLimitANewItemIsRefusedButAReplacementIsNot() {
        ShopperId shopper = newShopperId();
        selections().save(pick(shopper, "bread", "11", START), 2);
        selections().save(pick(shopper, "butter", "12", START), 2);

        assertThat(selections().save(pick(shopper, "jam", "13", START), 2)).isEmpty();
        assertThat(selections().save(pick(shopper, "Bread", "14", START), 2)).hasValueSatisfying(s -> assertThat(s.created()).isFalse());
        assertThat(selections().count(shopper)).isEqualTo(2);
    }

    @Test
    default void twentyConcurrentNewItemsOneBelowTheLimitStoreExactlyOne() throws Exception {
        ShopperId shopper = newShopperId();
        int limit = 5;
        for (int i = 0; i < limit - 1; i++) {
            selections().save(pick(shopper, "existing " + i, "2" + i, START), limit);
        }

        List<Boolean> created = Race.race(20, i -> selections().save(pick(shopper, "racer " + i, "3" + i, START), limit).isPresent());

        assertThat(created).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(selections().count(shopper)).isEqualTo(limit);
    }

    @Test
    default void twentyConcurrentSavesOfOneItemLeaveOneSelection() throws Exception {
        ShopperId shopper = newShopperId();

        List<Boolean> created = Race.race(20, i -> selections().save(pick(shopper, i % 2 == 0 ? "Apples" : "apples", "4" + i, START), 50)
                .orElseThrow().created());

        assertThat(created).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(selections().list(shopper)).hasSize(1);
    }

    @Test
    default void selectionsAreListedByItemKey() {
        ShopperId shopper = newShopperId();
        selections().save(pick(shopper, "zucchini", "51", START), 10);
        selections().save(pick(shopper, "Apples", "52", after(Duration.ofMinutes(1))), 10);
        selections().save(pick(shopper, "milk", "53", after(Duration.ofMinutes(2))), 10);

        assertThat(selections().list(shopper)).extracting(s -> s.item().name()).containsExactly("Apples", "milk", "zucchini");
    }

    @Test
    default void findReturnsOnlyTheShoppersOwnSelections() {
        ShopperId mine = newShopperId();
        ShopperId theirs = newShopperId();
        Selection myPick = pick(mine, "rice", "61", START);
        Selection theirPick = pick(theirs, "beans", "62", START);
        selections().save(myPick, 10);
        selections().save(theirPick, 10);

        assertThat(selections().find(mine, List.of(myPick.id(), theirPick.id(), SelectionId.random())))
                .containsExactly(stored(myPick));
        assertThat(selections().find(mine, List.of())).isEmpty();
    }

    @Test
    default void twoShoppersKeepTheirOwnPickForTheSameItem() {
        ShopperId mine = newShopperId();
        ShopperId theirs = newShopperId();
        Selection theirPick = pick(theirs, "coffee", "71", START);
        selections().save(theirPick, 10);

        assertThat(selections().save(pick(mine, "Coffee", "72", START), 10)).hasValueSatisfying(s -> assertThat(s.created()).isTrue());
        assertThat(selections().list(theirs)).containsExactly(stored(theirPick));
    }

    @Test
    default void aShopperCanDeleteOnlyTheirOwnSelection() {
        ShopperId mine = newShopperId();
        ShopperId theirs = newShopperId();
        Selection theirPick = pick(theirs, "tea", "81", START);
        selections().save(theirPick, 10);

        assertThat(selections().delete(mine, theirPick.id())).isFalse();
        assertThat(selections().count(theirs)).isEqualTo(1);
        assertThat(selections().delete(theirs, theirPick.id())).isTrue();
        assertThat(selections().count(theirs)).isZero();
    }

    @Test
    default void replacingAPickKeepsItsIdAndCreationTimeAndCreatesNothing() {
        ShopperId shopper = newShopperId();
        ShopperId someoneElse = newShopperId();
        Selection first = pick(shopper, "milk", "0001111041700", START);
        selections().save(first, 10);
        Instant later = after(Duration.ofHours(1));

        Optional<Selection> replaced = selections().replace(new SelectionRepository.Pick(shopper, new ShoppingListItem("MILK"),
                new ProductId("0001111041600"), new Upc("0001111041600"), Optional.of("  Kroger 2% Milk "), Optional.empty(),
                Optional.of(" "), new Quantity(3), later));

        Selection expected = new Selection(first.id(), shopper, new ShoppingListItem("MILK"), new ProductId("0001111041600"),
                new Upc("0001111041600"), Optional.of("Kroger 2% Milk"), Optional.empty(), Optional.empty(), new Quantity(3),
                kept(START), kept(later));
        assertThat(replaced).contains(expected);
        assertThat(selections().list(shopper)).containsExactly(expected);
        assertThat(selections().replace(SelectionRepository.Pick.of(pick(shopper, "eggs", "1", later)))).isEmpty();
        assertThat(selections().replace(SelectionRepository.Pick.of(pick(someoneElse, "milk", "1", later)))).isEmpty();
        assertThat(selections().list(shopper)).containsExactly(expected);
        assertThat(selections().list(someoneElse)).isEmpty();
    }
}

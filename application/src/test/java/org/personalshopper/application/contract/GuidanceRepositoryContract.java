package org.personalshopper.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.personalshopper.application.contract.RepositoryContract.after;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.GuidanceRepository;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.GuidanceText;
import org.personalshopper.domain.ShopperId;

/** What every {@code GuidanceRepository} must do; run against the in-memory fake and the jOOQ implementation. */
public interface GuidanceRepositoryContract extends RepositoryContract {
    GuidanceRepository guidance();

    private Guidance entry(ShopperId shopper, String text, Instant createdAt) {
        return new Guidance(GuidanceId.random(), shopper, new GuidanceText(text), createdAt);
    }

    private Guidance stored(Guidance entry) {
        return new Guidance(entry.id(), entry.shopperId(), entry.text(), kept(entry.createdAt()));
    }

    @Test
    default void entriesAreListedOldestFirst() {
        ShopperId shopper = newShopperId();
        Guidance newer = entry(shopper, "no pork", after(Duration.ofMinutes(5)));
        Guidance older = entry(shopper, "prefer organic", START);
        guidance().addIfFewerThan(newer, 10);
        guidance().addIfFewerThan(older, 10);

        assertThat(guidance().list(shopper)).containsExactly(stored(older), stored(newer));
        assertThat(guidance().count(shopper)).isEqualTo(2);
    }

    @Test
    default void entriesFromTheSameMicrosecondKeepTheOrderTheyWereAddedIn() {
        ShopperId shopper = newShopperId();
        List<Guidance> added = List.of(entry(shopper, "first", START), entry(shopper, "second", START), entry(shopper, "third", START));
        added.forEach(g -> guidance().addIfFewerThan(g, 10));

        assertThat(guidance().list(shopper)).extracting(g -> g.text().value()).containsExactly("first", "second", "third");
    }

    @Test
    default void anEntryBeyondTheLimitIsRefused() {
        ShopperId shopper = newShopperId();
        assertThat(guidance().addIfFewerThan(entry(shopper, "one", START), 2)).isTrue();
        assertThat(guidance().addIfFewerThan(entry(shopper, "two", START), 2)).isTrue();

        assertThat(guidance().addIfFewerThan(entry(shopper, "three", START), 2)).isFalse();
        assertThat(guidance().count(shopper)).isEqualTo(2);
    }

    @Test
    default void twentyConcurrentAddsOneBelowTheLimitStoreExactlyOne() throws Exception {
        ShopperId shopper = newShopperId();
        int limit = 5;
        for (int i = 0; i < limit - 1; i++) {
            guidance().addIfFewerThan(entry(shopper, "existing " + i, START), limit);
        }

        List<Boolean> added = Race.race(20, i -> guidance().addIfFewerThan(entry(shopper, "racer " + i, START), limit));

        assertThat(added).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(guidance().count(shopper)).isEqualTo(limit);
    }

    @Test
    default void oneShoppersLimitDoesNotCountAnothersEntries() {
        ShopperId full = newShopperId();
        ShopperId empty = newShopperId();
        guidance().addIfFewerThan(entry(full, "only one allowed", START), 1);

        assertThat(guidance().addIfFewerThan(entry(empty, "mine", START), 1)).isTrue();
    }

    @Test
    default void aShopperSeesAndDeletesOnlyTheirOwnEntries() {
        ShopperId mine = newShopperId();
        ShopperId theirs = newShopperId();
        Guidance their = entry(theirs, "gluten free", START);
        guidance().addIfFewerThan(their, 10);
        guidance().addIfFewerThan(entry(mine, "no nuts", START), 10);

        assertThat(guidance().list(mine)).extracting(g -> g.text().value()).containsExactly("no nuts");
        assertThat(guidance().delete(mine, their.id())).isFalse();
        assertThat(guidance().list(theirs)).containsExactly(stored(their));

        assertThat(guidance().delete(theirs, their.id())).isTrue();
        assertThat(guidance().list(theirs)).isEmpty();
        assertThat(guidance().delete(theirs, their.id())).isFalse();
    }
}

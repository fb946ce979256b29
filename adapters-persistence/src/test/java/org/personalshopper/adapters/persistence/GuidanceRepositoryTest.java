package org.personalshopper.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.out.GuidanceRepository;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.GuidanceText;
import org.personalshopper.domain.ShopperId;

class GuidanceRepositoryTest extends DatabaseTest {
    private GuidanceRepository guidance() {
        return persistence.guidance();
    }

    private static Guidance entry(ShopperId shopper, String text, Instant createdAt) {
        return new Guidance(GuidanceId.random(), shopper, new GuidanceText(text), createdAt);
    }

    private static Guidance stored(Guidance entry) {
        return new Guidance(entry.id(), entry.shopperId(), entry.text(), micros(entry.createdAt()));
    }

    @Test
    void entriesAreListedOldestFirst() {
        ShopperId shopper = newShopper().id();
        Guidance newer = entry(shopper, "no pork", at(Duration.ofMinutes(5)));
        Guidance older = entry(shopper, "prefer organic", T0);
        guidance().addIfFewerThan(newer, 10);
        guidance().addIfFewerThan(older, 10);

        assertThat(guidance().list(shopper)).containsExactly(stored(older), stored(newer));
        assertThat(guidance().count(shopper)).isEqualTo(2);
    }

    @Test
    void entriesFromTheSameMicrosecondKeepTheOrderTheyWereAddedIn() {
        ShopperId shopper = newShopper().id();
        List<Guidance> added = List.of(entry(shopper, "first", T0), entry(shopper, "second", T0), entry(shopper, "third", T0));
        added.forEach(g -> guidance().addIfFewerThan(g, 10));

        assertThat(guidance().list(shopper)).extracting(g -> g.text().value()).containsExactly("first", "second", "third");
    }

    @Test
    void anEntryBeyondTheLimitIsRefused() {
        ShopperId shopper = newShopper().id();
        assertThat(guidance().addIfFewerThan(entry(shopper, "one", T0), 2)).isTrue();
        assertThat(guidance().addIfFewerThan(entry(shopper, "two", T0), 2)).isTrue();

        assertThat(guidance().addIfFewerThan(entry(shopper, "three", T0), 2)).isFalse();
        assertThat(guidance().count(shopper)).isEqualTo(2);
    }

    @Test
    void twentyConcurrentAddsOneBelowTheLimitStoreExactlyOne() throws Exception {
        ShopperId shopper = newShopper().id();
        int limit = 5;
        for (int i = 0; i < limit - 1; i++) {
            guidance().addIfFewerThan(entry(shopper, "existing " + i, T0), limit);
        }

        List<Boolean> added = race(20, i -> guidance().addIfFewerThan(entry(shopper, "racer " + i, T0), limit));

        assertThat(added).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(guidance().count(shopper)).isEqualTo(limit);
    }

    @Test
    void oneShoppersLimitDoesNotCountAnothersEntries() {
        ShopperId full = newShopper().id();
        ShopperId empty = newShopper().id();
        guidance().addIfFewerThan(entry(full, "only one allowed", T0), 1);

        assertThat(guidance().addIfFewerThan(entry(empty, "mine", T0), 1)).isTrue();
    }

    @Test
    void aShopperSeesAndDeletesOnlyTheirOwnEntries() {
        ShopperId mine = newShopper().id();
        ShopperId theirs = newShopper().id();
        Guidance their = entry(theirs, "gluten free", T0);
        guidance().addIfFewerThan(their, 10);
        guidance().addIfFewerThan(entry(mine, "no nuts", T0), 10);

        assertThat(guidance().list(mine)).extracting(g -> g.text().value()).containsExactly("no nuts");
        assertThat(guidance().delete(mine, their.id())).isFalse();
        assertThat(guidance().list(theirs)).containsExactly(stored(their));

        assertThat(guidance().delete(theirs, their.id())).isTrue();
        assertThat(guidance().list(theirs)).isEmpty();
        assertThat(guidance().delete(theirs, their.id())).isFalse();
    }

    @Test
    void guidanceForAnUnknownShopperIsRefused() {
        assertThatThrownBy(() -> guidance().addIfFewerThan(entry(ShopperId.random(), "orphan", T0), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

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

class ManageGuidanceServiceTest {
    private final FakeClock clock = new FakeClock();
    private final ManageGuidanceService guidance = new ManageGuidanceService(new InMemoryGuidanceRepository(), clock);
    private final ShopperId shopper = ShopperId.random();
    private final ShopperId someoneElse = ShopperId.random();

    @Test
    void guidanceIsAddedListedOldestFirstAndRemoved() {
        Guidance organic = guidance.add(shopper, new GuidanceText("  prefer organic "));
        clock.advance(Duration.ofSeconds(1));
        Guidance pork = guidance.add(shopper, new GuidanceText("no pork"));

        assertThat(organic.text().value()).isEqualTo("prefer organic");
        assertThat(organic.createdAt()).isEqualTo(clock.now().minusSeconds(1));
        assertThat(guidance.list(shopper)).containsExactly(organic, pork);

        guidance.remove(shopper, organic.id());
        assertThat(guidance.list(shopper)).containsExactly(pork);
    }
    @Test
    void aShopperKeepsAtMostTheGuidanceLimit() {
        for (int i = 0; i < Guidance.MAX_PER_SHOPPER; i++) {
            guidance.add(shopper, new GuidanceText("rule " + i));
        }
        assertThatThrownBy(() -> guidance.add(shopper, new GuidanceText("one too many"))).isInstanceOf(LimitReachedException.class);
        assertThat(guidance.list(shopper)).hasSize(Guidance.MAX_PER_SHOPPER);
        assertThat(guidance.add(someoneElse, new GuidanceText("their own limit"))).isNotNull();
    }
    @Test
    void removingSomeoneElsesOrUnknownGuidanceIsNotFound() {
        Guidance theirs = guidance.add(someoneElse, new GuidanceText("no dairy"));

        assertThatThrownBy(() -> guidance.remove(shopper, theirs.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> guidance.remove(shopper, GuidanceId.random())).isInstanceOf(NotFoundException.class);
        assertThat(guidance.list(someoneElse)).containsExactly(theirs);
    }
}

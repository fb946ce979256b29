package org.personalshopper.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.TemporarilyUnavailableException;
import org.personalshopper.application.port.in.ViewShopper;
import org.personalshopper.application.port.out.StorageUnavailableException;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;

/** Any use case meeting a storage outage ends with the outcome "temporarily unavailable"; nothing else changes. */
class UseCaseOutagesTest {
    private static final ShopperId SHOPPER = ShopperId.random();

    @Test
    void aStorageOutageBecomesTheTemporarilyUnavailableOutcome() {
        StorageUnavailableException outage = new StorageUnavailableException("no connection: the database does not answer", null);
        ViewShopper view = new UseCaseOutages.View(id -> {
            throw new IllegalStateException("wrapped", outage);
        });

        assertThatThrownBy(() -> view.view(SHOPPER)).isInstanceOfSatisfying(TemporarilyUnavailableException.class, e -> {
            assertThat(e.retryAfter()).isEqualTo(UseCaseOutages.RETRY_AFTER);
            assertThat(e.getMessage()).isEqualTo(outage.getMessage());
        });
    }

    @Test
    void resultsOutcomesAndFaultsPassThroughAsTheyWere() {
        ViewShopper.ShopperView found = new ViewShopper.ShopperView(new Shopper(SHOPPER, Optional.empty(), Instant.EPOCH), List.of());
        NotFoundException notFound = new NotFoundException("no such thing");
        IllegalStateException fault = new IllegalStateException("a bug");

        assertThat(new UseCaseOutages.View(id -> found).view(SHOPPER)).isSameAs(found);
        assertThatThrownBy(() -> new UseCaseOutages.View(id -> {
            throw notFound;
        }).view(SHOPPER)).isSameAs(notFound);
        assertThatThrownBy(() -> new UseCaseOutages.View(id -> {
            throw fault;
        }).view(SHOPPER)).isSameAs(fault);
    }

    /** A method the wrapper does not write out (a default method, say) would reach the use case untranslated. */
    @Test
    void everyWrapperTranslatesEveryMethodOfItsPort() {
        Class<?>[] wrappers = UseCaseOutages.class.getDeclaredClasses();
        assertThat(wrappers).hasSize(15);
        for (Class<?> wrapper : wrappers) {
            assertThat(wrapper.getInterfaces()).as(wrapper.getSimpleName()).hasSize(1);
            for (Method method : wrapper.getInterfaces()[0].getMethods()) {
                assertThat(Arrays.stream(wrapper.getDeclaredMethods())
                        .anyMatch(m -> m.getName().equals(method.getName())
                                && Arrays.equals(m.getParameterTypes(), method.getParameterTypes())))
                        .as(wrapper.getSimpleName() + " writes out " + method).isTrue();
            }
        }
    }
}

package org.personalshopper.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.TemporarilyUnavailableException;
import org.personalshopper.application.port.out.StorageUnavailableException;

/** Any use case meeting a storage outage ends with the outcome "temporarily unavailable"; nothing else changes. */
class UseCaseOutagesTest {
    interface Lookup {
        String find(String key);
    }

    @Test
    void aStorageOutageBecomesTheTemporarilyUnavailableOutcome() {
        StorageUnavailableException outage = new StorageUnavailableException("no connection: the database does not answer", null);
        Lookup lookup = UseCaseOutages.translated(Lookup.class, key -> {
            throw new IllegalStateException("wrapped", outage);
        });

        assertThatThrownBy(() -> lookup.find("a")).isInstanceOfSatisfying(TemporarilyUnavailableException.class, e -> {
            assertThat(e.retryAfter()).isEqualTo(UseCaseOutages.RETRY_AFTER);
            assertThat(e.getMessage()).isEqualTo(outage.getMessage());
        });
    }

    @Test
    void resultsOutcomesAndFaultsPassThroughAsTheyWere() {
        NotFoundException notFound = new NotFoundException("no such thing");
        IllegalStateException fault = new IllegalStateException("a bug");

        assertThat(UseCaseOutages.translated(Lookup.class, key -> key + "!").find("a")).isEqualTo("a!");
        assertThatThrownBy(() -> UseCaseOutages.translated(Lookup.class, key -> {
            throw notFound;
        }).find("a")).isSameAs(notFound);
        assertThatThrownBy(() -> UseCaseOutages.translated(Lookup.class, key -> {
            throw fault;
        }).find("a")).isSameAs(fault);
    }
}

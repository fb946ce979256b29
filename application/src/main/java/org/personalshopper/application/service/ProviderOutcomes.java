package org.personalshopper.application.service;

import org.personalshopper.application.port.in.ProviderFailedException;
import org.personalshopper.application.port.out.ProviderException;

/** Turns the driven side's provider failure into the use cases' own outcome, keeping its meaning. */
final class ProviderOutcomes {
    private ProviderOutcomes() {
    }

    static ProviderFailedException failed(ProviderException e) {
        return new ProviderFailedException(e.failure(), e.reason(), e.retryAfter(), e);
    }
}

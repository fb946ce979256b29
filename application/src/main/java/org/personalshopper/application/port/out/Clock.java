package org.personalshopper.application.port.out;

import java.time.Instant;

/** The current time; a port so that expiry rules can be tested without waiting. */
public interface Clock {
    Instant now();
}

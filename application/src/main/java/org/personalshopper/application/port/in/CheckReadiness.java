package org.personalshopper.application.port.in;

/** Whether this instance can serve shoppers: its database answers. */
public interface CheckReadiness {
    boolean ready();
}

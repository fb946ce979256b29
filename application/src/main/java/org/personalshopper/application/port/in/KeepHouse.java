package org.personalshopper.application.port.in;

/** The service's own upkeep, run on a schedule: nothing a shopper asks for, everything a shopper relies on. */
public interface KeepHouse {
    /** Deletes expired sessions and login attempts; returns how many rows went. */
    int purgeExpired();

    /**
     * Marks cart adds whose sending was cut off (the service stopped in the middle of an add) as UNKNOWN,
     * once they are older than any send can take, so history and a repeated key tell the truth instead of
     * "pending" forever. Returns how many were settled.
     */
    int settleAbandonedCartAdds();
}

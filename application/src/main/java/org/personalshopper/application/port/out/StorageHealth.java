package org.personalshopper.application.port.out;

/** Whether the store of record answers right now (readiness). */
public interface StorageHealth {
    /** True when a trivial query succeeds within a short time; never throws. */
    boolean answers();
}

package org.personalshopper.application.service;

import java.util.Objects;
import org.personalshopper.application.port.in.CheckReadiness;
import org.personalshopper.application.port.out.StorageHealth;

/** Ready when the database answers; the grocer is not asked (its outages are answered per request). */
public final class CheckReadinessService implements CheckReadiness {
    private final StorageHealth storage;

    public CheckReadinessService(StorageHealth storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    @Override
    public boolean ready() {
        return storage.answers();
    }
}

package org.personalshopper.application.fakes;

import org.personalshopper.application.port.out.StorageHealth;

public final class FakeStorageHealth implements StorageHealth {
    private volatile boolean answers = true;

    @Override
    public boolean answers() {
        return answers;
    }

    public void setAnswers(boolean answers) {
        this.answers = answers;
    }
}

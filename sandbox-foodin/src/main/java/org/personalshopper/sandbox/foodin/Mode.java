package org.personalshopper.sandbox.foodin;

/** Foodin's two modes: every application has a test and a live client id and secret key. */
enum Mode {
    TEST, LIVE;

    boolean isLive() {
        return this == LIVE;
    }
}

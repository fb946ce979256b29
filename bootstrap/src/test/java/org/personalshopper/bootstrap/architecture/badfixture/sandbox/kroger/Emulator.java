package org.personalshopper.bootstrap.architecture.badfixture.sandbox.kroger;

/** Breaks: the sandbox knows nothing of the service (here it uses a client adapter). */
public class Emulator {
    org.personalshopper.bootstrap.architecture.badfixture.adapters.kroger.a.First first;
}

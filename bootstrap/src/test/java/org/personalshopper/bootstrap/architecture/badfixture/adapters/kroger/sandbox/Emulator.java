package org.personalshopper.bootstrap.architecture.badfixture.adapters.kroger.sandbox;

/** Breaks: the sandbox does not use the Kroger client. */
public class Emulator {
    org.personalshopper.bootstrap.architecture.badfixture.adapters.kroger.a.First first;
}

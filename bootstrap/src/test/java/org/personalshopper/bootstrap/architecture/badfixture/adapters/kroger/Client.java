package org.personalshopper.bootstrap.architecture.badfixture.adapters.kroger;

/** Breaks: the Kroger client does not use the sandbox. */
public class Client {
    org.personalshopper.bootstrap.architecture.badfixture.adapters.kroger.sandbox.Emulator emulator;
}

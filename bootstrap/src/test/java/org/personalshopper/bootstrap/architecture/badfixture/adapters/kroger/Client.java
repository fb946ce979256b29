package org.personalshopper.bootstrap.architecture.badfixture.adapters.kroger;

/** Breaks: a client adapter never uses a sandbox. */
public class Client {
    org.personalshopper.bootstrap.architecture.badfixture.sandbox.kroger.Emulator emulator;
}

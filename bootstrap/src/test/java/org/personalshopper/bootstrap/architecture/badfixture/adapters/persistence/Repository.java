package org.personalshopper.bootstrap.architecture.badfixture.adapters.persistence;

/** Breaks: only the bootstrap wires (an adapter reaching into it). */
public class Repository {
    org.personalshopper.bootstrap.architecture.badfixture.bootstrap.Wiring wiring;
}

package org.personalshopper.bootstrap.architecture.badfixture.adapters.http;

/** Breaks: the shared HTTP plumbing depends on no provider's adapter. */
public class Plumbing {
    org.personalshopper.bootstrap.architecture.badfixture.adapters.kroger.Client client;
}

package org.personalshopper.bootstrap.architecture.badfixture.adapters.web;

/** Breaks: the web adapter sees only the use cases and the domain of the core. */
public class ResourceUsingADrivenPort {
    org.personalshopper.bootstrap.architecture.badfixture.application.port.out.PortUsingUseCase port;
}

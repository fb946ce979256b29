package org.personalshopper.bootstrap.architecture.badfixture.application.port.out;

/** Breaks: outgoing ports do not depend on use cases. */
public interface PortUsingUseCase {
    org.personalshopper.bootstrap.architecture.badfixture.application.port.in.UseCase useCase();
}

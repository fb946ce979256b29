package org.personalshopper.bootstrap.architecture.badfixture.application.port.in;

/** Breaks: use cases do not depend on outgoing ports (a driven-side type on the driving side). */
public interface UseCaseLeakingAPort {
    org.personalshopper.bootstrap.architecture.badfixture.application.port.out.PortUsingUseCase port();
}

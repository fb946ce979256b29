package org.personalshopper.bootstrap.architecture.badfixture.application.port.in;

/** Breaks: ports do not depend on their implementations. */
public interface UseCase {
    org.personalshopper.bootstrap.architecture.badfixture.application.service.Service implementation();
}

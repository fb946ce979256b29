package org.personalshopper.bootstrap.architecture.badfixture.adapters.persistence;

/** Breaks: driven adapters do not depend on use cases. */
public class RepositoryUsingAUseCase {
    org.personalshopper.bootstrap.architecture.badfixture.application.port.in.UseCase useCase;
}

package org.personalshopper.bootstrap.architecture.badfixture.domain;

/** Breaks: domain depends on the JDK only (it reaches up into application). */
public class EntityUsingAUseCase {
    org.personalshopper.bootstrap.architecture.badfixture.application.port.in.UseCase useCase;
}

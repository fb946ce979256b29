package org.personalshopper.bootstrap.architecture.badfixture.domain;

/** Breaks: domain depends on the JDK only; no framework in the core. */
public class EntityUsingJackson {
    com.fasterxml.jackson.databind.ObjectMapper mapper;
}

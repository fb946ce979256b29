package org.personalshopper.bootstrap.architecture.badfixture.adapters.web;

/** Breaks: adapters are independent of each other. */
public class Resource {
    org.personalshopper.bootstrap.architecture.badfixture.adapters.persistence.Repository repository;
}

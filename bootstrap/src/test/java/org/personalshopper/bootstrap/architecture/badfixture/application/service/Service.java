package org.personalshopper.bootstrap.architecture.badfixture.application.service;

/** Breaks: application depends on domain and the JDK only (it uses an adapter). */
public class Service {
    org.personalshopper.bootstrap.architecture.badfixture.adapters.web.Resource resource;
}

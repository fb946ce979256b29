package org.personalshopper.bootstrap.architecture.badfixture.bootstrap;

public class Wiring {
}

package org.personalshopper.bootstrap.architecture.badfixture.adapters.kroger.b;

public class Second {
    org.personalshopper.bootstrap.architecture.badfixture.adapters.kroger.a.First first;
}

package org.personalshopper.bootstrap.architecture.badfixture.adapters.kroger.a;

/** Breaks: no cycles between packages (a -> b -> a). */
public class First {
    org.personalshopper.bootstrap.architecture.badfixture.adapters.kroger.b.Second second;
}

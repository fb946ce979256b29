package org.personalshopper.sandbox.kroger;

/**
 * The state and helpers of one running sandbox, handed to its Jersey resources by injection. Resources are
 * registered as classes (Jersey warns about resource instances, eclipse-ee4j/jersey#3700) and built per request
 * from this one object, so all of a sandbox's requests share its state and two sandboxes share nothing.
 */
record SandboxContext(
        SandboxSettings settings,
        KrogerResponses responses,
        IssuedGrants grants,
        AccessGate gate,
        HtmlPages pages,
        SandboxCatalog catalog,
        SandboxStores stores,
        SandboxCarts carts,
        DailyQuotas quotas,
        SandboxFaults faults) {
}

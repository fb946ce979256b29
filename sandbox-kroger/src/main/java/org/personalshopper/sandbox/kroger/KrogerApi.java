package org.personalshopper.sandbox.kroger;

import java.util.Optional;

/** The Kroger APIs that carry a daily quota, named by the path they live under. */
enum KrogerApi {
    PRODUCTS("/v1/products", "PRODUCT"),
    LOCATIONS("/v1/locations", "LOCATION"),
    IDENTITY("/v1/identity", "IDENTITY"),
    CART("/v1/cart", "CART");

    private final String pathPrefix;
    private final String errorCodePrefix;

    KrogerApi(String pathPrefix, String errorCodePrefix) {
        this.pathPrefix = pathPrefix;
        this.errorCodePrefix = errorCodePrefix;
    }

    String errorCodePrefix() {
        return errorCodePrefix;
    }

    String usageName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<KrogerApi> forPath(String path) {
        for (KrogerApi api : values()) {
            if (path.equals(api.pathPrefix) || path.startsWith(api.pathPrefix + "/")) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }
}

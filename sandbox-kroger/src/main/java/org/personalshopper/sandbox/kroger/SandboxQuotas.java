package org.personalshopper.sandbox.kroger;

/**
 * Calls per 24-hour window the sandbox allows on each Kroger API before it answers 429. Kroger counts per app
 * and per endpoint; the window starts with the first call and resets 24 hours later.
 */
public record SandboxQuotas(int products, int locations, int identity, int cart) {

    public SandboxQuotas {
        if (products < 1 || locations < 1 || identity < 1 || cart < 1) {
            throw new IllegalArgumentException("every daily quota must be at least 1");
        }
    }

    /** Kroger's published Public-tier quotas: products 10,000, locations 1,600, identity 5,000, cart 5,000. */
    public static SandboxQuotas kroger() {
        return new SandboxQuotas(10_000, 1_600, 5_000, 5_000);
    }

    int limitFor(KrogerApi api) {
        return switch (api) {
            case PRODUCTS -> products;
            case LOCATIONS -> locations;
            case IDENTITY -> identity;
            case CART -> cart;
        };
    }
}

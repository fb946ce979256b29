package org.personalshopper.domain;

/** The store brand whose look the provider's sign-in page takes. Which exist is the provider's to say. */
public record Banner(String name) {
    public Banner {
        Check.matches("banner", name, "[a-z0-9]{1,40}", "must be a banner name: 1 to 40 lower-case letters or digits");
    }

    @Override
    public String toString() {
        return name;
    }
}

package org.personalshopper.domain;

/** The store brand whose look the provider's sign-in page takes (e.g. {@code ralphs}). Which exist is the provider's to say. */
public record Banner(String name) {
    public Banner {
        Check.matches("banner", name, "[a-z0-9]{1,40}", "must be a banner name such as kroger or ralphs");
    }

    @Override
    public String toString() {
        return name;
    }
}

package org.personalshopper.application.fakes;

import java.util.Optional;
import java.util.UUID;
import org.personalshopper.application.contract.IdentityProviderContract;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.domain.ProfileId;

/** The fake provider the use-case tests rely on behaves like the real ones. */
class FakeIdentityProviderTest implements IdentityProviderContract {
    private final FakeIdentityProvider provider = new FakeIdentityProvider();

    @Override
    public IdentityProvider identity() {
        return provider;
    }

    @Override
    public Consent consentedCode() {
        String code = "code-" + UUID.randomUUID();
        provider.willAcceptCode(code, new ProfileId("profile-" + UUID.randomUUID()));
        return new Consent(code, Optional.empty());
    }
}

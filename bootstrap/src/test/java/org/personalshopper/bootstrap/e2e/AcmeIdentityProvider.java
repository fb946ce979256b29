package org.personalshopper.bootstrap.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.SignInGrant;
import org.personalshopper.application.port.out.TokenGrant;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ProviderFailure;

/**
 * A third provider that exists only in these tests: sign-in only, in memory. A code
 * {@code acme:<user>:<anything>} signs in as {@code <user>}, once. It is wired by the test alone (adapter plus wiring), which is the proof
 * that a new provider needs no change to the domain or the use cases.
 */
final class AcmeIdentityProvider implements IdentityProvider {
    static final Provider ACME = new Provider("acme");

    private final Set<String> spentCodes = ConcurrentHashMap.newKeySet();
    private final List<String> exchanges = new CopyOnWriteArrayList<>();

    @Override
    public Provider provider() {
        return ACME;
    }

    @Override
    public boolean knowsBanner(Banner banner) {
        return false;
    }

    @Override
    public boolean usesPkce() {
        return false;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        return URI.create("https://acme.test/authorize?state=" + request.state());
    }

    @Override
    public SignInGrant exchangeCode(String code, Optional<String> codeVerifier) {
        exchanges.add(code);
        if (!code.startsWith("acme:") || !spentCodes.add(code)) {
            throw new ProviderException(ProviderFailure.REJECTED, "invalid_grant");
        }
        return new SignInGrant(grant(), new ProfileId(code.split(":")[1]));
    }

    @Override
    public TokenGrant refresh(String refreshToken) {
        return grant();
    }

    @Override
    public TokenGrant appToken() {
        throw new ProviderException(ProviderFailure.REJECTED, "acme offers no app token");
    }

    /** Every code sent to the token endpoint, in order. */
    List<String> exchanges() {
        return List.copyOf(exchanges);
    }

    private static TokenGrant grant() {
        return new TokenGrant(new AccessToken("acme-access-" + UUID.randomUUID()), Optional.of("acme-refresh-" + UUID.randomUUID()),
                Duration.ofMinutes(30));
    }
}

package org.personalshopper.adapters.foodin;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.ProfileId;

/**
 * What Foodin's token endpoint granted, read tolerantly.
 *
 * @param accessToken  the access token
 * @param refreshToken the refresh token; empty on a refresh that sent none, which means the old one stays valid
 * @param expiresIn    the access token's lifetime; empty when Foodin did not say: unknown, never "forever"
 *                     (refresh when Foodin answers 401)
 * @param foodinUserId the connected account's stable id, {@code foodin_user_id}: Foodin has no identity endpoint.
 *                     Always present after a code exchange (an answer without it is refused); a refresh answer
 *                     may leave it out
 * @param scope        the scope Foodin says it granted, when it said
 */
public record FoodinGrant(AccessToken accessToken, Optional<String> refreshToken, Optional<Duration> expiresIn,
                          Optional<ProfileId> foodinUserId, Optional<FoodinScope> scope) {
    public FoodinGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(foodinUserId, "foodinUserId");
        Objects.requireNonNull(scope, "scope");
    }

    @Override
    public String toString() {
        return "FoodinGrant[foodinUserId=" + foodinUserId.map(ProfileId::value).orElse("unstated") + ", expiresIn=" + expiresIn.map(Duration::toString).orElse("unknown")
                + ", scope=" + scope.map(FoodinScope::wireName).orElse("unstated") + ", tokens redacted]";
    }
}

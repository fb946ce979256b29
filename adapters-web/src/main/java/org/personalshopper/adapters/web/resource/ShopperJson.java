package org.personalshopper.adapters.web.resource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.personalshopper.application.port.in.ChoosePreferredStore;
import org.personalshopper.application.port.in.ConnectionStatus;
import org.personalshopper.application.port.in.ViewShopper;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.StoreLocationId;

/**
 * The signed-in shopper as the API shows them: never a token. {@code provider} and {@code profileId} are
 * the account they first connected (the oldest connection), {@code kroger} the state of their Kroger
 * connection, as before connections existed; {@code connections} lists every connected account.
 */
public record ShopperJson(String id, String provider, String profileId, String preferredLocationId, Instant createdAt,
                          Connection kroger, List<ConnectionJson> connections) {
    /** The provider {@code kroger} reports on, kept for clients written before connections existed. */
    static final String KROGER = "kroger";

    /** Whether the Kroger connection is usable and until when the current access token lasts. */
    public record Connection(boolean connected, Instant accessTokenExpiresAt) {
    }

    /** One connected provider account. */
    public record ConnectionJson(String provider, String profileId, boolean connected, Instant accessExpiresAt) {
        static ConnectionJson of(ConnectionStatus status) {
            return new ConnectionJson(status.provider().name(), status.profileId().value(), status.connected(),
                    status.accessTokenExpiresAt().orElse(null));
        }
    }

    static ShopperJson of(ViewShopper.ShopperView view) {
        return of(view.shopper(), view.connections());
    }

    static ShopperJson of(ChoosePreferredStore.StoreChosen chosen) {
        return of(chosen.shopper(), chosen.connections());
    }

    private static ShopperJson of(Shopper shopper, List<ConnectionStatus> connections) {
        Optional<ConnectionStatus> first = connections.stream().findFirst();
        Optional<ConnectionStatus> kroger = connections.stream().filter(c -> c.provider().name().equals(KROGER)).findFirst();
        return new ShopperJson(shopper.id().toString(),
                first.map(c -> c.provider().name()).orElse(null), first.map(c -> c.profileId().value()).orElse(null),
                shopper.preferredLocation().map(StoreLocationId::value).orElse(null), shopper.createdAt(),
                new Connection(kroger.map(ConnectionStatus::connected).orElse(false),
                        kroger.flatMap(ConnectionStatus::accessTokenExpiresAt).orElse(null)),
                connections.stream().map(ConnectionJson::of).toList());
    }
}

package org.personalshopper.adapters.web.resource;

import java.time.Instant;
import org.personalshopper.application.port.in.ChoosePreferredStore;
import org.personalshopper.application.port.in.ConnectionStatus;
import org.personalshopper.application.port.in.ViewShopper;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.StoreLocationId;

/** The signed-in shopper as the API shows them: never a token. */
public record ShopperJson(String id, String provider, String profileId, String preferredLocationId, Instant createdAt,
                          Connection kroger) {
    /** Whether the grocer connection is usable and until when the current access token lasts. */
    public record Connection(boolean connected, Instant accessTokenExpiresAt) {
    }

    static ShopperJson of(ViewShopper.ShopperView view) {
        return of(view.shopper(), view.connection());
    }

    static ShopperJson of(ChoosePreferredStore.StoreChosen chosen) {
        return of(chosen.shopper(), chosen.connection());
    }

    private static ShopperJson of(Shopper shopper, ConnectionStatus connection) {
        return new ShopperJson(shopper.id().toString(), shopper.provider().name(), shopper.profileId().value(),
                shopper.preferredLocation().map(StoreLocationId::value).orElse(null), shopper.createdAt(),
                new Connection(connection.connected(), connection.accessTokenExpiresAt().orElse(null)));
    }
}

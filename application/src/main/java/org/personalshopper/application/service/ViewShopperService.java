package org.personalshopper.application.service;

import java.util.Objects;
import org.personalshopper.application.port.in.NotFoundException;

import org.personalshopper.application.port.in.ViewShopper;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.domain.ShopperId;

/** The signed-in shopper and whether their grocer connection still works (no grocer call). */
public final class ViewShopperService implements ViewShopper {
    private final ShopperRepository shoppers;

    public ViewShopperService(ShopperRepository shoppers) {
        this.shoppers = Objects.requireNonNull(shoppers, "shoppers");
    }

    @Override
    public ShopperView view(ShopperId shopperId) {
        // One read for both (GET /api/user's every call); statuses as FreshAccessTokens says them.
        ShopperRepository.ShopperAndConnections found = shoppers.findWithConnections(shopperId)
                .orElseThrow(() -> new NotFoundException("shopper"));
        return new ShopperView(found.shopper(), FreshAccessTokens.statuses(found.connections()));
    }
}

package org.personalshopper.application.service;

import java.util.Objects;
import org.personalshopper.application.port.in.NotFoundException;

import org.personalshopper.application.port.in.ViewShopper;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;

/** The signed-in shopper and whether their grocer connection still works (no grocer call). */
public final class ViewShopperService implements ViewShopper {
    private final ShopperRepository shoppers;
    private final FreshAccessTokens freshTokens;

    public ViewShopperService(ShopperRepository shoppers, FreshAccessTokens freshTokens) {
        this.shoppers = Objects.requireNonNull(shoppers, "shoppers");
        this.freshTokens = Objects.requireNonNull(freshTokens, "freshTokens");
    }

    @Override
    public ShopperView view(ShopperId shopperId) {
        Shopper shopper = shoppers.find(shopperId).orElseThrow(() -> new NotFoundException("shopper"));
        return new ShopperView(shopper, freshTokens.status(shopperId));
    }
}

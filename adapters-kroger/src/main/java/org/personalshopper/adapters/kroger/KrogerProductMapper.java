package org.personalshopper.adapters.kroger;

import static org.personalshopper.adapters.http.JsonFields.decimal;
import static org.personalshopper.adapters.http.JsonFields.flag;
import static org.personalshopper.adapters.http.JsonFields.list;
import static org.personalshopper.adapters.http.JsonFields.object;
import static org.personalshopper.adapters.http.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.personalshopper.domain.Fulfillment;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.Price;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.StockLevel;
import org.personalshopper.domain.Upc;

/**
 * Turns one Kroger product into what a shopper chooses by. Price, fulfillment and stock come from the first
 * item (Kroger's sellable variant); they exist only when the search named a store.
 */
final class KrogerProductMapper {
    /** Kroger's product ids and UPCs are 13 digits, zero padded. */
    static final int KROGER_ID_DIGITS = 13;
    private static final Map<String, Integer> SIZE_RANK =
            Map.of("thumbnail", 1, "small", 2, "medium", 3, "large", 4, "xlarge", 5);

    private KrogerProductMapper() {
    }

    /** The product, or empty when it lacks what a shopper needs to pick it (id, UPC, description). */
    static Optional<Product> toProduct(JsonNode product) {
        Optional<String> productId = krogerDigits(product, "productId");
        Optional<String> upc = krogerDigits(product, "upc");
        Optional<String> description = text(product, "description");
        if (productId.isEmpty() || upc.isEmpty() || description.isEmpty()) {
            return Optional.empty();
        }
        JsonNode item = list(product, "items").stream().findFirst().orElse(null);
        try {
            return Optional.of(new Product(new ProductId(productId.get()), new Upc(upc.get()), description.get(),
                    text(product, "brand"), text(item, "size"), price(item), fulfillment(item), stockLevel(item),
                    imageUrl(product)));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    /**
     * A 13-digit id as text. Kroger sends strings; should a number ever come, its lost leading zeros are
     * restored, because a UPC is never a number.
     */
    private static Optional<String> krogerDigits(JsonNode node, String field) {
        JsonNode value = node.get(field);
        String digits;
        if (value != null && value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
            digits = Long.toString(value.longValue());
        } else {
            digits = text(node, field).orElse("");
        }
        if (!digits.matches("[0-9]{1,14}")) {
            return Optional.empty();
        }
        return Optional.of(digits.length() < KROGER_ID_DIGITS
                ? "0".repeat(KROGER_ID_DIGITS - digits.length()) + digits : digits);
    }

    /** Regular price and a promo only for a real sale (Kroger writes {@code promo: 0} for "none"). */
    private static Optional<Price> price(JsonNode item) {
        Optional<JsonNode> price = object(item, "price");
        Optional<BigDecimal> regular = price.flatMap(p -> decimal(p, "regular")).filter(r -> r.signum() > 0);
        if (regular.isEmpty()) {
            return Optional.empty();
        }
        Optional<BigDecimal> promo = price.flatMap(p -> decimal(p, "promo"));
        return Optional.of(new Price(regular.get(), promo));
    }

    /**
     * Kroger's live answers spell the flags {@code inStore}/{@code shipToHome}; its spec writes {@code instore}/
     * {@code shiptohome}. Both are read; when both come, the live spelling wins.
     */
    private static Optional<Fulfillment> fulfillment(JsonNode item) {
        return object(item, "fulfillment").map(f -> new Fulfillment(
                liveOrSpec(f, "inStore", "instore"), flag(f, "curbside"), flag(f, "delivery"),
                liveOrSpec(f, "shipToHome", "shiptohome")));
    }

    private static boolean liveOrSpec(JsonNode fulfillment, String live, String spec) {
        JsonNode value = fulfillment.get(live);
        return value != null && !value.isNull() ? flag(fulfillment, live) : flag(fulfillment, spec);
    }

    private static Optional<StockLevel> stockLevel(JsonNode item) {
        return object(item, "inventory").flatMap(i -> text(i, "stockLevel")).flatMap(level -> {
            try {
                return Optional.of(StockLevel.valueOf(level.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * One picture: the front at medium size (fits a result list), else the front's largest, else the
     * featured image ({@code featured} in samples, {@code default} in the spec).
     */
    static Optional<URI> imageUrl(JsonNode product) {
        List<JsonNode> images = list(product, "images");
        Optional<JsonNode> front = images.stream()
                .filter(i -> text(i, "perspective").filter("front"::equalsIgnoreCase).isPresent())
                .findFirst();
        Optional<URI> fromFront = front.flatMap(f -> sized(f, "medium").or(() -> largest(f)));
        if (fromFront.isPresent()) {
            return fromFront;
        }
        return images.stream()
                .filter(i -> flag(i, "featured") || flag(i, "default"))
                .map(i -> sized(i, "medium").or(() -> largest(i)))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<URI> sized(JsonNode image, String size) {
        return list(image, "sizes").stream()
                .filter(s -> text(s, "size").filter(size::equalsIgnoreCase).isPresent())
                .map(s -> webUrl(s))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<URI> largest(JsonNode image) {
        return list(image, "sizes").stream()
                .filter(s -> webUrl(s).isPresent())
                .max(Comparator.comparingInt(s -> SIZE_RANK.getOrDefault(
                        text(s, "size").orElse("").toLowerCase(Locale.ROOT), 0)))
                .flatMap(KrogerProductMapper::webUrl);
    }

    /** Only absolute http(s) links: a front end shows them as they are. */
    private static Optional<URI> webUrl(JsonNode size) {
        return text(size, "url").flatMap(url -> {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme();
                if (uri.getHost() != null && scheme != null
                        && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
                    return Optional.of(uri);
                }
                return Optional.empty();
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        });
    }
}

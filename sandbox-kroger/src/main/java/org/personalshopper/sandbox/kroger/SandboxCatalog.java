package org.personalshopper.sandbox.kroger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.personalshopper.sandbox.kroger.SandboxStores.Store;
import org.personalshopper.sandbox.support.HtmlTemplates;

/**
 * The sandbox's grocery catalog (loaded from {@code catalog.json}) and how it looks at a given store. Store prices,
 * promotions and stock levels are derived from the product and store ids by a fixed hash, so they are the same on
 * every run and differ between stores.
 */
final class SandboxCatalog {

    static final List<String> IMAGE_SIZES = List.of("thumbnail", "small", "medium", "large", "xlarge");
    static final Set<String> FULFILLMENT_CODES = Set.of("ais", "csp", "dth", "sth");

    record CatalogProduct(String productId, String brand, String description, List<String> categories, String size,
            String soldBy, BigDecimal basePrice, Optional<BigDecimal> estimatedWeightLb, String temperature, int aisle,
            boolean shipToHome, String countryOrigin, Set<String> chains, Set<String> searchWords) {

        boolean carriedBy(Store store) {
            return chains.isEmpty() || chains.contains(store.chain());
        }
    }

    /** A validated product search: by ids (other filters ignored), or by term and/or brands. */
    record Search(List<String> productIds, List<String> termWords, Set<String> brands, Optional<Store> store,
            Set<String> fulfillment) {
    }

    private final Map<String, CatalogProduct> products = new LinkedHashMap<>();
    private final ObjectMapper mapper;

    SandboxCatalog(ObjectMapper mapper) {
        this.mapper = mapper;
        JsonNode root;
        try {
            root = mapper.readTree(HtmlTemplates.load(SandboxCatalog.class, "catalog.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode node : root.get("products")) {
            CatalogProduct product = toProduct(node);
            products.put(product.productId(), product);
        }
    }

    int size() {
        return products.size();
    }

    Optional<CatalogProduct> byId(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    /** All matches in catalog order; a store limits them to what it carries (and to the fulfillment asked for). */
    List<CatalogProduct> search(Search search) {
        List<CatalogProduct> matches = new ArrayList<>();
        if (!search.productIds().isEmpty()) {
            for (String id : search.productIds()) {
                CatalogProduct product = products.get(id);
                if (product != null && !matches.contains(product)
                        && search.store().map(product::carriedBy).orElse(true)) {
                    matches.add(product);
                }
            }
            return matches;
        }
        for (CatalogProduct product : products.values()) {
            if (!search.brands().isEmpty() && !search.brands().contains(product.brand())) {
                continue;
            }
            if (!search.termWords().stream().allMatch(word -> matchesWord(product, word))) {
                continue;
            }
            if (search.store().isPresent()) {
                Store store = search.store().get();
                if (!product.carriedBy(store) || !offersFulfillment(product, store, search.fulfillment())) {
                    continue;
                }
            }
            matches.add(product);
        }
        return matches;
    }

    /** Kroger's product JSON; price, fulfillment, stock and aisle only when the product is looked at in a store. */
    ObjectNode toJson(CatalogProduct product, String baseUri, Optional<Store> store) {
        ObjectNode json = mapper.createObjectNode();
        json.put("productId", product.productId());
        json.put("upc", product.productId());
        json.putArray("aliasProductIds");
        json.put("productPageURI", "/p/" + slug(product.description()) + "/" + product.productId());
        json.put("brand", product.brand());
        json.put("description", product.description());
        ArrayNode categories = json.putArray("categories");
        product.categories().forEach(categories::add);
        json.put("countryOrigin", product.countryOrigin());
        ObjectNode temperature = json.putObject("temperature");
        temperature.put("indicator", product.temperature());
        temperature.put("heatSensitive", "Frozen".equals(product.temperature()));
        ObjectNode itemInformation = json.putObject("itemInformation");
        itemInformation.put("depth", dimension(product, "depth"));
        itemInformation.put("height", dimension(product, "height"));
        itemInformation.put("width", dimension(product, "width"));
        ObjectNode image = json.putArray("images").addObject();
        image.put("perspective", "front");
        image.put("featured", true);
        ArrayNode sizes = image.putArray("sizes");
        for (String size : IMAGE_SIZES) {
            sizes.addObject().put("size", size)
                    .put("url", baseUri + "/sandbox/images/" + size + "/" + product.productId() + ".svg");
        }
        ObjectNode item = json.putArray("items").addObject();
        item.put("itemId", product.productId());
        item.put("size", product.size());
        item.put("soldBy", product.soldBy());
        item.put("favorite", false);
        if (store.isPresent() && product.carriedBy(store.get())) {
            addStoreFacts(json, item, product, store.get());
        }
        return json;
    }

    private void addStoreFacts(ObjectNode json, ObjectNode item, CatalogProduct product, Store store) {
        String key = store.locationId() + ":" + product.productId();
        // 0.90 to 1.14 times the base price: differs by store, identical on every run.
        BigDecimal factor = BigDecimal.valueOf(90 + bucket(key + ":price", 25)).movePointLeft(2);
        BigDecimal regular = cents(product.basePrice().multiply(factor));
        boolean onSale = bucket(key + ":promo", 5) == 0;
        BigDecimal promo = onSale ? cents(regular.multiply(BigDecimal.valueOf(80, 2))) : BigDecimal.ZERO;
        BigDecimal perUnit = product.estimatedWeightLb().orElse(BigDecimal.ONE);

        ObjectNode price = item.putObject("price");
        price.put("regular", regular);
        price.put("promo", promo);
        price.put("regularPerUnitEstimate", cents(regular.multiply(perUnit)));
        price.put("promoPerUnitEstimate", onSale ? cents(promo.multiply(perUnit)) : BigDecimal.ZERO);
        ObjectNode nationalPrice = item.putObject("nationalPrice");
        nationalPrice.put("regular", cents(product.basePrice()));
        nationalPrice.put("promo", BigDecimal.ZERO);
        nationalPrice.put("regularPerUnitEstimate", cents(product.basePrice().multiply(perUnit)));
        nationalPrice.put("promoPerUnitEstimate", BigDecimal.ZERO);
        ObjectNode fulfillment = item.putObject("fulfillment");
        // Kroger's live spelling (camelCase); its published spec writes instore/shiptohome.
        fulfillment.put("inStore", true);
        fulfillment.put("shipToHome", product.shipToHome());
        fulfillment.put("delivery", store.departmentIds().contains("44"));
        fulfillment.put("curbside", store.departmentIds().contains("44"));
        int stock = bucket(key + ":stock", 10);
        item.putObject("inventory").put("stockLevel", stock == 0 ? "TEMPORARILY_OUT_OF_STOCK" : stock < 3 ? "LOW" : "HIGH");
        ObjectNode aisle = json.putArray("aisleLocations").addObject();
        aisle.put("bayNumber", Integer.toString(1 + bucket(key + ":bay", 12)));
        aisle.put("description", "Aisle " + product.aisle());
        aisle.put("number", Integer.toString(product.aisle()));
        aisle.put("numberOfFacings", Integer.toString(1 + bucket(key + ":facings", 4)));
        aisle.put("sequenceNumber", "1");
        aisle.put("side", bucket(key + ":side", 2) == 0 ? "L" : "R");
        aisle.put("shelfNumber", Integer.toString(1 + bucket(key + ":shelf", 5)));
        aisle.put("shelfPositionInBay", Integer.toString(1 + bucket(key + ":position", 6)));
    }

    private static boolean offersFulfillment(CatalogProduct product, Store store, Set<String> wanted) {
        boolean pickupAndDelivery = store.departmentIds().contains("44");
        for (String code : wanted) {
            boolean offered = switch (code) {
                case "ais" -> true;
                case "csp", "dth" -> pickupAndDelivery;
                case "sth" -> product.shipToHome();
                default -> false;
            };
            if (!offered) {
                return false;
            }
        }
        return true;
    }

    /** A term word matches a product word it starts, or that word plus a plural "s" ("banana" finds "Bananas"). */
    private static boolean matchesWord(CatalogProduct product, String termWord) {
        for (String word : product.searchWords()) {
            if (word.startsWith(termWord) || (termWord.endsWith("s") && word.equals(termWord.substring(0, termWord.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** Lower-case words of a text, split on anything that is not a letter or digit. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private String dimension(CatalogProduct product, String axis) {
        return (2 + bucket(product.productId() + ":" + axis, 9)) + ".0";
    }

    private static int bucket(String key, int buckets) {
        return Math.floorMod(key.hashCode(), buckets);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static String slug(String text) {
        return String.join("-", words(text));
    }

    private static CatalogProduct toProduct(JsonNode node) {
        String description = node.get("description").asText();
        String brand = node.get("brand").asText();
        List<String> categories = new ArrayList<>();
        node.get("categories").forEach(c -> categories.add(c.asText()));
        Set<String> chains = new HashSet<>();
        node.path("chains").forEach(c -> chains.add(c.asText().toUpperCase(Locale.ROOT)));
        Set<String> searchWords = new HashSet<>(words(description));
        searchWords.addAll(words(brand));
        categories.forEach(c -> searchWords.addAll(words(c)));
        Optional<BigDecimal> weight = node.has("estimatedWeightLb")
                ? Optional.of(node.get("estimatedWeightLb").decimalValue()) : Optional.empty();
        return new CatalogProduct(node.get("id").asText(), brand, description, List.copyOf(categories),
                node.get("size").asText(), node.get("soldBy").asText(), node.get("price").decimalValue(), weight,
                node.get("temperature").asText(), node.get("aisle").asInt(), node.path("shipToHome").asBoolean(false),
                node.path("countryOrigin").asText("United States"), Set.copyOf(chains), Set.copyOf(searchWords));
    }
}

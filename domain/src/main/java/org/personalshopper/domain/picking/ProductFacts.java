package org.personalshopper.domain.picking;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.personalshopper.domain.Product;

/**
 * What a product's own words say, for matching guidance: its description and brand as stems. An avoided
 * term matches its obvious members too ("pork" catches bacon and ham, "dairy" catches milk and cheese), but
 * never where the product says it is free of it ("gluten free", "non-dairy") or is a plant milk.
 */
final class ProductFacts {
    private static final Map<String, List<String>> FAMILIES = Map.ofEntries(
            Map.entry("pork", List.of("bacon", "ham", "sausage", "pepperoni", "prosciutto", "salami", "chorizo", "lard")),
            Map.entry("meat", List.of("beef", "pork", "chicken", "turkey", "lamb", "veal", "bacon", "ham", "sausage",
                    "pepperoni", "salami", "steak", "meatball", "chorizo", "prosciutto")),
            Map.entry("beef", List.of("steak", "burger", "meatball")),
            Map.entry("dairy", List.of("milk", "cheese", "cheddar", "butter", "yogurt", "cream", "whey")),
            Map.entry("gluten", List.of("wheat", "barley", "rye")),
            Map.entry("nut", List.of("almond", "peanut", "cashew", "walnut", "pecan", "pistachio", "hazelnut")),
            Map.entry("shellfish", List.of("shrimp", "crab", "lobster", "clam", "oyster", "mussel", "scallop")),
            Map.entry("fish", List.of("salmon", "tuna", "cod", "tilapia", "anchovy", "sardine", "trout")),
            Map.entry("alcohol", List.of("beer", "wine", "vodka", "rum", "whiskey")),
            Map.entry("sugar", List.of("sweetened", "frosted")));
    private static final Set<String> PLANT_MILKS = Set.of("almond", "oat", "soy", "coconut", "rice", "cashew", "plant");
    private static final Set<String> DAIRY_WORDS = Set.of("milk", "butter", "cream", "yogurt", "cheese");

    private final List<String> words;
    private final List<String> brand;

    ProductFacts(Product product) {
        this.words = Words.stems(product.brand().map(b -> b + " ").orElse("") + product.description());
        this.brand = Words.stems(product.brand().orElse(""));
    }

    /** Whether the product is of this brand (all its words, in order). */
    boolean hasBrand(String term) {
        return Words.contains(brand, Words.stems(term));
    }

    /** Whether the product's words say it is (or has) the term: "organic", "gluten free", "whole grain". */
    boolean says(String term) {
        return Words.contains(words, Words.stems(term));
    }

    /** Whether the product is, or contains, what the shopper avoids. */
    boolean contains(String avoided) {
        List<String> term = Words.stems(avoided);
        if (containsPlainly(term)) {
            return true;
        }
        String key = term.size() == 1 ? term.get(0) : "";
        boolean dairy = key.equals("dairy");
        for (String member : FAMILIES.getOrDefault(key, List.of())) {
            List<String> phrase = Words.stems(member);
            int at = -1;
            while ((at = Words.find(words, phrase, at + 1)) >= 0) {
                if (dairy && DAIRY_WORDS.contains(phrase.get(0)) && at > 0 && PLANT_MILKS.contains(words.get(at - 1))) {
                    continue;
                }
                if (!freeOf(at, phrase.size())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean containsPlainly(List<String> term) {
        int at = -1;
        while ((at = Words.find(words, term, at + 1)) >= 0) {
            if (!freeOf(at, term.size())) {
                return true;
            }
        }
        return false;
    }

    /** "gluten free", "gluten-free", "no sugar", "non dairy", "dairy-less": the product says it lacks it. */
    private boolean freeOf(int at, int length) {
        int after = at + length;
        if (after < words.size() && Set.of("free", "less").contains(words.get(after))) {
            return true;
        }
        return at > 0 && Set.of("no", "non", "without", "un").contains(words.get(at - 1));
    }
}

package org.personalshopper.domain.picking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.personalshopper.domain.Fulfillment;
import org.personalshopper.domain.Price;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.StockLevel;
import org.personalshopper.domain.picking.Preference.Kind;

/**
 * Ranks the products a search found for one list item, following the shopper's guidance. Pure and
 * deterministic: the same item, products and guidance give the same ranking, ties broken by price, then
 * product id. Products an AVOID or ONLY rule rules out are excluded, never merely ranked low.
 *
 * <p>Score (0 to 100): how many of the item's words the product says (up to 40), each PREFER or BRAND rule
 * it meets (15 each, up to 30), price against the cheapest found ((cheapest / price)³ of 10; of 25 with CHEAPEST),
 * a promotion (3; 15 with ON_SALE), stock (in stock 5, low 2, out of stock -25) and whether it can be had
 * at all (not for pickup or delivery: -10). See docs/ranking.md.
 */
public final class ProductRanking {
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "and", "or", "with", "for", "some", "fresh");

    private ProductRanking() {
    }

    public static Ranking rank(String itemText, List<Product> found, ShoppingPreferences preferences) {
        List<Preference> rules = preferences.applicableTo(itemText);
        List<String> itemWords = Words.stems(SearchTerm.of(itemText).orElse(itemText)).stream()
                .filter(w -> !STOP_WORDS.contains(w)).distinct().toList();

        Map<String, Product> distinct = new LinkedHashMap<>();
        found.forEach(p -> distinct.putIfAbsent(p.productId().value(), p));
        List<Product> kept = new ArrayList<>();
        List<Ranking.Excluded> excluded = new ArrayList<>();
        for (Product product : distinct.values()) {
            ProductFacts facts = new ProductFacts(product);
            Optional<Preference> rulingOut = rules.stream().filter(r -> rulesOut(r, facts)).findFirst();
            if (rulingOut.isPresent()) {
                excluded.add(new Ranking.Excluded(product, rulingOut.get()));
            } else {
                kept.add(product);
            }
        }

        boolean cheapest = rules.stream().anyMatch(r -> r.kind() == Kind.CHEAPEST);
        Optional<Preference> onSale = rules.stream().filter(r -> r.kind() == Kind.ON_SALE).findFirst();
        Optional<BigDecimal> lowest = kept.stream().map(ProductRanking::pays).flatMap(Optional::stream).min(Comparator.naturalOrder());
        long priced = kept.stream().filter(p -> p.price().isPresent()).count();

        List<RankedProduct> ranked = new ArrayList<>();
        for (Product product : kept) {
            ProductFacts facts = new ProductFacts(product);
            List<String> reasons = new ArrayList<>();
            int score = 0;

            long matched = itemWords.stream().filter(w -> facts.says(w)).count();
            if (!itemWords.isEmpty()) {
                score += (int) Math.round(40.0 * matched / itemWords.size());
                if (matched == itemWords.size()) {
                    reasons.add("matches '" + String.join(" ", itemWords) + "'");
                } else if (matched > 0) {
                    reasons.add("matches " + matched + " of the " + itemWords.size() + " words of '" + String.join(" ", itemWords) + "'");
                } else {
                    reasons.add("found by the search, but its name does not say '" + String.join(" ", itemWords) + "'");
                }
            }

            int guidancePoints = 0;
            for (Preference rule : rules) {
                if ((rule.kind() == Kind.PREFER && facts.says(rule.term())) || (rule.kind() == Kind.BRAND && facts.hasBrand(rule.term()))) {
                    guidancePoints += 15;
                    reasons.add("matches your guidance '" + rule.guidance() + "'");
                } else if (rule.kind() == Kind.ONLY) {
                    reasons.add("meets your guidance '" + rule.guidance() + "'");
                }
            }
            score += Math.min(30, guidancePoints);

            Optional<Price> price = product.price();
            if (price.isPresent() && price.get().promo().isPresent()) {
                score += onSale.isPresent() ? 15 : 3;
                reasons.add("on sale: " + money(price.get().promo().get()) + " instead of " + money(price.get().regular())
                        + onSale.map(r -> ", as your guidance '" + r.guidance() + "' asks").orElse(""));
            }
            Optional<BigDecimal> pays = pays(product);
            if (pays.isPresent() && lowest.isPresent()) {
                // Cubed, so that 10% dearer costs noticeably more than a small bonus can win back.
                double relative = pays.get().signum() == 0 ? 1.0 : Math.pow(lowest.get().doubleValue() / pays.get().doubleValue(), 3);
                score += (int) Math.round((cheapest ? 25 : 10) * relative);
                if (priced > 1 && pays.get().compareTo(lowest.get()) == 0) {
                    reasons.add("cheapest of the " + priced + " priced: " + money(pays.get()));
                } else if (cheapest) {
                    reasons.add(money(pays.get()) + ", " + money(pays.get().subtract(lowest.get())) + " more than the cheapest");
                }
            } else if (cheapest && pays.isEmpty()) {
                reasons.add("no price at your store to compare");
            }

            if (product.stockLevel().isPresent()) {
                StockLevel stock = product.stockLevel().get();
                switch (stock) {
                    case HIGH -> {
                        score += 5;
                        reasons.add("in stock at your store");
                    }
                    case LOW -> {
                        score += 2;
                        reasons.add("low stock at your store");
                    }
                    case TEMPORARILY_OUT_OF_STOCK -> {
                        score -= 25;
                        reasons.add("temporarily out of stock at your store");
                    }
                }
            }
            if (product.fulfillment().isPresent()) {
                Fulfillment ways = product.fulfillment().get();
                if (!ways.inStore() && !ways.curbside() && !ways.delivery()) {
                    score -= 10;
                    reasons.add("not sold for pickup or delivery at your store");
                }
            }
            ranked.add(new RankedProduct(product, Math.max(0, Math.min(100, score)), reasons));
        }
        ranked.sort(Comparator.comparingInt(RankedProduct::score).reversed()
                .thenComparing(r -> pays(r.product()).orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.product().productId().value()));
        return new Ranking(itemText, ranked, excluded);
    }

    private static boolean rulesOut(Preference rule, ProductFacts facts) {
        return switch (rule.kind()) {
            case AVOID -> facts.contains(rule.term());
            case ONLY -> !facts.says(rule.term()) && !facts.hasBrand(rule.term());
            default -> false;
        };
    }

    /** What the shopper pays: the promotion when there is one. */
    private static Optional<BigDecimal> pays(Product product) {
        return product.price().map(p -> p.promo().orElse(p.regular()));
    }

    static String money(BigDecimal amount) {
        return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}

package org.personalshopper.domain.picking;

import java.util.List;
import java.util.Optional;
import org.personalshopper.domain.Product;

/**
 * The products found for one item, ranked: best first, and those the guidance left out with the rule that
 * did it. Excluded products are never among the ranked ones.
 */
public record Ranking(String itemText, List<RankedProduct> ranked, List<Excluded> excluded) {
    /** A product left out, and the rule that left it out. */
    public record Excluded(Product product, Preference rule) {
    }

    public Ranking {
        ranked = List.copyOf(ranked);
        excluded = List.copyOf(excluded);
    }

    /** The best {@code n}. */
    public List<RankedProduct> top(int n) {
        return ranked.subList(0, Math.min(n, ranked.size()));
    }

    /** Why nothing can be proposed, in words; empty when something can. */
    public Optional<String> whyNoMatch(String searchedFor) {
        if (!ranked.isEmpty()) {
            return Optional.empty();
        }
        if (excluded.isEmpty()) {
            return Optional.of("nothing found for '" + searchedFor + "' at your store");
        }
        List<String> lines = excluded.stream().map(e -> "'" + e.rule().guidance() + "'").distinct().toList();
        boolean onlyRules = excluded.stream().allMatch(e -> e.rule().kind() == Preference.Kind.ONLY);
        String found = excluded.size() == 1 ? "the one product found for '" + searchedFor + "'"
                : "the " + excluded.size() + " products found for '" + searchedFor + "'";
        return Optional.of((onlyRules
                ? (excluded.size() == 1 ? found + " does not meet" : "none of " + found + " meets") + " your guidance "
                : (excluded.size() == 1 ? found + " is" : "every one of " + found + " is") + " ruled out by your guidance ")
                + String.join(", ", lines));
    }
}

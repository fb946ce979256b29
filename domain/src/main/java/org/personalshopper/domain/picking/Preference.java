package org.personalshopper.domain.picking;

import java.util.List;
import java.util.Objects;

/**
 * One rule read from a guidance line: what kind, the words it is about ("organic", "pork"), the items it is
 * limited to (empty: every item) and the shopper's line it came from, quoted back in reasons.
 */
public record Preference(Kind kind, String term, List<String> scope, String guidance) {
    public enum Kind {
        /** Rank products that match the term higher ("prefer organic"). */
        PREFER,
        /** Rank products of this brand higher ("brand Simple Truth", "Barilla brand"). */
        BRAND,
        /** Never propose a product that matches the term ("no pork", "avoid dairy"). */
        AVOID,
        /** Propose only products that match the term ("only organic for milk"). */
        ONLY,
        /** Weigh price more: the cheapest first ("cheapest", "budget"). */
        CHEAPEST,
        /** Weigh promotions more ("on sale when possible"). */
        ON_SALE
    }

    public Preference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(term, "term");
        scope = List.copyOf(scope);
        Objects.requireNonNull(guidance, "guidance");
        if (term.isBlank() && (kind == Kind.PREFER || kind == Kind.BRAND || kind == Kind.AVOID || kind == Kind.ONLY)) {
            throw new IllegalArgumentException(kind + " needs a term");
        }
    }

    /** Whether this rule concerns the item: no scope, or the item's text names one of the scope's words. */
    public boolean appliesTo(String itemText) {
        if (scope.isEmpty()) {
            return true;
        }
        List<String> item = Words.stems(itemText);
        return scope.stream().anyMatch(s -> Words.contains(item, Words.stems(s)));
    }
}

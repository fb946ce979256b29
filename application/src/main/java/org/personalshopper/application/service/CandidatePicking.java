package org.personalshopper.application.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.personalshopper.application.port.out.ProductPicker;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.picking.RankedProduct;
import org.personalshopper.domain.picking.Ranking;

/**
 * The last step of planning: the rules' rankings as they are, or re-ranked and explained by an optional
 * {@link ProductPicker}. The picker's answer is used only when it is whole and sound (every item answered,
 * only offered products, every choice with a reason); otherwise, or when it fails or is slow, the rules'
 * ranking stands and the plan says so.
 */
public final class CandidatePicking {
    static final String RULES = "rules";
    /** How many of the rules' best products a picker is offered for each item. */
    static final int OFFERED = 10;
    private static final int MAX_REASONS = 3;
    private static final int MAX_REASON_LENGTH = 300;

    private static final System.Logger LOG = System.getLogger(CandidatePicking.class.getName());

    private final Optional<ProductPicker> picker;

    private CandidatePicking(Optional<ProductPicker> picker) {
        this.picker = picker;
    }

    public static CandidatePicking rulesOnly() {
        return new CandidatePicking(Optional.empty());
    }

    public static CandidatePicking with(ProductPicker picker) {
        return new CandidatePicking(Optional.of(Objects.requireNonNull(picker, "picker")));
    }

    /** The rankings to propose from, who ranked them, and notes for the shopper. */
    public record Picked(Map<String, Ranking> rankings, String pickedBy, List<String> notes) {
        public Picked {
            rankings = Map.copyOf(rankings);
            notes = List.copyOf(notes);
        }
    }

    /** The picker's answer did not hold up; {@code why} is safe to show. */
    private static final class Unusable extends RuntimeException {
        Unusable(String why) {
            super(why, null, false, false);
        }
    }

    Picked pick(Map<String, Ranking> rankings, List<Guidance> guidance) {
        List<ProductPicker.ItemToPick> items = new ArrayList<>();
        rankings.forEach((term, ranking) -> {
            if (!ranking.ranked().isEmpty()) {
                items.add(new ProductPicker.ItemToPick(term, ranking.top(OFFERED).stream().map(RankedProduct::product).toList()));
            }
        });
        if (picker.isEmpty() || items.isEmpty()) {
            return new Picked(rankings, RULES, List.of());
        }
        ProductPicker model = picker.get();
        List<ProductPicker.ItemPicks> answer;
        try {
            answer = model.pick(items, guidance.stream().map(g -> g.text().value()).toList());
            return new Picked(apply(rankings, items, answer), model.name(), List.of());
        } catch (Unusable e) {
            return fallback(rankings, model, "its answer was not usable: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the product picker failed; the rules' ranking is used: {0}", e.getClass().getSimpleName());
            return fallback(rankings, model, "it did not answer in time or failed");
        }
    }

    private static Picked fallback(Map<String, Ranking> rankings, ProductPicker model, String why) {
        return new Picked(rankings, RULES, List.of("the " + model.name() + " was asked to pick, but " + why
                + "; these picks follow the rules instead"));
    }

    private static Map<String, Ranking> apply(Map<String, Ranking> rankings, List<ProductPicker.ItemToPick> offered,
                                              List<ProductPicker.ItemPicks> answer) {
        Map<String, ProductPicker.ItemPicks> byItem = new LinkedHashMap<>();
        for (ProductPicker.ItemPicks picks : answer) {
            if (byItem.putIfAbsent(picks.item(), picks) != null) {
                throw new Unusable("it answered '" + picks.item() + "' twice");
            }
        }
        Map<String, Ranking> result = new LinkedHashMap<>(rankings);
        for (ProductPicker.ItemToPick item : offered) {
            ProductPicker.ItemPicks picks = byItem.remove(item.item());
            if (picks == null || picks.choices().isEmpty()) {
                throw new Unusable("it proposed nothing for '" + item.item() + "'");
            }
            Ranking ranking = rankings.get(item.item());
            Map<ProductId, RankedProduct> byId = new LinkedHashMap<>();
            ranking.ranked().stream().limit(OFFERED).forEach(r -> byId.put(r.product().productId(), r));
            List<RankedProduct> reordered = new ArrayList<>();
            Set<ProductId> seen = new HashSet<>();
            for (ProductPicker.Choice choice : picks.choices()) {
                RankedProduct rules = byId.get(choice.productId());
                if (rules == null) {
                    throw new Unusable("it proposed a product that was not offered for '" + item.item() + "'");
                }
                if (!seen.add(choice.productId())) {
                    throw new Unusable("it proposed the same product twice for '" + item.item() + "'");
                }
                List<String> reasons = choice.reasons().stream().map(r -> r == null ? "" : r.strip())
                        .filter(r -> !r.isEmpty()).limit(MAX_REASONS)
                        .map(r -> r.length() > MAX_REASON_LENGTH ? r.substring(0, MAX_REASON_LENGTH) : r).toList();
                if (reasons.isEmpty() || reasons.stream().anyMatch(r -> r.codePoints().anyMatch(Character::isISOControl))) {
                    throw new Unusable("it gave no usable reason for a product for '" + item.item() + "'");
                }
                reordered.add(new RankedProduct(rules.product(), rules.score(), reasons));
            }
            ranking.ranked().stream().filter(r -> !seen.contains(r.product().productId())).forEach(reordered::add);
            result.put(item.item(), new Ranking(ranking.itemText(), reordered, ranking.excluded()));
        }
        if (!byItem.isEmpty()) {
            throw new Unusable("it answered an item it was not asked about");
        }
        return result;
    }
}

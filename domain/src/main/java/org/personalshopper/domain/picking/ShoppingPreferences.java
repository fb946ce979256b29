package org.personalshopper.domain.picking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.personalshopper.domain.GuidanceText;
import org.personalshopper.domain.picking.Preference.Kind;

/**
 * The shopper's guidance lines read as rules, in plain English and whatever the case: "prefer organic",
 * "no pork", "avoid dairy", "only organic for milk", "brand Barilla", "cheapest store brand for staples",
 * "on sale when possible", "gluten-free", "vegetarian". A line ending in "for milk and eggs" applies to those
 * items only. Lines that say nothing we can act on are kept in {@link #notUnderstood()} so a plan can say so.
 * The rules are documented with examples in docs/ranking.md.
 */
public record ShoppingPreferences(List<Preference> rules, List<String> notUnderstood) {
    public static final ShoppingPreferences NONE = new ShoppingPreferences(List.of(), List.of());

    private static final Pattern AVOID = Pattern.compile(
            "^(?:i\\s+|we\\s+)?(?:no|avoid|never(?:\\s+buy)?|without|not|exclude|skip|nothing\\s+with|hate"
                    + "|(?:i'?m\\s+|i\\s+am\\s+|we\\s+are\\s+)?allergic\\s+to"
                    + "|(?:don'?t|do\\s+not)\\s+(?:buy|want|like|eat|get))\\s+(.+)$");
    private static final Pattern FREE_OF = Pattern.compile("^(?:only\\s+|prefer\\s+|buy\\s+)?([\\p{L} ]+?)[\\s-]free(?:\\s+only)?$");
    private static final Pattern ONLY = Pattern.compile("^(?:only|just)\\s+(?:buy\\s+|get\\s+)?(.+)$");
    private static final Pattern ONLY_SUFFIX = Pattern.compile("^(.+?)\\s+only$");
    private static final Pattern BRAND = Pattern.compile(
            "^(?:i\\s+)?(?:(?:prefer|like|love|buy|choose|want|always\\s+buy|get)\\s+)?(?:the\\s+)?brand\\s+(.+)$");
    private static final Pattern BRAND_SUFFIX = Pattern.compile(
            "^(?:i\\s+)?(?:(?:prefer|like|love|buy|choose|want|always\\s+buy|get)\\s+)?(?:the\\s+)?(.+?)\\s+brand$");
    private static final Pattern PREFER = Pattern.compile(
            "^(?:i\\s+|we\\s+)?(?:prefer|like|love|favou?r|choose|go\\s+for|buy|want|pick|get|always(?:\\s+buy|\\s+get)?)\\s+(.+)$");
    private static final Pattern SCOPE = Pattern.compile("^(.+?)\\s+for\\s+(.+)$");
    private static final Pattern CHEAPEST = Pattern.compile(
            "\\b(?:cheapest|cheap|cheaper|lowest\\s+price|low\\s+price|budget|save\\s+money|least\\s+expensive|inexpensive"
                    + "|best\\s+price|bargains?|best\\s+value)\\b");
    private static final Pattern ON_SALE = Pattern.compile("\\b(?:on\\s+sale|sales|deals?|discounts?|discounted|promotions?|specials)\\b");
    private static final Pattern SOFTENERS = Pattern.compile(
            "\\s+(?:when|if|where|whenever)\\s+(?:possible|available|i\\s+can|you\\s+can)$|\\s+(?:over|instead\\s+of|rather\\s+than)\\s+.+$");
    private static final Set<String> EVERY_ITEM = Set.of("everything", "all", "anything", "all items", "every item",
            "staples", "basics", "groceries", "my list", "the list", "everyday items", "all my items");
    private static final Set<String> FILLER = Set.of("a", "an", "the", "any", "anything", "products", "product", "items",
            "foods", "food", "stuff");
    /** What a diet rules out, as the words of the products it avoids. */
    private static final Map<String, List<String>> DIETS = Map.of(
            "vegetarian", List.of("meat", "fish", "shellfish"),
            "vegan", List.of("meat", "fish", "shellfish", "dairy", "egg", "honey"),
            "pescatarian", List.of("meat"),
            "kosher", List.of("pork", "shellfish"),
            "halal", List.of("pork", "alcohol"));

    public ShoppingPreferences {
        rules = List.copyOf(rules);
        notUnderstood = List.copyOf(notUnderstood);
    }

    /** Reads every line; a line may hold several clauses separated by ";" or a full stop. */
    public static ShoppingPreferences from(List<GuidanceText> guidance) {
        List<Preference> rules = new ArrayList<>();
        List<String> notUnderstood = new ArrayList<>();
        for (GuidanceText line : guidance) {
            int before = rules.size();
            for (String clause : line.value().toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("[;\\n]|\\.\\s+")) {
                read(clean(clause), line.value(), rules);
            }
            if (rules.size() == before) {
                notUnderstood.add(line.value());
            }
        }
        return new ShoppingPreferences(rules, notUnderstood);
    }

    public static ShoppingPreferences fromLines(String... lines) {
        return from(java.util.Arrays.stream(lines).map(GuidanceText::new).toList());
    }

    /** The rules that concern this item. */
    public List<Preference> applicableTo(String itemText) {
        return rules.stream().filter(r -> r.appliesTo(itemText)).toList();
    }

    private static void read(String clause, String line, List<Preference> into) {
        if (clause.isEmpty()) {
            return;
        }
        Matcher scoped = SCOPE.matcher(clause);
        List<String> scope = scoped.matches() ? scope(scoped.group(2)) : List.of();
        if (scoped.matches()) {
            clause = scoped.group(1);
        }
        clause = SOFTENERS.matcher(clause).replaceAll("").strip();
        boolean understood = false;
        if (CHEAPEST.matcher(clause).find()) {
            into.add(new Preference(Kind.CHEAPEST, "", scope, line));
            understood = true;
        }
        if (ON_SALE.matcher(clause).find()) {
            into.add(new Preference(Kind.ON_SALE, "", scope, line));
            understood = true;
        }
        if (understood) {
            return;
        }
        Matcher m;
        if ((m = FREE_OF.matcher(clause)).matches()) {
            String what = m.group(1).strip();
            into.add(new Preference(Kind.AVOID, what, scope, line));
            into.add(new Preference(Kind.PREFER, what + " free", scope, line));
        } else if (DIETS.containsKey(diet(clause))) {
            for (String avoided : DIETS.get(diet(clause))) {
                into.add(new Preference(Kind.AVOID, avoided, scope, line));
            }
        } else if ((m = AVOID.matcher(clause)).matches()) {
            terms(m.group(1)).forEach(t -> into.add(new Preference(Kind.AVOID, t, scope, line)));
        } else if ((m = ONLY.matcher(clause)).matches() || (m = ONLY_SUFFIX.matcher(clause)).matches()) {
            terms(m.group(1)).forEach(t -> into.add(new Preference(Kind.ONLY, t, scope, line)));
        } else if ((m = BRAND.matcher(clause)).matches() || (m = BRAND_SUFFIX.matcher(clause)).matches()) {
            if (!m.group(1).strip().equals("store")) {
                terms(m.group(1)).forEach(t -> into.add(new Preference(Kind.BRAND, t, scope, line)));
            }
        } else if ((m = PREFER.matcher(clause)).matches()) {
            terms(m.group(1)).forEach(t -> into.add(new Preference(Kind.PREFER, t, scope, line)));
        } else if (scope.isEmpty() && clause.split("\\s+").length <= 3 && !clause.matches("^(?:i|we|my|our|i'm|we're)\\b.*")) {
            // A bare "organic" or "local honey" is a preference for it.
            terms(clause).forEach(t -> into.add(new Preference(Kind.PREFER, t, scope, line)));
        }
    }

    /** "I'm vegetarian", "we are vegan", "vegetarian": the diet's name. */
    private static String diet(String clause) {
        return clause.replaceFirst("^(?:i'?m\\s+|i\\s+am\\s+|we\\s+are\\s+|we'?re\\s+)?(?:a\\s+)?", "");
    }

    private static String clean(String clause) {
        return clause.strip().replaceAll("[.!?]+$", "").replaceFirst("^(?:please|and|also)\\s+", "").replaceAll("\\s+", " ").strip();
    }

    /** "milk, eggs and bread" is three items; "staples" or "everything" is every item (no scope). */
    private static List<String> scope(String text) {
        List<String> items = terms(text);
        if (items.isEmpty() || items.stream().anyMatch(EVERY_ITEM::contains) || EVERY_ITEM.contains(text.strip())) {
            return List.of();
        }
        return items;
    }

    /** "pork, shellfish or nuts" is three terms; filler words ("any", "products") are dropped. */
    private static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        for (String part : text.split(",|\\s+and\\s+|\\s+or\\s+|\\s*&\\s*|\\s+nor\\s+")) {
            List<String> words = new ArrayList<>(List.of(part.strip().split("\\s+")));
            words.removeIf(w -> w.isEmpty() || FILLER.contains(w));
            if (!words.isEmpty()) {
                terms.add(String.join(" ", words));
            }
        }
        return terms;
    }
}

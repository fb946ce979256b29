package org.personalshopper.domain.picking;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to search the catalog for, from what the shopper wrote: "2 lb chicken thighs" searches "chicken
 * thighs", "Milk (for the kids)" searches "milk". Lower case, so items that differ only in case or in the
 * amount share one search. At least 3 characters and at most 8 words (the catalog's own limits).
 */
public final class SearchTerm {
    private static final Pattern AMOUNT = Pattern.compile(
            "^(?:\\d+(?:[.,/]\\d+)?|(?:a|an|one|two|three|four|five|six|half(?:\\s+an?)?|a\\s+dozen|dozen)\\b)\\s*"
                    + "(?:x\\s+)?(?:(?:lbs?|pounds?|oz|ounces?|kg|g|grams?|l|liters?|litres?|ml|gal|gallons?|qt|quarts?|pints?"
                    + "|packs?|pkgs?|packages?|bags?|boxes?|cans?|jars?|bottles?|cartons?|dozen|ct|count|bunch(?:es)?|loaf"
                    + "|loaves|heads?|cups?)\\b\\.?)?\\s*(?:of\\s+)?(?=\\S)");
    private static final Pattern NOTE = Pattern.compile("\\([^)]*\\)");
    private static final int MAX_WORDS = 8;
    private static final int MAX_LENGTH = 100;

    private SearchTerm() {
    }

    /** The term for this item; empty when what is left is too short to search (under 3 characters). */
    public static Optional<String> of(String itemText) {
        String text = NOTE.matcher(itemText.toLowerCase(Locale.ROOT)).replaceAll(" ").replaceAll("\\s+", " ").strip();
        String withoutAmount = AMOUNT.matcher(text).replaceFirst("").strip();
        if (withoutAmount.length() >= 3) {
            text = withoutAmount;
        }
        text = text.replaceAll("[^\\p{L}\\p{N}%&'\\- ]", " ").replaceAll("\\s+", " ").strip();
        String[] words = text.split(" ");
        if (words.length > MAX_WORDS) {
            text = String.join(" ", Arrays.copyOf(words, MAX_WORDS));
        }
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH).strip();
        }
        return text.length() >= 3 ? Optional.of(text) : Optional.empty();
    }
}

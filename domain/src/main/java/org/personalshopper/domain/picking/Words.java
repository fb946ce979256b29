package org.personalshopper.domain.picking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain-English word matching, case-insensitive: text is split into words, each reduced to a simple stem
 * (plural endings dropped), so "eggs" matches "egg" and "Strawberries" matches "strawberry".
 */
final class Words {
    private Words() {
    }

    /** The stems of {@code text}'s words, in order. Apostrophes vanish ("Dave's" is "daves"). */
    static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "").split("[^\\p{L}\\p{N}%]+")) {
            if (!word.isEmpty()) {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 4 && (word.endsWith("ches") || word.endsWith("shes") || word.endsWith("oes"))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** Where the phrase's stems appear in a row in {@code text}'s stems; -1 when they do not. */
    static int find(List<String> text, List<String> phrase, int from) {
        if (phrase.isEmpty()) {
            return -1;
        }
        for (int i = Math.max(0, from); i + phrase.size() <= text.size(); i++) {
            if (text.subList(i, i + phrase.size()).equals(phrase)) {
                return i;
            }
        }
        return -1;
    }

    static boolean contains(List<String> text, List<String> phrase) {
        return find(text, phrase, 0) >= 0;
    }
}

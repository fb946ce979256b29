package org.personalshopper.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rules every value type leans on, unchanged by making them cheap when they pass. */
class CheckTest {
    @Test
    void aPatternIsMatchedWholeAndTheSameRuleHoldsOnEveryCall() {
        for (int i = 0; i < 3; i++) {
            assertThat(Check.matches("upc", "0001111041700", "[0-9]{1,14}", "must be digits")).isEqualTo("0001111041700");
            assertThatThrownBy(() -> Check.matches("upc", "12a", "[0-9]{1,14}", "must be digits"))
                    .isInstanceOf(InvalidValueException.class).hasMessage("must be digits");
            assertThatThrownBy(() -> Check.matches("upc", "123\n", "[0-9]{1,14}", "must be digits"))
                    .isInstanceOf(InvalidValueException.class);
        }
        assertThatThrownBy(() -> Check.matches("upc", null, "[0-9]{1,14}", "must be digits"))
                .isInstanceOf(InvalidValueException.class).hasMessage("is required");
    }

    @Test
    void textIsTrimmedCountedInCodePointsAndRefusesControlCharacters() {
        assertThat(Check.text("item", "  milk ", 1, 200)).isEqualTo("milk");
        assertThat(Check.text("item", "\uD83E\uDD5B", 1, 1)).isEqualTo("\uD83E\uDD5B"); // one code point, two chars
        assertThatThrownBy(() -> Check.text("item", "ab", 3, 5)).hasMessage("must be 3 to 5 characters");
        assertThatThrownBy(() -> Check.text("item", "a\u0000b", 0, 5)).hasMessage("must not contain control characters");
        assertThatThrownBy(() -> Check.text("item", "a\u0085b", 0, 5)).hasMessage("must not contain control characters");
        assertThatThrownBy(() -> Check.text("item", "   ", 1, 5)).hasMessage("must be 1 to 5 characters");
    }

    @Test
    void aMissingPartIsNamedInTheFailure() {
        Check.requireNonNull("present", "createdAt");
        assertThatThrownBy(() -> Check.requireNonNull(null, "createdAt"))
                .isInstanceOf(NullPointerException.class).hasMessage("createdAt is required");
    }

    /** The character rules say the same as the patterns they replaced, for every character and length. */
    @Test
    void aCharacterRuleAcceptsExactlyWhatItsPatternWould() {
        String[][] rules = {{"0-9", "[0-9]"}, {"A-Za-z0-9", "[A-Za-z0-9]"}, {"!-~", "[\\x21-\\x7E]"},
                {"a-z0-9", "[a-z0-9]"}, {"a-z0-9-", "[a-z0-9-]"}, {"A-Za-z0-9._~-", "[A-Za-z0-9._~-]"}};
        for (String[] rule : rules) {
            Check.Chars chars = Check.Chars.of(rule[0]);
            java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(rule[1]);
            for (char c = 0; c < 0x3000; c++) {
                assertThat(chars.has(c)).as(rule[0] + " has U+%04X", (int) c)
                        .isEqualTo(pattern.matcher(String.valueOf(c)).matches());
            }
        }
        Check.Chars digits = Check.Chars.of("0-9");
        assertThat(Check.chars("upc", "0001111041700", digits, 1, 14, "must be digits")).isEqualTo("0001111041700");
        for (String wrong : new String[] {"", "123456789012345", "12a", "123\n", "\u0663"}) {
            assertThatThrownBy(() -> Check.chars("upc", wrong, digits, 1, 14, "must be digits"))
                    .isInstanceOf(InvalidValueException.class).hasMessage("must be digits");
        }
        assertThatThrownBy(() -> Check.chars("upc", null, digits, 1, 14, "must be digits")).hasMessage("is required");
        assertThatThrownBy(() -> new Provider("-kroger")).isInstanceOf(InvalidValueException.class);
        assertThat(new Provider("kroger-2").name()).isEqualTo("kroger-2");
    }
}

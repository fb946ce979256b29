package org.personalshopper.domain.picking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.personalshopper.domain.Fulfillment;
import org.personalshopper.domain.Price;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.StockLevel;
import org.personalshopper.domain.Upc;

/** Realistic list items, guidance and search results: what a shopper would expect to be proposed. */
class ProductRankingTest {
    private static final Fulfillment EVERYWHERE = new Fulfillment(true, true, true, false);

    static Product product(String id, String brand, String description, String regular, String promo, StockLevel stock) {
        return new Product(new ProductId(id), new Upc(id), description, Optional.of(brand), Optional.of("1 ct"),
                Optional.of(new Price(new BigDecimal(regular), Optional.ofNullable(promo).map(BigDecimal::new))),
                Optional.of(EVERYWHERE), Optional.ofNullable(stock), Optional.empty());
    }

    // What a store's search answers for each term (prices as at one store).
    static final List<Product> MILK = List.of(
            product("1", "Kroger", "Kroger 2% Reduced Fat Milk", "3.19", "2.55", StockLevel.HIGH),
            product("2", "Kroger", "Kroger Vitamin D Whole Milk", "3.29", null, StockLevel.HIGH),
            product("3", "Simple Truth Organic", "Simple Truth Organic Whole Milk", "4.49", null, StockLevel.LOW),
            product("4", "Horizon Organic", "Horizon Organic 2% Reduced Fat Milk", "5.29", null, StockLevel.HIGH),
            product("5", "Silk", "Silk Original Unsweetened Almond Milk", "3.79", null, StockLevel.HIGH));
    static final List<Product> BACON = List.of(
            product("10", "Smithfield", "Smithfield Hometown Original Pork Bacon", "6.99", null, StockLevel.HIGH),
            product("11", "Kroger", "Kroger Hickory Smoked Bacon", "4.99", null, StockLevel.HIGH));
    static final List<Product> PASTA = List.of(
            product("20", "Barilla", "Barilla Spaghetti Pasta", "1.89", null, StockLevel.HIGH),
            product("21", "Barilla", "Barilla Gluten Free Penne Pasta", "2.99", null, StockLevel.HIGH),
            product("22", "Kroger", "Kroger Penne Rigate Pasta", "1.09", null, StockLevel.HIGH),
            product("23", "Simple Truth Organic", "Simple Truth Organic Whole Wheat Spaghetti", "2.49", null, StockLevel.HIGH));
    static final List<Product> COFFEE = List.of(
            product("30", "Kroger", "Kroger Classic Roast Medium Ground Coffee", "7.99", null, StockLevel.HIGH),
            product("31", "Starbucks", "Starbucks Pike Place Roast Medium Roast Ground Coffee", "10.99", "9.49", StockLevel.HIGH),
            product("32", "Folgers", "Folgers Classic Roast Ground Coffee", "8.49", null, StockLevel.TEMPORARILY_OUT_OF_STOCK));
    static final List<Product> GRANOLA = List.of(
            product("40", "Simple Truth Organic", "Simple Truth Organic Honey Almond Granola Cereal", "4.29", null, StockLevel.HIGH),
            product("41", "Quaker", "Quaker Old Fashioned Rolled Oats", "4.99", null, StockLevel.HIGH));

    static Stream<Arguments> picks() {
        return Stream.of(
                // item, guidance lines, products found, expected first, never proposed
                Arguments.of("milk", lines(), MILK, "1", ids()),
                Arguments.of("milk", lines("prefer organic"), MILK, "4", ids()),
                Arguments.of("whole milk", lines("Prefer ORGANIC"), MILK, "3", ids()),
                Arguments.of("milk", lines("no dairy"), MILK, "5", ids("1", "2", "3", "4")),
                Arguments.of("milk", lines("I'm vegan"), MILK, "5", ids("1", "2", "3", "4")),
                Arguments.of("milk", lines("only organic for milk and eggs"), MILK, "3", ids("1", "2", "5")),
                Arguments.of("milk", lines("only organic for eggs"), MILK, "1", ids()),
                Arguments.of("2 gal milk", lines("no nuts"), MILK, "1", ids("5")),
                Arguments.of("milk", lines("brand Horizon"), MILK, "4", ids()),
                Arguments.of("milk", lines("Simple Truth brand"), MILK, "3", ids()),
                Arguments.of("bacon", lines("no pork"), BACON, null, ids("10", "11")),
                Arguments.of("bacon", lines("cheapest"), BACON, "11", ids()),
                Arguments.of("pasta", lines("gluten-free"), PASTA, "21", ids("23")),
                Arguments.of("pasta", lines("avoid gluten"), PASTA, "22", ids("23")),
                Arguments.of("spaghetti", lines("prefer organic", "cheapest store brand for staples"), PASTA, "23", ids()),
                Arguments.of("spaghetti", lines("cheapest store brand for staples"), PASTA, "20", ids()),
                Arguments.of("coffee", lines(), COFFEE, "30", ids()),
                Arguments.of("coffee", lines("on sale when possible"), COFFEE, "31", ids()),
                Arguments.of("ground coffee", lines("no Folgers"), COFFEE, "30", ids("32")),
                Arguments.of("granola", lines("no nuts"), GRANOLA, "41", ids("40")),
                Arguments.of("granola", lines("vegan"), GRANOLA, "41", ids("40")));
    }

    @ParameterizedTest(name = "{0} with {1}: first {3}, never {4}")
    @MethodSource("picks")
    void proposesWhatTheGuidanceAsksAndNeverAnAvoidedProduct(String item, List<String> guidance, List<Product> found,
                                                               String expectedFirst, List<String> neverProposed) {
        Ranking ranking = ProductRanking.rank(item, found, ShoppingPreferences.fromLines(guidance.toArray(String[]::new)));

        List<String> proposed = ranking.ranked().stream().map(r -> r.product().productId().value()).toList();
        if (!neverProposed.isEmpty()) {
            assertThat(proposed).doesNotContainAnyElementsOf(neverProposed);
            assertThat(ranking.excluded()).extracting(e -> e.product().productId().value()).containsAll(neverProposed);
        }
        if (expectedFirst == null) {
            assertThat(ranking.ranked()).isEmpty();
            assertThat(ranking.whyNoMatch(item)).isPresent();
        } else {
            assertThat(proposed).first().isEqualTo(expectedFirst);
            assertThat(ranking.ranked().get(0).reasons()).isNotEmpty();
        }
    }

    @Test
    void reasonsAreWordsAShopperReads() {
        Ranking milk = ProductRanking.rank("milk", MILK, ShoppingPreferences.fromLines("prefer organic"));
        RankedProduct horizon = milk.ranked().get(0);
        assertThat(horizon.reasons()).contains("matches 'milk'", "matches your guidance 'prefer organic'", "in stock at your store");

        RankedProduct sale = ProductRanking.rank("milk", MILK, ShoppingPreferences.NONE).ranked().get(0);
        assertThat(sale.reasons()).contains("on sale: $2.55 instead of $3.19", "cheapest of the 5 priced: $2.55");

        Ranking coffee = ProductRanking.rank("coffee", COFFEE, ShoppingPreferences.NONE);
        assertThat(coffee.ranked()).last().satisfies(last -> {
            assertThat(last.product().productId().value()).isEqualTo("32");
            assertThat(last.reasons()).contains("temporarily out of stock at your store");
        });
    }

    @Test
    void noMatchSaysWhy() {
        assertThat(ProductRanking.rank("bacon", BACON, ShoppingPreferences.fromLines("No pork.")).whyNoMatch("bacon"))
                .hasValue("every one of the 2 products found for 'bacon' is ruled out by your guidance 'No pork.'");
        assertThat(ProductRanking.rank("coffee", COFFEE, ShoppingPreferences.fromLines("only organic")).whyNoMatch("coffee"))
                .hasValue("none of the 3 products found for 'coffee' meets your guidance 'only organic'");
        assertThat(ProductRanking.rank("chicken thighs", List.of(), ShoppingPreferences.NONE).whyNoMatch("chicken thighs"))
                .hasValue("nothing found for 'chicken thighs' at your store");
    }

    @Test
    void theSameInputsAlwaysGiveTheSameRankingWhateverTheOrderFound() {
        ShoppingPreferences guidance = ShoppingPreferences.fromLines("prefer organic", "cheapest");
        List<Product> reversed = new java.util.ArrayList<>(MILK);
        java.util.Collections.reverse(reversed);
        Ranking a = ProductRanking.rank("milk", MILK, guidance);
        Ranking b = ProductRanking.rank("milk", reversed, guidance);
        assertThat(a.ranked()).isEqualTo(b.ranked());
        assertThat(a.ranked()).extracting(RankedProduct::score).isSortedAccordingTo((x, y) -> y - x);
        assertThat(a.ranked()).allSatisfy(r -> assertThat(r.score()).isBetween(0, 100));
    }

    @Test
    void aProductFoundTwiceIsProposedOnce() {
        List<Product> twice = Stream.concat(MILK.stream(), MILK.stream()).toList();
        assertThat(ProductRanking.rank("milk", twice, ShoppingPreferences.NONE).ranked()).hasSize(MILK.size());
    }

    static Stream<Arguments> guidanceLines() {
        return Stream.of(
                Arguments.of("prefer organic", "PREFER organic"),
                Arguments.of("Prefer Organic!", "PREFER organic"),
                Arguments.of("no pork", "AVOID pork"),
                Arguments.of("No pork or shellfish", "AVOID pork|AVOID shellfish"),
                Arguments.of("avoid dairy products", "AVOID dairy"),
                Arguments.of("I'm allergic to peanuts", "AVOID peanuts"),
                Arguments.of("don't buy Folgers", "AVOID folgers"),
                Arguments.of("only organic for milk and eggs", "ONLY organic for milk,eggs"),
                Arguments.of("organic only", "ONLY organic"),
                Arguments.of("brand Barilla", "BRAND barilla"),
                Arguments.of("I like the Simple Truth brand", "BRAND simple truth"),
                Arguments.of("cheapest store brand for staples", "CHEAPEST "),
                Arguments.of("Buy on sale when possible", "ON_SALE "),
                Arguments.of("gluten-free", "AVOID gluten|PREFER gluten free"),
                Arguments.of("vegetarian", "AVOID meat|AVOID fish|AVOID shellfish"),
                Arguments.of("prefer local over imported", "PREFER local"),
                Arguments.of("organic; no pork", "PREFER organic|AVOID pork"));
    }

    @ParameterizedTest(name = "''{0}'' reads as {1}")
    @MethodSource("guidanceLines")
    void guidanceIsReadInPlainEnglishWhateverTheCase(String line, String expected) {
        List<String> read = ShoppingPreferences.fromLines(line).rules().stream()
                .map(r -> r.kind() + " " + r.term() + (r.scope().isEmpty() ? "" : " for " + String.join(",", r.scope())))
                .toList();
        assertThat(read).containsExactlyElementsOf(Arrays.asList(expected.split("\\|")));
    }

    @Test
    void aLineWithNothingToActOnIsReportedNotGuessed() {
        ShoppingPreferences read = ShoppingPreferences.fromLines("we shop for a family of four on weekends", "prefer organic");
        assertThat(read.notUnderstood()).containsExactly("we shop for a family of four on weekends");
        assertThat(read.rules()).hasSize(1);
    }

    static Stream<Arguments> searchTerms() {
        return Stream.of(
                Arguments.of("milk", "milk"),
                Arguments.of("2 lb chicken thighs", "chicken thighs"),
                Arguments.of("1 gal 2% Milk", "2% milk"),
                Arguments.of("a dozen eggs", "eggs"),
                Arguments.of("Coffee (the dark one)", "coffee"),
                Arguments.of("3 cans of tomatoes", "tomatoes"),
                Arguments.of("OJ", null),
                Arguments.of("12 ct", "12 ct"),
                Arguments.of("apples pears plums kiwis limes lemons figs dates grapes", "apples pears plums kiwis limes lemons figs dates"));
    }

    @ParameterizedTest(name = "''{0}'' searches ''{1}''")
    @MethodSource("searchTerms")
    void theSearchTermDropsTheAmountAndCase(String item, String expected) {
        assertThat(SearchTerm.of(item)).isEqualTo(Optional.ofNullable(expected));
    }

    private static List<String> lines(String... lines) {
        return List.of(lines);
    }

    private static List<String> ids(String... ids) {
        return List.of(ids);
    }

}

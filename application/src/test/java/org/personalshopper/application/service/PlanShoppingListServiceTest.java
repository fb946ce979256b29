package org.personalshopper.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.personalshopper.application.fakes.FakeClock;
import org.personalshopper.application.fakes.FakeIdentityProvider;
import org.personalshopper.application.fakes.InMemoryGuidanceRepository;
import org.personalshopper.application.fakes.InMemorySelectionRepository;
import org.personalshopper.application.fakes.InMemoryShopperRepository;
import org.personalshopper.application.fakes.InMemoryShoppingListRepository;
import org.personalshopper.application.fakes.InMemoryTransactions;
import org.personalshopper.application.port.in.ChooseProductForItem;
import org.personalshopper.application.port.in.ManageShoppingLists;
import org.personalshopper.application.port.in.NoPreferredStoreException;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.PlanShoppingList.ItemPlan;
import org.personalshopper.application.port.in.PlanShoppingList.ItemStatus;
import org.personalshopper.application.port.in.PlanShoppingList.ListPlan;
import org.personalshopper.application.port.in.PlanShoppingList.PlanCommand;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.application.port.out.ProductPicker;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Fulfillment;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.GuidanceText;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.Price;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListItem;
import org.personalshopper.domain.StockLevel;
import org.personalshopper.domain.StoreLocationId;
import org.personalshopper.domain.Upc;

/** Planning a list: confirmed picks reused, one search per distinct item, guidance followed, quotas respected. */
class PlanShoppingListServiceTest {
    private static final StoreLocationId STORE = new StoreLocationId("01400943");

    /** A catalog whose answers a test scripts; counts calls and how many ran at once. */
    static final class ScriptedCatalog implements ProductCatalog {
        final List<ProductQuery> searches = new CopyOnWriteArrayList<>();
        final ConcurrentHashMap<String, RuntimeException> failing = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        volatile long pauseMillis;
        /** Terms answered only after this long (interrupted when the test ends). */
        final ConcurrentHashMap<String, Long> slowTerms = new ConcurrentHashMap<>();
        final List<Product> products = new CopyOnWriteArrayList<>();

        @Override
        public ProductPage search(ProductQuery query, AccessToken appToken) {
            searches.add(query);
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                long pause = slowTerms.getOrDefault(query.term(), pauseMillis);
                if (pause > 0) {
                    Thread.sleep(pause);
                }
                RuntimeException failure = failing.get(query.term());
                if (failure != null) {
                    throw failure;
                }
                List<Product> found = products.stream()
                        .filter(p -> List.of(query.term().split(" ")).stream().allMatch(w -> p.description().toLowerCase().contains(w)))
                        .limit(query.limit()).toList();
                return new ProductPage(found, 0, query.limit(), found.size());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public Optional<Product> find(ProductId productId, Optional<StoreLocationId> locationId, AccessToken appToken) {
            return products.stream().filter(p -> p.productId().equals(productId)).findFirst();
        }
    }

    static Product product(String id, String brand, String description, String price) {
        return new Product(new ProductId(id), new Upc(id), description, Optional.of(brand), Optional.of("1 ct"),
                Optional.of(new Price(new BigDecimal(price), Optional.empty())), Optional.of(new Fulfillment(true, true, true, false)),
                Optional.of(StockLevel.HIGH), Optional.empty());
    }

    private final FakeClock clock = new FakeClock();
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryShopperRepository shoppers = new InMemoryShopperRepository(transactions);
    private final InMemoryGuidanceRepository guidance = new InMemoryGuidanceRepository();
    private final InMemorySelectionRepository selections = new InMemorySelectionRepository();
    private final InMemoryShoppingListRepository lists = new InMemoryShoppingListRepository();
    private final ScriptedCatalog catalog = new ScriptedCatalog();
    private final FakeIdentityProvider provider = new FakeIdentityProvider();
    private final AppTokens appTokens = new AppTokens(provider, clock);
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final ManageShoppingListsService manage = new ManageShoppingListsService(lists, clock);
    private final ChooseProductForItemService choose = new ChooseProductForItemService(lists, shoppers, selections, catalog,
            appTokens, clock);
    private final ShopperId shopper = ShopperId.random();

    @BeforeEach
    void aShopperWithAStoreAndACatalog() {
        shoppers.seed(new Shopper(shopper, Optional.of(STORE), clock.now()));
        catalog.products.addAll(List.of(
                product("1", "Kroger", "Kroger 2% Reduced Fat Milk", "3.19"),
                product("2", "Simple Truth Organic", "Simple Truth Organic Whole Milk", "4.49"),
                product("3", "Kroger", "Kroger Grade A Large White Eggs", "2.99"),
                product("4", "Vital Farms", "Vital Farms Pasture-Raised Large Eggs", "6.49"),
                product("5", "Smithfield", "Smithfield Hometown Original Pork Bacon", "6.99"),
                product("6", "Kroger", "Kroger Classic Roast Medium Ground Coffee", "7.99")));
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private PlanShoppingListService planner(ProductCatalog using, int maxConcurrent, CandidatePicking picking) {
        return new PlanShoppingListService(lists, shoppers, guidance, selections, using, appTokens, pool, maxConcurrent, picking);
    }

    private PlanShoppingListService planner() {
        return planner(catalog, 4, CandidatePicking.rulesOnly());
    }

    private ShoppingList listOf(String... items) {
        return manage.create(new ManageShoppingLists.CreateList(shopper, "Weekly shop", List.of(items).stream()
                .map(i -> new ManageShoppingLists.NewItem(new ShoppingListItem(i), new Quantity(1), Optional.empty())).toList()));
    }

    private void guide(String... lines) {
        for (String line : lines) {
            guidance.addIfFewerThan(new Guidance(GuidanceId.random(), shopper, new GuidanceText(line), clock.now()), 100);
        }
    }

    private static ItemPlan item(ListPlan plan, String text) {
        return plan.items().stream().filter(i -> i.text().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void proposesUpToThreeRankedCandidatesWithScoresAndReasons() {
        ShoppingList list = listOf("milk", "eggs", "coffee");
        guide("prefer organic");

        ListPlan plan = planner().plan(new PlanCommand(shopper, list.id()));

        assertThat(plan.complete()).isTrue();
        assertThat(plan.pickedBy()).isEqualTo("rules");
        ItemPlan milk = item(plan, "milk");
        assertThat(milk.status()).isEqualTo(ItemStatus.PROPOSED);
        assertThat(milk.candidates()).hasSizeBetween(1, 3);
        assertThat(milk.candidates().get(0).description()).isEqualTo("Simple Truth Organic Whole Milk");
        assertThat(milk.candidates().get(0).reasons()).contains("matches your guidance 'prefer organic'");
        assertThat(milk.candidates().get(0).score()).isGreaterThan(milk.candidates().get(1).score());
        assertThat(plan.items()).extracting(ItemPlan::text).containsExactly("milk", "eggs", "coffee");
    }

    @Test
    void anAvoidedProductIsNeverProposedAndAnItemWithOnlyAvoidedProductsSaysWhy() {
        ShoppingList list = listOf("bacon", "chicken thighs");
        guide("No pork");

        ListPlan plan = planner().plan(new PlanCommand(shopper, list.id()));

        assertThat(item(plan, "bacon").status()).isEqualTo(ItemStatus.NO_MATCH);
        assertThat(item(plan, "bacon").candidates()).isEmpty();
        assertThat(item(plan, "bacon").reason()).contains("ruled out by your guidance 'No pork'");
        assertThat(item(plan, "chicken thighs").status()).isEqualTo(ItemStatus.NO_MATCH);
        assertThat(item(plan, "chicken thighs").reason()).isEqualTo("nothing found for 'chicken thighs' at your store");
    }

    @Test
    void aConfirmedPickIsReusedOnEveryLaterListWithoutASearch() {
        ShoppingList first = listOf("Milk", "eggs");
        ListItem milk = first.items().get(0);
        choose.choose(new ChooseProductForItem.ChooseProduct(shopper, first.id(), milk.id(), new ProductId("2")));

        ShoppingList next = listOf("  milk ", "coffee");
        catalog.searches.clear();
        ListPlan plan = planner().plan(new PlanCommand(shopper, next.id()));

        ItemPlan reused = item(plan, "milk");
        assertThat(reused.status()).isEqualTo(ItemStatus.CHOSEN);
        assertThat(reused.candidates().get(0).productId()).isEqualTo(new ProductId("2"));
        assertThat(catalog.searches).extracting(ProductQuery::term).containsExactly("coffee");

        choose.forget(shopper, next.id(), next.items().get(0).id());
        assertThat(item(planner().plan(new PlanCommand(shopper, next.id())), "milk").status()).isEqualTo(ItemStatus.PROPOSED);
    }

    @Test
    void itemsThatShareASearchTermShareOneSearch() {
        ShoppingList list = listOf("milk", "Milk", "2 gal milk", "MILK (for the kids)", "eggs", "a dozen eggs");

        ListPlan plan = planner().plan(new PlanCommand(shopper, list.id()));

        assertThat(catalog.searches).extracting(ProductQuery::term).containsExactlyInAnyOrder("milk", "eggs");
        assertThat(catalog.searches).allSatisfy(q -> assertThat(q.locationId()).contains(STORE));
        assertThat(plan.items()).hasSize(6).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.PROPOSED));
    }

    @Test
    void searchesRunInParallelButNeverMoreThanTheBound() {
        ShoppingList list = listOf(IntStream.range(0, 30).mapToObj(i -> "item number " + i).toArray(String[]::new));
        catalog.pauseMillis = 20;

        planner(catalog, 3, CandidatePicking.rulesOnly()).plan(new PlanCommand(shopper, list.id()));

        assertThat(catalog.searches).hasSize(30);
        assertThat(catalog.mostAtOnce.get()).isBetween(1, 3);
    }

    @Test
    void aThirtyItemListIsThirtySearchesColdAndNoneWarm() {
        ShoppingList list = listOf(IntStream.range(0, 30).mapToObj(i -> "grocery " + i).toArray(String[]::new));
        CachingProductCatalog cached = new CachingProductCatalog(catalog, clock, Duration.ofMinutes(5), 1000);

        planner(cached, 4, CandidatePicking.rulesOnly()).plan(new PlanCommand(shopper, list.id()));
        assertThat(catalog.searches).hasSize(30);
        planner(cached, 4, CandidatePicking.rulesOnly()).plan(new PlanCommand(shopper, list.id()));
        assertThat(catalog.searches).hasSize(30);

        clock.advance(Duration.ofMinutes(6));
        planner(cached, 4, CandidatePicking.rulesOnly()).plan(new PlanCommand(shopper, list.id()));
        assertThat(catalog.searches).hasSize(60);
    }

    @Test
    void aRateLimitMidPlanGivesAPartialPlanNamingTheItemsNotSearched() {
        ShoppingList list = listOf("milk", "eggs", "coffee", "bacon");
        catalog.failing.put("eggs", new ProviderException(ProviderFailure.RATE_LIMITED, "quota", Optional.of(Duration.ofSeconds(90)), null));

        // One search at a time, in list order: milk is searched, eggs hits the quota, nothing after is tried.
        ListPlan plan = new PlanShoppingListService(lists, shoppers, guidance, selections, catalog, appTokens, Runnable::run, 1,
                CandidatePicking.rulesOnly()).plan(new PlanCommand(shopper, list.id()));

        assertThat(plan.complete()).isFalse();
        assertThat(plan.retryAfter()).contains(Duration.ofSeconds(90));
        assertThat(item(plan, "milk").status()).isEqualTo(ItemStatus.PROPOSED);
        for (String unsearched : List.of("eggs", "coffee", "bacon")) {
            assertThat(item(plan, unsearched).status()).isEqualTo(ItemStatus.NOT_SEARCHED);
            assertThat(item(plan, unsearched).reason()).contains("quota is spent").contains("try again in 90 s");
        }
        assertThat(catalog.searches).extracting(ProductQuery::term).containsExactly("milk", "eggs");
    }

    @Test
    void aSlowCatalogIsWaitedForOnlyUntilThePlansDeadlineAndNoSearchStartsAfterIt() {
        ShoppingList list = listOf("milk", "eggs", "coffee", "bacon", "bread", "butter");
        List.of("eggs", "coffee", "bacon", "bread", "butter").forEach(term -> catalog.slowTerms.put(term, 60_000L));

        // One thread: the searches start in list order, so milk is answered before the deadline.
        ExecutorService inOrder = Executors.newSingleThreadExecutor();
        ListPlan plan;
        try {
            plan = new PlanShoppingListService(lists, shoppers, guidance, selections, catalog, appTokens, inOrder, 1,
                    CandidatePicking.rulesOnly(), Duration.ofSeconds(2)).plan(new PlanCommand(shopper, list.id()));
        } finally {
            inOrder.shutdownNow();
        }

        assertThat(plan.complete()).isFalse();
        assertThat(item(plan, "milk").status()).isEqualTo(ItemStatus.PROPOSED);
        assertThat(item(plan, "butter").status()).isEqualTo(ItemStatus.NOT_SEARCHED);
        assertThat(item(plan, "butter").reason()).contains("did not answer in time");
        // milk, and eggs in flight at the deadline; nothing after it.
        assertThat(catalog.searches).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void aCatalogFailureForOneItemLeavesTheRestOfThePlan() {
        ShoppingList list = listOf("milk", "coffee");
        catalog.failing.put("coffee", new ProviderException(ProviderFailure.TIMED_OUT, "slow"));

        ListPlan plan = planner().plan(new PlanCommand(shopper, list.id()));

        assertThat(item(plan, "milk").status()).isEqualTo(ItemStatus.PROPOSED);
        assertThat(item(plan, "coffee").status()).isEqualTo(ItemStatus.NOT_SEARCHED);
        assertThat(item(plan, "coffee").reason()).contains("did not answer in time");
    }

    @Test
    void planningNeedsAPreferredStoreAndTheShoppersOwnList() {
        ShoppingList list = listOf("milk");
        assertThatThrownBy(() -> planner().plan(new PlanCommand(ShopperId.random(), list.id())))
                .isInstanceOf(NotFoundException.class);

        ShopperId storeless = ShopperId.random();
        shoppers.seed(new Shopper(storeless, Optional.empty(), clock.now()));
        ShoppingList theirs = manage.create(new ManageShoppingLists.CreateList(storeless, "Mine", List.of()));
        assertThatThrownBy(() -> planner().plan(new PlanCommand(storeless, theirs.id())))
                .isInstanceOf(NoPreferredStoreException.class);
        assertThat(catalog.searches).isEmpty();
    }

    @Test
    void checkedItemsAreDoneAndNotPlanned() {
        ShoppingList list = listOf("milk", "eggs");
        manage.changeItem(new ManageShoppingLists.ChangeItem(shopper, list.id(), list.items().get(1).id(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(true)));

        ListPlan plan = planner().plan(new PlanCommand(shopper, list.id()));

        assertThat(plan.items()).extracting(ItemPlan::text).containsExactly("milk");
    }

    @Test
    void guidanceThatCannotBeReadIsNamedInThePlan() {
        ShoppingList list = listOf("milk");
        guide("we shop on weekends for a family of four");
        assertThat(planner().plan(new PlanCommand(shopper, list.id())).notes())
                .containsExactly("guidance not used, it could not be read as a rule: 'we shop on weekends for a family of four'");
    }

    /** A picker whose answer a test scripts. */
    private static ProductPicker picker(Function<List<ProductPicker.ItemToPick>, List<ProductPicker.ItemPicks>> answer) {
        return new ProductPicker() {
            @Override
            public String name() {
                return "language model";
            }

            @Override
            public List<ProductPicker.ItemPicks> pick(List<ProductPicker.ItemToPick> items, List<String> guidance) {
                return answer.apply(items);
            }
        };
    }

    @Test
    void aPickerReRanksAndExplainsWhenItsAnswerIsSound() {
        ShoppingList list = listOf("milk");
        List<List<ProductPicker.ItemToPick>> asked = new ArrayList<>();
        ProductPicker model = picker(items -> {
            asked.add(items);
            return List.of(new ProductPicker.ItemPicks("milk", List.of(
                    new ProductPicker.Choice(new ProductId("1"), List.of("the 2% the household drinks")))));
        });

        ListPlan plan = planner(catalog, 4, CandidatePicking.with(model)).plan(new PlanCommand(shopper, list.id()));

        assertThat(plan.pickedBy()).isEqualTo("language model");
        assertThat(item(plan, "milk").candidates().get(0).productId()).isEqualTo(new ProductId("1"));
        assertThat(item(plan, "milk").candidates().get(0).reasons()).containsExactly("the 2% the household drinks");
        assertThat(asked.get(0)).singleElement().satisfies(i -> assertThat(i.item()).isEqualTo("milk"));
    }

    @Test
    void aPickerThatFailsOrAnswersBadlyLeavesTheRulesRankingAndThePlanSaysSo() {
        ShoppingList list = listOf("bacon", "milk");
        guide("no pork");
        List<ProductPicker> bad = List.of(
                picker(items -> {
                    throw new ProviderException(ProviderFailure.TIMED_OUT, "slow");
                }),
                // Proposes the avoided bacon, which was never offered.
                picker(items -> List.of(new ProductPicker.ItemPicks("milk", List.of(
                        new ProductPicker.Choice(new ProductId("5"), List.of("tasty")))))),
                picker(items -> List.of(new ProductPicker.ItemPicks("milk", List.of(
                        new ProductPicker.Choice(new ProductId("1"), List.of(" ")))))),
                picker(items -> List.of()));
        ListPlan rules = planner().plan(new PlanCommand(shopper, list.id()));

        for (ProductPicker model : bad) {
            ListPlan plan = planner(catalog, 4, CandidatePicking.with(model)).plan(new PlanCommand(shopper, list.id()));
            assertThat(plan.pickedBy()).isEqualTo("rules");
            assertThat(plan.items()).isEqualTo(rules.items());
            assertThat(plan.notes()).singleElement().asString().startsWith("the language model was asked to pick, but");
        }
    }
}

package org.personalshopper.application.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.personalshopper.application.port.in.NoPreferredStoreException;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.PlanShoppingList;
import org.personalshopper.application.port.out.GuidanceRepository;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.SelectionRepository;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.application.port.out.ShoppingListRepository;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.StoreLocationId;
import org.personalshopper.domain.picking.ProductRanking;
import org.personalshopper.domain.picking.RankedProduct;
import org.personalshopper.domain.picking.Ranking;
import org.personalshopper.domain.picking.SearchTerm;
import org.personalshopper.domain.picking.ShoppingPreferences;

/**
 * Plans a list: confirmed picks first (no search), then one catalog search per distinct search term, run
 * on the given executor with at most {@code maxConcurrentSearches} in flight across all plans, ranked by
 * the domain's rules (optionally re-ranked by a {@link CandidatePicking} step). When the catalog says its
 * quota is spent, no further search is started and the items left are reported as not searched.
 */
public final class PlanShoppingListService implements PlanShoppingList {
    /** How many products each search asks for: enough to rank, one call either way. */
    static final int SEARCH_LIMIT = 20;
    /**
     * How long a plan waits for its searches, however many and however slow the catalog: the items not
     * searched by then are answered as not searched, and their searches not yet started never start.
     */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);

    private final ShoppingListRepository lists;
    private final ShopperRepository shoppers;
    private final GuidanceRepository guidance;
    private final SelectionRepository selections;
    private final ProductCatalog catalog;
    private final AppTokens appTokens;
    private final Executor executor;
    private final Semaphore searchSlots;
    private final CandidatePicking picking;
    private final Duration planDeadline;

    public PlanShoppingListService(ShoppingListRepository lists, ShopperRepository shoppers, GuidanceRepository guidance,
                                   SelectionRepository selections, ProductCatalog catalog, AppTokens appTokens,
                                   Executor executor, int maxConcurrentSearches, CandidatePicking picking) {
        this(lists, shoppers, guidance, selections, catalog, appTokens, executor, maxConcurrentSearches, picking, DEFAULT_DEADLINE);
    }

    public PlanShoppingListService(ShoppingListRepository lists, ShopperRepository shoppers, GuidanceRepository guidance,
                                   SelectionRepository selections, ProductCatalog catalog, AppTokens appTokens,
                                   Executor executor, int maxConcurrentSearches, CandidatePicking picking, Duration planDeadline) {
        this.lists = Objects.requireNonNull(lists, "lists");
        this.shoppers = Objects.requireNonNull(shoppers, "shoppers");
        this.guidance = Objects.requireNonNull(guidance, "guidance");
        this.selections = Objects.requireNonNull(selections, "selections");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.appTokens = Objects.requireNonNull(appTokens, "appTokens");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (maxConcurrentSearches < 1) {
            throw new IllegalArgumentException("maxConcurrentSearches must be at least 1");
        }
        this.searchSlots = new Semaphore(maxConcurrentSearches, true);
        this.picking = Objects.requireNonNull(picking, "picking");
        this.planDeadline = Objects.requireNonNull(planDeadline, "planDeadline");
    }

    /** What one search came to: the products found, or the failure that kept it from being made. */
    private record Searched(List<Product> found, Optional<ProviderException> failure) {
    }

    @Override
    public ListPlan plan(PlanCommand command) {
        Objects.requireNonNull(command, "command");
        ShoppingList list = lists.find(command.shopperId(), command.listId()).orElseThrow(() -> new NotFoundException("list"));
        StoreLocationId store = shoppers.find(command.shopperId()).flatMap(Shopper::preferredLocation)
                .orElseThrow(NoPreferredStoreException::new);
        List<Guidance> lines = guidance.list(command.shopperId());
        ShoppingPreferences preferences = ShoppingPreferences.from(lines.stream().map(Guidance::text).toList());
        Map<String, Selection> picks = selections.list(command.shopperId()).stream()
                .collect(Collectors.toMap(s -> s.item().key(), Function.identity(), (a, b) -> a));

        List<ListItem> open = list.openItems();
        Map<String, CompletableFuture<Searched>> searches = new LinkedHashMap<>();
        // Set when the catalog's quota runs out or the plan runs out of time: searches not started yet skip.
        AtomicReference<ProviderException> stopped = new AtomicReference<>();
        for (ListItem item : open) {
            if (!picks.containsKey(item.text().key())) {
                SearchTerm.of(item.text().name()).ifPresent(term -> searches.computeIfAbsent(term,
                        t -> CompletableFuture.supplyAsync(() -> search(t, store, stopped), executor)));
            }
        }

        Map<String, Ranking> rankings = new LinkedHashMap<>();
        Map<String, Searched> results = new LinkedHashMap<>();
        long deadline = System.nanoTime() + planDeadline.toNanos();
        searches.forEach((term, future) -> {
            Searched searched = awaitUntil(future, deadline, stopped);
            results.put(term, searched);
            if (searched.failure().isEmpty()) {
                rankings.put(term, ProductRanking.rank(term, searched.found(), preferences));
            }
        });
        CandidatePicking.Picked picked = picking.pick(rankings, lines);

        List<ItemPlan> items = new ArrayList<>();
        for (ListItem item : open) {
            items.add(planFor(item, picks, results, picked.rankings()));
        }
        List<String> notes = new ArrayList<>(picked.notes());
        preferences.notUnderstood().forEach(line -> notes.add("guidance not used, it could not be read as a rule: '" + line + "'"));
        boolean complete = items.stream().noneMatch(i -> i.status() == ItemStatus.NOT_SEARCHED);
        Optional<Duration> retryAfter = results.values().stream().map(Searched::failure).flatMap(Optional::stream)
                .map(ProviderException::retryAfter).flatMap(Optional::stream).max(Duration::compareTo);
        return new ListPlan(list.id(), items, complete, complete ? Optional.empty() : retryAfter, picked.pickedBy(), notes);
    }

    /**
     * The search's result, or "timed out" once the plan's deadline has passed; then no search of this plan
     * that has not started yet will start (they find the plan given up on).
     */
    private static Searched awaitUntil(CompletableFuture<Searched> future, long deadline,
                                       AtomicReference<ProviderException> givenUp) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            ProviderException late = new ProviderException(ProviderFailure.TIMED_OUT, "the plan ran out of time");
            givenUp.compareAndSet(null, late);
            return new Searched(List.of(), Optional.of(late));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProviderException stopped = new ProviderException(ProviderFailure.UNAVAILABLE, "interrupted");
            givenUp.compareAndSet(null, stopped);
            return new Searched(List.of(), Optional.of(stopped));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Searched search(String term, StoreLocationId store, AtomicReference<ProviderException> stopped) {
        try {
            searchSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Searched(List.of(), Optional.of(new ProviderException(ProviderFailure.UNAVAILABLE, "interrupted")));
        }
        try {
            ProviderException spent = stopped.get();
            if (spent != null) {
                return new Searched(List.of(), Optional.of(spent));
            }
            ProductQuery query = new ProductQuery(term, Optional.of(store), Optional.empty(), 0, SEARCH_LIMIT);
            ProductPage page = appTokens.withAppToken(token -> catalog.search(query, token));
            return new Searched(page.items(), Optional.empty());
        } catch (ProviderException e) {
            if (e.failure() == ProviderFailure.RATE_LIMITED) {
                stopped.compareAndSet(null, e);
            }
            return new Searched(List.of(), Optional.of(e));
        } finally {
            searchSlots.release();
        }
    }

    private static ItemPlan planFor(ListItem item, Map<String, Selection> picks, Map<String, Searched> results,
                                    Map<String, Ranking> rankings) {
        String text = item.text().name();
        Selection pick = picks.get(item.text().key());
        if (pick != null) {
            Candidate confirmed = new Candidate(pick.productId(), pick.upc(), pick.description().orElse(pick.item().name()),
                    pick.brand(), pick.size(), Optional.empty(), 100, List.of("you confirmed this product for '" + pick.item().name() + "'"));
            return new ItemPlan(item.id(), text, item.quantity(), ItemStatus.CHOSEN,
                    "your confirmed pick for '" + pick.item().name() + "'", List.of(confirmed));
        }
        Optional<String> term = SearchTerm.of(text);
        if (term.isEmpty()) {
            return new ItemPlan(item.id(), text, item.quantity(), ItemStatus.NO_MATCH,
                    "'" + text + "' is too short to search for: write at least 3 letters", List.of());
        }
        Searched searched = results.get(term.get());
        if (searched.failure().isPresent()) {
            return new ItemPlan(item.id(), text, item.quantity(), ItemStatus.NOT_SEARCHED,
                    notSearched(searched.failure().get()), List.of());
        }
        Ranking ranking = rankings.get(term.get());
        Optional<String> noMatch = ranking.whyNoMatch(term.get());
        if (noMatch.isPresent()) {
            return new ItemPlan(item.id(), text, item.quantity(), ItemStatus.NO_MATCH, noMatch.get(), List.of());
        }
        List<Candidate> candidates = ranking.top(MAX_CANDIDATES).stream().map(PlanShoppingListService::candidate).toList();
        String reason = "best " + candidates.size() + " of " + ranking.ranked().size() + " products found for '" + term.get() + "'";
        if (!ranking.excluded().isEmpty()) {
            reason += "; " + ranking.excluded().size() + " left out by your guidance "
                    + ranking.excluded().stream().map(e -> "'" + e.rule().guidance() + "'").distinct().collect(Collectors.joining(", "));
        }
        return new ItemPlan(item.id(), text, item.quantity(), ItemStatus.PROPOSED, reason, candidates);
    }

    private static Candidate candidate(RankedProduct ranked) {
        Product p = ranked.product();
        return new Candidate(p.productId(), p.upc(), p.description(), p.brand(), p.size(), p.price(), ranked.score(),
                ranked.reasons());
    }

    private static String notSearched(ProviderException failure) {
        String when = failure.retryAfter().map(d -> "try again in " + Math.max(1, d.toSeconds()) + " s").orElse("try again later");
        return switch (failure.failure()) {
            case RATE_LIMITED -> "not searched: the catalog's request quota is spent for now; " + when;
            case TIMED_OUT -> "not searched: the catalog did not answer in time; " + when;
            default -> "not searched: the catalog could not be asked (" + failure.failure().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + "); " + when;
        };
    }
}

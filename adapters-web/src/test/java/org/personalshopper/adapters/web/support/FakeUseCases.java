package org.personalshopper.adapters.web.support;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.personalshopper.application.port.in.AuthenticateShopper;
import org.personalshopper.application.port.in.CheckReadiness;
import org.personalshopper.application.port.in.ChoosePreferredStore;
import org.personalshopper.application.port.in.ChoosePreferredStore.StoreChosen;
import org.personalshopper.application.port.in.FillCart;
import org.personalshopper.application.port.in.FindStores;
import org.personalshopper.application.port.in.LimitReachedException;
import org.personalshopper.application.port.in.ManageGuidance;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.ConnectionStatus;
import org.personalshopper.application.port.in.ListProviders;
import org.personalshopper.application.port.in.ManageConnections;
import org.personalshopper.application.port.in.ManageSelections;
import org.personalshopper.application.port.in.SearchProducts;
import org.personalshopper.application.port.in.SignInFailedException;
import org.personalshopper.application.port.in.ViewShopper;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.domain.StoreQuery;
import org.personalshopper.domain.Address;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.Fulfillment;
import org.personalshopper.domain.GeoPoint;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.GuidanceText;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.Price;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ReturnPath;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StockLevel;
import org.personalshopper.domain.Store;
import org.personalshopper.domain.StoreLocationId;
import org.personalshopper.domain.Upc;

/**
 * In-memory stand-ins for every use case the web adapter calls, with knobs for the failures to simulate
 * and counters of the writes, so tests can tell that an invalid request never reached a use case.
 */
public final class FakeUseCases {
    public final Auth auth = new Auth();
    public final Shoppers shoppers = new Shoppers();
    public final GuidanceBook guidanceBook = new GuidanceBook();
    public final Selections selectionBook = new Selections();
    public final Catalog catalog = new Catalog();
    public final CartFiller cart = new CartFiller();
    public final Readiness readiness = new Readiness();
    public final Providers providers = new Providers();
    public final Connections connections = new Connections();
    /** Records (and may stall) every use case that may call a provider; shared with {@link FakeListUseCases}. */
    public final ProviderCalls providerCalls = new ProviderCalls();

    public static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    public static final ShopperId SHOPPER = new ShopperId(UUID.fromString("11111111-2222-3333-4444-555555555555"));
    public static final String SESSION = "session-of-the-signed-in-shopper-0123456789abcdef";
    public static final String LOGIN_BINDING = "login-binding-0123456789abcdef";
    public static final String ACCESS_TOKEN = "access-token-that-must-never-leak";

    /** Session id -> shopper. */
    public final Map<String, ShopperId> sessions = new ConcurrentHashMap<>();
    public final List<String> signedOut = new CopyOnWriteArrayList<>();
    public final List<ShopperId> signedOutEverywhere = new CopyOnWriteArrayList<>();
    public volatile AuthenticateShopper.BeginLogin lastBeginLogin;
    public volatile AuthenticateShopper.CompleteLogin lastCompleteLogin;
    public volatile RuntimeException completeLoginFailure;
    private final AtomicInteger sessionCounter = new AtomicInteger();

    public volatile Shopper shopper;
    /** The shopper's connections, oldest first. */
    public final List<ConnectionStatus> connectionList = new CopyOnWriteArrayList<>();
    public volatile List<ListProviders.ProviderOffer> configuredProviders = List.of();
    public final List<String> disconnected = new CopyOnWriteArrayList<>();
    public volatile boolean accountDeleted;
    public volatile RuntimeException chooseFailure;
    public volatile RuntimeException viewFailure;
    /** Thrown when a session is looked up: the database is down before any resource runs. */
    public volatile RuntimeException identifyFailure;
    public final List<Guidance> guidance = new CopyOnWriteArrayList<>();
    public final Map<String, Selection> selections = new ConcurrentHashMap<>();
    public volatile int guidanceLimit = Guidance.MAX_PER_SHOPPER;
    public volatile RuntimeException searchFailure;
    public volatile List<Product> products = List.of();
    public volatile List<Store> stores = List.of();
    public volatile ProductQuery lastProductQuery;
    public volatile StoreQuery lastStoreQuery;
    /** Decides what a cart submission becomes; default: added. */
    public volatile Function<CartSubmission, FillCart.CartResult> cartOutcome = s -> new FillCart.CartResult(s.added(NOW), false);
    public volatile RuntimeException cartFailure;
    public volatile FillCart.FillCartCommand lastCart;
    public final List<CartSubmission> cartHistory = new CopyOnWriteArrayList<>();
    public volatile boolean ready = true;

    /** Every call of a use-case method that changes stored data (or the grocer's cart). */
    public final AtomicInteger writes = new AtomicInteger();

    public FakeUseCases() {
        reset();
    }

    public void reset() {
        providerCalls.reset();
        sessions.clear();
        sessions.put(SESSION, SHOPPER);
        signedOut.clear();
        signedOutEverywhere.clear();
        lastBeginLogin = null;
        lastCompleteLogin = null;
        completeLoginFailure = null;
        shopper = new Shopper(SHOPPER, Optional.empty(), Instant.parse("2026-01-02T03:04:05Z"));
        connectionList.clear();
        connectionList.add(new ConnectionStatus(new Provider("kroger"), new ProfileId("profile-7a1b"), true,
                Optional.of(NOW.plusSeconds(1800))));
        configuredProviders = List.of(
                new ListProviders.ProviderOffer(new Provider("kroger"), java.util.EnumSet.allOf(org.personalshopper.domain.Capability.class)),
                new ListProviders.ProviderOffer(new Provider("foodin"), java.util.EnumSet.of(org.personalshopper.domain.Capability.SIGN_IN)));
        disconnected.clear();
        accountDeleted = false;
        chooseFailure = null;
        viewFailure = null;
        identifyFailure = null;
        guidance.clear();
        selections.clear();
        guidanceLimit = Guidance.MAX_PER_SHOPPER;
        searchFailure = null;
        products = List.of(sampleProduct());
        stores = List.of(sampleStore());
        lastProductQuery = null;
        lastStoreQuery = null;
        cartOutcome = s -> new FillCart.CartResult(s.added(NOW), false);
        cartFailure = null;
        lastCart = null;
        cartHistory.clear();
        ready = true;
        writes.set(0);
    }

    public static Product sampleProduct() {
        return new Product(new ProductId("0001111041700"), new Upc("0001111041700"), "Kroger 2% Reduced Fat Milk",
                Optional.of("Kroger"), Optional.of("1 gal"),
                Optional.of(new Price(new BigDecimal("3.49"), Optional.of(new BigDecimal("2.99")))),
                Optional.of(new Fulfillment(true, true, false, false)), Optional.of(StockLevel.HIGH),
                Optional.of(URI.create("https://images.example/milk-front-medium.jpg")));
    }

    public static Store sampleStore() {
        return new Store(new StoreLocationId("01400943"), "KROGER", "Kroger Blue Ash",
                new Address("4100 Hunt Rd", Optional.empty(), "Blue Ash", "OH", "45236"),
                Optional.of(new GeoPoint(39.2, -84.4)), Optional.of("5137910950"));
    }

    /** Sign-in and token status. */
    public final class Auth implements AuthenticateShopper {
        @Override
        public LoginRedirect beginLogin(BeginLogin command) {
            lastBeginLogin = command;
            if (command.banner().isPresent() && command.banner().get().name().equals("notabanner")) {
                throw new InvalidValueException("banner", "must be one of Kroger's banners");
            }
            return new LoginRedirect(URI.create("https://api.kroger.test/v1/connect/oauth2/authorize?client_id=app&state=s1"),
                    LOGIN_BINDING, NOW.plusSeconds(600));
        }

        @Override
        public SignedIn completeLogin(CompleteLogin command) {
            providerCalls.enter("AuthenticateShopper.completeLogin");
            lastCompleteLogin = command;
            if (completeLoginFailure != null) {
                throw completeLoginFailure;
            }
            if (!command.browserBinding().equals(Optional.of(LOGIN_BINDING)) || command.state().isEmpty()) {
                throw new SignInFailedException(SignInFailedException.Reason.INVALID_STATE, "state not bound to this browser");
            }
            writes.incrementAndGet();
            String session = "new-session-" + sessionCounter.incrementAndGet() + "-0123456789abcdef";
            sessions.put(session, SHOPPER);
            return new SignedIn(session, SHOPPER, new ReturnPath("/lists"), NOW.plusSeconds(3600));
        }

        @Override
        public Optional<ShopperId> identify(String sessionId) {
            if (identifyFailure != null) {
                throw identifyFailure;
            }
            return Optional.ofNullable(sessions.get(sessionId));
        }

        @Override
        public void signOut(String sessionId) {
            writes.incrementAndGet();
            signedOut.add(sessionId);
            sessions.remove(sessionId);
        }

        @Override
        public void signOutEverywhere(String sessionId) {
            writes.incrementAndGet();
            ShopperId shopper = sessions.get(sessionId);
            if (shopper != null) {
                signedOutEverywhere.add(shopper);
                sessions.values().removeIf(shopper::equals);
            }
        }

        /** The shopper's provider connections, as the use cases report them. */
        public List<ConnectionStatus> status(ShopperId shopperId) {
            return List.copyOf(connectionList);
        }
    }

    public final class Providers implements ListProviders {
        @Override
        public List<ProviderOffer> providers() {
            return configuredProviders;
        }
    }

    /** Disconnect and delete, with the rules of the real service: 404 when not connected, 409 for the last. */
    public final class Connections implements ManageConnections {
        @Override
        public void disconnect(ShopperId shopperId, Provider provider) {
            writes.incrementAndGet();
            if (connectionList.stream().noneMatch(c -> c.provider().equals(provider))) {
                throw new NotFoundException("connection");
            }
            if (connectionList.size() == 1) {
                throw new org.personalshopper.application.port.in.ConnectionConflictException(
                        org.personalshopper.application.port.in.ConnectionConflictException.Reason.LAST_CONNECTION, provider);
            }
            connectionList.removeIf(c -> c.provider().equals(provider));
            disconnected.add(provider.name());
        }

        @Override
        public void deleteAccount(ShopperId shopperId) {
            writes.incrementAndGet();
            accountDeleted = true;
            sessions.values().removeIf(shopperId::equals);
        }
    }

    public final class Shoppers implements ViewShopper, ChoosePreferredStore {
        @Override
        public ShopperView view(ShopperId shopperId) {
            if (viewFailure != null) {
                throw viewFailure;
            }
            return new ShopperView(shopper, auth.status(shopperId));
        }

        @Override
        public StoreChosen choose(ShopperId shopperId, StoreLocationId locationId) {
            providerCalls.enter("ChoosePreferredStore.choose");
            writes.incrementAndGet();
            if (chooseFailure != null) {
                throw chooseFailure;
            }
            shopper = shopper.withPreferredLocation(locationId);
            return new StoreChosen(shopper, auth.status(shopperId));
        }
    }

    public final class GuidanceBook implements ManageGuidance {
        @Override
        public List<Guidance> list(ShopperId shopperId) {
            return guidance.stream().filter(g -> g.shopperId().equals(shopperId)).toList();
        }

        @Override
        public Guidance add(ShopperId shopperId, GuidanceText text) {
            writes.incrementAndGet();
            if (list(shopperId).size() >= guidanceLimit) {
                throw new LimitReachedException("at most " + guidanceLimit + " guidance entries");
            }
            Guidance added = new Guidance(GuidanceId.random(), shopperId, text, NOW);
            guidance.add(added);
            return added;
        }

        @Override
        public void remove(ShopperId shopperId, GuidanceId id) {
            writes.incrementAndGet();
            if (!guidance.removeIf(g -> g.id().equals(id) && g.shopperId().equals(shopperId))) {
                throw new NotFoundException("guidance");
            }
        }
    }

    public final class Selections implements ManageSelections {
        @Override
        public SaveResult save(SaveSelectionCommand command) {
            writes.incrementAndGet();
            Selection earlier = selections.get(command.item().key());
            Selection saved = new Selection(earlier == null ? SelectionId.random() : earlier.id(), command.shopperId(),
                    command.item(), command.productId(), command.upc(), command.description(), command.brand(),
                    command.size(), command.quantity(), earlier == null ? NOW : earlier.createdAt(), NOW);
            selections.put(command.item().key(), saved);
            return new SaveResult(saved, earlier == null);
        }

        @Override
        public List<Selection> list(ShopperId shopperId) {
            return selections.values().stream().filter(s -> s.shopperId().equals(shopperId))
                    .sorted(Comparator.comparing(s -> s.item().key())).toList();
        }

        @Override
        public void remove(ShopperId shopperId, SelectionId id) {
            writes.incrementAndGet();
            if (!selections.values().removeIf(s -> s.id().equals(id) && s.shopperId().equals(shopperId))) {
                throw new NotFoundException("selection");
            }
        }
    }

    public final class Catalog implements SearchProducts, FindStores {
        @Override
        public ProductPage search(ShopperId shopperId, ProductQuery query) {
            providerCalls.enter("SearchProducts.search");
            lastProductQuery = query;
            if (searchFailure != null) {
                throw searchFailure;
            }
            return new ProductPage(products, query.start(), query.limit(), 42);
        }

        @Override
        public Product find(ShopperId shopperId, ProductId productId, Optional<StoreLocationId> locationId) {
            providerCalls.enter("SearchProducts.find");
            if (searchFailure != null) {
                throw searchFailure;
            }
            return products.stream().filter(p -> p.productId().equals(productId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("product"));
        }

        @Override
        public List<Store> find(StoreQuery query) {
            providerCalls.enter("FindStores.find");
            lastStoreQuery = query;
            if (searchFailure != null) {
                throw searchFailure;
            }
            return stores;
        }
    }

    public final class CartFiller implements FillCart {
        @Override
        public CartResult add(FillCartCommand command) {
            providerCalls.enter("FillCart.add");
            writes.incrementAndGet();
            lastCart = command;
            if (cartFailure != null) {
                throw cartFailure;
            }
            var items = command.items().isEmpty()
                    ? List.of(new org.personalshopper.domain.CartItem(new Upc("0001111041700"),
                            new org.personalshopper.domain.Quantity(1), command.selectionModality()))
                    : command.items();
            CartSubmission pending = CartSubmission.pending(command.shopperId(), command.idempotencyKey(), items, NOW);
            CartResult result = cartOutcome.apply(pending);
            cartHistory.add(0, result.submission());
            return result;
        }

        @Override
        public List<CartSubmission> history(ShopperId shopperId) {
            return new ArrayList<>(cartHistory);
        }
    }

    public final class Readiness implements CheckReadiness {
        @Override
        public boolean ready() {
            return ready;
        }
    }
}

package org.personalshopper.bootstrap;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.personalshopper.application.port.in.AuthenticateShopper;
import org.personalshopper.application.port.in.CheckReadiness;
import org.personalshopper.application.port.in.ChoosePreferredStore;
import org.personalshopper.application.port.in.ChooseProductForItem;
import org.personalshopper.application.port.in.FillCart;
import org.personalshopper.application.port.in.FindStores;
import org.personalshopper.application.port.in.ListProviders;
import org.personalshopper.application.port.in.ManageConnections;
import org.personalshopper.application.port.in.ManageGuidance;
import org.personalshopper.application.port.in.ManageSelections;
import org.personalshopper.application.port.in.ManageShoppingLists;
import org.personalshopper.application.port.in.PlanShoppingList;
import org.personalshopper.application.port.in.SearchProducts;
import org.personalshopper.application.port.in.SendListToCart;
import org.personalshopper.application.port.in.TemporarilyUnavailableException;
import org.personalshopper.application.port.in.UseCaseException;
import org.personalshopper.application.port.in.ViewShopper;
import org.personalshopper.application.port.out.StorageUnavailableException;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.Guidance;
import org.personalshopper.domain.GuidanceId;
import org.personalshopper.domain.GuidanceText;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListId;
import org.personalshopper.domain.Store;
import org.personalshopper.domain.StoreLocationId;
import org.personalshopper.domain.StoreQuery;

/**
 * Gives every use case the outcome {@link TemporarilyUnavailableException} when the storage ports report
 * an outage ({@link StorageUnavailableException}, a driven-side type the driving side must not see). An
 * outage can strike any method of any use case, so it is translated once, around each use case as it is
 * bound, instead of in every service; any other failure passes through as it was.
 *
 * <p>Written out per port rather than as a dynamic proxy: the proxy's reflective call and argument array
 * cost about 1 % of every request's CPU (docs/benchmarks.md). {@code UseCaseOutagesTest} checks that each
 * wrapper overrides every method of its port, default methods included, so none bypasses the translation.
 */
final class UseCaseOutages {
    /** A database restart takes seconds; readiness polls are the better signal for a load balancer. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private UseCaseOutages() {
    }

    /** {@code failure} as the use case's outcome: an outage found in its causes, or itself. */
    static RuntimeException outcome(RuntimeException failure) {
        if (failure instanceof UseCaseException) {
            return failure;
        }
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
            if (t instanceof StorageUnavailableException outage) {
                return new TemporarilyUnavailableException(outage.getMessage(), RETRY_AFTER, failure);
            }
        }
        return failure;
    }

    record Authenticate(AuthenticateShopper useCase) implements AuthenticateShopper {
        @Override
        public LoginRedirect beginLogin(BeginLogin command) {
            try {
                return useCase.beginLogin(command);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public SignedIn completeLogin(CompleteLogin command) {
            try {
                return useCase.completeLogin(command);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public Optional<ShopperId> identify(String sessionId) {
            try {
                return useCase.identify(sessionId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public void signOut(String sessionId) {
            try {
                useCase.signOut(sessionId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public void signOutEverywhere(String sessionId) {
            try {
                useCase.signOutEverywhere(sessionId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record View(ViewShopper useCase) implements ViewShopper {
        @Override
        public ShopperView view(ShopperId shopperId) {
            try {
                return useCase.view(shopperId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record Providers(ListProviders useCase) implements ListProviders {
        @Override
        public List<ProviderOffer> providers() {
            try {
                return useCase.providers();
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record Connections(ManageConnections useCase) implements ManageConnections {
        @Override
        public void disconnect(ShopperId shopperId, Provider provider) {
            try {
                useCase.disconnect(shopperId, provider);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public void deleteAccount(ShopperId shopperId) {
            try {
                useCase.deleteAccount(shopperId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record PreferredStore(ChoosePreferredStore useCase) implements ChoosePreferredStore {
        @Override
        public StoreChosen choose(ShopperId shopperId, StoreLocationId locationId) {
            try {
                return useCase.choose(shopperId, locationId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record Guidances(ManageGuidance useCase) implements ManageGuidance {
        @Override
        public List<Guidance> list(ShopperId shopperId) {
            try {
                return useCase.list(shopperId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public Guidance add(ShopperId shopperId, GuidanceText text) {
            try {
                return useCase.add(shopperId, text);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public void remove(ShopperId shopperId, GuidanceId id) {
            try {
                useCase.remove(shopperId, id);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record Selections(ManageSelections useCase) implements ManageSelections {
        @Override
        public SaveResult save(SaveSelectionCommand command) {
            try {
                return useCase.save(command);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public List<Selection> list(ShopperId shopperId) {
            try {
                return useCase.list(shopperId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public void remove(ShopperId shopperId, SelectionId id) {
            try {
                useCase.remove(shopperId, id);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record Search(SearchProducts useCase) implements SearchProducts {
        @Override
        public ProductPage search(ShopperId shopperId, ProductQuery query) {
            try {
                return useCase.search(shopperId, query);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public Product find(ShopperId shopperId, ProductId productId, Optional<StoreLocationId> locationId) {
            try {
                return useCase.find(shopperId, productId, locationId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record Stores(FindStores useCase) implements FindStores {
        @Override
        public List<Store> find(StoreQuery query) {
            try {
                return useCase.find(query);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record Cart(FillCart useCase) implements FillCart {
        @Override
        public CartResult add(FillCartCommand command) {
            try {
                return useCase.add(command);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public List<CartSubmission> history(ShopperId shopperId) {
            try {
                return useCase.history(shopperId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record Readiness(CheckReadiness useCase) implements CheckReadiness {
        @Override
        public boolean ready() {
            try {
                return useCase.ready();
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record Lists(ManageShoppingLists useCase) implements ManageShoppingLists {
        @Override
        public ShoppingList create(CreateList command) {
            try {
                return useCase.create(command);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public List<ShoppingList> lists(ShopperId shopperId) {
            try {
                return useCase.lists(shopperId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public ShoppingList list(ShopperId shopperId, ShoppingListId listId) {
            try {
                return useCase.list(shopperId, listId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public ShoppingList rename(RenameList command) {
            try {
                return useCase.rename(command);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public void delete(ShopperId shopperId, ShoppingListId listId) {
            try {
                useCase.delete(shopperId, listId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public ListItem addItem(AddItem command) {
            try {
                return useCase.addItem(command);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public ShoppingList changeItem(ChangeItem command) {
            try {
                return useCase.changeItem(command);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public void removeItem(ShopperId shopperId, ShoppingListId listId, ListItemId itemId) {
            try {
                useCase.removeItem(shopperId, listId, itemId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record Plan(PlanShoppingList useCase) implements PlanShoppingList {
        @Override
        public ListPlan plan(PlanCommand command) {
            try {
                return useCase.plan(command);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record ProductChoice(ChooseProductForItem useCase) implements ChooseProductForItem {
        @Override
        public Selection choose(ChooseProduct command) {
            try {
                return useCase.choose(command);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }

        @Override
        public void forget(ShopperId shopperId, ShoppingListId listId, ListItemId itemId) {
            try {
                useCase.forget(shopperId, listId, itemId);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }

    record ListSending(SendListToCart useCase) implements SendListToCart {
        @Override
        public ListSent send(SendList command) {
            try {
                return useCase.send(command);
            } catch (RuntimeException e) {
                throw outcome(e);
            }
        }
    }
}

package org.personalshopper.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.personalshopper.application.port.in.FillCart;
import org.personalshopper.application.port.in.ProviderConnectionUnavailableException;
import org.personalshopper.application.port.in.IdempotencyConflictException;
import org.personalshopper.application.port.in.IdempotencyKeyReusedException;
import org.personalshopper.application.port.in.NotFoundException;

import org.personalshopper.application.port.in.ConnectionRequiredException;
import org.personalshopper.application.port.in.NotOfferedException;
import org.personalshopper.application.port.in.SignInRequiredException;
import org.personalshopper.application.port.out.ConfiguredProvider;
import org.personalshopper.application.port.out.ProviderRegistry;
import org.personalshopper.application.port.out.Cart;
import org.personalshopper.application.port.out.CartSubmissionRepository;
import org.personalshopper.application.port.out.Clock;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.SelectionRepository;
import org.personalshopper.domain.Capability;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.CartRequest;
import org.personalshopper.domain.CartOutcome;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;

/**
 * Adds to the shopper's grocer cart at most once. The grocer's cart is add-only and an add sent twice raises
 * the quantity, so: every submission is recorded before it is sent, an idempotency key answers the first
 * result again for 24 hours, and an add is never repeated after a failure that may have landed. The one
 * repeat allowed is after a 401, which means the grocer added nothing.
 */
public final class FillCartService implements FillCart {
    /** How long an idempotency key answers with its first result. */
    public static final Duration KEY_VALIDITY = Duration.ofHours(24);
    public static final int HISTORY_LIMIT = 100;
    private static final int MAX_DETAIL = 300;

    private final SelectionRepository selections;
    private final CartSubmissionRepository submissions;
    private final ProviderRegistry providers;
    private final FreshAccessTokens freshTokens;
    private final Clock clock;

    public FillCartService(SelectionRepository selections, CartSubmissionRepository submissions,
                           ProviderRegistry providers, FreshAccessTokens freshTokens, Clock clock) {
        this.selections = Objects.requireNonNull(selections, "selections");
        this.submissions = Objects.requireNonNull(submissions, "submissions");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.freshTokens = Objects.requireNonNull(freshTokens, "freshTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CartResult add(FillCartCommand command) {
        Objects.requireNonNull(command, "command");
        List<CartItem> items = itemsToAdd(command);
        ConfiguredProvider withCart = providers.offering(Capability.CART)
                .orElseThrow(() -> new NotOfferedException(Capability.CART, Optional.empty()));
        // Checked before anything is recorded: without a connection there is nothing to send, nothing to remember.
        if (!freshTokens.hasConnection(command.shopperId(), withCart.provider())) {
            throw new ConnectionRequiredException(withCart.provider(), Capability.CART);
        }
        Cart cart = withCart.cart().orElseThrow();

        Instant now = clock.now();
        CartSubmission pending = CartSubmission.pending(command.shopperId(), command.idempotencyKey(), items, now);
        String fingerprint = RequestFingerprint.of(command);
        Optional<CartSubmissionRepository.EarlierUse> earlier = submissions.startUnlessKeyUsed(pending, fingerprint,
                now.minus(KEY_VALIDITY));
        if (earlier.isPresent()) {
            if (!earlier.get().sameRequestAs(fingerprint)) {
                throw new IdempotencyKeyReusedException();
            }
            if (earlier.get().submission().outcome() == CartOutcome.PENDING) {
                throw new IdempotencyConflictException();
            }
            return new CartResult(earlier.get().submission(), true);
        }
        return send(pending, withCart.provider(), cart);
    }

    @Override
    public List<CartSubmission> history(ShopperId shopperId) {
        return submissions.history(shopperId, HISTORY_LIMIT);
    }

    private CartResult send(CartSubmission pending, Provider provider, Cart cart) {
        CartSubmission completed;
        try {
            // Refreshes before the call when needed; a 401 gets one refresh and one more try (nothing was added).
            freshTokens.withFreshToken(pending.shopperId(), provider, Capability.CART, token -> {
                try {
                    cart.add(pending.items(), token);
                    return null;
                } catch (ProviderException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new FailedWhileSending(e);
                }
            });
            completed = pending.added(clock.now());
        } catch (ProviderException e) {
            completed = pending.failedWith(e.failure(), safe(e.reason()), clock.now());
        } catch (SignInRequiredException | ConnectionRequiredException e) {
            // Raised only by a refresh, before anything was sent or after a 401: nothing landed.
            submissions.complete(pending.failedBeforeSending(Optional.of(ProviderFailure.UNAUTHORIZED),
                    "sign-in with the grocer is required again", clock.now()));
            throw e;
        } catch (ProviderConnectionUnavailableException e) {
            Optional<ProviderFailure> why = e.getCause() instanceof ProviderException p ? Optional.of(p.failure()) : Optional.empty();
            submissions.complete(pending.failedBeforeSending(why,
                    "the grocer could not be reached to renew the sign-in", clock.now()));
            throw e;
        } catch (FailedWhileSending e) {
            submissions.complete(pending.unknown("the add failed while being sent", clock.now()));
            throw e.getCause();
        } catch (RuntimeException e) {
            // Something of ours broke around the send: we cannot tell whether the grocer received it.
            submissions.complete(pending.unknown("the add failed unexpectedly", clock.now()));
            throw e;
        }
        submissions.complete(completed);
        return new CartResult(completed, false);
    }

    private List<CartItem> itemsToAdd(FillCartCommand command) {
        CartRequest request = new CartRequest(command.items(), command.selectionIds());
        if (!request.bySelections()) {
            return request.items();
        }
        Set<SelectionId> wanted = new LinkedHashSet<>(request.selectionIds());
        Map<SelectionId, Selection> found = selections.find(command.shopperId(), wanted).stream()
                .filter(s -> s.shopperId().equals(command.shopperId()))
                .collect(Collectors.toMap(Selection::id, Function.identity(), (a, b) -> a));
        if (!found.keySet().containsAll(wanted)) {
            throw new NotFoundException("selection");
        }
        return wanted.stream()
                .map(found::get)
                .map(s -> new CartItem(s.upc(), s.quantity(), command.selectionModality()))
                .toList();
    }

    private static String safe(String reason) {
        String text = reason.isBlank() ? "the grocer refused the add" : reason.strip();
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) : text;
    }

    /** Marks a failure of ours raised while the add was being sent, so it is recorded as UNKNOWN. */
    private static final class FailedWhileSending extends RuntimeException {
        FailedWhileSending(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}

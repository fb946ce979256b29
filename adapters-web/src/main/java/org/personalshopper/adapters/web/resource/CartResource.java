package org.personalshopper.adapters.web.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.glassfish.jersey.server.ManagedAsync;
import org.personalshopper.adapters.web.problem.ProviderProblems;
import org.personalshopper.adapters.web.problem.Problem;
import org.personalshopper.adapters.web.problem.ProblemType;
import org.personalshopper.adapters.web.session.SessionRequired;
import org.personalshopper.adapters.web.session.ShopperPrincipal;
import org.personalshopper.application.port.in.FillCart;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.IdempotencyKey;
import org.personalshopper.domain.Modality;
import org.personalshopper.domain.ProviderFailure;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.Upc;

/** Adds to the shopper's grocer cart, at most once, and shows what was sent. */
@Path("/api/cart")
@SessionRequired
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public class CartResource {
    private final FillCart fillCart;

    @Inject
    public CartResource(FillCart fillCart) {
        this.fillCart = fillCart;
    }

    public record CartItemBody(String upc, Integer quantity, String modality) {
    }

    /** Either {@code items}, or {@code selectionIds} (with {@code modality} for all of them, default PICKUP). */
    public record CartBody(List<CartItemBody> items, List<String> selectionIds, String modality) {
    }

    public record CartItemJson(String upc, int quantity, String modality) {
    }

    public record SubmissionJson(String id, Instant submittedAt, Instant completedAt, String outcome,
                                 List<CartItemJson> items, String detail) {
        static SubmissionJson of(CartSubmission s) {
            return new SubmissionJson(s.id().toString(), s.submittedAt(), s.completedAt().orElse(null),
                    s.outcome().name().toLowerCase(Locale.ROOT),
                    s.items().stream().map(i -> new CartItemJson(i.upc().value(), i.quantity().value(), i.modality().name()))
                            .toList(),
                    s.detail().orElse(null));
        }
    }

    /**
     * 204 when the grocer took the items (a replay of that answers 204 again). A failure says why; an
     * unknown outcome says so plainly, because retrying blindly could add the items twice.
     */
    @ManagedAsync // may call a provider: runs on the provider threads (ADR 10)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Context SecurityContext security, @HeaderParam("Idempotency-Key") String idempotencyKey,
                        CartBody body) {
        CartBody b = Fields.body(body);
        Fields fields = new Fields();
        Optional<IdempotencyKey> key = idempotencyKey == null ? Optional.empty()
                : Optional.ofNullable(fields.check("Idempotency-Key", () -> new IdempotencyKey(idempotencyKey)));
        Modality defaultModality = b.modality() == null ? Modality.PICKUP
                : Optional.ofNullable(fields.check("modality", () -> Modality.parse(b.modality()))).orElse(Modality.PICKUP);
        List<CartItem> items = new ArrayList<>();
        List<SelectionId> selectionIds = new ArrayList<>();
        boolean hasItems = b.items() != null;
        boolean hasSelections = b.selectionIds() != null;
        if (hasItems == hasSelections) {
            fields.fail(hasItems ? "selectionIds" : "$", "give either items or selectionIds");
        } else if (hasItems) {
            items(fields, b.items(), defaultModality, items);
        } else {
            selections(fields, b.selectionIds(), selectionIds);
        }
        fields.throwIfInvalid();
        FillCart.CartResult result = fillCart.add(new FillCart.FillCartCommand(ShopperPrincipal.of(security), key, items,
                selectionIds, defaultModality));
        return answer(result.submission());
    }

    @GET
    @Path("history")
    public Items<SubmissionJson> history(@Context SecurityContext security) {
        return new Items<>(fillCart.history(ShopperPrincipal.of(security)).stream().map(SubmissionJson::of).toList());
    }

    private static void items(Fields fields, List<CartItemBody> raw, Modality defaultModality, List<CartItem> into) {
        if (raw.isEmpty() || raw.size() > CartItem.MAX_ITEMS_PER_ADD) {
            fields.fail("items", "must hold 1 to " + CartItem.MAX_ITEMS_PER_ADD + " items");
            return;
        }
        for (int i = 0; i < raw.size(); i++) {
            CartItemBody item = raw.get(i);
            String at = "items[" + i + "]";
            if (item == null) {
                fields.fail(at, "must be an object");
                continue;
            }
            Upc upc = fields.required(at + ".upc", item.upc(), () -> new Upc(item.upc()));
            Quantity quantity = fields.required(at + ".quantity", item.quantity(), () -> new Quantity(item.quantity()));
            Modality modality = item.modality() == null ? defaultModality
                    : fields.check(at + ".modality", () -> Modality.parse(item.modality()));
            if (upc != null && quantity != null && modality != null) {
                into.add(new CartItem(upc, quantity, modality));
            }
        }
    }

    private static void selections(Fields fields, List<String> raw, List<SelectionId> into) {
        if (raw.isEmpty() || raw.size() > CartItem.MAX_ITEMS_PER_ADD) {
            fields.fail("selectionIds", "must hold 1 to " + CartItem.MAX_ITEMS_PER_ADD + " ids");
            return;
        }
        for (int i = 0; i < raw.size(); i++) {
            String id = raw.get(i);
            String at = "selectionIds[" + i + "]";
            SelectionId parsed = fields.required(at, id, () -> SelectionId.parse(at, id));
            if (parsed != null) {
                if (into.contains(parsed)) {
                    fields.fail(at, "is given twice");
                } else {
                    into.add(parsed);
                }
            }
        }
    }

    static Response answer(CartSubmission submission) {
        return switch (submission.outcome()) {
            case ADDED -> Response.noContent().build();
            case FAILED -> failed(submission).with("submissionId", submission.id().toString()).response();
            case UNKNOWN, PENDING -> unknown(submission).response();
        };
    }

    private static Problem failed(CartSubmission submission) {
        ProviderFailure failure = submission.failure().orElse(ProviderFailure.UNAVAILABLE);
        String reason = submission.detail().orElse("Kroger did not add the items");
        if (failure == ProviderFailure.UNAUTHORIZED) {
            return ProviderProblems.signInRequired();
        }
        if (failure.mayHaveTakenEffect()) {
            return unknown(submission);
        }
        return ProviderProblems.of(failure, reason, Optional.empty());
    }

    private static Problem unknown(CartSubmission submission) {
        ProviderFailure failure = submission.failure().orElse(ProviderFailure.UNAVAILABLE);
        boolean timedOut = failure == ProviderFailure.TIMED_OUT;
        return Problem.of(timedOut ? ProblemType.PROVIDER_TIMEOUT : ProblemType.CART_OUTCOME_UNKNOWN, timedOut ? 504 : 502,
                        "Cart outcome unknown",
                        "The outcome is unknown: Kroger " + (timedOut ? "did not answer in time" : "failed while adding the items")
                                + ", so the items may or may not be in the Kroger cart. Check the Kroger cart before"
                                + " retrying (submission " + submission.id() + ")")
                .with("submissionId", submission.id().toString());
    }
}

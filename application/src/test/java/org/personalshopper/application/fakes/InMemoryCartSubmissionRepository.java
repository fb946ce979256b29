package org.personalshopper.application.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.personalshopper.application.port.out.CartSubmissionRepository;
import org.personalshopper.domain.CartOutcome;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.CartSubmissionId;
import org.personalshopper.domain.ShopperId;

public final class InMemoryCartSubmissionRepository implements CartSubmissionRepository {
    /** What the database keeps of a detail. */
    private static final int DETAIL_MAX = 500;
    private final List<CartSubmission> submissions = new ArrayList<>();
    private final Map<CartSubmissionId, String> fingerprints = new HashMap<>();

    @Override
    public synchronized Optional<EarlierUse> startUnlessKeyUsed(CartSubmission pending, String requestFingerprint,
                                                                Instant keyValidSince) {
        if (pending.idempotencyKey().isPresent()) {
            for (int i = 0; i < submissions.size(); i++) {
                CartSubmission s = submissions.get(i);
                if (s.shopperId().equals(pending.shopperId()) && s.idempotencyKey().equals(pending.idempotencyKey())) {
                    if (!s.submittedAt().isBefore(keyValidSince)) {
                        return Optional.of(new EarlierUse(s, Optional.ofNullable(fingerprints.get(s.id()))));
                    }
                    // Like the database: an expired key is released from the old submission.
                    submissions.set(i, new CartSubmission(s.id(), s.shopperId(), Optional.empty(), s.items(), s.outcome(),
                            s.failure(), s.detail(), s.submittedAt(), s.completedAt()));
                }
            }
        }
        submissions.add(pending);
        fingerprints.put(pending.id(), requestFingerprint);
        return Optional.empty();
    }

    @Override
    public synchronized void complete(CartSubmission completed) {
        if (completed.outcome() == CartOutcome.PENDING) {
            throw new IllegalArgumentException("a completed cart submission needs a final outcome");
        }
        for (int i = 0; i < submissions.size(); i++) {
            CartSubmission s = submissions.get(i);
            // Like the database: only a pending submission of the same shopper completes, once.
            if (s.id().equals(completed.id()) && s.shopperId().equals(completed.shopperId())
                    && s.outcome() == CartOutcome.PENDING) {
                submissions.set(i, new CartSubmission(completed.id(), completed.shopperId(), completed.idempotencyKey(),
                        completed.items(), completed.outcome(), completed.failure(), completed.detail().map(d -> fit(d)),
                        completed.submittedAt(), completed.completedAt()));
                return;
            }
        }
        throw new IllegalStateException("cart submission " + completed.id() + " is not a pending submission of this shopper");
    }

    private static String fit(String detail) {
        if (detail.length() <= DETAIL_MAX) {
            return detail;
        }
        int end = Character.isHighSurrogate(detail.charAt(DETAIL_MAX - 1)) ? DETAIL_MAX - 1 : DETAIL_MAX;
        return detail.substring(0, end);
    }

    @Override
    public synchronized int settleAbandoned(Instant startedBefore, String detail, Instant now) {
        int settled = 0;
        for (int i = 0; i < submissions.size(); i++) {
            CartSubmission s = submissions.get(i);
            if (s.outcome() == CartOutcome.PENDING && s.submittedAt().isBefore(startedBefore)) {
                submissions.set(i, s.unknown(detail, now));
                settled++;
            }
        }
        return settled;
    }

    @Override
    public synchronized List<CartSubmission> history(ShopperId shopperId, int limit) {
        List<CartSubmission> inStartOrder = submissions.stream().filter(s -> s.shopperId().equals(shopperId)).toList();
        List<CartSubmission> newestFirst = new ArrayList<>(inStartOrder);
        java.util.Collections.reverse(newestFirst);
        // Newest first; among equal times the later started first, like the database's sequence.
        return newestFirst.stream().sorted(Comparator.comparing(CartSubmission::submittedAt).reversed())
                .limit(limit).toList();
    }

    public synchronized List<CartSubmission> all() {
        return new ArrayList<>(submissions);
    }
}

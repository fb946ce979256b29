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
    private final List<CartSubmission> submissions = new ArrayList<>();
    private final Map<CartSubmissionId, String> fingerprints = new HashMap<>();

    @Override
    public synchronized Optional<EarlierUse> startUnlessKeyUsed(CartSubmission pending, String requestFingerprint,
                                                                Instant keyValidSince) {
        if (pending.idempotencyKey().isPresent()) {
            Optional<CartSubmission> earlier = submissions.stream()
                    .filter(s -> s.shopperId().equals(pending.shopperId())
                            && s.idempotencyKey().equals(pending.idempotencyKey())
                            && !s.submittedAt().isBefore(keyValidSince))
                    .findFirst();
            if (earlier.isPresent()) {
                return earlier.map(s -> new EarlierUse(s, Optional.ofNullable(fingerprints.get(s.id()))));
            }
        }
        submissions.add(pending);
        fingerprints.put(pending.id(), requestFingerprint);
        return Optional.empty();
    }

    @Override
    public synchronized void complete(CartSubmission completed) {
        for (int i = 0; i < submissions.size(); i++) {
            if (submissions.get(i).id().equals(completed.id())) {
                submissions.set(i, completed);
                return;
            }
        }
        throw new IllegalStateException("completing a submission that was never started");
    }

    @Override
    public synchronized int settleAbandoned(Instant startedBefore, String detail, Instant now) {
        int settled = 0;
        for (int i = 0; i < submissions.size(); i++) {
            CartSubmission s = submissions.get(i);
            if (s.outcome() == CartOutcome.PENDING && s.submittedAt().isBefore(startedBefore)) {
                submissions.set(i, new CartSubmission(s.id(), s.shopperId(), s.idempotencyKey(), s.items(),
                        CartOutcome.UNKNOWN, Optional.empty(), Optional.of(detail), s.submittedAt(), Optional.of(now)));
                settled++;
            }
        }
        return settled;
    }

    @Override
    public synchronized List<CartSubmission> history(ShopperId shopperId, int limit) {
        return submissions.stream().filter(s -> s.shopperId().equals(shopperId))
                .sorted(Comparator.comparing(CartSubmission::submittedAt).reversed())
                .limit(limit).toList();
    }

    public synchronized List<CartSubmission> all() {
        return new ArrayList<>(submissions);
    }
}

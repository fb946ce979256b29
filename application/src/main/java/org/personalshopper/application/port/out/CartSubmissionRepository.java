package org.personalshopper.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.personalshopper.domain.CartSubmission;
import org.personalshopper.domain.ShopperId;

/** The record of every cart submission: history for the shopper, and what makes an idempotency key work. */
public interface CartSubmissionRepository {
    /**
     * Records a pending submission with the fingerprint of the request that asked for it, atomically with the
     * key check: when the same shopper used the same idempotency key on a submission at or after
     * {@code keyValidSince}, that earlier use is returned and nothing is stored; an older use of the key is
     * released so the key can be used again. Keys are per shopper: another shopper's use never matches.
     */
    Optional<EarlierUse> startUnlessKeyUsed(CartSubmission pending, String requestFingerprint, Instant keyValidSince);

    /**
     * An earlier submission under the same key, and the fingerprint of the request that made it (empty for
     * submissions recorded before fingerprints were kept).
     */
    record EarlierUse(CartSubmission submission, Optional<String> requestFingerprint) {
        public EarlierUse {
            java.util.Objects.requireNonNull(submission, "submission");
            java.util.Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        }

        /** True unless the earlier request is known to differ from the one with this fingerprint. */
        public boolean sameRequestAs(String fingerprint) {
            return requestFingerprint.map(fingerprint::equals).orElse(true);
        }
    }

    /** Stores the final outcome of a submission started earlier. */
    void complete(CartSubmission completed);

    /**
     * Settles submissions still PENDING that started before {@code startedBefore}: the service stopped or
     * lost track while sending them, so whether the grocer took them cannot be known. They become UNKNOWN
     * with {@code detail}, completed at {@code now}. Returns how many.
     */
    int settleAbandoned(Instant startedBefore, String detail, Instant now);

    /** The shopper's submissions, newest first, at most {@code limit}. */
    List<CartSubmission> history(ShopperId shopperId, int limit);
}

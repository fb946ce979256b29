package org.personalshopper.application.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.personalshopper.application.port.in.FillCart.FillCartCommand;
import org.personalshopper.domain.CartItem;
import org.personalshopper.domain.SelectionId;

/**
 * What a cart request asked for, reduced to a SHA-256 hex: two bodies that mean the same (whitespace, key
 * order, an explicit default modality) get the same fingerprint, two that ask for different adds do not.
 * Kept with the submission so a reused Idempotency-Key can be told apart from a repeat.
 */
final class RequestFingerprint {
    private RequestFingerprint() {
    }

    static String of(FillCartCommand command) {
        StringBuilder canonical = new StringBuilder();
        if (!command.items().isEmpty()) {
            canonical.append("items");
            for (CartItem item : command.items()) {
                canonical.append('|').append(item.upc().value()).append(',').append(item.quantity().value())
                        .append(',').append(item.modality().name());
            }
        } else {
            canonical.append("selections,").append(command.selectionModality().name());
            for (SelectionId id : command.selectionIds()) {
                canonical.append('|').append(id.value());
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}

package org.personalshopper.adapters.persistence;

import java.util.Set;

/**
 * The database holds tokens encrypted under keys the configured key ring does not have: starting anyway
 * would turn every signed-in shopper's next call into an error, so opening fails instead.
 */
public final class TokenKeyMismatchException extends IllegalStateException {
    public TokenKeyMismatchException(Set<String> missingKeyIds, Set<String> ringKeyIds) {
        super("stored tokens were encrypted with key id(s) " + missingKeyIds + " that the configured token keys "
                + ringKeyIds + " do not include: start with the key they were written with, or give it in "
                + "SHOPPER_TOKEN_KEY_PREVIOUS while rotating");
    }
}
